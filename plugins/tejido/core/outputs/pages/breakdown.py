"""What a theme or region page adds to its list of entries: the way back to its index,
the directory filtered by it, and a breakdown (a theme by region, a region by theme),
each line a link to the directory filtered by both."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import product
from urllib.parse import urlencode

from tejido.core.catalog.catalog import Catalog
from tejido.core.model.model import Ref
from tejido.core.outputs.pages.directory import FACETS
from tejido.core.outputs.urls import SECTIONS
from tejido.core.outputs.views import LinkView, Views

PARAM = dict(FACETS)
"""A facet's name in the directory's URL (themes -> theme)."""
ACROSS = {"themes": "regions", "regions": "themes"}
"""The taxonomy a term's page is broken down by."""
MAX_DEPTH = {"regions": 1, "themes": 1}
"""Regions down to states; themes down to sub-themes."""


@dataclass(frozen=True)
class BreakdownRow:
    label: str
    count: int
    href: str
    depth: int
    """0 for a country or broad theme, 1 for a state or sub-theme."""


@dataclass(frozen=True)
class TermLinks:
    index: LinkView
    """The taxonomy's index page ("Regiones"), the first step of the breadcrumbs."""
    directory: LinkView | None
    """The directory filtered by this term (none when it has no entries)."""
    breakdown_title: str
    breakdown: tuple[BreakdownRow, ...]


def directory_url(v: Views, filters: dict[str, str]) -> str:
    query = urlencode({PARAM[name]: value for name, value in filters.items()})
    return v.href(v.urls.folder("directorio", v.lang)) + "?" + query


def _breakdown(v: Views, catalog: Catalog, taxonomy: str, term_id: str,
               across: str) -> tuple[BreakdownRow, ...]:
    both = catalog.derived("breakdown", _entries_in_both)
    other = catalog.taxonomies[across]
    rows = []
    for term in other:
        depth = len(other.ancestors(term.id))
        if depth > MAX_DEPTH[across]:
            continue
        count = both[(term_id, term.id) if taxonomy == "themes" else (term.id, term_id)]
        if count:
            rows.append(BreakdownRow(term.label(v.lang), count, directory_url(
                v, {taxonomy: term_id, across: term.id}), depth))
    return tuple(rows)


def _entries_in_both(catalog: Catalog) -> Counter[tuple[str, str]]:
    """(theme, region) -> entries under both (a term counts its sub-terms' entries), for
    every pair at once: one pass over the catalog's tags, not one per term page."""
    tags: dict[Ref, dict[str, list[str]]] = defaultdict(lambda: {"themes": [], "regions": []})
    for (taxonomy, term_id), refs in catalog.by_term.items():
        if taxonomy in ACROSS:
            for ref in refs:
                tags[ref][taxonomy].append(term_id)
    both: Counter[tuple[str, str]] = Counter()
    for used in tags.values():
        both.update(product(used["themes"], used["regions"]))
    return both


def term_links(v: Views, catalog: Catalog, taxonomy: str, term_id: str) -> TermLinks:
    index = LinkView(v.href(v.urls.folder(SECTIONS[taxonomy], v.lang)),
                     v.t(f"tax.{taxonomy}"))
    count = catalog.count(taxonomy, term_id)
    directory = (LinkView(directory_url(v, {taxonomy: term_id}),
                          v.t("term.directory", count=v.count(count)))
                 if count and taxonomy in PARAM else None)
    across = ACROSS.get(taxonomy)
    if across is None or not count:
        return TermLinks(index, directory, "", ())
    return TermLinks(index, directory, v.t(f"term.by.{across}"),
                     _breakdown(v, catalog, taxonomy, term_id, across))
