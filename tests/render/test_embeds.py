"""Whatever the documents and the question, a rendered answer fits every Discord limit."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers.model import Answer, Citation, Excerpt, Section, Status
from bot.render import limits
from bot.render.embeds import escape, escape_prose, render_pages
from bot.utils.reply import to_embed

text = st.text(min_size=0, max_size=3000)
short = st.text(min_size=1, max_size=400)


@st.composite
def excerpts(draw) -> Excerpt:
    body = draw(st.text(min_size=1, max_size=6000))
    url = draw(st.one_of(st.none(), st.just("https://example.org/" + "a" * draw(st.integers(0, 1200)))))
    citation = Citation(
        draw(short),
        draw(short),
        draw(st.integers(1, 10**6)),
        draw(st.integers(1, 10**4)),
        0,
        len(body),
        url,
        draw(st.one_of(st.none(), short)),
        url and url + "#:~:text=x",
    )
    return Excerpt(body, citation, 1.0)


@st.composite
def answers(draw) -> Answer:
    sections = draw(
        st.lists(
            st.builds(
                Section, st.one_of(st.none(), short), st.lists(excerpts(), max_size=6), st.one_of(st.none(), text)
            ),
            max_size=8,
        )
    )
    return Answer(
        draw(short),
        draw(st.text(max_size=1000)),
        draw(st.sampled_from(list(Status))),
        draw(st.one_of(st.none(), text)),
        sections,
        draw(st.lists(text, max_size=30)),
        draw(st.lists(text, max_size=5)),
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])
@given(answers())
def test_every_page_is_within_discord_limits(answer: Answer) -> None:
    pages = render_pages(answer)
    assert pages
    for page in pages:
        embed = to_embed(page)
        assert len(embed.title or "") <= limits.EMBED_TITLE
        assert len(embed.description or "") <= limits.EMBED_DESCRIPTION
        assert len(embed.footer.text or "") <= limits.EMBED_FOOTER
        assert len(embed) <= limits.EMBED_TOTAL


@given(answers())
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])
def test_no_excerpt_is_lost_across_pages(answer: Answer) -> None:
    joined = "\n".join(p.description for p in render_pages(answer))
    for number in range(1, len(answer.excerpts) + 1):
        assert f"**{number}.**" in joined


def test_document_markdown_and_mentions_are_neutralised() -> None:
    assert escape("**bold** @everyone `code` [link](x)") == (
        "\\*\\*bold\\*\\* @\u200beveryone \\`code\\` \\[link\\]\\(x\\)"
    )


def test_intro_keeps_the_engines_code_spans_and_neutralises_the_rest() -> None:
    assert escape_prose("Did you mean `!partners`? **x** @everyone") == (
        "Did you mean `!partners`? \\*\\*x\\*\\* @\u200beveryone"
    )
    assert escape_prose("a ` lone backtick") == "a \\` lone backtick"


def test_seed_answers_render_in_one_page_each(seed_bot) -> None:
    for message in ["!partners", "!threats china", "!summary", "!help", "!ask Japan"]:
        pages = render_pages(seed_bot(message))
        assert len(pages) == 1 and pages[0].footer == ""
