"""Allies in words: each reason as a sentence in the reader's language, and the view
of the allies section that `tejido/partials/allies.html` renders."""

from __future__ import annotations

from collections.abc import Sequence
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


def allies_view(v: Views, allies: Sequence[Ally]) -> AlliesView:
    items = tuple(
        AllyView(v.link(ally.ref), v.t(f"kind.{ally.ref.kind}"),
                 tuple(reason_text(r, v.lang, v.catalog) for r in ally.reasons))
        for ally in allies)
    return AlliesView(phrase(v.lang, "allies.title"), phrase(v.lang, "allies.intro"),
                      phrase(v.lang, "allies.none"), items)
