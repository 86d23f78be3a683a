"""The directory page: a text box and facets, run in the browser on compact data.

`facets.js` (beside the search index) holds, in search-doc order, each entry's
kind and term indexes; term lists carry labels and parent indexes so the browser
can count a parent with its children.  Without JavaScript the page offers the
browse pages as links.
"""

from __future__ import annotations

import json

from tejido.core.catalog.allies import ally_order, finder_rules
from tejido.core.catalog.catalog import KIND_ORDER, Catalog
from tejido.core.i18n.labels import group, label
from tejido.core.model import relations as rel
from tejido.core.model.fields import TAXONOMIES
from tejido.core.model.model import Entry
from tejido.core.model.regions import by_name, qualified_label
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.outputs.urls import SECTIONS, Urls
from tejido.core.outputs.views import LinkView, SnippetView, Views

FACETS = (("kind", "kind"), ("freshness", "verified"), ("themes", "theme"),
          ("regions", "region"), ("populations", "population"), ("sdgs", "sdg"),
          ("organization-types", "type"))
"""The directory's facets in the order it shows them, each with its name in the URL.
"Verified in the last year" comes right after the kind: the filter a reader who needs a
route that still works looks for first."""
FRESH = "yes"
"""The one value of the freshness facet."""


def _practiced(catalog: Catalog, entry: Entry, index: dict[str, dict[str, int]]) -> list[int]:
    """Themes of the practices an organization ran (or a network's practices came from)."""
    themes: set[int] = set()
    for name in rel.PRACTICES_OF:
        for link in catalog.related(entry.ref, name):
            practice = catalog.entries.get(link.target)
            if practice is not None:
                themes.update(index["themes"][t] for t in practice.themes)
    return sorted(themes)


def facet_values(catalog: Catalog, entry: Entry, facet: str) -> tuple[str, ...]:
    """The values an entry has in a facet, as written (without their ancestors)."""
    if facet == "kind":
        return (entry.kind,)
    if facet == "freshness":
        return (FRESH,) if catalog.freshness(entry).state == "fresh" else ()
    if facet == "organization-types":
        org_type = entry.values.get("type")
        return (org_type,) if isinstance(org_type, str) else ()
    terms: tuple[str, ...] = getattr(entry, facet)
    return terms


def _entry_row(catalog: Catalog, entry: Entry, index: dict[str, dict[str, int]]) -> list[object]:
    """One list of value indexes per facet, in FACETS order, then the practices' themes."""
    return [*([index[f][v] for v in facet_values(catalog, entry, f)] for f, _ in FACETS),
            _practiced(catalog, entry, index)]


def _ally_ranks(catalog: Catalog) -> list[int]:
    """Each entry's place in the order core/catalog/allies breaks ties by (name, id, kind), so the
    browser's finder orders equal scores the same way."""
    order = sorted(catalog.entries.values(), key=ally_order)
    rank = {entry.ref: number for number, entry in enumerate(order)}
    return [rank[entry.ref] for entry in catalog.entries.values()]


def _name_ranks(catalog: Catalog, lang: str) -> list[int]:
    """Each entry's place by kind, then by name in `lang`: the directory's order."""
    order = [e for kind in KIND_ORDER for e in catalog.of_kind(kind, lang)]
    rank = {entry.ref: number for number, entry in enumerate(order)}
    return [rank[entry.ref] for entry in catalog.entries.values()]


def _places_by_name(tax: Taxonomy, ids: tuple[str, ...], lang: str) -> list[str]:
    """Each place followed by the places within it, alphabetically at every level."""
    ordered = []
    for term_id in by_name(tax, ids, lang):
        ordered.append(term_id)
        ordered += _places_by_name(tax, tax.children.get(term_id, ()), lang)
    return ordered


def _value_ids(catalog: Catalog, facet: str) -> list[str]:
    if facet == "kind":
        return list(KIND_ORDER)
    if facet == "freshness":
        return [FRESH]
    return [t.id for t in catalog.taxonomies[facet]]


def _facet(catalog: Catalog, name: str, param: str, lang: str) -> dict[str, object]:
    """A facet's values in display order, with their labels and ancestors (nearest first),
    so the browser counts a parent with its children without walking the tree itself."""
    ids = _value_ids(catalog, name)
    if name == "kind":
        return {"name": name, "param": param, "label": label(lang, "directory.kind"), "ids": ids,
                "labels": [label(lang, f"kind.{k}") for k in ids], "ancestors": [[] for _ in ids]}
    if name == "freshness":
        return {"name": name, "param": param, "label": label(lang, "directory.freshness"),
                "ids": ids, "labels": [_recent(lang, catalog.policy.fresh_months)],
                "ancestors": [[]]}
    tax = catalog.taxonomies[name]
    position = {term_id: i for i, term_id in enumerate(ids)}
    facet: dict[str, object] = {
        "name": name, "param": param, "label": label(lang, f"tax.{name}"), "ids": ids,
        "labels": [tax.terms[t].label(lang) for t in ids],
        "ancestors": [[position[a] for a in tax.ancestors(t)] for t in ids]}
    if name == "regions":
        # Shown by name in the reader's language, each place before the places within it;
        # the values keep the core's order, so the browser's allies equal the core's.
        facet["order"] = [position[t] for t in _places_by_name(tax, tax.roots(), lang)]
        facet["full"] = [qualified_label(tax, t, lang) for t in ids]  # for flat lists
    return facet


def browser_texts(lang: str) -> dict[str, str]:
    """The directory's texts and the allies' reasons, as tejido-directory.js and
    tejido-allies.js look them up."""
    # The reasons only: the allies section's own texts, and "more" (which names refs the
    # finder never shows), would shadow the directory's keys of the same name.
    reasons = {key: text for key, text in group(lang, "allies.").items()
               if key not in ("title", "intro", "none", "more")}
    return {**group(lang, "directory."), **reasons, "allies.none": label(lang, "allies.none")}


def _recent(lang: str, months: int) -> str:
    """The directory's freshness filter: 'verified in the last year' (or N months)."""
    if months == 12:
        return label(lang, "directory.recent.year")
    return label(lang, "directory.recent.months", months=months)


def facets_data(catalog: Catalog, lang: str, urls: Urls) -> str:
    """`facets.js`: what the directory and its allies finder compute with.  The facets,
    their order and URL names, the term ancestry and the allies rules all come from here,
    so the JavaScript repeats none of them."""
    facets = [_facet(catalog, name, param, lang) for name, param in FACETS]
    index = {name: {v: i for i, v in enumerate(_value_ids(catalog, name))} for name, _ in FACETS}
    data = {
        "facets": facets,
        "columns": {**{name: i for i, (name, _) in enumerate(FACETS)}, "practiced": len(FACETS)},
        "entries": [_entry_row(catalog, e, index) for e in catalog.entries.values()],
        "allyRank": _ally_ranks(catalog),
        "order": _name_ranks(catalog, lang),
        "allies": finder_rules(catalog),
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
