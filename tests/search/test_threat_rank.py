"""Where the entity stands relative to a threat word: the role that ties a sentence to a threat."""

from __future__ import annotations

import pytest

from bot.search.positions import phrases_of, words_of
from bot.search.threat_rank import (
    Candidate,
    _answering,
    _diverse,
    _others_named,
    _role,
    _threat_words,
    vocabulary,
)


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


def words(engine, sentence: str):
    return words_of(engine.analyzer, sentence)


def test_a_response_named_before_the_entity_makes_the_sentence_about_the_response(seed_bot) -> None:
    engine = seed_bot.engine
    vocab, fentanyl = vocabulary(engine), phrases_of(engine.analyzer, ["fentanyl"])
    response = words(engine, "New measures disrupt the trafficking of illicit fentanyl into our communities.")
    threat = words(engine, "Fentanyl is killing more than 70,000 Americans a year, and we will disrupt its supply.")
    assert _answering(response, response.find_any(fentanyl)[0], vocab)
    assert not _answering(threat, threat.find_any(fentanyl)[0], vocab)


def test_a_sentence_naming_other_actors_counts_them_and_not_a_lookalike(seed_bot) -> None:
    engine = seed_bot.engine
    vocab, iran = vocabulary(engine), phrases_of(engine.analyzer, ["iran", "Iran", "iranian", "tehran"])
    tour = words(engine, "Russia's war, China's coercion, Iran's proxies and the DPRK's missiles threaten the order.")
    assert _others_named(tour, vocab, iran) == 3  # Russia, China, North Korea (as DPRK); Iran is the entity
    alone = words(engine, "Iran and South Korea discussed the missile threat posed by Iranian proxies.")
    assert _others_named(alone, vocab, iran) == 0  # South Korea is not North Korea


def _candidate(pid: int, score: float, category: str, stems: set[str], year: str) -> Candidate:
    return Candidate(pid, score, category, pid, frozenset(stems), frozenset(stems), year)


def test_time_spread_prefers_an_excerpt_from_another_year() -> None:
    latest = _candidate(1, 1.0, "military", {"attack", "ship"}, "2024")
    same_year = _candidate(2, 0.95, "weapons", {"missil", "launch"}, "2024")
    older = _candidate(3, 0.9, "coercion", {"coerc", "claim"}, "2021")
    candidates = [latest, same_year, older]
    assert _diverse(candidates, 2, 0.35, 0.0) == [1, 2]
    assert _diverse(candidates, 2, 0.35, 0.5) == [1, 3]
