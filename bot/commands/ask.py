"""!ask <question>: the best cited excerpts, closest matches under a clear label, or "nothing relevant".

A question that is really a command (summarise the article, who are the partners) runs that command
(bot/commands/intent.py). Otherwise sentences are ranked on their own words and their context
(bot/search/rank.py) and the answerability decision (bot/search/answerability.py) picks the reply.
"""

from __future__ import annotations

from bot.answers.citations import excerpt
from bot.answers.model import Answer, Excerpt, Section, Status
from bot.commands.context import Context
from bot.commands.intent import route, routed_answer
from bot.commands.suggest import suggestions
from bot.commands.text_input import echo, fit
from bot.search.answerability import Verdict
from bot.search.answering import Found, answer_question
from bot.search.neardup import collapse
from bot.search.rank import Ranked
from bot.search.traits import BACKREF

SPARE = 3  # extra hits fetched per excerpt, so near-duplicates can fold into one without leaving gaps


def ask(ctx: Context, question: str) -> Answer:
    if not question:
        return Answer(
            "ask",
            "What would you like to know?",
            Status.USAGE,
            intro=f"Ask a question, e.g. `{ctx.prefix}ask Who is the prime minister of Australia?`",
        )
    question, cut = fit(question, ctx.settings.answers.max_query_chars)
    notes = [f"Your question was cut to its first {len(question)} characters."] if cut else []
    found = route(ctx, question)
    if found is not None:
        return routed_answer(ctx, question, found)
    engine = ctx.engine
    query = engine.question(question)
    if query.empty:
        return Answer(
            "ask",
            f"“{echo(question)}” has only common words",
            Status.USAGE,
            intro="Add a name, place or topic to search for.",
            notes=suggestions(ctx, []),
        )
    k = ctx.settings.answers.top_k
    found = answer_question(engine, question, k * SPARE, exclude=engine.junk)
    if found.corrections:
        fixed = ", ".join(f"“{echo(used, 30)}” for “{echo(typed, 30)}”" for typed, used in found.corrections)
        notes.append(f"Searched with {fixed}.")
    verdict, hits = found.verdict, found.hits
    if verdict is Verdict.NOTHING:
        return _nothing(ctx, question, found, notes)
    groups = collapse(hits, lambda h: engine.passage(h.passage).text)[:k]
    sections = [Section(None, [_excerpt(ctx, g.first)], note=_also(ctx, g.first, g.others)) for g in groups]
    title = (
        f"Best excerpts for “{echo(question)}”"
        if verdict is Verdict.CONFIDENT
        else f"Closest matches for “{echo(question)}” — they may not answer the question"
    )
    return Answer("ask", title, sections=sections, notes=notes, data={"answerability": verdict.value})


def _also(ctx: Context, first: Ranked, others: list[Ranked]) -> str | None:
    """ "Also in N documents" for the same words said elsewhere (prepared and delivered remarks, re-issues)."""
    doc = ctx.engine.kb.passage_doc
    elsewhere = {int(doc[h.passage]) for h in others} - {int(doc[first.passage])}
    if not elsewhere:
        return None
    return f"Also in {len(elsewhere)} other document{'s' if len(elsewhere) > 1 else ''}."


def _excerpt(ctx: Context, hit: Ranked) -> Excerpt:
    engine = ctx.engine
    passage = engine.passage(hit.passage)
    lead = None
    if engine.flags[hit.passage] & BACKREF and hit.passage > 0:
        before = engine.passage(hit.passage - 1)
        same = before.document is passage.document and before.sentence.paragraph == passage.sentence.paragraph
        lead = before if same else None
    return excerpt(passage, hit.score, lead)


def _nothing(ctx: Context, question: str, found: Found, notes: list[str]) -> Answer:
    evidence = found.evidence
    if evidence is not None:
        names = evidence.unknown_names or evidence.missing_names
        if names:
            listed = ", ".join(f"“{echo(n, 30)}”" for n in names[:3])
            notes = [f"No document that matches your question mentions {listed}.", *notes]
        elif evidence.after_newest:
            notes = ["That is after the newest document in the knowledge base.", *notes]
    words = [w for c in found.query.concepts for w in c.words]
    return Answer(
        "ask",
        f"Nothing relevant in the knowledge base for “{echo(question)}”",
        Status.EMPTY,
        notes=notes + suggestions(ctx, words),
        data={"answerability": Verdict.NOTHING.value},
    )
