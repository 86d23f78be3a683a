"""The mapping file: which column goes to which field, how values translate, which rows
continue the one above.  Read with lines kept (mistakes are reported at their line), or
suggested from a table's headers."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from tejido.core.model import fields as f
from tejido.core.model.places import name_key
from tejido.core.model.regions import NATIONAL
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.sources.importer.table import Table
from tejido.core.sources.source import SourceError, load_yaml_file
from tejido.core.validate.problems import Problem, Problems, describe, did_you_mean

KINDS = ("organization", "network")
"""Kinds kept as one YAML file each, which a spreadsheet row can become."""
IGNORE = "ignore"
COUNTRY = "country"
"""Not a field: the country a row's places are in (for 'La Libertad', 'Nacional')."""
PERSONAL = "contact_person"
"""Columns mapped here hold a person's data: never published, masked in reports."""
LISTS = frozenset({"themes", "sdgs", "populations", "regions", "contact.email",
                   "contact.phone", "contact_person.email", "contact_person.phone"})
"""Targets whose cells may hold several values."""
SMALL = 40
"""A column with at most this many distinct values gets them listed for translation."""


def targets(kind: str) -> tuple[str, ...]:
    """Every field a column can go to, dotted ('address.city', 'summary.es')."""
    found = [COUNTRY, IGNORE]
    for spec in f.KINDS[kind].fields:
        match spec.type:
            case f.Record(fields=inner):
                for sub in inner:
                    if isinstance(sub.type, f.Bilingual) or not isinstance(sub.type, f.Flag):
                        found.append(f"{spec.name}.{sub.name}")
            case f.Bilingual():
                found += [f"{spec.name}.{lang}" for lang in f.LANGUAGES]
            case f.ListOf():
                continue  # members and alliances are references: written by hand
            case _:
                found.append(spec.name)
    return tuple(found)


@dataclass
class Mapping_:
    kind: str
    columns: dict[str, str]
    """Header -> target."""
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    """Target -> name_key of a written value -> what to write instead ('' = unknown yet)."""
    fill_down: tuple[str, ...] = ()
    """Headers whose empty cells repeat the value above (merged cells)."""
    defaults: dict[str, str] = field(default_factory=dict)
    path: str = ""
    lines: dict[str, int] = field(default_factory=dict)
    """`values.<target>` -> the line of that block, for 'the mapping line to add'."""

    def translate(self, target: str, written: str) -> str | None:
        """The value the mapping gives for `written`; None when it says nothing."""
        table = self.values.get(target, {})
        chosen = table.get(name_key(written))
        return chosen if chosen else None


def _text_map(raw: object) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    return {str(k): "" if v is None else str(v).strip() for k, v in raw.items()}


def load_mapping(path: Path, shown: str, problems: Problems) -> Mapping_ | None:
    try:
        doc = load_yaml_file(path, shown)
    except SourceError as error:
        problems.add(error.problem)
        return None
    data = doc.data
    if not isinstance(data, dict):
        problems.add(Problem(shown, 1, "", "a mapping is a set of fields",
                             expected="kind:, columns:, values:", found=describe(data),
                             hint="write a first one with tejido import FILE --suggest-mapping"))
        return None
    kind = str(data.get("kind", "organization"))
    if kind not in KINDS:
        problems.add(Problem(shown, doc.line(("kind",)), "kind", "cannot import this kind",
                             expected=" or ".join(KINDS), found=describe(kind)))
        return None
    allowed = targets(kind)
    columns = _text_map(data.get("columns"))
    if not columns:
        problems.add(Problem(shown, doc.line(("columns",)), "columns", "no columns are mapped",
                             expected="'Header: field' lines under columns:", found="nothing"))
    for header, target in columns.items():
        if target not in allowed:
            problems.add(Problem(shown, doc.line(("columns", header)), f"columns.{header}",
                                 "not a field a column can go to", expected="a field name",
                                 found=describe(target),
                                 hint=did_you_mean(target, allowed) + f"; or '{IGNORE}'"))
    values: dict[str, dict[str, str]] = {}
    lines: dict[str, int] = {}
    for target, table in (data.get("values") or {}).items():
        lines[str(target)] = doc.line(("values", target))
        values[str(target)] = {name_key(k): v for k, v in _text_map(table).items()}
    fill = data.get("fill_down") or []
    defaults = _text_map(data.get("defaults"))
    return Mapping_(kind, columns, values, tuple(str(h) for h in fill), defaults, shown, lines)


