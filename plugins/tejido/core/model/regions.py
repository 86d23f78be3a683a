"""Places in use: resolving what a person wrote with the country as context, 'did you
mean' that stays in the right country, labels with their country, sorting by name, and
the regions a built catalog shows (only those with entries).

The places themselves come from `places.py`; the taxonomy that holds them from
`taxonomy.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType

from rapidfuzz import fuzz, process

from tejido.core.i18n.text import sort_key
from tejido.core.model.places import name_key
from tejido.core.model.taxonomy import Taxonomy

CONFIDENT = 85.0
"""A name this close (rapidfuzz ratio, 0–100) to exactly one place is offered alone."""
NEAR = 70.0
"""Names at least this close are listed as 'the closest are'."""
NATIONAL = frozenset({"nacional", "national", "todo el pais", "todo el territorio",
                      "nationwide", "a nivel nacional", "pais"})
"""What people write for 'the whole country': the country itself is the term."""


def country_of(tax: Taxonomy, term_id: str) -> str | None:
    term = tax.terms.get(term_id)
    return term.country if term else None


def countries_of(tax: Taxonomy, term_ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for t in term_ids if (c := country_of(tax, t))))


def resolve_place(tax: Taxonomy, word: str, countries: Iterable[str] = ()) -> str | None:
    """Like `Taxonomy.resolve`, but a name several places share ('La Libertad', 'San Juan')
    resolves to the one in `countries`, and 'Nacional' to the only country given."""
    found = tax.resolve(word)
    if found is not None:
        return found
    wanted = tuple(countries)
    key = name_key(word)
    if key in NATIONAL and len(wanted) == 1:
        return next((t.id for t in tax if t.iso == wanted[0] and t.parent is None), None)
    inside = [t for t in tax.named(word) if country_of(tax, t) in wanted]
    return inside[0] if len(inside) == 1 else None


def _shown(tax: Taxonomy, term_id: str) -> str:
    """'la-libertad-sv (La Libertad, El Salvador)'."""
    return f"'{term_id}' ({qualified_label(tax, term_id, 'es')})"


def _candidates(tax: Taxonomy, key: str, ids: Iterable[str]) -> list[tuple[str, float]]:
    """Places by how close their closest name is to `key`."""
    choices = {(name, term): name for name, terms in tax.names.items() for term in terms
               if term in ids}
    best: dict[str, float] = {}
    for _, score, (_, term) in process.extract(key, choices, scorer=fuzz.ratio, limit=40,
                                               score_cutoff=NEAR - 10):
        best[term] = max(best.get(term, 0.0), float(score))
    for term in ids:  # a mistyped id is as likely as a mistyped name
        score = fuzz.ratio(key.replace(" ", "-"), term)
        if score >= NEAR - 10:
            best[term] = max(best.get(term, 0.0), float(score))
    return sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))


def place_hint(tax: Taxonomy, word: str, countries: Iterable[str] = ()) -> str:
    """A 'did you mean' for a place nobody has: the closest in the entry's own country when
    one is close; places of other countries only listed, never offered alone; and a plain
    'nothing close' otherwise."""
    wanted = tuple(countries)
    key = name_key(word)
    if key in NATIONAL:
        return ("for the whole country, write the country itself (for example mexico or "
                "MX); for several countries, a scope such as america-latina or internacional")
    named = tax.named(word)
    if len(named) > 1:
        listed = " or ".join(_shown(tax, t) for t in named[:6])
        return f"several places have this name: write {listed}"
    if wanted:
        home = [t.id for t in tax if t.country in wanted]
        near = _candidates(tax, key, home)
        if near and near[0][1] >= CONFIDENT:
            return f"did you mean {_shown(tax, near[0][0])}?"
        if near and near[0][1] >= NEAR:
            return "the closest are " + ", ".join(_shown(tax, t) for t, _ in near[:3])
    near = [(t, s) for t, s in _candidates(tax, key, tax.terms) if s >= NEAR]
    if not near:
        return ("no place has a name close to this; write its ISO code (like MX-OAX) or ask "
                "the catalog's maintainers to add a sub-region to taxonomies/regions.yml")
    elsewhere = [t for t, _ in near if country_of(tax, t) not in wanted]
    if wanted and elsewhere:
        listed = ", ".join(_shown(tax, t) for t in elsewhere[:3])
        return f"nothing close in this entry's country; elsewhere: {listed}"
    clear = len(near) == 1 or near[0][1] - near[1][1] >= 5
    if near[0][1] >= CONFIDENT and clear:
        return f"did you mean '{near[0][0]}'?"
    return "the closest are " + ", ".join(_shown(tax, t) for t, _ in near[:3])


def country_name(tax: Taxonomy, term_id: str, lang: str) -> str:
    """The label of the country a place is in ('' for a country or a scope)."""
    term = tax.terms[term_id]
    if term.country is None or term.parent is None:
        return ""
    country = next((t for t in tax.path(term_id) if tax.terms[t].parent is None), None)
    return tax.terms[country].label(lang) if country and country != term_id else ""


def qualified_label(tax: Taxonomy, term_id: str, lang: str) -> str:
    """'Cuscatlán, El Salvador': a state or sub-region with its country, where a flat list
    would leave the reader guessing."""
    label = tax.terms[term_id].label(lang)
    country = country_name(tax, term_id, lang)
    return f"{label}, {country}" if country and country != label else label


def by_name(tax: Taxonomy, ids: Iterable[str], lang: str) -> list[str]:
    """Terms in alphabetical order of their label in `lang` ('Ávila' among the As), with
    the one sort key of names (`text.sort_key`)."""
    return sorted(ids, key=lambda t: (sort_key(tax.terms[t].label(lang), lang), t))


def in_use(tax: Taxonomy, used: Iterable[str]) -> Taxonomy:
    """The taxonomy cut down to the given terms and their ancestors: a built catalog
    shows, links and counts only places that have entries."""
    keep: set[str] = set()
    for term_id in used:
        if term_id in tax.terms:
            keep.update((term_id, *tax.ancestors(term_id)))
    terms = {k: v for k, v in tax.terms.items() if k in keep}
    children = {k: tuple(c for c in v if c in keep) for k, v in tax.children.items()
                if k in keep}
    return replace(tax, terms=MappingProxyType(terms),
                   children=MappingProxyType({k: v for k, v in children.items() if v}))


def labels_by_country(tax: Taxonomy, lang: str) -> Mapping[str, str]:
    return {t.id: qualified_label(tax, t.id, lang) for t in tax}
