from __future__ import annotations

import dataclasses

import pytest

from bot.answers.model import Status
from bot.commands.dispatcher import Dispatcher
from bot.commands.registry import Frontend, Permission
from bot.commands.request import Caller
from bot.config import ConfigError
from bot.render.jsonout import answer_json
from bot.render.text import render_text


def test_command_names_and_aliases_never_collide(seed_bot) -> None:
    names = [n for s in seed_bot.dispatcher.specs.values() for n in (s.name, *s.aliases)]
    assert len(names) == len(set(names))


def test_a_topic_whose_command_collides_is_refused(seed_bot, config) -> None:
    topics = config.topics.model_copy(deep=True)
    clash = topics.topics["partners"].model_copy(update={"command": "ask"})
    engine = seed_bot.engine
    bad = dataclasses.replace(config, topics=topics.model_copy(update={"topics": {"x": clash}}))
    engine_copy = type(engine)(bad, engine.kb, engine.index, engine.vocabulary, engine.stats)
    with pytest.raises(ConfigError, match=r"topics\.yaml: topics\.x\.command: 'ask' is already a built-in command"):
        Dispatcher(engine_copy)


def test_unknown_command_suggests_the_closest(seed_bot) -> None:
    answer = seed_bot("!partenrs")
    assert answer.status is Status.USAGE and "`!partners`" in answer.intro


def test_command_names_are_case_insensitive(seed_bot) -> None:
    assert seed_bot("!ASK interoperability").command == "ask"


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "!",
        "!ask",
        "!ask    ",
        "!cite",
        "!ask the of and is",
        "\x00\x07\x1b[31m",
        "!ask " + "nato " * 2000,
        "!ask " + "x" * 10_000,
    ],
)
def test_awkward_input_gets_a_clear_answer(seed_bot, message: str) -> None:
    answer = seed_bot(message)
    assert answer.status in {Status.OK, Status.EMPTY, Status.USAGE}
    text = render_text(answer)
    assert text.strip() and len(text) < 6000


def test_long_question_is_truncated_with_a_note(seed_bot) -> None:
    answer = seed_bot("!ask interoperability " + "word " * 3000)
    assert any("cut to its first" in n for n in answer.notes)


@pytest.mark.parametrize(
    "message",
    [
        "!ask @everyone bitcoin",
        "!ask <@&123456> bitcoin",
        "!cite @here **bold** `x`",
        "!threats @everyone",
        "!summary <@!42> ||spoiler|| __u__",
    ],
)
def test_echoed_input_cannot_ping_or_format(seed_bot, message: str) -> None:
    text = render_text(seed_bot(message))
    for bad in ["@everyone", "@here", "<@", "**bold**", "||", "__u__", "`x`"]:
        assert bad not in text


def test_a_handler_crash_becomes_a_polite_answer_with_an_error_id(seed_bot, monkeypatch, caplog) -> None:
    spec = seed_bot.dispatcher.specs["sources"]

    def boom(ctx, arg):
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(seed_bot.dispatcher.specs, "sources", type(spec)(**{**spec.__dict__, "handler": boom}))
    answer = seed_bot.dispatcher.handle("!sources")
    assert answer.status is Status.ERROR
    error_id = answer.intro.split("`")[1]
    assert any(error_id in r.getMessage() for r in caplog.records)
    assert "disk on fire" not in render_text(answer)


def test_json_form_has_the_stable_keys(seed_bot) -> None:
    data = answer_json(seed_bot("!ask Quad"))
    assert {"command", "text", "excerpts"} <= set(data)
    ex = data["excerpts"][0]
    assert {"text", "document", "title", "paragraph", "sentence", "url", "score"} <= set(ex)


def test_a_handler_can_run_another_command_for_the_same_caller(seed_bot, monkeypatch) -> None:
    """What intent routing needs: `!ask` answering a question that is really `!threats china`."""
    spec = seed_bot.dispatcher.specs["ask"]
    routed = type(spec)(**{**spec.__dict__, "handler": lambda ctx, text: ctx.run("threats", text)})
    monkeypatch.setitem(seed_bot.dispatcher.specs, "ask", routed)
    assert seed_bot("!ask china").title == seed_bot("!threats china").title == "Threats: China"
    to_help = type(spec)(**{**spec.__dict__, "handler": lambda ctx, text: ctx.run("help")})
    monkeypatch.setitem(seed_bot.dispatcher.specs, "ask", to_help)
    bob = Caller("bob", Permission.ANYONE)
    assert "🔒 admins" in render_text(seed_bot.dispatcher.handle("!ask x", bob, Frontend.DISCORD))  # bob's help


def test_a_group_without_that_subcommand_says_which_exist(seed_bot) -> None:
    answer = seed_bot("!digest later")
    assert answer.status is Status.USAGE and "`!digest preview`" in answer.intro and "`!digest now`" in answer.intro


def test_an_action_run_from_the_engine_thread_asks_to_be_sent_on_its_own(seed_bot) -> None:
    answer = seed_bot.dispatcher.run("reload")
    assert answer.status is Status.USAGE and answer.title == "Send `!reload` on its own"
