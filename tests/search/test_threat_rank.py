"""Where the entity stands relative to a threat word: the role that ties a sentence to a threat."""

from __future__ import annotations

import pytest

from bot.search.positions import phrases_of, words_of
from bot.search.threat_rank import _role, _threat_words, vocabulary


def role_of(engine, entity: str, sentence: str) -> float:
    vocab, threats = vocabulary(engine), engine.config.threats
    names = phrases_of(engine.analyzer, [entity])
    seq = words_of(engine.analyzer, sentence)
    found = _threat_words(seq, vocab, {s for p in names for s in p})
    return _role(seq, seq.find_any(names, prefix=True), found, vocab, threats)[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "We especially call on the Houthis to immediately cease attacks on civilians.",  # infinitive "to"
        "We condemn Iran's support to proxy forces and non-state armed actors.",
    ],
)
def test_an_infinitive_or_to_between_does_not_turn_the_actor_against_its_own_threat(seed_bot, sentence) -> None:
    entity = "Houthis" if "Houthis" in sentence else "Iran"
    roles = seed_bot.engine.config.threats.roles
    assert role_of(seed_bot.engine, entity, sentence) > roles.counter


def test_an_actor_acting_against_a_threat_is_not_its_subject(seed_bot) -> None:
    roles = seed_bot.engine.config.threats.roles
    sentence = "The PRC is taking action against illicit suppliers."
    assert role_of(seed_bot.engine, "PRC", sentence) <= roles.counter
