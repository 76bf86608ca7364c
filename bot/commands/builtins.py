"""Every command: the built-ins, then one per topic with a `command` in topics.yaml."""

from __future__ import annotations

from bot.commands import actions
from bot.commands.ask import ask
from bot.commands.cite import cite
from bot.commands.help import help_handler
from bot.commands.registry import CommandSpec, Frontend, Kind, Param, Permission, Registry
from bot.commands.sources import sources
from bot.commands.summary import summary
from bot.commands.threats import threats
from bot.commands.topic import topic_handler
from bot.config import Config, ConfigError

DIGEST = CommandSpec(
    "digest",
    "The daily digest of this channel: preview it, or post it now.",
    "preview|now",
    ("digest preview", "digest now"),
    subcommands=(
        CommandSpec(
            "preview",
            "Show the digest this channel would get (only to you).",
            "[channel]",
            ("digest preview",),
            action=actions.digest_preview,
            private=True,
            parent="digest",
        ),
        CommandSpec(
            "now",
            "Post today's digest in this channel now; it counts as today's.",
            "",
            ("digest now",),
            action=actions.digest_now,
            permission=Permission.ADMIN,
            parent="digest",
        ),
    ),
)


def builtin_specs() -> list[CommandSpec]:
    return [
        CommandSpec(
            "ask",
            "The best excerpts that answer a question, each with its source.",
            "<question>",
            ("ask Who is the prime minister of Australia?", "ask interoperability"),
            ask,
            params=(Param("question", "What you want to know, e.g. Who leads New Zealand?", required=True),),
        ),
        CommandSpec(
            "threats",
            "Excerpts on threats from or concerning an actor or any name or theme the documents mention, recent "
            "first with dates; alone, the actors and the names most tied to threats.",
            "[anything]",
            ("threats china", "threats taiwan strait", "threats"),
            threats,
            params=(Param("actor", "An actor, name or theme, e.g. china or ransomware", complete="actors"),),
        ),
        CommandSpec(
            "summary",
            "A 3–5 sentence extractive summary of everything, a document, a topic or an actor (across documents: "
            "central sentences in date order).",
            "[document|topic|actor]",
            ("summary", "summary partners", "summary russia"),
            summary,
            params=(
                Param("focus", "A document, topic or actor; empty for the whole knowledge base", complete="focus"),
            ),
        ),
        CommandSpec(
            "cite",
            "The exact sentence containing a phrase, ready to paste, with a link to it.",
            "<phrase>",
            ("cite joint drills", "cite liaison office in Tokyo"),
            cite,
            params=(Param("phrase", "A few words from the sentence, e.g. joint drills", required=True),),
        ),
        CommandSpec(
            "sources",
            "The documents in the knowledge base.",
            "[filter]",
            ("sources", "sources china"),
            sources,
            aliases=("docs",),
            params=(Param("filter", "Only documents whose id, title or tags contain this"),),
        ),
        CommandSpec(
            "help",
            "Every command with an example.",
            "[command]",
            ("help", "help cite"),
            help_handler,
            params=(Param("command", "One command to explain", complete="commands"),),
        ),
        CommandSpec(
            "add",
            "Add a web page or a file (.md .txt .html .pdf) to the knowledge base.",
            "<url|file>",
            ("add https://example.org/statement", "add ./notes/brief.md"),
            action=actions.add,
            params=(
                Param("url", "A web page (https://…); in the local chat also a file path", rest=False),
                Param("file", "A .md, .txt, .html or .pdf file", kind=Kind.ATTACHMENT),
            ),
            permission=Permission.ADD,
        ),
        CommandSpec(
            "reload",
            "Re-read the knowledge folder now and swap in the new index (it is also watched).",
            "",
            ("reload",),
            action=actions.reload,
            permission=Permission.ADMIN,
        ),
        DIGEST,
        CommandSpec(
            "sync",
            "Publish the slash commands to every server the bot is in (Discord rate-limits this).",
            "",
            ("sync",),
            action=actions.sync,
            permission=Permission.OWNER,
            frontends=frozenset({Frontend.DISCORD}),
            slash=False,
            elsewhere="It publishes Discord's slash commands: run the bot with DISCORD_TOKEN set "
            "(`python -m bot run`) and send `!sync` there as the application's owner.",
        ),
    ]


def build_registry(config: Config) -> Registry:
    """The built-ins with the topic commands after the questions; a topic command that takes a used name is
    a config error naming the file and the key."""
    builtins = builtin_specs()
    split = next(i for i, s in enumerate(builtins) if s.name == "sources") + 1
    registry = Registry(builtins[:split])
    for key, topic in config.topics.topics.items():
        if topic.command:
            _add_topic(registry, config, key, topic.command, topic.description or topic.title)
    for spec in builtins[split:]:
        clash = registry.lookup(spec.name)
        if clash is not None:
            key = next(k for k, t in config.topics.topics.items() if t.command == clash.name)
            raise _clash(config, key, spec.name, f"a built-in command (`{spec.name}`)")
        registry.add(spec)
    return registry


def _add_topic(registry: Registry, config: Config, key: str, name: str, summary: str) -> None:
    owner = registry.lookup(name)
    if owner is not None:
        builtin = owner.name in {s.name for s in builtin_specs()}
        raise _clash(config, key, name, f"a built-in command (`{owner.name}`)" if builtin else "another topic's")
    registry.add(CommandSpec(name, summary, "", (name,), topic_handler(key)))


def _clash(config: Config, key: str, name: str, owner: str) -> ConfigError:
    return ConfigError(
        f"{config.folder / 'topics.yaml'}: topics.{key}.command: {name!r} is already {owner}; choose another name"
    )
