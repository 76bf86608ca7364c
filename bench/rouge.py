"""Mean ROUGE-1/2/L F1 with rouge-score (Porter stemming on).

rouge-score's tokenizer splits on anything not [a-z0-9], so BBC references that join sentences with no
space ("time.She said") still tokenise into separate words. ROUGE-L here is summary-level LCS over the
whole text; the BBC references are not in article order, which depresses it for every system.
"""

from __future__ import annotations

from collections.abc import Sequence

from rouge_score import rouge_scorer

TYPES = ("rouge1", "rouge2", "rougeL")


def mean_rouge(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    scorer = rouge_scorer.RougeScorer(list(TYPES), use_stemmer=True)
    totals = dict.fromkeys(TYPES, 0.0)
    for prediction, reference in zip(predictions, references, strict=True):
        for name, score in scorer.score(reference, prediction).items():
            totals[name] += score.fmeasure
    return {name: total / max(len(predictions), 1) for name, total in totals.items()}