# --- suggesting a first mapping from the headers ----------------------------------------------

HEADER_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    # Checked in order: the first whose words all appear in the folded header wins, so the
    # person's columns come before the organization's.
    (("telefono", "contacto"), "contact_person.phone"),
    (("telefono", "persona"), "contact_person.phone"), (("tel", "persona"), "contact_person.phone"),
    (("telefono", "enlace"), "contact_person.phone"), (("tel", "enlace"), "contact_person.phone"),
    (("correo", "persona"), "contact_person.email"), (("email", "persona"), "contact_person.email"),
    (("correo", "enlace"), "contact_person.email"), (("email", "enlace"), "contact_person.email"),
    (("tel", "contacto"), "contact_person.phone"),
    (("celular",), "contact_person.phone"), (("phone", "contact"), "contact_person.phone"),
    (("correo", "contacto"), "contact_person.email"),
    (("email", "contact"), "contact_person.email"),
    (("correo", "personal"), "contact_person.email"),
    (("persona",), "contact_person.name"), (("enlace",), "contact_person.name"),
    (("responsable",), "contact_person.name"), (("contact", "person"), "contact_person.name"),
    (("contacto",), "contact_person.name"), (("referente",), "contact_person.name"),
    (("cargo",), "contact_person.role"), (("puesto",), "contact_person.role"),
    (("role",), "contact_person.role"),
    (("siglas",), "acronym"), (("acronimo",), "acronym"), (("acronym",), "acronym"),
    (("tipo",), "type"), (("type",), "type"),
    (("figura",), "legal_form"), (("legal",), "legal_form"),
    (("fundacion",), "founded"), (("founded",), "founded"), (("ano",), "founded"),
    (("pais",), COUNTRY), (("country",), COUNTRY),
    (("municipio",), "address.city"), (("ciudad",), "address.city"),
    (("localidad",), "address.city"), (("city",), "address.city"),
    (("municipality",), "address.city"),
    (("codigo", "postal"), "address.postal_code"), (("cp",), "address.postal_code"),
    (("postal",), "address.postal_code"),
    (("direccion",), "address.street"), (("domicilio",), "address.street"),
    (("calle",), "address.street"), (("address",), "address.street"),
    (("estado",), "regions"), (("entidad",), "regions"), (("departamento",), "regions"),
    (("provincia",), "regions"), (("region",), "regions"), (("state",), "regions"),
    (("cobertura",), "regions"), (("ambito", "geografico"), "regions"),
    (("telefono",), "contact.phone"), (("tel",), "contact.phone"), (("phone",), "contact.phone"),
    (("whatsapp",), "contact.phone"),
    (("correo",), "contact.email"), (("email",), "contact.email"), (("e", "mail"), "contact.email"),
    (("mail",), "contact.email"),
    (("formulario",), "contact.form"), (("form",), "contact.form"),
    (("facebook",), "social.facebook"), (("instagram",), "social.instagram"),
    (("twitter",), "social.x"), (("x",), "social.x"), (("youtube",), "social.youtube"),
    (("tiktok",), "social.tiktok"), (("linkedin",), "social.linkedin"),
    (("web",), "website"), (("sitio",), "website"), (("pagina",), "website"),
    (("url",), "website"), (("website",), "website"),
    (("tema",), "themes"), (("temas",), "themes"), (("themes",), "themes"),
    (("theme",), "themes"), (("area",), "themes"),
    (("poblacion",), "populations"), (("population",), "populations"),
    (("ods",), "sdgs"), (("sdg",), "sdgs"),
    (("resumen",), "summary.es"), (("descripcion",), "summary.es"),
    (("que", "hace"), "summary.es"), (("summary",), "summary.es"),
    (("description",), "summary.es"), (("objetivo",), "summary.es"),
    (("nombre",), "name"), (("name",), "name"), (("organizacion",), "name"),
    (("colectivo",), "name"), (("razon", "social"), "name"),
)
TRANSLATED = ("type", "regions", "themes", "populations", "sdgs", COUNTRY)
"""Targets whose values must become terms: their distinct values are listed."""


