"""What a digest says: new documents first with cited sentences, tracked focus from them only, rotation."""

from __future__ import annotations

import datetime as dt

from bot.answers.model import Answer
from bot.digest.compose import compose
from bot.digest.model import DigestInputs
from tests.digest.conftest import NEW, OLD, World, add_docs, channel, utc


def cited(answers: list[Answer]) -> set[str]:
    return {e.citation.document for a in answers for e in a.excerpts}


async def test_first_run_records_everything_as_seen_and_does_not_flood(world: World) -> None:
    add_docs(world.knowledge, NEW)
    service = await world.service(utc("2024-06-03T07:00"))
    await service.tick(utc("2024-06-03T08:00"))
    (_, answers) = world.send.sent[0]
    assert answers[0].intro and answers[0].intro.startswith("No new documents since 09:00 BST on Sunday 2 June")
    assert [s.heading for s in answers[0].sections] == ["Worth re-reading"]


async def test_new_documents_come_first_with_cited_key_sentences(world: World) -> None:
    service = await world.service(utc("2024-06-02T07:00"), channel(topics=["partners"], actors=["china", "russia"]))
    add_docs(world.knowledge, NEW)
    await world.reload(service, utc("2024-06-03T06:00"))
    await service.tick(utc("2024-06-03T08:00"))
    (_, answers) = world.send.sent[0]
    first = answers[0]
    assert first.intro == "2 new documents since 09:00 BST on Sunday 2 June."
    # Drills near Taiwan names China, Japan and Australia, which the channel tracks: it leads
    assert [s.heading for s in first.sections] == ["Drills near Taiwan (2024-06-03)", "Overnight strikes (2024-06-03)"]
    assert [s.note for s in first.sections] == ["https://example.org/drills", "https://example.org/strikes"]
    for section, doc_id in zip(first.sections, ["drills", "strikes"], strict=True):
        assert 1 <= len(section.excerpts) <= 2
        assert {e.citation.document for e in section.excerpts} == {doc_id}
    world.check_verbatim(answers, service.engine)
    assert cited(answers) == {"strikes", "drills"}  # the tracked focus quotes the new documents only


async def test_tracked_topics_and_actors_come_from_the_new_documents_only(world: World) -> None:
    service = await world.service(utc("2024-06-02T07:00"), channel(topics=["partners"], actors=["china", "russia"]))
    add_docs(world.knowledge, {"strikes.md": NEW["strikes.md"]})
    await world.reload(service, utc("2024-06-03T06:00"))
    digest = service.prepare(service.config.channels[0], utc("2024-06-03T08:00"))
    headings = [s.heading for a in digest.answers for s in a.sections]
    assert "Actor: Russia" in headings and "The Kremlin denied" in digest.text
    assert "Nothing in the new documents on: NATO's Indo-Pacific partners, China." in digest.text
    assert cited(digest.answers) == {"strikes"}  # the older documents mention Japan and sanctions on Russia
    world.check_verbatim(digest.answers, service.engine)


async def test_a_focus_found_only_in_the_key_sentences_is_not_called_missing(world: World) -> None:
    service = await world.service(utc("2024-06-02T07:00"), channel(actors=["russia"], key_sentences=3))
    add_docs(world.knowledge, {"strikes.md": NEW["strikes.md"]})
    await world.reload(service, utc("2024-06-03T06:00"))
    digest = service.prepare(service.config.channels[0], utc("2024-06-03T08:00"))
    assert len(digest.answers) == 1
    assert digest.answers[0].notes == ["Only in the sentences quoted above: Russia."]


def test_items_caps_the_documents_shown_and_counts_the_rest(world: World) -> None:
    add_docs(world.knowledge, NEW)
    engine = world.engine()
    ids = ("alliance", "archive/sanctions", "drills", "strikes")
    inputs = DigestInputs(42, dt.date(2024, 6, 5), utc("2024-06-04T08:00"), utc("2024-06-05T08:00"), ids)
    digest = compose(engine, channel(items=2, key_sentences=1), inputs)
    first = digest.answers[0]
    assert [len(s.excerpts) for s in first.sections] == [1, 1]
    assert first.notes == ["…and 2 more new documents."]
    assert first.data["documents"][2]["id"] == "alliance"  # all four are listed for the front end
    assert compose(engine, channel(items=2, key_sentences=1), inputs) == digest  # pure


async def test_no_news_rotates_and_never_repeats_the_previous_excerpt(world: World) -> None:
    service = await world.service(utc("2024-06-01T07:00"))
    shown = []
    for day in range(1, 15):
        await service.tick(utc(f"2024-06-{day:02d}T08:00"))
        digest_answers = world.send.sent[-1][1]
        (excerpt,) = digest_answers[0].excerpts
        shown.append((excerpt.citation.document, excerpt.citation.start))
        world.check_verbatim(digest_answers, service.engine)
    assert len(world.send.sent) == 14
    assert all(a != b for a, b in zip(shown, shown[1:], strict=False))
    assert len(set(shown)) >= 3


async def test_rotation_with_a_single_two_sentence_document_alternates(world: World) -> None:
    for name in OLD:
        (world.knowledge / name).unlink()
    add_docs(
        world.knowledge,
        {"short.md": ("Short", "2024-01-01", "Finland joined NATO in April 2023. Sweden followed in March 2024.")},
    )
    service = await world.service(utc("2024-06-01T07:00"))
    for day in range(1, 6):
        await service.tick(utc(f"2024-06-{day:02d}T08:00"))
    texts = [answers[0].excerpts[0].text for _, answers in world.send.sent]
    assert len(texts) == 5, "one digest a day, each with its re-read excerpt"
    assert all(a != b for a, b in zip(texts, texts[1:], strict=False))


async def test_an_empty_knowledge_base_says_so(world: World) -> None:
    for name in OLD:
        (world.knowledge / name).unlink()
    service = await world.service(utc("2024-06-01T07:00"))
    digest = service.prepare(service.config.channels[0], utc("2024-06-01T08:00"))
    assert digest.answers[0].notes == ["The knowledge base is empty."] and digest.rotation is None
