"""Schema of config/threats.yaml: what makes a sentence about a threat, and how `!threats` ranks it."""

from __future__ import annotations

from pydantic import Field, model_validator

from bot.config.models import Strict


class Roles(Strict):
    """How strongly the entity's place in the sentence ties it to the threat words near it."""

    window: int = Field(6, ge=1, le=20, description="content words between the entity and a threat word, at most")
    subject: float = Field(1.0, ge=0, le=1, description="the entity comes first: “Russia attacked …”")
    counter: float = Field(
        0.3, ge=0, le=1, description="the entity first, acting against/on it: “China acts against illicit suppliers”"
    )
    agent: float = Field(1.0, ge=0, le=1, description="after by/from/of: “attacks by the Houthis”")
    object: float = Field(0.8, ge=0, le=1, description="right after the threat word: “we condemn Hamas”")
    target: float = Field(0.6, ge=0, le=1, description="after against/on/to: “aggression against Ukraine”")
    place: float = Field(0.9, ge=0, le=1, description="after in/across/near: “provocations in the Taiwan Strait”")
    mention: float = Field(0.15, ge=0, le=1, description="in the sentence, but far from any threat word")
    weak: float = Field(0.6, ge=0, le=1, description="factor for a tie through a `weak` word")
    agent_words: list[str] = Field(default_factory=lambda: ["by", "from", "of", "with"])
    target_words: list[str] = Field(default_factory=lambda: ["against", "on", "to", "toward", "towards", "at"])
    place_words: list[str] = Field(default_factory=lambda: ["in", "across", "near", "around", "within", "throughout"])
    clause_break: float = Field(0.7, ge=0, le=1, description="factor when punctuation separates the two")


class Ranking(Strict):
    role: float = Field(0.65, ge=0, le=2, description="weight of the entity's tie to a threat word")
    bm25: float = Field(0.15, ge=0, le=2, description="weight of the BM25 score (relative to the best)")
    distinct: float = Field(0.1, ge=0, le=2, description="weight of using two distinct threat words")
    context: float = Field(0.1, ge=0, le=2, description="weight of assessment words (`context`)")
    subject_first: float = Field(0.1, ge=0, le=1, description="gain when the entity opens the sentence")
    list_item: float = Field(0.8, ge=0, le=1, description="factor for a bullet-list item (often a fragment)")
    recency: float = Field(0.25, ge=0, le=2, description="boost for the newest document relative to the oldest")
    document_type: float = Field(0.3, ge=0, le=1, description="how much the document type's weight counts")
    diversity: float = Field(0.35, ge=0, le=1, description="MMR: weight of similarity to excerpts already chosen")
    pool: int = Field(300, ge=10, le=5000, description="candidates re-ranked per answer")
    min_words: int = Field(8, ge=1, description="shorter sentences rank lower")
    max_words: int = Field(60, ge=10, description="longer (rambling) sentences rank lower")


class Entities(Strict):
    show: int = Field(10, ge=0, le=30, description="other entities listed by a bare `!threats`")
    min_documents: int = Field(3, ge=1, description="an entity must be tied to a threat in this many documents")
    ignore: list[str] = Field(default_factory=list, description="names never listed (us, titles, institutions)")


class Threats(Strict):
    categories: dict[str, list[str]] = Field(min_length=1, description="sub-topic → its threat words")
    markers: list[str] = Field(default_factory=list, description="words that mark any threat (threat, condemn …)")
    weak: list[str] = Field(default_factory=list, description="threat words that say less (concern, oppose …)")
    context: list[str] = Field(default_factory=list, description="words an assessment tends to use; rank higher")
    roles: Roles = Roles()
    ranking: Ranking = Ranking()
    entities: Entities = Entities()

    @model_validator(mode="after")
    def _words(self) -> Threats:
        for name, words in self.categories.items():
            if not words:
                raise ValueError(f"category {name!r} has no words")
        return self

    def all_words(self) -> list[str]:
        return [w for words in self.categories.values() for w in words] + list(self.markers)
