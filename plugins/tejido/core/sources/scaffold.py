"""New entries from a name: the file path, a slug, and a commented template.

Every field of the kind is present, with a comment in Spanish and English
saying what it holds and whether it is required.  Empty values count as
missing, so the file passes `tejido check` once the required fields are filled.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping
from pathlib import Path

from tejido.core.i18n.text import slugify
from tejido.core.model import fields as f
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.validate.validate import forms

SCHEMA_FOLDER = "schemas"
REQUIRED = "obligatorio / required"
REQUIRED_IN_SECTION = "obligatorio si llenas esta sección / required if you fill this section"
LISTED_TERMS = 12
"""Taxonomies this small have their terms listed in the template."""
MAINTAINER_FIELDS = ("withdrawn",)
"""Set by the catalog's maintainers, not when an entry is created."""
PRIVACY_NOTE = (
    "# Todo lo que escribas aquí es público, también en el repositorio. / Everything you",
    "# write here is public, in the repository too. No escribas teléfonos, correos ni",
    "# nombres de personas en los textos. / Write no person's phone, e-mail or name in texts.",
)
CONTACT_NOTE = (
    "# contact: sólo vías de la organización. El celular o correo de una persona va en",
    "# contact_person (nunca se publica); si la organización publica uno a propósito, ponlo",
    "# en emails:/phones: con consent: {date: AAAA-MM-DD, source: dónde consta}. / contact:",
    "# only the organization's routes. A person's mobile or e-mail goes under contact_person",
    "# (never published); if the organization publishes one on purpose, list it under",
    "# emails:/phones: with consent: {date: YYYY-MM-DD, source: where it is recorded}.",
)


def _choices(kind: f.FieldType, taxonomies: Mapping[str, Taxonomy]) -> str:
    if not isinstance(kind, (f.Term, f.Terms)) or kind.taxonomy not in taxonomies:
        return ""
    terms = list(taxonomies[kind.taxonomy])
    if len(terms) > LISTED_TERMS:
        return ""
    return ", ".join(f"{t.id} = {t.label('es')}" for t in terms)


def entry_path(root: Path, kind: str, name: str) -> Path:
    spec = f.KINDS[kind]
    suffix = ".yml" if spec.pattern == "*.yml" else ".md"
    return root / spec.folder / f"{slugify(name)}{suffix}"


def _comment(field: f.Field, indent: str, taxonomies: Mapping[str, Taxonomy],
             nested: bool) -> list[str]:
    need = f" ({REQUIRED_IN_SECTION if nested else REQUIRED})" if field.required else ""
    lines = [f"{indent}# {field.es} / {field.en}{need}"]
    if isinstance(field.type, (f.Term, f.Terms, f.Choice, f.Ref, f.Refs, f.Year, f.Date,
                               f.Url, f.Email)):
        example = f" — ej. / e.g. {field.example}" if field.example else ""
        spanish, english = forms(field.type)
        lines.append(f"{indent}#   {spanish} / {english}{example}")
    choices = _choices(field.type, taxonomies)
    if choices:
        lines.append(f"{indent}#   valores / values: {choices}")
    return lines


def _field_lines(field: f.Field, indent: str, taxonomies: Mapping[str, Taxonomy],
                 value: str | None = None, nested: bool = False) -> list[str]:
    lines = _comment(field, indent, taxonomies, nested)
    kind = field.type
    if value is not None:
        lines.append(f"{indent}{field.name}: {value}")
    elif isinstance(kind, f.Bilingual):
        lines += [f"{indent}{field.name}:", f"{indent}  es:", f"{indent}  en:"]
    elif isinstance(kind, (f.Terms, f.Refs, f.Names)):
        lines.append(f"{indent}{field.name}: []")
    elif isinstance(kind, f.Record):
        lines.append(f"{indent}{field.name}:")
        for inner in kind.fields:
            lines += _field_lines(inner, indent + "  ", taxonomies, nested=True)
    elif isinstance(kind, f.ListOf):
        lines.append(f"{indent}{field.name}:")
        item = [line for inner in kind.item.fields
                for line in _field_lines(inner, indent + "    ", taxonomies, nested=True)]
        first = next(i for i, line in enumerate(item) if not line.lstrip().startswith("#"))
        item[first] = f"{indent}  - " + item[first].lstrip()
        lines += item
    else:
        lines.append(f"{indent}{field.name}:")
    return lines


def template(kind: str, name: str, path: Path, root: Path,
             taxonomies: Mapping[str, Taxonomy]) -> str:
    spec = f.KINDS[kind]
    schema = posixpath.relpath(f"{SCHEMA_FOLDER}/{kind}.schema.json",
                               path.parent.relative_to(root).as_posix())
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"# {spec.es} / {spec.en}. Guía / guide: CONTRIBUTING.es.md, CONTRIBUTING.md",
        "# Los campos vacíos no se publican; borra las secciones que no uses. / Empty fields are",
        "# not published; delete the sections you do not use. Textos con ':' o '#': entre",
        "# comillas. / Text containing ':' or '#': in quotes.",
        *PRIVACY_NOTE,
        *(CONTACT_NOTE if any(x.name == "contact" for x in spec.fields) else ()),
        "",
    ]
    quoted = json.dumps(name, ensure_ascii=False)
    for field in spec.fields:
        if field.name in MAINTAINER_FIELDS:
            continue
        if field.name == spec.title_field and isinstance(field.type, f.Bilingual):
            lines += [*_comment(field, "", taxonomies, nested=False), f"{field.name}:",
                      f"  es: {quoted}", "  en:"]
        elif field.name == spec.title_field:
            lines += _field_lines(field, "", taxonomies, quoted)
        else:
            lines += _field_lines(field, "", taxonomies)
        lines.append("")
    text = "\n".join(lines).rstrip() + "\n"
    if spec.pattern == "*.md":
        note = (f"\n# Debajo de la línea --- va el texto en español (## para los títulos); el "
                f"texto en\n# inglés va en {path.stem}.en.md. / Below the --- line goes the "
                f"Spanish text\n# (## for titles); the English text goes in {path.stem}.en.md.\n")
        text = f"---\n{text}{note}---\n"
    return text


class EntryExists(Exception):
    pass


def create_entry(root: Path, kind: str, name: str, taxonomies: Mapping[str, Taxonomy]) -> Path:
    """Write the template for a new entry; never overwrites an existing one."""
    if not slugify(name):
        raise ValueError("the name needs at least one letter or digit")
    path = entry_path(root, kind, name)
    siblings = [path.with_suffix(s) for s in (".yml", ".yaml", ".md")]
    if any(p.exists() for p in siblings):
        raise EntryExists(str(next(p for p in siblings if p.exists()).relative_to(root)))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(template(kind, name, path, root, taxonomies))
    return path
