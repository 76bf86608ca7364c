"""Compose a channel's digest from the engine and a state snapshot. Pure: same inputs, same digest.

New documents first, most important first (bot.digest.importance; near-duplicates listed once; none dated
after the digest's date): title, date, link, cited key sentences that pass the quality filter, capped at
`items` with "…and N more"; then, per tracked topic and actor, the best excerpts from the new documents
only. With nothing new: a short digest with one rotating excerpt worth re-reading."""

from __future__ import annotations

import datetime as dt

from bot.answers.citations import excerpt
from bot.answers.model import Answer, Section
from bot.digest.config import DigestChannel
from bot.digest.focus import Focus, actor_focus, focus_passages, topic_focus
from bot.digest.importance import Ranked, rank_documents
from bot.digest.model import Digest, DigestInputs
from bot.digest.rotation import pick_rotating, rotation_key
from bot.engine import Engine
from bot.knowledge.model import Document
from bot.summary.headline import key_sentences

COMMAND = "digest"
LEAD = 30  # key sentences come from a document's first content sentences (news puts the point first) …
MIN_WORDS = 6  # … that are long enough to say something ("Thank you, Madam Vice President." is not)


def day_label(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def moment_label(moment: dt.datetime, channel: DigestChannel) -> str:
    local = moment.astimezone(channel.tz)
    return f"{local:%H:%M} {local.tzname()} on {local:%A} {local.day} {local:%B}"


def compose(engine: Engine, channel: DigestChannel, inputs: DigestInputs) -> Digest:
    docs = new_documents(engine, inputs.new_ids, inputs.local_date)
    later = [d for d in new_documents(engine, inputs.new_ids) if d not in docs]
    if not docs:
        digest = _no_news(engine, channel, inputs)
        digest.answers[0].notes.extend(_later_note(later))
        return digest
    ranked = rank_documents(engine, channel, docs)
    keys = {r.document.id: key_passages(engine, r.document, channel.key_sentences) for r in ranked[: channel.items]}
    first = _new_answer(engine, channel, inputs, ranked, keys)
    first.notes.extend(_later_note(later))
    answers = [first]
    used = {pid for pids in keys.values() for pid in pids}
    focus = _focus_answer(engine, channel, inputs, docs, used)
    if focus.sections:
        answers.append(focus)
    elif focus.notes:
        first.notes.extend(focus.notes)
    return Digest(inputs.channel_id, inputs.local_date, inputs.cutoff, answers)


def new_documents(engine: Engine, ids: tuple[str, ...], day: dt.date | None = None) -> list[Document]:
    """The new documents still in the knowledge base and not dated after `day`, newest first, then by id."""
    docs = [engine.kb.by_id[i] for i in dict.fromkeys(ids) if i in engine.kb.by_id]
    docs = [d for d in docs if day is None or not dated_after(d, day)]
    docs.sort(key=lambda d: d.id)
    return sorted(docs, key=lambda d: d.date or "", reverse=True)


def dated_after(doc: Document, day: dt.date) -> bool:
    """Nothing in a digest is quoted from a document dated after the digest's own date."""
    return bool(doc.date) and str(doc.date)[:10] > day.isoformat()


def key_passages(engine: Engine, doc: Document, n: int) -> list[int]:
    lead = [p for p in engine.kb.passage_ids(doc)[:LEAD] if not engine.junk[p]]
    candidates = [p for p in lead if len(engine.passage(p).text.split()) >= MIN_WORDS]
    return key_sentences(engine, doc, candidates or lead, n) if lead else []


def _title(inputs: DigestInputs) -> str:
    return f"Daily digest · {day_label(inputs.local_date)}"


def _new_answer(
    engine: Engine, channel: DigestChannel, inputs: DigestInputs, ranked: list[Ranked], keys: dict[str, list[int]]
) -> Answer:
    count = f"{len(ranked)} new document{'s' if len(ranked) != 1 else ''}"
    sections = [
        Section(
            f"{r.document.title} ({r.document.date})" if r.document.date else r.document.title,
            [excerpt(engine.passage(p)) for p in keys[r.document.id]],
            note=_note(r),
        )
        for r in ranked[: len(keys)]
    ]
    more = len(ranked) - len(keys)
    notes = [f"…and {more} more new document{'s' if more != 1 else ''}."] if more else []
    data = {"digest": _data(inputs), "documents": [_doc_data(r.document) | _also(r) for r in ranked]}
    intro = f"{count} since {moment_label(inputs.since, channel)}."
    return Answer(COMMAND, _title(inputs), intro=intro, sections=sections, notes=notes, data=data)


def _later_note(later: list[Document]) -> list[str]:
    """New documents dated after the digest's date are named, never quoted."""
    if not later:
        return []
    return ["Also new, dated after today: " + "; ".join(f"{d.title} ({d.date})" for d in later) + "."]


def _note(ranked: Ranked) -> str | None:
    also = "; ".join(f"also published as “{d.title}”" for d in ranked.also)
    return " · ".join(x for x in (ranked.document.url, also) if x) or None


def _also(ranked: Ranked) -> dict[str, object]:
    return {"also": [d.id for d in ranked.also]} if ranked.also else {}


def _focuses(engine: Engine, channel: DigestChannel) -> list[Focus]:
    return [topic_focus(engine, k) for k in channel.topics] + [actor_focus(engine, k) for k in channel.actors]


def _focus_answer(
    engine: Engine, channel: DigestChannel, inputs: DigestInputs, docs: list[Document], used: set[int]
) -> Answer:
    sections: list[Section] = []
    quiet: list[str] = []
    above: list[str] = []
    for focus in _focuses(engine, channel):
        found = focus_passages(engine, focus, docs, channel.per_focus, used)
        fresh = [p for p in found if p not in used][: channel.per_focus]
        used.update(fresh)
        name = focus.heading.split(": ", 1)[1]
        if fresh:
            sections.append(Section(focus.heading, [excerpt(engine.passage(p)) for p in fresh]))
        else:
            (above if found else quiet).append(name)
    notes = [f"Nothing in the new documents on: {', '.join(quiet)}."] if quiet else []
    notes += [f"Only in the sentences quoted above: {', '.join(above)}."] if above else []
    title = "In the new documents: what you track"
    return Answer(COMMAND, title, sections=sections, notes=notes, data={"digest": _data(inputs)})


def _no_news(engine: Engine, channel: DigestChannel, inputs: DigestInputs) -> Digest:
    intro = f"No new documents since {moment_label(inputs.since, channel)}."
    pid = pick_rotating(engine, inputs.channel_id, inputs.local_date, inputs.previous_rotation, inputs.local_date)
    sections = [Section("Worth re-reading", [excerpt(engine.passage(pid))])] if pid is not None else []
    notes = [] if engine.kb.documents else ["The knowledge base is empty."]
    answer = Answer(
        COMMAND, _title(inputs), intro=intro, sections=sections, notes=notes, data={"digest": _data(inputs)}
    )
    rotation = rotation_key(engine, pid) if pid is not None else None
    return Digest(inputs.channel_id, inputs.local_date, inputs.cutoff, [answer], rotation)


def _data(inputs: DigestInputs) -> dict[str, object]:
    return {
        "channel_id": inputs.channel_id,
        "date": inputs.local_date.isoformat(),
        "since": inputs.since.isoformat(),
        "cutoff": inputs.cutoff.isoformat(),
        "new_seen": len(inputs.new_ids),  # first seen in the window (some may be gone)
    }


def _doc_data(doc: Document) -> dict[str, object]:
    return {"id": doc.id, "title": doc.title, "date": doc.date, "url": doc.url}
