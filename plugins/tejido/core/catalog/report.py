"""The maintainers' report: missing translations, stale entries, untagged entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tejido.core.catalog.catalog import Catalog
from tejido.core.model import fields as f
from tejido.core.model.model import Entry
from tejido.core.outputs.urls import Urls
from tejido.core.outputs.views import LinkView, PageView, Views


@dataclass(frozen=True)
class Report:
    missing: tuple[tuple[Entry, str, tuple[str, ...]], ...]
    """(entry, language missing, the fields that lack it)."""
    stale: tuple[tuple[Entry, dt.date | None], ...]
    """(entry, last verified or None) past the allowed age."""
    untagged: tuple[tuple[Entry, str], ...]
    """(entry, 'themes' or 'regions') with no term."""
    max_age_days: int

    def __bool__(self) -> bool:
        return bool(self.missing or self.stale or self.untagged)


def _bilingual(spec_fields: tuple[f.Field, ...], values: dict[str, Any],
               prefix: str = "") -> Iterator[tuple[str, dict[str, str]]]:
    for field in spec_fields:
        value = values.get(field.name)
        if value is None:
            continue
        name = prefix + field.name
        if isinstance(field.type, f.Bilingual):
            yield name, value
        elif isinstance(field.type, f.Record):
            yield from _bilingual(field.type.fields, value, name + ".")
        elif isinstance(field.type, f.ListOf):
            for i, item in enumerate(value):
                yield from _bilingual(field.type.item.fields, item, f"{name}[{i}].")


def missing_translations(entry: Entry) -> Iterator[tuple[str, str]]:
    for name, text in _bilingual(f.KINDS[entry.kind].fields, dict(entry.values)):
        for lang in f.LANGUAGES:
            if lang not in text:
                yield name, lang
    if entry.body:
        for lang in f.LANGUAGES:
            if lang not in entry.body:
                yield "text", lang


def build_report(catalog: Catalog, today: dt.date, max_age_days: int = 365) -> Report:
    missing: list[tuple[Entry, str, tuple[str, ...]]] = []
    stale: list[tuple[Entry, dt.date | None]] = []
    untagged: list[tuple[Entry, str]] = []
    oldest = today - dt.timedelta(days=max_age_days)
    for entry in catalog.entries.values():
        gaps = list(missing_translations(entry))
        for lang in f.LANGUAGES:
            names = tuple(name for name, lacking in gaps if lacking == lang)
            if names:
                missing.append((entry, lang, names))
        verified = entry.values.get("last_verified")
        if verified is None or verified < oldest:
            stale.append((entry, verified))
        untagged.extend((entry, name) for name in ("themes", "regions")
                        if not getattr(entry, name))
    return Report(tuple(missing), tuple(stale), tuple(untagged), max_age_days)


def report_text(report: Report, today: dt.date) -> str:
    lines = [f"Missing translations ({len(report.missing)}):"]
    lines += [f"  {e.source}: no {lang} text in {', '.join(names)}"
              for e, lang, names in report.missing]
    lines.append(f"Not verified in the last {report.max_age_days} days ({len(report.stale)}):")
    for entry, verified in report.stale:
        when = (f"last verified {verified.isoformat()} ({(today - verified).days} days ago)"
                if verified else "never verified (no last_verified)")
        lines.append(f"  {entry.source}: {when}")
    lines.append(f"Without themes or regions ({len(report.untagged)}):")
    lines += [f"  {e.source}: no {name}" for e, name in report.untagged]
    return "\n".join(lines)


REPORT_PATH = "informe"
"""The maintainers' page; the public navigation does not link it."""




@dataclass(frozen=True)
class ReportRow:
    entry: LinkView
    source: str
    cells: tuple[tuple[str, ...], ...]
    """Each further cell as a list of values; `code` cells are file or field names."""


@dataclass(frozen=True)
class ReportTable:
    title: str
    head: tuple[str, ...]
    rows: tuple[ReportRow, ...]
    code: tuple[bool, ...]
    """Per further column: are its values code (field names)?"""


def report_page(catalog: Catalog, report: Report, lang: str, urls: Urls) -> PageView:
    v = Views(catalog, urls, lang, urls.folder(REPORT_PATH, lang))
    title, missing, stale, untagged, entry, field, lacks, verified, never, none = (
        v.t(f"report.{key}") for key in ("title", "missing", "stale", "untagged", "entry", "field",
                                        "lacks", "verified", "never", "none"))

    def row(e: Entry, *cells: tuple[str, ...]) -> ReportRow:
        return ReportRow(v.link(e.ref), e.source, cells)

    tables = (
        ReportTable(f"{missing} ({len(report.missing)})", (entry, lacks, field), tuple(
            row(e, (v.t(f"language.{lg}"),), names) for e, lg, names in report.missing),
            (False, True)),
        ReportTable(f"{stale.format(days=report.max_age_days)} ({len(report.stale)})",
                    (entry, verified), tuple(row(e, (d.isoformat() if d else never,))
                                             for e, d in report.stale), (False,)),
        ReportTable(f"{untagged} ({len(report.untagged)})", (entry, field),
                    tuple(row(e, (n,)) for e, n in report.untagged), (True,)),
    )
    return v.page(source=urls.source_file(REPORT_PATH, lang), title=title, description=title,
                  kind="report", templates=("tejido/report.html",),
                  context={"title": title, "tables": tables, "nothing": none})
