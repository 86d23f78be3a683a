"""One table per kind and language: the columns (derived from the field definitions, so
exports follow the content model) and one row per entry, with every public value.

Lists stay Python lists here; the CSV writer joins them with ';' and the JSON keeps
them. Term ids and their labels are separate columns, and so are relations as typed
references (`organization:seres`) and the names of what they point to."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tejido.core.catalog.catalog import Catalog
from tejido.core.model import contact
from tejido.core.model import fields as f
from tejido.core.model.model import Entry, Ref, pick
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.outputs.data.settings import Publication
from tejido.core.outputs.urls import Urls
from tejido.core.validate.identifiers import org_id

Value = str | int | bool | list[str] | None
PRIVATE_RECORDS = ("contact", "contact_person")
"""Fields never exported as written: their public part comes from core/model/contact.py."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    """A Table Schema type: string, integer, date, boolean or list (of strings)."""
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    refers_to: str = ""
    """The kind a single reference points to (a foreign key), if only one."""
    taxonomy: str = ""
    """The taxonomy whose term ids the column holds (an enumeration)."""


def _relations() -> dict[str, list[tuple[str, f.Field, bool]]]:
    """Per kind: (relation name, declaring field, declared here?), declared and inverse."""
    found: dict[str, list[tuple[str, f.Field, bool]]] = {kind: [] for kind in f.KINDS}
    for spec in f.KINDS.values():
        for field in spec.fields:
            if field.relation is None:
                continue
            found[spec.kind].append((field.relation.name, field, True))
            targets = _target_kinds(field.type)
            for target in targets:
                inverse = field.relation.inverse
                mirrored = inverse != field.relation.name or target != spec.kind
                if mirrored and all(name != inverse for name, _, _ in found[target]):
                    found[target].append((inverse, field, False))
    return found


def _target_kinds(kind: f.FieldType) -> tuple[str, ...]:
    if isinstance(kind, (f.Ref, f.Refs)):
        return kind.kinds
    if isinstance(kind, f.ListOf):
        return next((_target_kinds(inner.type) for inner in kind.item.fields
                     if isinstance(inner.type, (f.Ref, f.Refs))), ())
    return ()


RELATIONS = _relations()


def _year_field(field: f.Field) -> str:
    return field.relation.year_field if field.relation else ""


def _field_columns(field: f.Field, prefix: str = "") -> Iterator[Column]:
    name, kind, doc = prefix + field.name, field.type, field.en
    required = field.required and not prefix
    match kind:
        case f.Year():
            yield Column(name, "integer", doc, required)
        case f.Date():
            yield Column(name, "date", doc, required)
        case f.Flag():
            yield Column(name, "boolean", doc, required)
        case f.Choice(values=values):
            yield Column(name, "string", doc, required, enum=values)
        case f.Term(taxonomy=taxonomy):
            yield Column(name, "string", doc + " (term id)", required, taxonomy=taxonomy)
            yield Column(name + "_label", "string", doc + " (label)", required)
        case f.Terms(taxonomy=taxonomy):
            yield Column(name, "list", doc + " (term ids)", required, taxonomy=taxonomy)
            yield Column(name + "_labels", "list", doc + " (labels)", required)
        case f.Record(fields=inner):
            for sub in inner:
                yield from _field_columns(sub, name + "_")
        case f.ListOf() if field.name == "identifiers":
            yield Column(name, "list", doc + " (org-id.guide form: SCHEME-identifier)")
        case f.ListOf(item=item):
            yield Column(name, "list", doc + " (" + ", ".join(s.name for s in item.fields) + ")")
        case _:
            yield Column(name, "string", doc, required)


def _relation_columns(kind: str) -> Iterator[Column]:
    for relation, field, declared in RELATIONS[kind]:
        name = field.name if declared else relation
        targets = _target_kinds(field.type) if declared else (field_kind(field),)
        single = declared and isinstance(field.type, f.Ref)
        what = f"{field.en} " if declared else f"Inverse of '{field.name}': "
        refers = targets[0] if single and len(targets) == 1 else ""
        if single:
            yield Column(name, "string", what + "(typed reference)", field.required,
                         refers_to=refers)
            yield Column(name + "_name", "string", what + "(name)")
        else:
            yield Column(name, "list", what + "(typed references)", declared and field.required)
            yield Column(name + "_names", "list", what + "(names)")
        if _year_field(field):
            yield Column(name + "_years", "list", what + "(years, in the same order)")


def field_kind(field: f.Field) -> str:
    """The kind that declares a field."""
    return next(spec.kind for spec in f.KINDS.values()
                if any(own is field for own in spec.fields))


CONTACT_COLUMNS = (
    Column("emails", "list", "Public e-mail addresses of the organization."),
    Column("phones", "list", "Public phone numbers of the organization."),
    Column("contact_form", "string", "Contact form."),
    Column("contact_person_name", "string", "Contact person, only when published with consent."),
    Column("contact_person_role", "string", "The contact person's role."),
    Column("contact_person_emails", "list", "The contact person's public e-mail."),
    Column("contact_person_phones", "list", "The contact person's public phone."),
)


@functools.cache
def columns(kind: str) -> tuple[Column, ...]:
    spec = f.KINDS[kind]
    found = [
        Column("ref", "string", "Typed reference, kind:id (unique).", True),
        Column("id", "string", "The entry's id (its file name).", True),
        Column("url", "string", "Its page in this language.", True),
    ]
    has_contact = False
    for field in spec.fields:
        if field.relation is not None:
            continue
        if field.name in PRIVATE_RECORDS:
            has_contact = True
            continue
        found.extend(_field_columns(field))
    found.extend(_relation_columns(kind))
    if has_contact:
        found.extend(CONTACT_COLUMNS)
    found.append(Column("languages", "list", "Languages its text is written in.", True))
    return tuple(found)


class Row:
    """Values of one entry in one language, filled column by column."""

    def __init__(self, catalog: Catalog, entry: Entry, lang: str) -> None:
        self.catalog, self.entry, self.lang = catalog, entry, lang

    def label(self, taxonomy: str, term: str) -> str:
        return self.catalog.taxonomies[taxonomy].terms[term].label(self.lang)

    def name_of(self, text: str) -> str:
        target = self.catalog.entries.get(Ref.parse(text))  # type: ignore[arg-type]
        return target.name(self.lang) if target else ""

    def field_values(self, field: f.Field, raw: Any, prefix: str = "") -> Iterator[
            tuple[str, Value]]:
        name, kind = prefix + field.name, field.type
        match kind:
            case f.Bilingual():
                yield name, pick(raw, self.lang)[0]
            case f.Date():
                yield name, raw.isoformat() if isinstance(raw, dt.date) else str(raw)
            case f.Year() | f.Flag():
                yield name, raw
            case f.Term(taxonomy=taxonomy):
                yield name, raw
                yield name + "_label", self.label(taxonomy, raw)
            case f.Terms(taxonomy=taxonomy):
                yield name, list(raw)
                yield name + "_labels", [self.label(taxonomy, term) for term in raw]
            case f.Record(fields=inner):
                for sub in inner:
                    if sub.name in raw:
                        yield from self.field_values(sub, raw[sub.name], name + "_")
            case f.ListOf() if field.name == "identifiers":
                yield name, [org_id(item["scheme"], item["id"]) for item in raw]
            case f.ListOf():
                yield name, [self.item_text(item) for item in raw]
            case _:
                yield name, str(raw)

    def item_text(self, item: Mapping[str, Any]) -> str:
        """One item of a list of records as text: its values in field order."""
        return " ".join(pick(v, self.lang)[0] if isinstance(v, Mapping) else str(v)
                        for v in item.values())


def _relation_values(row: Row, kind: str) -> Iterator[tuple[str, Value]]:
    for relation, field, declared in RELATIONS[kind]:
        name = field.name if declared else relation
        links = row.catalog.related(row.entry.ref, relation)
        refs = [str(link.target) for link in links]
        if declared and isinstance(field.type, f.Ref):
            yield name, refs[0] if refs else None
            yield name + "_name", row.name_of(refs[0]) if refs else None
        else:
            yield name, refs
            yield name + "_names", [row.name_of(ref) for ref in refs]
        if _year_field(field):
            yield name + "_years", ["" if link.year is None else str(link.year) for link in links]


def _contact_values(entry: Entry, regions: Taxonomy, lang: str) -> Iterator[tuple[str, Value]]:
    public = contact.public_contact(entry, regions)
    yield "emails", [r.shown for r in public.routes if r.kind == "email"]
    yield "phones", [r.shown + (f" ext. {r.extension}" if r.extension else "")
                     for r in public.routes if r.kind == "phone"]
    yield "contact_form", next((r.shown for r in public.routes if r.kind == "form"), None)
    person = public.person
    yield "contact_person_name", (person.name or None) if person else None
    role = person.role if person else None
    yield "contact_person_role", pick(role, lang)[0] if role else None
    routes = person.routes if person else ()
    yield "contact_person_emails", [r.shown for r in routes if r.kind == "email"]
    yield "contact_person_phones", [r.shown for r in routes if r.kind == "phone"]


def row(catalog: Catalog, entry: Entry, lang: str, urls: Urls,
        site: Publication) -> dict[str, Value]:
    """Every column of `columns(entry.kind)`, in order; None where there is no value."""
    values: dict[str, Value] = dict.fromkeys(_names(entry.kind))
    filler = Row(catalog, entry, lang)
    values.update(ref=str(entry.ref), id=entry.id, url=site.absolute(urls.entry(entry.ref, lang)))
    for field in f.KINDS[entry.kind].fields:
        raw = entry.values.get(field.name)
        if field.relation is not None or field.name in PRIVATE_RECORDS or raw is None:
            continue
        values.update(filler.field_values(field, raw))
    values.update(_relation_values(filler, entry.kind))
    if "emails" in values:
        values.update(_contact_values(entry, catalog.taxonomies["regions"], lang))
    values["languages"] = list(entry.languages())
    return values


@functools.cache
def _names(kind: str) -> tuple[str, ...]:
    return tuple(column.name for column in columns(kind))


def table(catalog: Catalog, kind: str, lang: str, urls: Urls,
          site: Publication) -> list[dict[str, Value]]:
    return [row(catalog, entry, lang, urls, site) for entry in catalog.of_kind(kind)]
