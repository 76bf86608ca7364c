"""The sentence quality filter: one case per kind of junk, and sentences with substance that must survive."""

from __future__ import annotations

import pytest

from bot.config import Config
from bot.knowledge.memory import document_from_text
from bot.knowledge.quality import QualityFilter

JUNK = {
    "stage": ["(Applause.)", "(The Vice President waves to the crowd.)", "We will win — (applause) — together."],
    "greeting": ["Good evening, everybody.", "Hello, Naval Academy."],
    "thanks": [
        "Thanks, Peter.",
        "Thank you all so much.",
        "I want to thank the Mayor for the warm welcome and hospitality.",
        "And thank you, everyone, for taking time out of your Sunday to join us to preview the summit.",
    ],
    "question": ["Q Will the President call him today?", "So what is the plan for next week?"],
    "chatter": ["Let me answer the second question first.", "Go ahead, Ed."],
    "hypothetical": ["I'm not going to get into hypotheticals about what happens then."],
    "ground_rules": ["This call is embargoed until 6:00 a.m. tomorrow."],
    "legal": [
        "IN WITNESS WHEREOF, I have hereunto set my hand this first day of May, in the year of our Lord.",
        "NOW, THEREFORE, I, JOSEPH R. BIDEN JR., President of the United States, do hereby proclaim Law Day.",
    ],
    "signoff": ["THE WHITE HOUSE, May 1, 2024.", "END 12:45 P.M. EDT"],
    "logistics": ["On Tuesday, the Vice President will travel to Lagos, Nigeria."],
    "bio": [
        "She received her B.A. from Georgetown University.",
        "He is a career member of the Senior Foreign Service.",
    ],
    "link": ["[Read the joint statement here](https://example.org/statement)."],
    "fragment": ["Right.", "Three thousand."],
    "heading": [
        "South Court Auditorium Eisenhower Executive Office Building",
        "MEMORANDUM FOR THE SECRETARY OF DEFENSE",
    ],
    "lead_in": ["The new measures include:"],
}

KEEP = [
    "Russia launched a barrage of missiles at Ukraine's power grid overnight.",
    "I want to thank Poland for delivering tanks to Ukraine's armed forces.",
    "The leaders condemned North Korea's launch of a ballistic missile.",
    "Jake Sullivan will travel to Beijing next week for meetings with senior officials to discuss export controls.",
    "By the authority vested in me as President, I hereby designate Kenya as a Major Non-NATO Ally.",
    "There is no question that the sanctions are working.",
    "Thanks to sanctions, Japan and Korea decided to join us in the new coalition of 12 countries.",
    "Libya immediately announced it would embargo oil shipments to the United States.",
    "We welcome the arms embargo on the junta.",
    "Our message is clear: we stand with Ukraine.",
]


@pytest.fixture(scope="module")
def quality(config: Config) -> QualityFilter:
    return QualityFilter(config.quality)


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in JUNK.items() for t in texts])
def test_each_kind_of_junk_is_caught(quality: QualityFilter, kind: str, text: str) -> None:
    doc_type = "legal" if kind == "legal" else "transcript"
    assert quality.classify(text, doc_type) == kind


@pytest.mark.parametrize("text", KEEP)
def test_sentences_with_substance_are_kept(quality: QualityFilter, text: str) -> None:
    assert quality.classify(text, "statement") is None
    assert quality.classify(text, "speech") is None


def test_a_biography_line_is_junk_in_a_nomination_notice_only(quality: QualityFilter) -> None:
    line = "Previously, she served as Deputy Chief of Mission in Kyiv."
    assert quality.document_type("President Biden Announces Key Nominees") == "personnel"
    assert quality.classify(line, "personnel") == "bio"
    assert quality.classify(line, "statement") is None


