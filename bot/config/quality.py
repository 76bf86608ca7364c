"""Schema of config/quality.yaml: the sentences a reader does not want quoted, and the kinds of document."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from bot.config.models import Strict, check_regexes, repeated


class QualityRule(Strict):
    kind: str = Field(pattern=r"^[a-z_]+$", description="what the rule catches (greeting, legal, bio, …)")
    patterns: list[str] = Field(default_factory=list, description="regexes searched in the lowercased sentence")
    exact_case: list[str] = Field(default_factory=list, description="regexes searched as written (ALL CAPS)")
    unless: list[str] = Field(default_factory=list, description="a sentence matching one of these is kept")
    max_words: int | None = Field(None, ge=1, description="the rule only applies to sentences this short")
    documents: list[str] = Field(default_factory=list, description="document types it applies to (empty: all)")

    @field_validator("patterns", "exact_case", "unless")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        return check_regexes(value)

    @model_validator(mode="after")
    def _has_patterns(self) -> QualityRule:
        if not self.patterns and not self.exact_case:
            raise ValueError(f"rule {self.kind!r} needs `patterns` or `exact_case`")
        return self


class Speakers(Strict):
    label: str = Field(description="regex for a speaker label at the start of a paragraph (group 1: the name)")
    junk: dict[str, str] = Field(
        default_factory=dict, description="kind → regex of speaker names whose whole turn is never quoted"
    )

    @field_validator("label")
    @classmethod
    def _label(cls, value: str) -> str:
        return check_regexes([value])[0]

    @field_validator("junk")
    @classmethod
    def _names(cls, value: dict[str, str]) -> dict[str, str]:
        check_regexes(list(value.values()))
        return value


class Shape(Strict):
    min_words: int = Field(4, ge=1, le=10, description="a sentence with fewer words is a fragment")
    heading_max_words: int = Field(16, ge=1, description="a line without end punctuation up to this long …")
    heading_capitalised: float = Field(
        0.6, gt=0, le=1, description="… whose content words are capitalised at least this often is a heading"
    )
    lead_in_max_words: int = Field(40, ge=1, description="a sentence ending in ':' up to this long is a lead-in")
    caps_max_words: int = Field(14, ge=1, description="a sentence this short and in capitals is a heading")


class DocumentType(Strict):
    type: str = Field(pattern=r"^[a-z_]+$")
    title: str = Field(description="regex searched case-insensitively in the title; the first match wins")
    weight: float = Field(1.0, ge=0, le=2, description="importance of this kind of document in the digest")

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return check_regexes([value])[0]


class Quality(Strict):
    strip: list[str] = Field(
        default_factory=list, description="regexes removed from a sentence's start before the rules (labels)"
    )
    rules: list[QualityRule] = Field(default_factory=list)
    speakers: Speakers | None = None
    shape: Shape = Shape()
    document_types: list[DocumentType] = Field(default_factory=list)
    default_type: str = Field("other", pattern=r"^[a-z_]+$", description="the type of a title nothing matches")

    @field_validator("strip")
    @classmethod
    def _strip(cls, value: list[str]) -> list[str]:
        return check_regexes(value)

    @model_validator(mode="after")
    def _known_types(self) -> Quality:
        types = {t.type for t in self.document_types} | {self.default_type}
        dupes = repeated(t.type for t in self.document_types)
        if dupes:
            raise ValueError(f"document type {dupes[0]!r} is listed more than once")
        for rule in self.rules:
            unknown = sorted(set(rule.documents) - types)
            if unknown:
                raise ValueError(f"rule {rule.kind!r}: unknown document type {unknown[0]!r} (known: {sorted(types)})")
        return self
