"""!threats [anything]: excerpts on threats from or concerning an actor, a name or a theme; alone, the
configured actors and the names the knowledge base ties to threats most often."""

from __future__ import annotations

from bot.answers.citations import excerpt
from bot.answers.model import Answer, Section, Status
from bot.commands.actors import actor_terms
from bot.commands.context import Context
from bot.commands.entity import resolve
from bot.commands.text_input import echo, plural
from bot.search.entities import threat_entities
from bot.search.threat_rank import rank


def threats(ctx: Context, argument: str) -> Answer:
    if not argument:
        return _overview(ctx)
    found = resolve(ctx, argument)
    target = found.target
    if target is None:
        return _unknown(ctx, argument, found.suggestions)
    engine = ctx.engine
    notes = [f"Showing results for **{target.name}** (you typed “{echo(argument)}”)."] if target.corrected else []
    chosen = rank(engine, target.names, target.require, ctx.settings.answers.threats_k)
    data = {"actor": target.key, "entity": target.name}
    if not chosen:
        title = f"No threat-related excerpts mention {echo(target.name)}"
        return Answer("threats", title, Status.EMPTY, notes=notes, data=data)
    excerpts = [excerpt(engine.passage(p)) for p in chosen]
    title = f"Threats: {echo(target.name)}"
    return Answer("threats", title, sections=[Section(None, excerpts)], notes=notes, data=data)


def _unknown(ctx: Context, argument: str, suggestions: list[str]) -> Answer:
    known = ", ".join(ctx.engine.config.actors.actors)
    hint = f"Did you mean **{suggestions[0]}**? " if suggestions else ""
    return Answer(
        "threats",
        f"Nothing in the knowledge base mentions “{echo(argument)}”",
        Status.EMPTY,
        intro=f"{hint}Try an actor ({known}) or any name or theme the documents use.",
    )


def _overview(ctx: Context) -> Answer:
    engine = ctx.engine
    lines, counts = [], {}
    for key, actor in engine.config.actors.actors.items():
        counts[key] = len(engine.index.matching(actor_terms(ctx, key)))
        lines.append(f"{actor.name} — mentioned in {plural(counts[key], 'sentence')} · `{ctx.prefix}threats {key}`")
    others = threat_entities(engine)
    if others:
        lines.append("Also tied to threats in the documents:")
        lines += [
            f"{e.name} — in {plural(e.documents, 'document')} · `{ctx.prefix}threats {e.name.lower()}`" for e in others
        ]
    return Answer(
        "threats",
        "Known actors",
        intro="Pick one, or any name or theme, to see excerpts about the threats it poses or faces.",
        lines=lines,
        data={"actors": counts, "entities": {e.name: e.documents for e in others}},
    )
