"""Multi-word names in config ("north korea", "new zealand"): the analyser indexes each as one term too."""

from __future__ import annotations

from bot.config.loader import Config


def config_phrases(config: Config) -> list[str]:
    names: list[str] = []
    for key, values in config.aliases.related.items():
        names += [key, *values]
    for key, actor in config.actors.actors.items():
        names += [key, actor.name, *actor.aliases]
    for topic in config.topics.topics.values():
        for sections in topic.groups.values():
            names += [word for section in sections for word in section.require_any]
    return sorted({n for n in names if len(n.split()) > 1})
