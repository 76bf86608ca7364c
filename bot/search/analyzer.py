"""The analyser shared by indexing and queries.

Unicode normalisation (curly quotes, dashes), lowercase, possessives dropped (NATO’s → nato), dotted
acronyms joined (U.S. → us, kept even though "us" is a stopword), hyphenated words indexed both split and
joined (rules-based → rules, based, rulesbased), English stopwords, Snowball stemming (PyStemmer).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import Stemmer

from bot.search.stopwords import STOPWORDS

_REPLACE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": " ",
    "\u2015": " ",
    "\u2212": "-",
    "\u00ad": "",
}
_SPECIAL = re.compile("[" + "".join(_REPLACE) + "]")
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)+|[^\W_]+(?:['-][^\W_]+)*", re.UNICODE)
_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?/?>")  # HTML left in a document: 2<sup>nd</sup> is 2nd
_PERCENT = re.compile(r"(\d)\s?%")
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_POSSESSIVE = re.compile(r"'s?$")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")  # the url of a Markdown link: markup, not words


def normalise(text: str) -> str:
    """NFKC + typographic quotes/dashes to ASCII + lowercase. Used for matching, never for display.

    The same as `unicodedata.normalize("NFKC", text).translate(...).lower()`, ~10× faster: NFKC only when the
    text is not already normalised, and one regex pass instead of a per-character dict lookup."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _SPECIAL.sub(_special, text).lower()


def _special(match: re.Match[str]) -> str:
    return _REPLACE[match.group()]


def fold(text: str) -> str:
    """Accents dropped (Gospić → Gospic, Québec → Quebec), as Lucene's ASCII folding does for search."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _clean(text: str) -> str:
    """What the analyser reads: no link targets or HTML tags, "%" as the word percent, accents folded."""
    text = _TAG.sub("", normalise(_LINK_TARGET.sub(" ", text)))
    return fold(_PERCENT.sub(r"\1 percent", text))


@dataclass(frozen=True, slots=True)
class Token:
    term: str  # the stemmed index term
    surface: str  # the normalised word it came from (for suggestions)


class Analyzer:
    """`phrases` (multi-word names from config, e.g. "north korea") also index as one joined term, so
    "North Korea" can be required without matching every "South Korea"."""

    def __init__(
        self, stopwords: frozenset[str] = STOPWORDS, language: str = "english", phrases: Iterable[str] = ()
    ) -> None:
        self.stopwords = stopwords
        self._stemmer = Stemmer.Stemmer(language)
        self._stemmer.maxCacheSize = 200_000
        self._stem_lock = threading.Lock()  # PyStemmer objects must not be used by two threads at once
        self._phrases: dict[tuple[str, ...], str] = {}
        for phrase in phrases:
            heads = self.heads(phrase)
            if len(heads) > 1:
                self._phrases[tuple(heads)] = "_".join(heads)
        self._longest = max((len(p) for p in self._phrases), default=0)

    def groups(self, text: str) -> list[list[str]]:
        """One list per word typed: its normalised parts (a hyphenated word gives parts + joined form).

        Stopwords are dropped; dotted acronyms are joined (U.S. → us) and kept.
        """
        out: list[list[str]] = []
        for match in _TOKEN.finditer(_clean(text)):
            raw = match.group()
            if raw[0].isdigit() and ("." in raw or "," in raw):
                out.append([raw.replace(",", "") if "," in raw and "." not in raw else raw])  # 1,000 → 1000; 1.85
                continue
            if "." in raw:
                out.append([raw.replace(".", "")])
                continue
            ordinal = _ORDINAL.match(raw)
            if ordinal:
                n = int(ordinal.group(1))
                out.append([raw, _ORDINAL_WORDS[n - 1]] if 1 <= n <= len(_ORDINAL_WORDS) else [raw])
                continue
            parts = _POSSESSIVE.sub("", raw).replace("'", "").split("-")
            group = [p for p in parts if p and p not in self.stopwords]
            if len(parts) > 1:
                group.append("".join(parts))
            if group:
                out.append(group)
        return out

    def words(self, text: str) -> list[str]:
        return [w for group in self.groups(text) for w in group]

    def stem(self, words: list[str]) -> list[str]:
        with self._stem_lock:
            return self._stemmer.stemWords(words)

    def heads(self, text: str) -> list[str]:
        """One stem per word typed (a hyphenated word gives its joined form)."""
        return self.stem([g[-1] for g in self.groups(text)])

    def phrase_terms(self, heads: list[str]) -> list[tuple[int, str]]:
        """(position of the last word, joined term) for every configured phrase in a run of heads."""
        found = []
        for end in range(len(heads)):
            for n in range(2, min(self._longest, end + 1) + 1):
                term = self._phrases.get(tuple(heads[end - n + 1 : end + 1]))
                if term:
                    found.append((end, term))
        return found

    def terms(self, text: str) -> list[str]:
        return [t.term for t in self.tokens(text)]

    def tokens(self, text: str) -> list[Token]:
        groups = self.groups(text)
        words = [w for g in groups for w in g]
        tokens = [Token(t, w) for t, w in zip(self.stem(words), words, strict=True)]
        if self._phrases:
            heads = self.stem([g[-1] for g in groups])
            tokens.extend(Token(term, term.replace("_", " ")) for _, term in self.phrase_terms(heads))
        return tokens

    def name_terms(self, name: str) -> list[str]:
        """Index terms that mean `name` itself: the joined term for a configured phrase, else its words."""
        heads = self.heads(name)
        phrase = self._phrases.get(tuple(heads)) if len(heads) > 1 else None
        return [phrase] if phrase else self.terms(name)
