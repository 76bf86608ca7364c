"""The summary's own word list, cosine similarity and the length-weighted salience."""

from __future__ import annotations

import numpy as np

from bot.summary.textrank import LENGTH_CAP, pick, salience, sentence_words, similarity, word_count


def test_sentence_words_keep_reporting_verbs_and_do_not_stem() -> None:
    words = sentence_words("The ministers said they would meet O’Leary’s agents in 2005, officials also said.")
    assert words == ["ministers", "said", "would", "meet", "o'leary's", "agents", "officials", "also", "said"]


def test_word_count_counts_every_word_and_number() -> None:
    assert word_count("The fund raised $2.5bn in 2004, it said.") == 9  # 2.5bn is "2" and "5bn", as ROUGE tokenises it


def test_similarity_is_cosine_of_word_counts() -> None:
    sim = similarity([["port", "dover"], ["port", "dover"], ["port", "port", "storm"], []])
    assert np.isclose(sim[0, 1], 1.0)
    assert np.isclose(sim[0, 2], 2 / (np.sqrt(2) * np.sqrt(5)))
    assert (sim[3] == 0).all() and (sim.diagonal() == 0).all()


def test_salience_prefers_the_sentence_the_document_returns_to() -> None:
    texts = [
        "Storms closed the port of Dover on Monday.",
        "The port of Dover will reopen when the storms ease.",
        "A bakery in Leeds sold out of bread.",
        "Ferries left the port of Dover once the storms eased.",
    ]
    scores = salience(texts)
    assert scores.shape == (4,)
    assert scores.argmin() == 2
    assert salience([]).shape == (0,)


def test_length_counts_only_up_to_the_cap() -> None:
    core = "Dover port storms ferries"
    short = f"{core} closed."
    capped = f"{core} " + " ".join(["and"] * (LENGTH_CAP - 4)) + "."
    longer = f"{core} " + " ".join(["and"] * (3 * LENGTH_CAP)) + "."
    scores = salience([short, capped, longer])
    assert scores[1] > scores[0]
    assert np.isclose(scores[1], scores[2])
    assert pick(scores, 1) == [1]  # ties keep the earlier sentence
