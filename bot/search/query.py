"""Questions → weighted index terms, grouped into concepts (one per word typed, with its aliases)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.config.models import Aliases
from bot.search.analyzer import Analyzer
from bot.search.index import BM25Index, WeightedTerm


@dataclass
class Concept:
    words: list[str]  # what the user typed (normalised)
    terms: list[WeightedTerm] = field(default_factory=list)
    soft: bool = False  # a stance or worry word (think, worried): it adds to a score, never counts against one

    @property
    def term_names(self) -> list[str]:
        return [t.term for t in self.terms]


@dataclass
class Query:
    text: str
    concepts: list[Concept]

    @property
    def terms(self) -> list[WeightedTerm]:
        return [t for c in self.concepts for t in c.terms]

    @property
    def empty(self) -> bool:
        return not any(not c.soft for c in self.concepts)


class Expander:
    """Spelling variants (full weight), word families and related names (lower weight) from config/aliases.yaml."""

    def __init__(
        self,
        analyzer: Analyzer,
        aliases: Aliases,
        related_weight: float,
        family_weight: float = 0.8,
        acronyms: dict[str, str] | None = None,
    ) -> None:
        self.analyzer = analyzer
        self.related_weight = related_weight
        self._rules: dict[str, list[tuple[tuple[str, ...], list[list[str]], float]]] = {}  # by last stem
        for group in aliases.spelling:
            self._add_group(group, 1.0)
        for key, values in aliases.related.items():
            self._add_group([key, *values], related_weight)
        for group in aliases.families:
            self._add_group(group, family_weight)
        for short, long in (acronyms or {}).items():  # learned from the documents: EV ~ electric vehicle
            self._add_group([short, long], related_weight)

    def _add_group(self, members: list[str], weight: float) -> None:
        phrases = [tuple(self.analyzer.heads(m)) for m in members]
        expansions = [_joined_or_all(self.analyzer.terms(m)) for m in members]
        for i, phrase in enumerate(phrases):
            others = [e for j, e in enumerate(expansions) if j != i and e and phrases[j] != phrase]
            if phrase and others:
                self._rules.setdefault(phrase[-1], []).append((phrase, others, weight))

    def expand(self, stems: list[str]) -> dict[int, list[WeightedTerm]]:
        """Extra terms for positions in `stems` where a variant phrase ends (rules are looked up by the
        stem at each position, in the order they were configured)."""
        extra: dict[int, list[WeightedTerm]] = {}
        for end, stem in enumerate(stems):
            for phrase, others, weight in self._rules.get(stem, ()):
                n = len(phrase)
                if n <= end + 1 and tuple(stems[end - n + 1 : end + 1]) == phrase:
                    for other in others:
                        extra.setdefault(end, []).extend(WeightedTerm(t, weight / len(other)) for t in other)
        return extra


class QueryBuilder:
    """`ignore`: words about the asking (config/questions.yaml `meta_words`), dropped like stopwords;
    `soft`: stance and worry words (`soft_words`) searched with how documents say them, at `soft_weight`."""

    def __init__(
        self,
        analyzer: Analyzer,
        expander: Expander | None = None,
        ignore: frozenset[str] = frozenset(),
        soft: dict[str, list[str]] | None = None,
        soft_weight: float = 0.6,
        families: dict[str, list[str]] | None = None,
        family_weight: float = 0.8,
    ) -> None:
        self.analyzer = analyzer
        self.expander = expander
        self.ignore = ignore
        self.soft = {w: [t for v in [w, *vs] for t in analyzer.terms(v)] for w, vs in (soft or {}).items()}
        self.soft_weight = soft_weight
        self.families = families or {}
        self.family_weight = family_weight

    def build(self, text: str) -> Query:
        groups = [g for g in self.analyzer.groups(text) if not all(w in self.ignore for w in g)]
        concepts = [self._concept(g) for g in groups]
        heads = [c.terms[-1].term for c in concepts]  # joined form for hyphenated words
        for pos, term in self.analyzer.phrase_terms(heads):
            concepts[pos].terms.append(WeightedTerm(term))
        if self.expander:
            for pos, extra in self.expander.expand(heads).items():
                known = set(concepts[pos].term_names)
                for term in extra:
                    if term.term not in known:
                        known.add(term.term)
                        concepts[pos].terms.append(term)
        return Query(text, concepts)

    def _concept(self, group: list[str]) -> Concept:
        soft = self.soft.get(group[-1])
        if soft is None:
            stems = self.analyzer.stem(group)
            kin = [f for t in stems for f in self.families.get(t, ()) if f not in stems]
            return Concept(group, [WeightedTerm(t) for t in stems] + [WeightedTerm(f, self.family_weight) for f in kin])
        terms = [WeightedTerm(t, 1.0 if i == 0 else self.soft_weight) for i, t in enumerate(dict.fromkeys(soft))]
        return Concept(group, terms, soft=True)


def _joined_or_all(terms: list[str]) -> list[str]:
    """A multi-word alias is searched as its joined term ("walk away" → walk_away), not as each of its words:
    "away" alone is no withdrawal, "presence" alone no military presence."""
    joined = [t for t in terms if "_" in t]
    return joined or terms


def concept_weight(index: BM25Index, concept: Concept) -> float:
    """How much a concept counts toward coverage: its best idf, or the maximum for an unknown word (a soft
    word counts nothing)."""
    if concept.soft:
        return 0.0
    for typed in (True, False):
        idfs = [index.term_idf(t.term) for t in concept.terms if (t.weight == 1.0) == typed]
        known = [i for i in idfs if i is not None]
        if known:
            return max(known)
    return index.max_idf
