"""CSV per kind and language, the public JSON, and the Frictionless Data Package (v2)
that describes every CSV: a table schema per resource with types, required fields,
enumerations of term ids, and foreign keys for relations.

Everything is text built from the catalog alone (no clock, sorted input), so two
builds of one commit give the same bytes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from tejido.core.catalog.catalog import Catalog
from tejido.core.model import fields as f
from tejido.core.model import relations as rel
from tejido.core.model.fields import DEFAULT_LANGUAGE, LANGUAGES, TAXONOMIES
from tejido.core.model.model import Entry
from tejido.core.outputs.data.settings import Publication
from tejido.core.outputs.data.tables import Column, Value, columns

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
LIST_DELIMITER = ";"
PLURALS = {"organization": "organizations", "network": "networks", "practice": "practices",
           "guide": "guides"}


def csv_name(kind: str, lang: str) -> str:
    return f"{PLURALS[kind]}-{lang}.csv"


def json_name(lang: str) -> str:
    return f"tejido-{lang}.json"


MEMBERSHIPS = "memberships.csv"
TERMS = "terms.csv"
ENTRY_TERMS = "entry-terms.csv"


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_DELIMITER.join(value)
    return str(value)


def write_csv(header: Iterable[str], rows: Iterable[Iterable[Value]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(header)
    # Most cells are already text: only the others go through _cell (millions of cells
    # at 10,000 organizations).
    writer.writerows([value if value.__class__ is str else _cell(value) for value in row]
                     for row in rows)
    return buffer.getvalue()


def kind_csv(rows: list[dict[str, Value]], kind: str) -> str:
    names = [column.name for column in columns(kind)]
    return write_csv(names, ([row[name] for name in names] for row in rows))


def memberships_csv(catalog: Catalog) -> str:
    """Which organization belongs to which network since when: a table of its own, so
    both ends can be foreign keys."""
    rows = [[str(network.ref), str(link.target), link.year]
            for network in catalog.of_kind("network")
            for link in catalog.related(network.ref, rel.HAS_MEMBER)]
    return write_csv(["network", "organization", "since"], rows)


def terms_csv(catalog: Catalog) -> str:
    """Every term of every taxonomy, with its parent and its labels in each language."""
    rows = [[name, term.id, term.parent, *(term.labels.get(lang) for lang in LANGUAGES)]
            for name in TAXONOMIES for term in catalog.taxonomies[name]]
    return write_csv(["taxonomy", "id", "parent", *(f"label_{lang}" for lang in LANGUAGES)],
                     rows)


def term_links(entry: Entry) -> Iterator[tuple[str, str]]:
    """(taxonomy, term) of every term an entry uses."""
    for name, terms in (("themes", entry.themes), ("regions", entry.regions),
                        ("sdgs", entry.sdgs), ("populations", entry.populations)):
        for term in terms:
            yield name, term
    org_type = entry.values.get("type")
    if isinstance(org_type, str):
        yield "organization-types", org_type


def entry_terms_csv(catalog: Catalog) -> str:
    """Which entry uses which term: one row each, so every term id is checked against
    terms.csv (the per-kind CSVs hold several ids in one cell, which no key can check)."""
    rows = [[str(entry.ref), name, term] for entry in catalog.entries.values()
            for name, term in term_links(entry)]
    return write_csv(["entry", "taxonomy", "term"], rows)


def public_json(tables: Mapping[str, list[dict[str, Value]]], lang: str,
                site: Publication) -> str:
    """Every entry, every public field, in one language (`tables`: rows by kind). One
    entry per line: readable, diffable, and written by json's fast C encoder."""
    entries = [json.dumps({"kind": kind, **row}, ensure_ascii=False, separators=(",", ":"))
               for kind in f.KINDS for row in tables[kind]]
    head = json.dumps({"language": lang, "licence": site.licence.id, "count": len(entries)},
                      ensure_ascii=False)[:-1]
    return head + ', "entries": [\n' + ",\n".join(entries) + "\n]}\n"


def _field(column: Column, catalog: Catalog) -> dict[str, Any]:
    spec: dict[str, Any] = {"name": column.name, "description": column.description}
    constraints: dict[str, Any] = {}
    if column.type == "list":
        spec.update(type="list", delimiter=LIST_DELIMITER, itemType="string")
    else:
        spec["type"] = column.type
    if column.required:
        constraints["required"] = True
    enum = list(column.enum) or (list(catalog.taxonomies[column.taxonomy].terms)
                                 if column.taxonomy and column.type != "list" else [])
    if enum:
        constraints["enum"] = enum
    if column.taxonomy and column.type == "list":
        spec["description"] += " from taxonomies/" + column.taxonomy + ".yml"
    if constraints:
        spec["constraints"] = constraints
    return spec


