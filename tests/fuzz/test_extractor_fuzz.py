"""Mutated files through every extractor and the knowledge loader: text or a clear error, nothing else.

Seeds are real files (the HTML article fixtures, a generated PDF, Markdown and knowledge files with front
matter); each example applies a few byte-level mutations: flips, hostile insertions (deep nesting, alias
anchors, NULs, broken PDF objects), deletions, truncation, duplication. The CI profile's 2,000 examples are
split across the kinds.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bot.ingest.errors import ExtractError
from bot.ingest.extract import extract
from bot.ingest.extracted import Extracted
from bot.knowledge.boilerplate import Boilerplate
from bot.knowledge.loader import DocumentError, decode, parse_document
from tests.fuzz.profiles import EXAMPLES, fuzz_settings
from tests.ingest.helpers import PDF_PARAGRAPHS, make_pdf

FIXTURES = Path(__file__).parent.parent / "ingest" / "fixtures"
HTML = [p.read_bytes() for p in sorted(FIXTURES.glob("*.html"))]
PDF = make_pdf(PDF_PARAGRAPHS, title="Arms control")
MARKDOWN = (
    b"---\ntitle: Talks resume\ndate: 2024-03-14\ntags: [a, b]\n---\n\n# Talks\n\nFirst paragraph.\n\nSecond one.\n"
)
INSERTS = [
    b"<div>" * 300, b"</div>" * 50, b"<!--", b"<script>", b"]]>", b"&#x0;", b"&#99999999;", b"\x00", b"\xff\xfe",
    b"---\n", b"a: &a [x, x]\nb: &b [*a, *a, *a]\n", b"!!python/object:os.system", b"!!set {a}", b"date: 2024-02-30\n",
    b"obj << /Length 999999999 >>", b"/Info 99 0 R", b"trailer", b"%%EOF", b"xref\n0 1\n", b"<< /Type /Page >>",
    b"[" * 1000, b"\r\n\r\n", "\ufdfa\u202e".encode(),
]  # fmt: skip
PER_KIND = max(EXAMPLES // 4, 50)


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        match draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate"])):
            case "flip" if data:
                data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
            case "insert":
                data[at:at] = draw(st.one_of(st.sampled_from(INSERTS), st.binary(max_size=64)))
            case "delete":
                del data[at : at + draw(st.integers(1, 200))]
            case "truncate":
                del data[at:]
            case "duplicate":
                data[at:at] = data[at : at + draw(st.integers(1, 2000))]
    return bytes(data)


def only_text_or_extract_error(data: bytes, content_type: str, filename: str) -> None:
    try:
        result = extract(data, content_type, filename=filename)
    except ExtractError as exc:
        assert filename in str(exc) or "the " in str(exc), str(exc)
        return
    assert isinstance(result, Extracted) and isinstance(result.title, str) and isinstance(result.text, str)


@fuzz_settings(PER_KIND, deadline=None)
@given(data=mutated(HTML))
def test_mutated_html(data: bytes) -> None:
    only_text_or_extract_error(data, "text/html", "page.html")


@fuzz_settings(PER_KIND, deadline=None)
@given(data=mutated([PDF]))
def test_mutated_pdf(data: bytes) -> None:
    only_text_or_extract_error(data, "application/pdf", "brief.pdf")


@fuzz_settings(PER_KIND, deadline=None)
@given(data=mutated([MARKDOWN]))
def test_mutated_markdown_upload(data: bytes) -> None:
    only_text_or_extract_error(data, "text/markdown", "notes.md")


@fuzz_settings(PER_KIND, deadline=None)
@given(data=mutated([MARKDOWN, *HTML[:1]]))
def test_mutated_knowledge_file_is_a_document_or_a_reason(data: bytes) -> None:
    try:
        doc = parse_document("doc", "doc.md", decode(data), Boilerplate([], []))
    except DocumentError as exc:
        assert str(exc)
        return
    assert doc.sentences