def guess_target(header: str, kind: str) -> str:
    words = set(name_key(header).split())
    allowed = targets(kind)
    for needed, target in HEADER_WORDS:
        if set(needed) <= words and target in allowed:
            return target
    return IGNORE


def _distinct(table: Table, index: int) -> list[str]:
    seen: dict[str, str] = {}
    for _, cells in table.rows:
        for value in _split_cell(cells[index]):
            seen.setdefault(name_key(value), value)
    return list(seen.values())


def _split_cell(cell: str) -> Iterator[str]:
    for part in cell.replace("\n", ";").replace("/", ";").split(";"):
        if part.strip():
            yield part.strip()


def _needs_fill_down(table: Table, index: int) -> bool:
    """Empty cells in rows that hold other values: what merged cells leave in an export."""
    return any(not cells[index] and any(cells) for _, cells in table.rows)


def _guess_value(target: str, value: str, taxonomies: Mapping[str, Taxonomy]
                 ) -> tuple[str, str]:
    """The term a value surely is, else a guess to check, else nothing; with a comment."""
    name = {"type": "organization-types", COUNTRY: "regions"}.get(target, target)
    tax = taxonomies.get(name)
    if tax is None:
        return "", "   # ?"
    found = tax.resolve(value)
    if found:
        return found, ""
    if name == "regions" and (len(tax.named(value)) > 1 or name_key(value) in NATIONAL):
        return "", "   # each row's country decides; or write an id"
    labels = {t.id: name_key(t.label("es")) for t in tax}
    guess = process.extractOne(name_key(value), labels, scorer=fuzz.WRatio, score_cutoff=88)
    if guess and name != "regions":
        return str(guess[2]), "   # a guess: check it"
    return "", "   # ?"


def suggest_mapping(table: Table, kind: str, source: str,
                    taxonomies: Mapping[str, Taxonomy]) -> str:
    """A first mapping as commented YAML, for the coordinator to finish."""
    columns = {header: guess_target(header, kind) for header in table.headers}
    lines = [
        f"# Mapping for `tejido import {source}`: which column goes to which field.",
        "# Qué columna va a qué campo; revisa cada línea. Fields / campos: "
        + ", ".join(t for t in targets(kind) if t != IGNORE) + ".",
        "# Columns under contact_person hold a PERSON's data: never published.",
        "# Las columnas de contact_person son datos de una persona: nunca se publican.",
        f"kind: {kind}",
        "columns:",
    ]
    lines += [f"  {json.dumps(h, ensure_ascii=False)}: {t}" for h, t in columns.items()]
    name_columns = [h for h, t in columns.items() if t == "name"]
    fill = [h for h in name_columns if _needs_fill_down(table, table.column(h))]
    lines += ["# Rows with an empty name continue the row above (merged cells).",
              "fill_down: " + json.dumps(fill, ensure_ascii=False)]
    lines += ["# How written values translate: fill the empty ones with a term id.",
              "# Cómo se traducen los valores: llena los vacíos con un id de término.",
              "values:"]
    for target in TRANSLATED:
        headers = [h for h, t in columns.items() if t == target]
        distinct = [v for h in headers for v in _distinct(table, table.column(h))]
        if not distinct or (len(distinct) > SMALL and target != "type"):
            continue
        lines.append(f"  {target}:")
        for value in dict.fromkeys(distinct):
            guess, note = _guess_value(target, value, taxonomies)
            lines.append(f"    {json.dumps(value, ensure_ascii=False)}: {guess}{note}")
    lines += ["# Values every entry gets when its row has none, e.g. type: collective",
              "defaults: {}"]
    return "\n".join(lines) + "\n"


__all__ = ["IGNORE", "KINDS", "PERSONAL", "Mapping_", "load_mapping", "suggest_mapping",
           "targets"]
