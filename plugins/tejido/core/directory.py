"""The directory page: a text box and facets, run in the browser on compact data.

`facets.js` (beside the search index) holds, in search-doc order, each entry's
kind and term indexes; term lists carry labels and parent indexes so the browser
can count a parent with its children.  Without JavaScript the page offers the
browse pages as links.
"""

from __future__ import annotations

import json

from .allies import ally_order
from .catalog import KIND_ORDER, Catalog
from .fields import TAXONOMIES
from .labels import group, label
from .model import Entry
from .urls import SECTIONS, Urls
from .views import LinkView, SnippetView, Views

FACETS = ("kind", *TAXONOMIES)


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
        [0] if catalog.freshness(entry).state == "fresh" else [],
    ]


def _ally_ranks(catalog: Catalog) -> list[int]:
    """Each entry's place in the order allies.py breaks ties by (name, id, kind), so the
    browser's finder orders equal scores the same way."""
    order = sorted(catalog.entries.values(), key=ally_order)
    rank = {entry.ref: number for number, entry in enumerate(order)}
    return [rank[entry.ref] for entry in catalog.entries.values()]


def browser_texts(lang: str) -> dict[str, str]:
    """The directory's texts and the allies' reasons, as tejido-directory.js and
    tejido-allies.js look them up."""
    reasons = {key: text for key, text in group(lang, "allies.").items()
               if key not in ("title", "intro", "none")}
    return {**group(lang, "directory."), **reasons, "allies.none": label(lang, "allies.none")}


def _recent(lang: str, months: int) -> str:
    """The directory's freshness filter: 'verified in the last year' (or N months)."""
    if months == 12:
        return label(lang, "directory.recent.year")
    return label(lang, "directory.recent.months", months=months)


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
        "facetLabels": {"kind": label(lang, "directory.kind"),
                        "freshness": label(lang, "directory.freshness"),
                        **{n: label(lang, f"tax.{n}") for n in TAXONOMIES}},
        "taxonomies": {**taxonomies, "freshness": {
            "ids": ["yes"], "labels": [_recent(lang, catalog.policy.fresh_months)],
            "parents": [-1]}},
        "entries": [_entry_row(catalog, e, index) for e in catalog.entries.values()],
        "allyRank": _ally_ranks(catalog),
        "texts": browser_texts(lang),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"tejidoSearch.receive(\"facets\",{text});\n"


def directory_snippet(catalog: Catalog, lang: str, urls: Urls, here: str) -> SnippetView:
    """The body of the hand-written directory page: the app's mount point, and browse
    links that remain the way in when JavaScript is off."""
    v = Views(catalog, urls, lang, here)
    browse = tuple(
        LinkView(v.href(urls.folder(SECTIONS[key], lang)), label(lang, name))
        for key, name in (*((k, f"kinds.{k}") for k in KIND_ORDER),
                          *((t, f"tax.{t}") for t in TAXONOMIES)))
    return SnippetView("tejido/directory.html",
                       {"browse": browse})
