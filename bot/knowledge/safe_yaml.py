"""Front matter YAML with bounded work: a size cap, an alias limit, plain value types, a node budget.

PyYAML's safe loader has no alias limit: a few hundred bytes of nested anchors ("billion laughs") build a
structure that is cheap to load but exponential to walk, and the first code that walks it (the cache
encoder, ``str()``) freezes the process. Front matter is a few keys, so the limits here are far above what
a real document needs and far below what hurts.
"""

from __future__ import annotations

import datetime as dt

import yaml

MAX_BYTES = 64 * 1024
MAX_ALIASES = 32
MAX_NODES = 10_000
PLAIN = (str, int, float, bool, dt.date, type(None))


class UnsafeYaml(ValueError):
    """YAML that is not a plain, small mapping; the message says why in plain words."""


class _BoundedLoader(yaml.SafeLoader):
    aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise UnsafeYaml(f"more than {MAX_ALIASES} YAML aliases (*name)")
        return super().compose_node(parent, index)


def load_mapping(text: str) -> dict[str, object]:
    """The YAML mapping in ``text`` ({} for an empty one); UnsafeYaml for anything else, never another error."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise UnsafeYaml(f"front matter is over {MAX_BYTES // 1024} KB")
    try:
        value = yaml.load(text, Loader=_BoundedLoader)  # noqa: S506 - a SafeLoader subclass
    except UnsafeYaml:
        raise
    except yaml.YAMLError as exc:
        raise UnsafeYaml(f"not valid YAML: {_first_line(exc)}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # e.g. date: 2024-02-30
        raise UnsafeYaml(f"a value YAML cannot read: {_first_line(exc)}") from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UnsafeYaml("must be a YAML mapping (key: value lines)")
    _check_plain(value, [MAX_NODES])
    return value


def _check_plain(value: object, budget: list[int]) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        raise UnsafeYaml(f"more than {MAX_NODES} values")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_plain(key, budget)
            _check_plain(item, budget)
    elif isinstance(value, list):
        for item in value:
            _check_plain(item, budget)
    elif not isinstance(value, PLAIN):
        raise UnsafeYaml(f"a {type(value).__name__} value, which front matter cannot hold")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
