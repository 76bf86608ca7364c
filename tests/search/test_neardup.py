"""Near-duplicate sentences and documents."""

from __future__ import annotations

from bot.search.neardup import collapse, document_groups, jaccard, unique, words

PREPARED = "Iran’s ongoing nuclear advances threaten the region, and we will not allow Iran to get a nuclear weapon."
DELIVERED = "Iran's ongoing nuclear advances threaten the region — and we will not allow Iran to get a nuclear weapon."


def test_prepared_and_delivered_versions_are_one_group() -> None:
    groups = collapse([PREPARED, "Russia attacked Kyiv again overnight.", DELIVERED], str)
    assert [g.first for g in groups] == [PREPARED, "Russia attacked Kyiv again overnight."]
    assert groups[0].others == [DELIVERED] and groups[0].members == [PREPARED, DELIVERED]


def test_different_sentences_on_one_subject_are_kept_apart() -> None:
    a = "China's dangerous behavior in the South China Sea threatens regional stability."
    b = "China's coercion of Taiwan threatens regional stability and peace."
    assert jaccard(words(a), words(b)) < 0.8
    assert unique([a, b], str) == [a, b]


def test_markdown_does_not_hide_a_duplicate() -> None:
    assert (
        jaccard(words("**Russia** invaded [Ukraine](https://x.org) in 2022."), words("Russia invaded Ukraine in 2022."))
        == 1
    )


def test_a_reissued_document_and_an_excerpt_of_a_speech_are_near_duplicates() -> None:
    speech = " ".join(f"Paragraph {i} of the address says the alliance will meet threat number {i}." for i in range(40))
    corrected = speech.replace("threat number 7", "threat number seven")
    excerpt = " ".join(speech.split(".")[:25])
    other = " ".join(f"A different statement about trade item {i} and tariffs on steel." for i in range(40))
    groups = document_groups([speech, other, corrected, excerpt], str)
    assert [g.members for g in groups] == [[speech, corrected, excerpt], [other]]
