from __future__ import annotations

import logging
from pathlib import Path

from bot.knowledge.boilerplate import Boilerplate
from bot.knowledge.loader import load_folder
from tests.helpers import write_doc

BOILER = Boilerplate(["keep reading"], [])


def test_front_matter_gives_title_date_url_and_tags(tmp_path: Path) -> None:
    write_doc(
        tmp_path,
        "a.md",
        "Body text here.",
        title="'A title'",
        date="2024-05-01",
        url="https://example.org/a",
        tags="[nato, china]",
    )
    doc = load_folder(tmp_path, BOILER).documents[0]
    assert (doc.id, doc.title, doc.date, doc.url, doc.tags) == (
        "a",
        "A title",
        "2024-05-01",
        "https://example.org/a",
        ["nato", "china"],
    )


def test_txt_without_front_matter_is_one_paragraph_per_line(tmp_path: Path) -> None:
    (tmp_path / "plain-notes.txt").write_text("First line. Second sentence.\nSecond line.\n", encoding="utf-8")
    doc = load_folder(tmp_path, BOILER).documents[0]
    assert doc.title == "Plain notes"
    assert [(s.paragraph, s.number) for s in doc.sentences] == [(1, 1), (1, 2), (2, 1)]


def test_markdown_paragraphs_are_blank_line_separated_and_wrapped_lines_join(tmp_path: Path) -> None:
    write_doc(tmp_path, "w.md", "One sentence that is\nhard wrapped here. Another.\n\nNew paragraph.")
    doc = load_folder(tmp_path, BOILER).documents[0]
    assert [doc.text(s.start, s.end) for s in doc.sentences] == [
        "One sentence that is\nhard wrapped here.",
        "Another.",
        "New paragraph.",
    ]
    assert [s.paragraph for s in doc.sentences] == [1, 1, 2]


def test_offsets_point_into_the_file_itself(tmp_path: Path) -> None:
    path = write_doc(tmp_path, "o.md", "Alpha beta. Gamma “delta” — epsilon.", title="T")
    doc = load_folder(tmp_path, BOILER).documents[0]
    raw = path.read_text(encoding="utf-8")
    assert [raw[s.start : s.end] for s in doc.sentences] == ["Alpha beta.", "Gamma “delta” — epsilon."]


def test_boilerplate_paragraph_is_not_indexed_but_keeps_its_number(tmp_path: Path) -> None:
    write_doc(tmp_path, "b.md", "First para.\n\nKeep Reading\n\nThird para.")
    doc = load_folder(tmp_path, BOILER).documents[0]
    assert [s.paragraph for s in doc.sentences] == [1, 3]
    assert doc.paragraphs[1].boilerplate


def test_sentence_splitting_survives_abbreviations_and_quotes(tmp_path: Path) -> None:
    body = (
        "The U.S. and Mr. Smith met No. 5 delegates, e.g. from Japan. Growth was 2.5 percent. "
        "J. R. Tolkien wrote. “We stand firm,” he said. The leaders—Albanese, Hipkins—met."
    )
    write_doc(tmp_path, "s.md", body)
    doc = load_folder(tmp_path, BOILER).documents[0]
    assert [doc.text(s.start, s.end) for s in doc.sentences] == [
        "The U.S. and Mr. Smith met No. 5 delegates, e.g. from Japan.",
        "Growth was 2.5 percent.",
        "J. R. Tolkien wrote.",
        "“We stand firm,” he said.",
        "The leaders—Albanese, Hipkins—met.",
    ]


def test_bad_files_are_skipped_with_a_reason_and_the_rest_loads(tmp_path: Path, caplog) -> None:
    write_doc(tmp_path, "good.md", "Fine text.")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.md").write_text("   \n", encoding="utf-8")
    (tmp_path / "badyaml.md").write_text("---\ntitle: [unclosed\n---\nText.", encoding="utf-8")
    (tmp_path / "unclosed.md").write_text("---\ntitle: x\nText.", encoding="utf-8")
    (tmp_path / "listfm.md").write_text("---\n- a\n- b\n---\nText.", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        report = load_folder(tmp_path, BOILER)
    assert [d.id for d in report.documents] == ["good"]
    reasons = {Path(p).name: r for p, r in report.skipped}
    assert "not UTF-8" in reasons["latin1.txt"]
    assert "binary" in reasons["binary.md"]
    assert "empty" in reasons["empty.md"]
    assert "not valid YAML" in reasons["badyaml.md"]
    assert "never closed" in reasons["unclosed.md"]
    assert "mapping" in reasons["listfm.md"]
    assert len([r for r in caplog.records if "skipped" in r.getMessage()]) == 6


def test_hidden_readme_and_other_suffixes_are_ignored(tmp_path: Path) -> None:
    write_doc(tmp_path, "README.md", "About this folder.")
    write_doc(tmp_path, ".hidden.md", "Hidden.")
    write_doc(tmp_path, "notes.pdf", "Not text.")
    write_doc(tmp_path, "sub/real.md", "Real text.")
    assert [d.id for d in load_folder(tmp_path, BOILER).documents] == ["sub/real"]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffBOM text here.".encode())
    doc = load_folder(tmp_path, BOILER).documents[0]
    assert doc.text(doc.sentences[0].start, doc.sentences[0].end) == "BOM text here."


def test_markdown_bold_lead_in_does_not_hide_a_sentence_end(tmp_path: Path) -> None:
    write_doc(tmp_path, "b.md", "**Improving engagement with businesses.** In January 2023, summits began.")
    doc = load_folder(tmp_path, BOILER).documents[0]
    assert [doc.text(s.start, s.end) for s in doc.sentences] == [
        "Improving engagement with businesses.",
        "In January 2023, summits began.",
    ]
