"""Every passage's match key (normalised, whitespace collapsed), precomputed once as one UTF-8 buffer.

`match_key` is what `!cite` and duplicate removal compare. Normalising is not length-preserving (NFKC
turns "ﬁ" into "fi", "①" into "1"; a soft hyphen disappears), so nothing here maps positions inside a
key back to the source text: a key is only ever tested for containing a phrase, and a hit is reported
as its passage id, whose verbatim text the knowledge base holds. Keys are joined with "\\n", which no key
contains (whitespace is collapsed to single spaces), and `starts` holds each key's byte offset, so
passage i is `data[starts[i]:starts[i + 1] - 1]`. UTF-8 is self-synchronising: a byte-level substring
match is exactly a character-level one.

Checking thousands of candidates one `find` each costs ~1 µs apiece, so each passage also has a 256-bit
signature of the words of its key (crc32, stable across processes): a phrase's inner words (all but the
first and last, which may be parts of words) are whole words of any passage containing it, so candidates
whose signature lacks one of their bits are dropped before any text is read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

import numpy as np

from bot.answers.plain import plain
from bot.search.analyzer import normalise

SEPARATOR = b"\n"
SIGNATURE_WORDS = 4  # uint64 words per passage: 256 bits
PREFILTER_MIN = 64  # fewer candidates than this are checked directly


def match_key(text: str) -> str:
    """The words as a reader sees them (Markdown markup shown as its text), normalised for matching."""
    return " ".join(normalise(plain(text)).split())


class MatchText:
    def __init__(self, data: bytes, starts: np.ndarray, signatures: np.ndarray) -> None:
        self.data = data
        self.starts = np.asarray(starts, dtype=np.int64)
        self.signatures = np.asarray(signatures, dtype=np.uint64).reshape(-1, SIGNATURE_WORDS)
        self._bounds = self.starts.tolist()  # Python ints: indexing a list is ~10× cheaper than numpy

    @classmethod
    def build(cls, texts: Iterable[str]) -> MatchText:
        keys = [match_key(t).encode("utf-8") for t in texts]
        lengths = np.fromiter((len(k) + 1 for k in keys), dtype=np.int64, count=len(keys))
        starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        signatures = np.array([signature(k.split(b" ")) for k in keys], dtype=np.uint64)
        return cls(b"".join(k + SEPARATOR for k in keys), starts, signatures.reshape(-1, SIGNATURE_WORDS))

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def key(self, pid: int) -> str:
        return self.data[self._bounds[pid] : self._bounds[pid + 1] - 1].decode("utf-8")

    def containing(self, phrase: str, candidates: Iterable[int]) -> list[int]:
        """The candidate passages whose key contains the phrase's key, in the candidates' order."""
        needle = match_key(phrase).encode("utf-8")
        if not needle:
            return []
        if not isinstance(candidates, np.ndarray):
            candidates = np.fromiter(candidates, dtype=np.int64)
        inner = needle.split(b" ")[1:-1]
        if inner and len(candidates) >= PREFILTER_MIN:
            want = np.array(signature(inner), dtype=np.uint64)
            candidates = candidates[((self.signatures[candidates] & want) == want).all(axis=1)]
        find, bounds = self.data.find, self._bounds
        return [p for p in candidates.tolist() if find(needle, bounds[p], bounds[p + 1]) >= 0]

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {
            "match_data": np.frombuffer(self.data, dtype=np.uint8),
            "match_starts": self.starts,
            "match_signatures": self.signatures,
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> MatchText:
        return cls(arrays["match_data"].tobytes(), arrays["match_starts"], arrays["match_signatures"])


def signature(words: Sequence[bytes]) -> list[int]:
    """256 bits, one set per word (crc32 of its bytes, so the same in every process), as 4 uint64 words."""
    out = [0] * SIGNATURE_WORDS
    for word in words:
        bit = zlib.crc32(word) & 255
        out[bit >> 6] |= 1 << (bit & 63)
    return out
