"""Every passage's match key (normalised, whitespace collapsed), precomputed once as one UTF-8 buffer.

`match_key` is what `!cite` and duplicate removal compare. Normalising is not length-preserving (NFKC
turns "ﬁ" into "fi", "①" into "1"; a soft hyphen disappears), so nothing here maps positions inside a
key back to the source text: a key is only ever tested for containing a phrase, and a hit is reported
as its passage id, whose verbatim text the knowledge base holds. Keys are joined with "\\n", which no key
contains (whitespace is collapsed to single spaces), and `starts` holds each key's byte offset, so
passage i is `data[starts[i]:starts[i + 1] - 1]`. UTF-8 is self-synchronising: a byte-level substring
match is exactly a character-level one.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from bot.search.analyzer import normalise

SEPARATOR = b"\n"


def match_key(text: str) -> str:
    return " ".join(normalise(text).split())


class MatchText:
    def __init__(self, data: bytes, starts: np.ndarray) -> None:
        self.data = data
        self.starts = np.asarray(starts, dtype=np.int64)
        self._bounds = self.starts.tolist()  # Python ints: indexing a list is ~10× cheaper than numpy

    @classmethod
    def build(cls, texts: Iterable[str]) -> MatchText:
        keys = [match_key(t).encode("utf-8") for t in texts]
        lengths = np.fromiter((len(k) + 1 for k in keys), dtype=np.int64, count=len(keys))
        starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        return cls(b"".join(k + SEPARATOR for k in keys), starts)

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def key(self, pid: int) -> str:
        return self.data[self._bounds[pid] : self._bounds[pid + 1] - 1].decode("utf-8")

    def containing(self, phrase: str, candidates: Iterable[int]) -> list[int]:
        """The candidate passages whose key contains the phrase's key, in the candidates' order."""
        needle = match_key(phrase).encode("utf-8")
        if not needle:
            return []
        find, bounds = self.data.find, self._bounds
        return [p for p in map(int, candidates) if find(needle, bounds[p], bounds[p + 1]) >= 0]

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"match_data": np.frombuffer(self.data, dtype=np.uint8), "match_starts": self.starts}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> MatchText:
        return cls(arrays["match_data"].tobytes(), arrays["match_starts"])
