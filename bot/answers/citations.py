"""Build excerpts and their citations from passages; quote-ready lines and text-fragment links."""

from __future__ import annotations

from urllib.parse import quote

from bot.answers.links import safe_url
from bot.answers.model import Citation, Excerpt
from bot.answers.plain import plain
from bot.knowledge.base import Passage

_FRAGMENT_SAFE = ""  # text fragments need '-', ',' and '&' percent-encoded as well
_MAX_EXACT_WORDS = 8


def excerpt(passage: Passage, score: float = 0.0, lead: Passage | None = None) -> Excerpt:
    """The passage's sentence, verbatim; with `lead` (an earlier sentence of the same paragraph), the
    whole span from it, so a sentence that opens with "This…" is shown with what it refers to."""
    doc, sent = passage.document, passage.sentence
    start = lead.sentence.start if lead is not None else sent.start
    text = doc.text(start, sent.end)
    citation = Citation(
        document=doc.id,
        title=doc.title,
        paragraph=sent.paragraph,
        sentence=sent.number,
        start=start,
        end=sent.end,
        url=doc.url,
        date=doc.date,
        quote_url=quote_url(doc.url, plain(text)),
        from_sentence=lead.sentence.number if lead is not None else None,
    )
    para = doc.paragraph(sent.paragraph)
    return Excerpt(text, citation, round(float(score), 4), paragraph_text=doc.text(para.start, para.end))


def quote_url(url: str | None, text: str) -> str | None:
    """`url#:~:text=…` so a browser opens the page scrolled to and highlighting the quote."""
    url = safe_url(url)
    if url is None:
        return None
    words = text.split()
    if len(words) <= _MAX_EXACT_WORDS:
        fragment = _encode(" ".join(words))
    else:
        fragment = f"{_encode(' '.join(words[:4]))},{_encode(' '.join(words[-4:]))}"
    return f"{url.split('#', 1)[0]}#:~:text={fragment}"


def _encode(text: str) -> str:
    return quote(text, safe=_FRAGMENT_SAFE).replace("-", "%2D")


def quote_line(ex: Excerpt) -> str:
    """The ready-to-paste form: > “…” — Title, ¶N"""
    return f"> “{ex.display}” — {ex.citation.title}, ¶{ex.citation.paragraph}"
