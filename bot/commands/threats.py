"""!threats [actor]: excerpts about threats from or concerning an actor; alone, the known actors."""

from __future__ import annotations

from bot.answers.citations import excerpt
from bot.answers.model import Answer, Section, Status
from bot.commands.actors import actor_terms, resolve_actor
from bot.commands.context import Context
from bot.commands.text_input import echo, plural
from bot.search.retrieve import Filters


def threats(ctx: Context, argument: str) -> Answer:
    if not argument:
        return _actor_list(ctx)
    match = resolve_actor(ctx, argument)
    if match.key is None:
        known = ", ".join(ctx.engine.config.actors.actors)
        hint = f" Did you mean **{match.suggestion}**?" if match.suggestion else ""
        return Answer(
            "threats",
            f"Unknown actor “{echo(argument)}”",
            Status.USAGE,
            intro=f"{hint.strip()} Known actors: {known}.".strip(),
        )
    actor = ctx.engine.config.actors.actors[match.key]
    engine = ctx.engine
    names = actor_terms(ctx, match.key)
    threat_terms = engine.terms(engine.config.actors.threat_terms)
    actors = engine.config.actors
    query = engine.query(" ".join([actor.name, *actor.aliases, *actors.threat_terms, *actors.threat_context]))
    hits = engine.search(
        query, ctx.settings.answers.threats_k, min_coverage=0.0, filters=Filters(require=(names, threat_terms))
    )
    notes = [f"Showing results for **{actor.name}** (you typed “{echo(argument)}”)."] if match.corrected else []
    if not hits:
        return Answer("threats", f"No threat-related excerpts mention {actor.name}", Status.EMPTY, notes=notes)
    excerpts = [excerpt(engine.passage(h.passage), h.score) for h in hits]
    return Answer(
        "threats", f"Threats: {actor.name}", sections=[Section(None, excerpts)], notes=notes, data={"actor": match.key}
    )


def _actor_list(ctx: Context) -> Answer:
    engine = ctx.engine
    lines = []
    counts = {}
    for key, actor in engine.config.actors.actors.items():
        counts[key] = len(engine.index.matching(actor_terms(ctx, key)))
        lines.append(f"{actor.name} — mentioned in {plural(counts[key], 'sentence')} · `{ctx.prefix}threats {key}`")
    return Answer(
        "threats",
        "Known actors",
        intro="Pick one to see excerpts about the threats it poses or faces.",
        lines=lines,
        data={"actors": counts},
    )
