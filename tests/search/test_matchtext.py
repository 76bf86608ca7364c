"""Precomputed match keys: each passage's key is exactly `match_key` of its verbatim text, also from the cache."""

from __future__ import annotations

import random
from pathlib import Path

from bot.config import Config
from bot.engine import Engine
from bot.search.matchtext import MatchText, match_key
from tests.helpers import Bot, write_doc

TEXTS = [
    "The ﬁnancial ﬂows of ＮＡＴＯ’s allies — see note ①.",
    "",
    "Soft\u00adhyphen and  many\n\twhite   spaces.",
    "Café vs Cafe\u0301, İstanbul and ㎏ units; emoji 🛰 too.",
    'Plain ASCII with `backticks` and "quotes".',
]


def test_keys_map_back_to_each_passage_exactly() -> None:
    match = MatchText.build(TEXTS)
    assert len(match) == len(TEXTS)
    assert [match.key(i) for i in range(len(TEXTS))] == [match_key(t) for t in TEXTS]
    assert match.key(0) == "the financial flows of nato's allies see note 1."


def test_containing_matches_across_normalisation_and_never_across_passages() -> None:
    match = MatchText.build(TEXTS)
    everyone = range(len(TEXTS))
    assert match.containing("financial flows of NATO's", everyone) == [0]
    assert match.containing("softhyphen and many white", everyone) == [2]
    assert match.containing("café", everyone) == [3]  # precomposed and combining forms agree after NFKC
    assert match.containing("note 1. soft", everyone) == []  # the end of one passage + the start of the next
    assert match.containing("istanbul", [0, 1]) == []  # only the candidates given are checked


def test_round_trip_through_arrays() -> None:
    match = MatchText.build(TEXTS)
    again = MatchText.from_arrays(match.to_arrays())
    assert [again.key(i) for i in range(len(TEXTS))] == [match.key(i) for i in range(len(TEXTS))]


def test_cite_finds_ligatures_and_full_width_letters_verbatim(tmp_path: Path, config: Config) -> None:
    body = "Allies agreed. The ﬁnancial package for ＮＡＴＯ’s ① eastern flank was signed."
    write_doc(tmp_path, "d.md", body, title="T")
    answer = Bot(tmp_path, config)("!cite financial package for NATO's 1 eastern")
    assert answer.data["exact"] is True
    assert answer.excerpts[0].text == "The ﬁnancial package for ＮＡＴＯ’s ① eastern flank was signed."


def test_the_cache_serves_the_same_keys(tmp_path: Path, config: Config) -> None:
    kb = tmp_path / "kb"
    write_doc(kb, "a.md", "The ﬁrst “sentence”. A second one — with a dash.", title="A")
    write_doc(kb, "b.md", "Another ﬁle, with ① and Ｆｕｌｌ width.", title="B")
    built = Engine.load(kb, config, tmp_path / "data")
    cached = Engine.load(kb, config, tmp_path / "data")
    keys = [match_key(t) for t in built.kb.texts()]
    assert [built.match.key(i) for i in range(len(keys))] == keys
    assert [cached.match.key(i) for i in range(len(keys))] == keys


def test_signature_prefilter_drops_nothing_that_matches() -> None:
    rng = random.Random(3)
    words = ["a", "year", "if", "not", "than", "more", "the", "state", "ﬁne", "Ｎato", "—", "’s"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(2, 12))) for _ in range(600)]
    match = MatchText.build(texts)
    phrases = [" ".join(t.split()[1:5]) for t in texts[::29] if len(t.split()) >= 5] + ["a year", "than a year"]
    for phrase in phrases:
        brute = [i for i, t in enumerate(texts) if match_key(phrase) in match_key(t)]
        assert match.containing(phrase, range(len(texts))) == brute
    assert sum(len(match.containing(p, range(len(texts)))) for p in phrases) > len(phrases)