def _resource(name: str, path: str, title: str, schema: dict[str, Any],
              rows: int) -> dict[str, Any]:
    return {
        "$schema": RESOURCE_PROFILE, "name": name, "path": path, "title": title,
        "type": "table", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "dialect": {"$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
                    "header": True, "delimiter": ",", "lineTerminator": "\r\n"},
        "schema": {"$schema": SCHEMA_PROFILE, **schema}, "rowsCount": rows,
    }


def _kind_schema(kind: str, lang: str, catalog: Catalog) -> dict[str, Any]:
    keys = [{"fields": [column.name],
             "reference": {"resource": resource_name(column.refers_to, lang), "fields": ["ref"]}}
            for column in columns(kind) if column.refers_to]
    schema: dict[str, Any] = {"fields": [_field(c, catalog) for c in columns(kind)],
                              "primaryKey": ["ref"], "missingValues": [""]}
    if keys:
        schema["foreignKeys"] = keys
    return schema


def resource_name(kind: str, lang: str) -> str:
    return f"{PLURALS[kind]}-{lang}"


def _memberships_resource(catalog: Catalog, lang: str) -> dict[str, Any]:
    count = sum(len(catalog.related(n.ref, rel.HAS_MEMBER)) for n in catalog.of_kind("network"))
    schema = {
        "fields": [
            {"name": "network", "type": "string", "constraints": {"required": True}},
            {"name": "organization", "type": "string", "constraints": {"required": True}},
            {"name": "since", "type": "integer"},
        ],
        "primaryKey": ["network", "organization"], "missingValues": [""],
        "foreignKeys": [
            {"fields": ["network"],
             "reference": {"resource": resource_name("network", lang), "fields": ["ref"]}},
            {"fields": ["organization"],
             "reference": {"resource": resource_name("organization", lang), "fields": ["ref"]}},
        ],
    }
    return _resource("memberships", MEMBERSHIPS, "Network memberships", schema, count)


def _terms_resources(counts: Mapping[str, int]) -> list[dict[str, Any]]:
    taxonomy = {"name": "taxonomy", "type": "string",
                "constraints": {"required": True, "enum": list(TAXONOMIES)}}
    terms = {
        "fields": [taxonomy, {"name": "id", "type": "string", "constraints": {"required": True}},
                   {"name": "parent", "type": "string"},
                   *({"name": f"label_{lang}", "type": "string"} for lang in LANGUAGES)],
        "primaryKey": ["taxonomy", "id"], "missingValues": [""],
    }
    links = {
        "fields": [{"name": "entry", "type": "string", "constraints": {"required": True}},
                   taxonomy, {"name": "term", "type": "string",
                              "constraints": {"required": True}}],
        "primaryKey": ["entry", "taxonomy", "term"], "missingValues": [""],
        "foreignKeys": [{"fields": ["taxonomy", "term"],
                         "reference": {"resource": "terms", "fields": ["taxonomy", "id"]}}],
    }
    return [_resource("terms", TERMS, "Taxonomy terms", terms, counts[TERMS]),
            _resource("entry-terms", ENTRY_TERMS, "Terms of each entry", links,
                      counts[ENTRY_TERMS])]


def descriptor(catalog: Catalog, counts: Mapping[str, int], site: Publication) -> str:
    """`datapackage.json`: every CSV with its table schema, the licence and sources."""
    resources = [
        _resource(resource_name(kind, lang), csv_name(kind, lang),
                  f"{spec.en} ({lang})", _kind_schema(kind, lang, catalog),
                  counts[csv_name(kind, lang)])
        for lang in LANGUAGES for kind, spec in f.KINDS.items()
    ]
    resources.append(_memberships_resource(catalog, DEFAULT_LANGUAGE))
    resources.extend(_terms_resources(counts))
    package = {
        "$schema": PROFILE,
        "name": "tejido-catalog",
        "title": site.name,
        "description": site.describe("en"),
        "descriptions": {lang: site.describe(lang) for lang in LANGUAGES},
        **({"homepage": site.absolute("")} if site.site_url else {}),
        "licenses": [{"name": site.licence.id, "path": site.licence.url,
                      "title": site.licence.title}],
        "sources": [{"title": f"{site.name}: YAML and Markdown files kept in git "
                     "(directory/, practices/, content/guides/, taxonomies/)"}],
        "keywords": ["civil society", "sociedad civil", "directory", "good practices"],
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"
