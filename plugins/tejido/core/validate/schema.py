"""JSON Schemas for every kind, derived from the same definitions the validator uses.

Editors (VS Code with the YAML extension) read them to complete field names and
flag mistakes while typing.  They cannot see across files, so duplicate ids and
references to entries that do not exist are left to `tejido check`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tejido.core.model import fields as f
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.validate.validate import EMAIL, PHONE

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*"


def _term(tax: Taxonomy) -> dict[str, Any]:
    """A place may be written by its name in any case and with or without accents, which no
    enum can list: editors accept any text there and `tejido check` resolves it."""
    if tax.name == "regions":
        return {"type": "string", "minLength": 1}
    return {"enum": _terms(tax)}


def _terms(taxonomy: Taxonomy) -> list[Any]:
    if taxonomy.name == "sdgs":
        return sorted(int(t) for t in taxonomy.terms) + sorted(taxonomy.terms, key=int)
    codes = sorted(t.iso for t in taxonomy if t.iso)
    return sorted(taxonomy.terms) + codes


def _type(kind: f.FieldType, taxonomies: Mapping[str, Taxonomy]) -> dict[str, Any]:
    match kind:
        case f.Text(max_length=limit):
            return {"type": "string", "maxLength": limit}
        case f.Bilingual(max_length=limit):
            text = {"type": "string", "maxLength": limit}
            return {"type": "object", "properties": {lang: text for lang in f.LANGUAGES},
                    "additionalProperties": False}
        case f.Year():
            # No maximum: the schema would change every year; `tejido check` refuses the future.
            return {"type": "integer", "minimum": 1800}
        case f.Date():
            return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        case f.Url():
            return {"type": "string", "pattern": r"^https?://[^\s/]+\.[^\s]+$"}
        case f.Email():
            return {"type": "string", "pattern": EMAIL.pattern}
        case f.Phone():
            return {"type": ["string", "integer"], "pattern": PHONE.pattern}
        case f.Flag():
            return {"type": "boolean"}
        case f.Count(maximum=maximum):
            return {"type": "integer", "minimum": 1, "maximum": maximum}
        case f.Names(max_length=limit):
            return {"type": "array", "items": {"type": "string", "maxLength": limit}}
        case f.Choice(values=values):
            return {"enum": list(values)}
        case f.Term(taxonomy=name):
            return _term(taxonomies[name])
        case f.Terms(taxonomy=name):
            return {"type": "array", "items": _term(taxonomies[name]), "minItems": 1}
        case f.Ref(kinds=kinds) | f.Refs(kinds=kinds):
            ref = {"type": "string", "pattern": f"^({'|'.join(kinds)}):{SLUG}$"}
            return ref if isinstance(kind, f.Ref) else {"type": "array", "items": ref}
        case f.FilePath(suffixes=suffixes):
            ends = "|".join(s.lstrip(".") for s in suffixes)
            return {"type": "string", "pattern": rf"^[^/].*\.({ends})$"}
        case f.Record(fields=inner):
            return _object(inner, taxonomies)
        case f.ListOf(item=item):
            return {"type": "array", "items": _object(item.fields, taxonomies)}
    raise AssertionError(kind)


def _object(spec_fields: tuple[f.Field, ...],
            taxonomies: Mapping[str, Taxonomy]) -> dict[str, Any]:
    properties = {}
    for field in spec_fields:
        prop = _type(field.type, taxonomies)
        if isinstance(field.type, f.Bilingual) and field.required:
            prop["required"] = [f.DEFAULT_LANGUAGE]
        prop["description"] = f"{field.es} / {field.en}"
        properties[field.name] = prop
    required = [field.name for field in spec_fields if field.required]
    result: dict[str, Any] = {"type": "object", "properties": properties,
                              "additionalProperties": False}
    if required:
        result["required"] = required
    return result


def kind_schema(spec: f.KindSpec, taxonomies: Mapping[str, Taxonomy]) -> dict[str, Any]:
    schema = _object(spec.fields, taxonomies)
    where = f"{spec.folder}/{spec.pattern}"
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{spec.kind}.schema.json",
        "title": f"Tejido {spec.kind}",
        "description": f"{spec.es} / {spec.en}: {where}",
        **schema,
    }


def schema_files(taxonomies: Mapping[str, Taxonomy]) -> dict[str, str]:
    """File name -> JSON text, one schema per kind; deterministic."""
    return {
        f"{kind}.schema.json": json.dumps(kind_schema(spec, taxonomies),
                                          ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for kind, spec in f.KINDS.items()
    }
