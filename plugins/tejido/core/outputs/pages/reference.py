"""The contributor's field reference, produced from the same definitions the validator uses."""

from __future__ import annotations

from dataclasses import dataclass

from tejido.core.model import fields as f
from tejido.core.outputs.views import SnippetView
from tejido.core.validate.validate import expected


@dataclass(frozen=True)
class FieldRow:
    name: str
    required: bool
    doc: str
    form: str


@dataclass(frozen=True)
class KindReference:
    title: str
    kind: str
    files: str
    rows: tuple[FieldRow, ...]


def _rows(spec_fields: tuple[f.Field, ...], lang: str, prefix: str = "") -> list[FieldRow]:
    rows = []
    for field in spec_fields:
        name = f"{prefix}{field.name}"
        rows.append(FieldRow(name, field.required, field.es if lang == "es" else field.en,
                             expected(field.type)))
        inner = field.type.item if isinstance(field.type, f.ListOf) else field.type
        if isinstance(inner, f.Record):
            marker = "[]." if isinstance(field.type, f.ListOf) else "."
            rows.extend(_rows(inner.fields, lang, f"{name}{marker}"))
    return rows


def field_reference(lang: str) -> SnippetView:
    kinds = tuple(KindReference(spec.es if lang == "es" else spec.en, spec.kind,
                                f"{spec.folder}/{spec.pattern}", tuple(_rows(spec.fields, lang)))
                  for spec in f.KINDS.values())
    return SnippetView("tejido/fields.html", {"kinds": kinds})
