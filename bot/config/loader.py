"""Read and validate every config file; an error names the file, the key and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.config.models import Actors, Aliases, DiscordSettings, Questions, Settings, Topics
from bot.config.quality import Quality
from bot.config.sources import Sources
from bot.config.threats import Threats

M = TypeVar("M", bound=BaseModel)


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    folder: Path
    settings: Settings
    aliases: Aliases
    actors: Actors
    topics: Topics
    discord: DiscordSettings
    threats: Threats
    sources: Sources = Sources()
    questions: Questions = Questions()
    quality: Quality = Quality()


FILES: dict[str, type[BaseModel]] = {
    "settings.yaml": Settings,
    "aliases.yaml": Aliases,
    "actors.yaml": Actors,
    "topics.yaml": Topics,
    "discord.yaml": DiscordSettings,
    "sources.yaml": Sources,
    "questions.yaml": Questions,
    "quality.yaml": Quality,
    "threats.yaml": Threats,
}


def read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file is missing") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {' '.join(str(exc).split())}") from exc


def validate_file(path: Path, model: type[M]) -> M:
    data = read_yaml(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping (key: value), not {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{path}: " + "; ".join(_describe(e) for e in exc.errors())) from exc


def _describe(error: dict) -> str:
    key = ".".join(str(p) for p in error["loc"]) or "(top level)"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown key (check its spelling)"
    return f"{key}: {message}"


def load_config(folder: Path) -> Config:
    loaded = {name: validate_file(folder / name, model) for name, model in FILES.items()}
    return Config(
        folder=folder,
        settings=loaded["settings.yaml"],
        aliases=loaded["aliases.yaml"],
        actors=loaded["actors.yaml"],
        topics=loaded["topics.yaml"],
        discord=loaded["discord.yaml"],
        sources=loaded["sources.yaml"],
        questions=loaded["questions.yaml"],
        quality=loaded["quality.yaml"],
        threats=loaded["threats.yaml"],
    )
