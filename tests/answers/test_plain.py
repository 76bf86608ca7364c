from __future__ import annotations

from bot.answers.plain import plain
from bot.search.analyzer import Analyzer


def test_markdown_links_show_their_text() -> None:
    assert plain("the [Joint Roadmap on\nAI](https://example.org/a_(b)) was [updated\nversion](https://x.y/1).") == (
        "the Joint Roadmap on AI was updated version."
    )


def test_emphasis_and_escapes_show_the_words() -> None:
    assert plain("**Quantum** and __bold__ \\[as\\] in \\### 5 \\- 6") == "Quantum and bold [as] in ### 5 - 6"


def test_plain_text_is_unchanged_but_for_whitespace() -> None:
    text = "NATO’s 2022 Strategic\nConcept — a *single* star"
    assert plain(text) == "NATO’s 2022 Strategic Concept — a *single* star"


def test_link_urls_are_not_indexed() -> None:
    assert Analyzer().terms("[announced](https://europa.eu/digital-strategy) today") == ["announc", "today"]


def test_list_markers_and_half_emphasis_left_by_a_sentence_split_go() -> None:
    assert plain("- **Tackling Climate Change.") == "Tackling Climate Change."
    assert plain("2. The second point**") == "The second point"
