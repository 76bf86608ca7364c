"""!cite <phrase>: the verbatim sentence containing a phrase, exact first, then fuzzy."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz

from bot.answers.citations import excerpt, quote_line
from bot.answers.model import Answer, Section, Status
from bot.commands.context import Context
from bot.commands.suggest import unknown_word_spellings
from bot.commands.text_input import echo, fit
from bot.search.matchtext import match_key

FUZZY_MIN = 80
MAX_EXACT = 3
PHRASE_LIMIT = 300


def exact_matches(ctx: Context, phrase: str) -> list[int]:
    """Passages containing every index term of the phrase (postings, rarest first), then its match key."""
    engine = ctx.engine
    terms = engine.analyzer.terms(phrase)
    if not terms:
        return []
    lists = sorted((engine.index.postings(t)[0] for t in set(terms)), key=len)
    candidates = lists[0]
    for other in lists[1:]:
        if not len(candidates):
            break
        candidates = np.intersect1d(candidates, other, assume_unique=True)
    return engine.match.containing(phrase, candidates)


def fuzzy_match(ctx: Context, phrase: str) -> tuple[int, float] | None:
    engine = ctx.engine
    corrected = unknown_word_spellings(engine, engine.analyzer.words(phrase), limit=2)
    hits = engine.search(" ".join([phrase, *corrected]), 50, min_coverage=0.0)
    key = match_key(phrase)
    scored = [(h.passage, fuzz.partial_ratio(key, engine.match.key(h.passage))) for h in hits]
    best = max(scored, key=lambda s: s[1], default=None)
    return best if best and best[1] >= FUZZY_MIN else None


def cite(ctx: Context, phrase: str) -> Answer:
    phrase = phrase.strip().strip("\"'“”‘’").strip()
    if not phrase:
        return Answer(
            "cite",
            "Which phrase should I find?",
            Status.USAGE,
            intro=f"Give a few words from the sentence, e.g. `{ctx.prefix}cite joint drills`.",
        )
    phrase, _ = fit(phrase, PHRASE_LIMIT)
    if not ctx.engine.analyzer.terms(phrase):
        return Answer(
            "cite",
            f"“{echo(phrase)}” is too common to pin down",
            Status.USAGE,
            intro="Add a less common word from the sentence.",
        )
    exact = exact_matches(ctx, phrase)
    notes: list[str] = []
    if exact:
        pids = exact[:MAX_EXACT]
        if len(exact) > MAX_EXACT:
            notes.append(f"Found in {len(exact)} sentences; showing the first {MAX_EXACT}. Add words to narrow it.")
    else:
        found = fuzzy_match(ctx, phrase)
        if found is None:
            return Answer(
                "cite",
                f"No sentence contains “{echo(phrase)}”",
                Status.EMPTY,
                notes=[f"Try fewer words, or `{ctx.prefix}ask {echo(phrase, 40)}`."],
            )
        pids = [found[0]]
        notes.append(f"No exact match; this is the closest sentence ({found[1]:.0f}% similar).")
    excerpts = [excerpt(ctx.engine.passage(p)) for p in pids]
    lines = [quote_line(e) + (f"\n{e.citation.quote_url}" if e.citation.quote_url else "") for e in excerpts]
    return Answer(
        "cite",
        f"Citation for “{echo(phrase)}”",
        sections=[Section(None, excerpts)],
        lines=lines,
        notes=notes,
        data={"exact": bool(exact), "quotes": [quote_line(e) for e in excerpts]},
    )
