"""Every open-data file of a catalog, built once per build, and the list of downloads
the data page shows (format, size, records, licence, a line of description)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from tejido.core.catalog.catalog import Catalog
from tejido.core.model import fields as f
from tejido.core.model.fields import LANGUAGES
from tejido.core.model.model import Ref
from tejido.core.outputs.data.dcat import DCAT_FILE, dcat
from tejido.core.outputs.data.feeds import feeds
from tejido.core.outputs.data.hsds import Ids, hsds_files
from tejido.core.outputs.data.package import (
    ENTRY_TERMS,
    MEMBERSHIPS,
    TERMS,
    csv_name,
    descriptor,
    entry_terms_csv,
    json_name,
    kind_csv,
    memberships_csv,
    public_json,
    terms_csv,
)
from tejido.core.outputs.data.settings import DATA_FOLDER, Publication
from tejido.core.outputs.data.tables import table
from tejido.core.outputs.urls import Urls

KIND_WORDS = {
    "organization": ("organizaciones", "organizations"),
    "network": ("redes", "networks"),
    "practice": ("buenas prácticas", "good practices"),
    "guide": ("guías y manuales", "guides and manuals"),
}
LANGUAGE_WORDS = {"es": ("en español", "in Spanish"), "en": ("en inglés", "in English")}


@dataclass(frozen=True)
class Download:
    path: str
    """Relative to the data folder."""
    format: str
    media_type: str
    size: int
    records: int | None
    description: Mapping[str, str]
    dataset: str
    dataset_title: Mapping[str, str]
    title_en: str


@dataclass(frozen=True)
class OpenData:
    files: Mapping[str, bytes]
    """Site-relative path -> bytes; the data folder's files and the feeds."""
    downloads: tuple[Download, ...]


CATALOG_SET = ("catalog", {"es": "el catálogo en CSV y JSON", "en": "the catalog in CSV and JSON"})
HSDS_SET = ("hsds", {"es": "exportación Open Referral HSDS", "en": "Open Referral HSDS export"})


class _Collector:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.downloads: list[Download] = []

    def add(self, path: str, text: str, fmt: str, media: str, records: int | None,
            es: str, en: str, dataset: tuple[str, Mapping[str, str]], listed: bool = True
            ) -> None:
        data = text.encode("utf-8")
        self.files[f"{DATA_FOLDER}/{path}"] = data
        if listed:
            self.downloads.append(Download(path, fmt, media, len(data), records,
                                           {"es": es, "en": en}, dataset[0], dataset[1], en))


def _catalog_files(out: _Collector, catalog: Catalog, urls: Urls, site: Publication) -> None:
    counts: dict[str, int] = {}
    for lang in LANGUAGES:
        words = LANGUAGE_WORDS[lang]
        tables = {}
        for kind in f.KINDS:
            rows = tables[kind] = table(catalog, kind, lang, urls, site)
            name = csv_name(kind, lang)
            counts[name] = len(rows)
            es, en = KIND_WORDS[kind]
            out.add(name, kind_csv(rows, kind), "CSV", "text/csv", len(rows),
                    f"Una fila por entrada: {es}, con textos {words[0]}.",
                    f"One row per entry: {en}, with texts {words[1]}.", CATALOG_SET)
        text = public_json(tables, lang, site)
        out.add(json_name(lang), text, "JSON", "application/json", len(catalog),
                f"Todas las entradas con cada campo público, {words[0]}.",
                f"Every entry with every public field, {words[1]}.", CATALOG_SET)
    memberships = memberships_csv(catalog)
    count = memberships.count("\n") - 1
    out.add(MEMBERSHIPS, memberships, "CSV", "text/csv", count,
            "Qué organización pertenece a qué red, y desde qué año.",
            "Which organization belongs to which network, and since when.", CATALOG_SET)
    terms, links = terms_csv(catalog), entry_terms_csv(catalog)
    counts.update({MEMBERSHIPS: count, TERMS: terms.count("\n") - 1,
                   ENTRY_TERMS: links.count("\n") - 1})
    out.add(TERMS, terms, "CSV", "text/csv", counts[TERMS],
            "Cada término de las taxonomías, con su término padre y sus nombres.",
            "Every taxonomy term, with its parent and its names.", CATALOG_SET)
    out.add(ENTRY_TERMS, links, "CSV", "text/csv", counts[ENTRY_TERMS],
            "Qué términos usa cada entrada, uno por fila.",
            "Which terms each entry uses, one per row.", CATALOG_SET)
    out.add("datapackage.json", descriptor(catalog, counts, site),
            "Frictionless Data Package v2", "application/json", None,
            "Describe cada CSV: columnas, tipos, valores posibles y relaciones.",
            "Describes every CSV: columns, types, allowed values and relations.", CATALOG_SET)


def _hsds(out: _Collector, catalog: Catalog, urls: Urls, site: Publication) -> None:
    orgs = len(catalog.of_kind("organization")) + len(catalog.of_kind("network"))
    ids = Ids(site)
    for lang in LANGUAGES:
        words = LANGUAGE_WORDS[lang]
        files = hsds_files(catalog, lang, urls, site, ids)
        tables = len(files) - 1
        total = round(sum(len(text.encode("utf-8")) for text in files.values()) / 1024)
        for name, text in files.items():
            listed = name == "datapackage.json"  # the package stands for its CSVs
            out.add(f"hsds-{lang}/{name}", text, "Open Referral HSDS 3", "application/json",
                    orgs if listed else None,
                    f"Organizaciones y redes en el estándar HSDS, {words[0]}: describe "
                    f"{tables} CSV en la misma carpeta ({total} KB en total).",
                    f"Organizations and networks in the HSDS standard, {words[1]}: describes "
                    f"{tables} CSVs in the same folder ({total} KB in all).", HSDS_SET, listed)


def latest(dates: Mapping[Ref, dt.date]) -> str:
    return max(dates.values()).isoformat() if dates else "2000-01-01"


def build_open_data(catalog: Catalog, urls: Urls, site: Publication,
                    dates: Mapping[Ref, dt.date]) -> OpenData:
    """`dates`: when each entry was last updated (see feeds.entry_dates)."""
    out = _Collector()
    _catalog_files(out, catalog, urls, site)
    _hsds(out, catalog, urls, site)
    text = dcat(out.downloads, latest(dates), site)
    out.add(DCAT_FILE, text, "DCAT (JSON-LD)", "application/ld+json", len(out.downloads),
            "Describe estas descargas para que los portales de datos las recojan.",
            "Describes these downloads so that data portals can harvest them.", CATALOG_SET)
    for lang in LANGUAGES:
        for path, atom in feeds(catalog, dates, lang, urls, site).items():
            out.files[path] = atom.encode("utf-8")
    return OpenData(out.files, tuple(out.downloads))
