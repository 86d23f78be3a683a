"""Allies in words: each reason as a sentence in the reader's language, and the view
of the allies section that `tejido/partials/allies.html` renders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tejido.core.catalog.allies.rules import Ally, Reason
from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import label
from tejido.core.outputs.views import LinkView, Views

SHOWN_REFS = 3
"""A reason names at most this many entries, then says how many more."""


def phrase(lang: str, key: str, **values: object) -> str:
    """Interface text of this module (the reasons and the allies section) in a language."""
    return label(lang, key if key.startswith("allies.") else f"allies.{key}", **values)


def reason_text(reason: Reason, lang: str, catalog: Catalog) -> str:
    """The reason in words, as plain text (escape it before it goes into HTML)."""
    if reason.terms:
        terms = catalog.taxonomies["regions" if reason.kind == "region" else "themes"].terms
        items = [terms[t].label(lang) for t in reason.terms]
        shown = ", ".join(items)
    else:
        items = [catalog.entries[r].name(lang) for r in reason.refs if r in catalog.entries]
        shown = ", ".join(items[:SHOWN_REFS])
        if len(items) > SHOWN_REFS:
            shown = phrase(lang, "more", items=shown, count=len(items) - SHOWN_REFS)
    key = reason.kind
    if key in ("themes", "shared-members"):
        key += ".one" if len(items) == 1 else ".many"
    return phrase(lang, key, count=len(items), items=shown)


@dataclass(frozen=True)
class AllyView:
    link: LinkView
    kind_label: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class AlliesView:
    """The allies section of an entry page, for `tejido/partials/allies.html`."""

    title: str
    intro: str
    none: str
    items: tuple[AllyView, ...]
    """New connections, best first."""
    connected: tuple[AllyView, ...] = ()
    """Entries already related to this one (its network, its members, an alliance)."""
    connected_title: str = ""


RELATION_KINDS = frozenset({"member", "convenor", "has-member", "convened", "alliance"})
"""Reasons that name a relation that already exists."""


def is_connected(ally: Ally) -> bool:
    return any(reason.kind in RELATION_KINDS for reason in ally.reasons)


def _ally_view(v: Views, ally: Ally, kinds: Callable[[str], bool]) -> AllyView:
    return AllyView(v.link(ally.ref), v.t(f"kind.{ally.ref.kind}"),
                    tuple(reason_text(r, v.lang, v.catalog) for r in ally.reasons if kinds(r.kind)))


def allies_view(v: Views, allies: Sequence[Ally], limit: int = 8) -> AlliesView:
    """Suggestions apart from the relations that exist: allies are for new connections,
    so entries already connected are listed on their own and only the others ranked."""
    new = [ally for ally in allies if not is_connected(ally)][:limit]
    connected = [ally for ally in allies if is_connected(ally)]
    items = tuple(_ally_view(v, ally, lambda kind: True) for ally in new)
    known = tuple(_ally_view(v, ally, RELATION_KINDS.__contains__) for ally in connected)
    return AlliesView(phrase(v.lang, "allies.title"), phrase(v.lang, "allies.intro"),
                      phrase(v.lang, "allies.none"), items, known,
                      phrase(v.lang, "allies.connected"))
