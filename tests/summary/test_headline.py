from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from bot.summary.headline import key_sentences
from tests.helpers import write_doc

SPEECH = """
    Thank you all so much for being here today, it is really wonderful to see so many friends here.
    Thank you to the mayor and thank you to all the friends who came so far to be here with us today.
    Today we are announcing new sanctions on exports of advanced semiconductors to the regime.
    It is really wonderful to be here with all of you and all of our friends, thank you so much.
"""


def test_the_sentence_carrying_the_headline_is_kept(tmp_path: Path, config) -> None:
    write_doc(tmp_path, "speech.md", SPEECH, title="Remarks announcing sanctions on semiconductor exports")
    engine = Engine.load(tmp_path, config)
    doc = engine.kb.documents[0]
    ids = list(engine.kb.passage_ids(doc))
    chosen = key_sentences(engine, doc, ids, 2)
    assert ids[2] in chosen
    assert chosen == sorted(chosen) and len(chosen) == 2


def test_short_documents_are_returned_whole(tmp_path: Path, config) -> None:
    write_doc(tmp_path, "s.md", "One announcement here. A second one.", title="Announcement")
    engine = Engine.load(tmp_path, config)
    ids = list(engine.kb.passage_ids(engine.kb.documents[0]))
    assert key_sentences(engine, engine.kb.documents[0], ids, 2) == ids
