"""Main-text extraction from HTML with trafilatura (boilerplate such as nav, footer, banners removed).

trafilatura was chosen over jusText after measuring both on the article fixtures in
``tests/ingest/fixtures`` (see ``tests/ingest/measure_extractors.py``): it keeps headings and lists,
drops cookie banners and related-link blocks, and also yields title, date and canonical URL.
"""

from __future__ import annotations

from datetime import date
from html import unescape

import lxml.etree
import lxml.html
import trafilatura

from bot.ingest.errors import ExtractError
from bot.ingest.extracted import Extracted
from bot.ingest.textutil import join_paragraphs, paragraphs, squash_spaces, title_from_filename

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section")


def extract_html(
    data: bytes, *, charset: str | None = None, url: str | None = None, filename: str | None = None
) -> Extracted:
    """Title, main text, published date and canonical URL of an HTML page."""
    source: bytes | str = data.decode(charset, errors="replace") if _known(charset) else data
    xml = trafilatura.extract(
        source,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if not xml:
        raise ExtractError(f"no readable main text was found in {url or filename or 'the page'}")
    return _from_xml(lxml.etree.fromstring(xml.encode("utf-8")), url=url, filename=filename)


def _known(charset: str | None) -> bool:
    if not charset:
        return False
    try:
        b"".decode(charset)
    except LookupError:
        return False
    return True


def _from_xml(root: lxml.etree._Element, *, url: str | None, filename: str | None) -> Extracted:
    main = root.find("main")
    blocks = [text for text in map(_block_text, main if main is not None else []) if text]
    heads = [_block_text(el) for el in root.iter("head")]
    title = squash_spaces(root.get("title") or "") or next(iter(heads), "")
    title = title or title_from_filename(filename) or (url or "Untitled page")
    blocks = [b for i, b in enumerate(blocks) if i > 2 or b.casefold() != title.casefold()]
    if not blocks:
        raise ExtractError(f"no readable main text was found in {url or filename or 'the page'}")
    return Extracted(title, join_paragraphs(blocks), _parse_date(root.get("date")), root.get("url") or None)


def _block_text(element: lxml.etree._Element) -> str:
    for lb in element.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    if element.tag == "list":
        return "\n".join(f"- {_flat(item)}" for item in element.iter("item") if _flat(item))
    if element.tag == "table":
        rows = (" | ".join(_flat(cell) for cell in row.iter("cell")) for row in element.iter("row"))
        return "\n".join(row for row in rows if row.strip(" |"))
    return _flat(element)


def _flat(element: lxml.etree._Element) -> str:
    return squash_spaces(" ".join("".join(element.itertext()).split()))


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def fragment_text(html: str) -> str:
    """Plain text (paragraphs separated by blank lines) of a small HTML fragment, e.g. a feed summary."""
    if "<" not in html:  # plain text, possibly with (double-)escaped entities as feeds often have
        return join_paragraphs(paragraphs(unescape(html)))
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return join_paragraphs(paragraphs(html))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    text = root.text_content()
    return join_paragraphs(["\n".join(map(squash_spaces, p.split("\n"))) for p in paragraphs(text)])
