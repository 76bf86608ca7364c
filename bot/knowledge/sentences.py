"""Sentence spans with syntok.

Measured against pysbd on abbreviations (U.S., Mr., No., e.g., Jr.), initials, decimals, quotes and
em dashes: both split every case correctly; syntok was twice as fast (63k words: 2.4 s vs 5.1 s) and
reports token offsets directly, so spans map back to the source without re-searching.
"""

from __future__ import annotations

import re

from syntok import segmenter

# Markdown emphasis marks hide a sentence end from syntok ("**Heading.** Text"); they are blanked out
# (same length, so offsets stay true) and never start or end a sentence.
_EMPHASIS_MARK = re.compile(r"\*\*|__")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in `text`, in order."""
    masked = _EMPHASIS_MARK.sub(lambda m: " " * len(m.group()), text)
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(masked):
        for sentence in paragraph:
            tokens = [t for t in sentence if t.value]
            if tokens:
                spans.append((tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)))
    return spans
