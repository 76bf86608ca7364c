"""!ask <question>: the best cited excerpts, or a clear "nothing relevant" with suggestions."""

from __future__ import annotations

from bot.answers.citations import excerpt
from bot.answers.model import Answer, Section, Status
from bot.commands.context import Context
from bot.commands.suggest import suggestions
from bot.commands.text_input import echo, fit


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
    query = ctx.engine.query(question)
    if query.empty:
        return Answer(
            "ask",
            f"“{echo(question)}” has only common words",
            Status.USAGE,
            intro="Add a name, place or topic to search for.",
            notes=suggestions(ctx, []),
        )
    hits = ctx.engine.search(query, ctx.settings.answers.top_k)
    if not hits:
        words = [w for c in query.concepts for w in c.words]
        return Answer(
            "ask",
            f"Nothing relevant in the knowledge base for “{echo(question)}”",
            Status.EMPTY,
            notes=notes + suggestions(ctx, words),
        )
    excerpts = [excerpt(ctx.engine.passage(h.passage), h.score) for h in hits]
    return Answer("ask", f"Best excerpts for “{echo(question)}”", sections=[Section(None, excerpts)], notes=notes)
