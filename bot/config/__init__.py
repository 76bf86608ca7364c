"""Config is data: YAML files in the config folder, validated at startup by pydantic models."""

from bot.config.loader import Config, ConfigError, load_config

__all__ = ["Config", "ConfigError", "load_config"]
