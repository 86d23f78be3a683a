"""The directory page: a text box and facets, run in the browser on compact data.

`facets.js` (beside the search index) holds, in search-doc order, each entry's
kind and term indexes; term lists carry labels and parent indexes so the browser
can count a parent with its children.  Without JavaScript the page offers the
browse pages as links.
"""

from __future__ import annotations

import json

from . import html
from .allies import PHRASES as ALLY_PHRASES
from .allies import ally_order
from .catalog import KIND_ORDER, Catalog
from .fields import TAXONOMIES
from .labels import label
from .model import Entry
from .urls import SECTIONS, Urls
from .writer import Snippet, Writer

FACETS = ("kind", *TAXONOMIES)
TEXTS = {
    "es": {
        "title": "Directorio", "intro": "Busca y filtra organizaciones, redes, prácticas y guías "
        "por tema, región, población, ODS y tipo.", "query": "Buscar por nombre o palabra",
        "kind": "Tipo de entrada", "reset": "Quitar todos los filtros",
        "results": "{count} resultados", "result": "1 resultado",
        "empty": "Ninguna entrada cumple todos estos filtros. Prueba quitar uno:",
        "more": "Ver más", "browse": "Explorar sin buscador",
        "allies": "Encontrar aliadas", "allies.intro": "Elige tus temas y tu región: te "
        "sugerimos organizaciones y redes afines, y por qué.", "allies.go": "Buscar aliadas",
        "allies.region": "Tu región", "allies.themes": "Tus temas", "any": "(cualquiera)",
        "filters": "Filtros", "remove": "Quitar filtro",
        "download": "Descargar estos resultados", "download.file": "directorio",
        "download.filters": "Filtros", "download.none": "ninguno",
        "col.kind": "Tipo de entrada", "col.name": "Nombre", "col.summary": "Resumen",
        "col.url": "Página",
    },
    "en": {
        "title": "Directory", "intro": "Search and filter organizations, networks, practices and "
        "guides by theme, region, population, SDG and type.", "query": "Search by name or word",
        "kind": "Kind of entry", "reset": "Remove all filters",
        "results": "{count} results", "result": "1 result",
        "empty": "No entry matches all these filters. Try removing one:",
        "more": "Show more", "browse": "Browse without search",
        "allies": "Find allies", "allies.intro": "Choose your themes and your region: we "
        "suggest organizations and networks that work alike, and why.",
        "allies.go": "Find allies", "allies.region": "Your region", "allies.themes": "Your themes",
        "any": "(any)", "filters": "Filters", "remove": "Remove filter",
        "download": "Download these results", "download.file": "directory",
        "download.filters": "Filters", "download.none": "none",
        "col.kind": "Kind of entry", "col.name": "Name", "col.summary": "Summary",
        "col.url": "Page",
    },
}


def _practiced(catalog: Catalog, entry: Entry, index: dict[str, dict[str, int]]) -> list[int]:
    """Themes of the practices an organization ran (or a network's practices came from)."""
    themes: set[int] = set()
    for name in ("ran", "network_practice"):
        for link in catalog.related(entry.ref, name):
            practice = catalog.entries.get(link.target)
            if practice is not None:
                themes.update(index["themes"][t] for t in practice.themes)
    return sorted(themes)


def _entry_row(catalog: Catalog, entry: Entry, index: dict[str, dict[str, int]]) -> list[object]:
    org_type = entry.values.get("type")
    return [
        KIND_ORDER.index(entry.kind),
        [index["themes"][t] for t in entry.themes],
        [index["regions"][t] for t in entry.regions],
        [index["populations"][t] for t in entry.populations],
        [index["sdgs"][t] for t in entry.sdgs],
        [index["organization-types"][org_type]] if isinstance(org_type, str) else [],
        _practiced(catalog, entry, index),
    ]


def _ally_ranks(catalog: Catalog) -> list[int]:
    """Each entry's place in the order allies.py breaks ties by (name, id, kind), so the
    browser's finder orders equal scores the same way."""
    order = sorted(catalog.entries.values(), key=ally_order)
    rank = {entry.ref: number for number, entry in enumerate(order)}
    return [rank[entry.ref] for entry in catalog.entries.values()]


def facets_data(catalog: Catalog, lang: str, urls: Urls) -> str:
    index: dict[str, dict[str, int]] = {}
    taxonomies: dict[str, dict[str, list[object]]] = {}
    for name in TAXONOMIES:
        terms = list(catalog.taxonomies[name])
        index[name] = {t.id: i for i, t in enumerate(terms)}
        taxonomies[name] = {
            "ids": [t.id for t in terms],
            "labels": [t.label(lang) for t in terms],
            "parents": [index[name].get(t.parent, -1) if t.parent else -1 for t in terms],
        }
    data = {
        "kinds": list(KIND_ORDER),
        "kindLabels": [label(lang, f"kind.{k}") for k in KIND_ORDER],
        "facetLabels": {"kind": TEXTS[lang]["kind"],
                        **{n: label(lang, f"tax.{n}") for n in TAXONOMIES}},
        "taxonomies": taxonomies,
        "entries": [_entry_row(catalog, e, index) for e in catalog.entries.values()],
        "allyRank": _ally_ranks(catalog),
        "texts": {**TEXTS[lang], **ALLY_PHRASES[lang]},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"tejidoSearch.receive(\"facets\",{text});\n"


def directory_snippet(catalog: Catalog, lang: str, urls: Urls, here: str) -> Snippet:
    """The body of the hand-written directory page: the app's mount point, and browse
    links that remain the way in when JavaScript is off."""
    w = Writer(catalog, urls, lang, here)
    texts = TEXTS[lang]
    browse = "".join(
        f'<li><a href="{html.text(w.href(urls.folder(SECTIONS[key], lang)))}">'
        f"{html.text(label(lang, name))}</a></li>"
        for key, name in (*((k, f"kinds.{k}") for k in KIND_ORDER),
                          *((t, f"tax.{t}") for t in TAXONOMIES))
    )
    app = (
        f'<div id="tj-directory" class="tj-directory" data-lang="{lang}">'
        f'<nav class="tj-browse" aria-label="{html.text(texts["browse"])}">'
        f"<p>{html.text(texts['browse'])}:</p><ul>{browse}</ul></nav></div>"
    )
    return w.snippet(w.raw(app))
