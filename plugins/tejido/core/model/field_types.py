"""The kinds of value a field holds (text, a year, a term, a reference, a list of
records…), a field, and a kind of entry: the vocabulary the content model is written in."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("es", "en")
DEFAULT_LANGUAGE = "es"


@dataclass(frozen=True)
class Text:
    max_length: int = 300


@dataclass(frozen=True)
class Bilingual:
    markdown: bool = False
    max_length: int = 20_000


@dataclass(frozen=True)
class Year:
    pass


@dataclass(frozen=True)
class Date:
    pass


@dataclass(frozen=True)
class Url:
    pass


@dataclass(frozen=True)
class Email:
    pass


@dataclass(frozen=True)
class Phone:
    pass


@dataclass(frozen=True)
class Flag:
    pass


@dataclass(frozen=True)
class Count:
    """A whole number from 1 (pages of a document)."""

    maximum: int = 100_000


@dataclass(frozen=True)
class Names:
    """A list of plain names (people or groups that are not entries)."""

    max_length: int = 120


@dataclass(frozen=True)
class Choice:
    values: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    taxonomy: str


@dataclass(frozen=True)
class Terms:
    taxonomy: str


@dataclass(frozen=True)
class Ref:
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Refs:
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class FilePath:
    suffixes: tuple[str, ...] = (".pdf",)


@dataclass(frozen=True)
class Record:
    fields: tuple[Field, ...]
    policy: str = ""
    """A check across the record's fields, by name (see validate.RECORD_POLICIES)."""


@dataclass(frozen=True)
class ListOf:
    item: Record


FieldType = (
    Text | Bilingual | Year | Date | Url | Email | Phone | Flag | Count | Names | Choice | Term
    | Terms | Ref | Refs | FilePath | Record | ListOf
)


@dataclass(frozen=True)
class Relation:
    """A relation this field declares; its inverse is derived, never written.

    For a list of records, `ref_field` names the record field holding the
    reference and `year_field` the one holding its year."""

    name: str
    inverse: str
    ref_field: str = ""
    year_field: str = ""


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    es: str
    en: str
    required: bool = False
    relation: Relation | None = None
    example: str = ""


@dataclass(frozen=True)
class KindSpec:
    kind: str
    folder: str
    pattern: str
    title_field: str
    fields: tuple[Field, ...]
    es: str
    en: str