def test_a_reporters_turn_is_junk_across_paragraphs(quality: QualityFilter) -> None:
    body = (
        "JOHN KIRBY: We condemn the missile strikes on Kharkiv in the strongest terms.\n\n"
        "Q Thanks, John. A question on Iran.\n\n"
        "Iran has been supplying drones to Russia for months now.\n\n"
        "JOHN KIRBY: Iran's support for Russia's war is a threat to the whole region.\n\n"
        "MODERATOR: Our next question goes to the line of Jane Doe.\n\n"
        "Please go ahead, the line is open now for the next caller."
    )
    doc = document_from_text("gaggle", "Press Gaggle by John Kirby", body)
    kinds = dict(zip((doc.text(s.start, s.end) for s in doc.sentences), quality.document_codes(doc), strict=True))
    named = {text: quality.kinds[code] or None for text, code in kinds.items()}
    assert named["Iran has been supplying drones to Russia for months now."] == "question"
    assert named["JOHN KIRBY: Iran's support for Russia's war is a threat to the whole region."] is None
    assert named["Please go ahead, the line is open now for the next caller."] == "moderator"
    assert named["JOHN KIRBY: We condemn the missile strikes on Kharkiv in the strongest terms."] is None


def test_document_types_come_from_titles(quality: QualityFilter) -> None:
    assert quality.document_type("Press Briefing by Press Secretary Karine Jean-Pierre") == "transcript"
    assert quality.document_type("A Proclamation on World Freedom Day, 2022") == "legal"
    assert quality.document_type("FACT SHEET: New Sanctions on Russia") == "fact_sheet"
    assert quality.document_type("Something else entirely") == "other"


def test_answers_skip_junk_but_cite_finds_it(make_bot, tmp_path) -> None:
    body = (
        "PRESIDENT SMITH: Good morning, everyone from the Pacific Islands Forum.\n\n"
        "Q Will the sanctions on the Pacific Islands Forum be lifted?\n\n"
        "PRESIDENT SMITH: The Pacific Islands Forum sanctions remain in force until the fishing fleet leaves."
    )
    (tmp_path / "gaggle.md").write_text(f"---\ntitle: Press Gaggle\n---\n\n{body}\n", encoding="utf-8")
    bot = make_bot()
    assert bot.engine.junk.tolist() == [True, True, False]
    assert bot.engine.junk_kind(1) == "question"
    answer = bot("!ask Pacific Islands Forum sanctions")
    assert [e.text for e in answer.excerpts] == [bot.engine.passage(2).text]
    cited = bot("!cite Will the sanctions on the Pacific Islands Forum be lifted")
    assert cited.excerpts[0].text.startswith("Q Will the sanctions")


def test_quality_codes_are_cached_per_document(tmp_path, config: Config, monkeypatch) -> None:
    from bot.cache import quality_cache

    docs = [
        document_from_text(f"d{i}", f"Doc {i}", f"Hello, everyone.\n\nRussia attacked Ukraine on day {i}.")
        for i in range(3)
    ]
    quality, path = QualityFilter(config.quality), tmp_path / "quality.npz"
    first = quality_cache.quality_codes(docs, quality, path)
    calls: list[str] = []
    original = QualityFilter.document_codes
    monkeypatch.setattr(QualityFilter, "document_codes", lambda self, d: calls.append(d.id) or original(self, d))
    changed = [*docs[:2], document_from_text("d2", "Doc 2", "Thanks, Bob.\n\nIran seized a tanker in the Gulf.")]
    again = quality_cache.quality_codes(changed, quality, path)
    assert calls == ["d2"]
    assert first[:4].tolist() == again[:4].tolist() and len(again) == 6 and again[4] > 0 and again[5] == 0


def test_an_agenda_preview_is_not_an_excerpt(quality: QualityFilter) -> None:
    assert quality.classify("Expect that they will also be discussing the challenges posed by China.", "transcript")
    assert quality.classify("In addition, I expect we'll discuss the South China Sea and trade.", "meeting_remarks")
    assert quality.classify("The leaders discussed the South China Sea and condemned the drills.", "readout") is None


def test_a_sentence_that_starts_mid_sentence_is_a_fragment(quality: QualityFilter) -> None:
    assert quality.classify("“: “What is clear today is that the hostages have been released.”", "other") == "fragment"
