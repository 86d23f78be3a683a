"""The contributor's field reference, produced from the same definitions the validator uses."""

from __future__ import annotations

from . import fields as f
from . import html
from .validate import expected

HEADERS = {
    "es": ("Campo", "Obligatorio", "Qué contiene", "Forma", "sí", "no", "Archivos"),
    "en": ("Field", "Required", "What it holds", "Form", "yes", "no", "Files"),
}


def _rows(spec_fields: tuple[f.Field, ...], lang: str, prefix: str = "") -> list[str]:
    _, _, _, _, yes, no, _ = HEADERS[lang]
    rows = []
    for field in spec_fields:
        name = f"{prefix}{field.name}"
        doc = field.es if lang == "es" else field.en
        rows.append(
            f"<tr><td><code>{html.text(name)}</code></td><td>{yes if field.required else no}</td>"
            f"<td>{html.text(doc)}</td><td>{html.text(expected(field.type))}</td></tr>"
        )
        inner = field.type.item if isinstance(field.type, f.ListOf) else field.type
        if isinstance(inner, f.Record):
            marker = "[]." if isinstance(field.type, f.ListOf) else "."
            rows.extend(_rows(inner.fields, lang, f"{name}{marker}"))
    return rows


def field_reference(lang: str) -> str:
    name, required, holds, form, _, _, where = HEADERS[lang]
    sections = []
    for spec in f.KINDS.values():
        title = spec.es if lang == "es" else spec.en
        head = f"<tr><th>{name}</th><th>{required}</th><th>{holds}</th><th>{form}</th></tr>"
        body = "\n".join(_rows(spec.fields, lang))
        sections.append(
            f"## {title} (`{spec.kind}`)\n\n"
            f"<p>{where}: <code>{spec.folder}/{spec.pattern}</code></p>\n\n"
            f'<table class="tj-reference">\n<thead>{head}</thead>\n<tbody>\n{body}\n</tbody>\n'
            "</table>\n"
        )
    return "\n".join(sections)
