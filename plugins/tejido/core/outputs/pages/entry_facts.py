"""The facts of an entry, as the entry page shows them: its parts (terms, links, public
contact routes and people, registered identifiers), each fact's label and separator, and
which of them the header block shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from tejido.core.catalog.freshness import long_date
from tejido.core.model import contact
from tejido.core.model import relations as rel
from tejido.core.model.fields import KINDS
from tejido.core.model.licences import licence
from tejido.core.model.model import Entry, Link
from tejido.core.outputs.views import LinkView, Local, TermView, Views
from tejido.core.validate import identifiers

TERM_FACTS = ("themes", "regions", "sdgs", "populations")
FACT_RELATIONS = (rel.RUN_BY, rel.FROM_NETWORK, rel.CONVENED_BY, rel.AUTHORED_BY)
"""Short relations shown among the facts, near the top."""


@dataclass(frozen=True)
class RouteView:
    """A public contact route: its link (with the extension in its text) and label."""

    view: ClassVar[str] = "route"
    link: LinkView
    label: str = ""


@dataclass(frozen=True)
class PersonView:
    view: ClassVar[str] = "person"
    name: str
    """Empty when only a role is written."""
    role: Local | None
    routes: tuple[RouteView, ...]


@dataclass(frozen=True)
class IdentifierView:
    """A registered identifier: the register's code and name, linked where the register
    has a public page of the organization."""

    view: ClassVar[str] = "identifier"
    scheme: str
    register: str
    id: str
    href: str | None


Part = str | Local | LinkView | TermView | RouteView | PersonView | IdentifierView


@dataclass(frozen=True)
class Fact:
    name: str
    label: str
    parts: tuple[Part, ...]
    separator: str = ", "
    """How the template joins the parts: ", ", " · ", or "\n" for one per line."""



def _years(v: Views, years: Mapping[str, int]) -> tuple[Part, ...]:
    end = years.get("end")
    return (f"{years['start']}–{end if end else v.t('ongoing')}",)


def _route(v: Views, route: contact.Route) -> RouteView:
    extension = f" {v.t('contact.ext')} {route.extension}" if route.extension else ""
    return RouteView(LinkView(route.href, route.shown + extension), route.label)


def _contact(v: Views, entry: Entry) -> dict[str, tuple[Part, ...]]:
    """The public routes and the public contact person, as contact.py decides: pages never
    read `contact` or `contact_person` themselves."""
    public = contact.public_contact(entry, v.catalog.taxonomies["regions"])
    shown: dict[str, tuple[Part, ...]] = {}
    if public.routes:
        shown["contact"] = tuple(_route(v, route) for route in public.routes)
    if public.person is not None:
        person = public.person
        shown["contact_person"] = (PersonView(
            person.name, v.local(person.role) if person.role else None,
            tuple(_route(v, route) for route in person.routes)),)
    return shown


def _address(v: Views, parts: Mapping[str, str]) -> tuple[Part, ...]:
    shown: list[Part] = [parts[key] for key in ("street", "postal_code", "city") if key in parts]
    if "region" in parts:
        shown.append(v.term("regions", parts["region"]))
    return tuple(shown)


def _identifiers(v: Views, items: tuple[Mapping[str, str], ...]) -> tuple[Part, ...]:
    return tuple(IdentifierView(item["scheme"], identifiers.schemes()[item["scheme"]].name,
                                item["id"], identifiers.page(item["scheme"], item["id"]))
                 for item in items)


def _plain(v: Views, value: object) -> tuple[Part, ...]:
    return (str(value),)


def _date(v: Views, value: object) -> tuple[Part, ...]:
    return (long_date(value, v.lang) if isinstance(value, dt.date) else str(value),)


def _regions(v: Views, ids: tuple[str, ...]) -> tuple[Part, ...]:
    """Each region with the larger ones it lies in, unless the entry lists them too:
    "Valles Centrales (Oaxaca, México)", never a bare state a reader cannot place."""
    tax = v.catalog.taxonomies["regions"]
    shown: list[Part] = []
    for term_id in ids:
        term = v.term("regions", term_id)
        above = [a for a in tax.ancestors(term_id) if a not in ids]
        if above:
            names = ", ".join(tax.terms[a].label(v.lang) for a in above)
            term = replace(term, label=f"{term.label} ({names})")
        shown.append(term)
    return tuple(shown)


FACTS: dict[str, Callable[[Views, Any], tuple[Part, ...]]] = {
    "legal_form": _plain,
    "founded": _plain,
    "project": _plain,
    "years": _years,
    "year": _plain,
    "licence": lambda v, spdx: (licence(str(spdx)).name,),
    "themes": lambda v, ids: v.terms("themes", ids),
    "regions": _regions,
    "sdgs": lambda v, ids: v.terms("sdgs", ids),
    "populations": lambda v, ids: v.terms("populations", ids),
    "website": lambda v, url: (LinkView(url, url),),
    "social": lambda v, links: tuple(LinkView(url, name.capitalize())
                                     for name, url in links.items()),
    "address": _address,
    "identifiers": _identifiers,
}
SEPARATORS = {"social": " · ", "contact": "\n", "regions": "; ",  # places carry a comma
              "identifiers": "\n"}
HEAD_FACTS = {"regions": "entry.place", "contact": "field.contact"}
"""Facts shown in the header block, before the long text, with the label they get there."""


def split_head(v: Views, facts: tuple[Fact, ...]) -> tuple[tuple[Fact, ...], tuple[Fact, ...]]:
    """The facts split into the header block's (in HEAD_FACTS order) and the others."""
    by_name = {fact.name: fact for fact in facts}
    head = tuple(replace(by_name[name], label=v.t(key)) for name, key in HEAD_FACTS.items()
                 if name in by_name)
    return head, tuple(fact for fact in facts if fact.name not in HEAD_FACTS)


def entry_facts(v: Views, entry: Entry, links: tuple[Link, ...]) -> tuple[Fact, ...]:
    rows = []
    routes = _contact(v, entry)
    for name in FACT_RELATIONS:
        targets = tuple(v.link(link.target) for link in links if link.name == name)
        if name == rel.AUTHORED_BY:  # authors that are not entries, by name
            targets += tuple(entry.values.get("author_names", ()))
        if targets:
            rows.append(Fact(name, v.t("rel." + name), targets))
    for spec in KINDS[entry.kind].fields:
        value = entry.values.get(spec.name)
        show = FACTS.get(spec.name)
        if spec.name in ("contact", "contact_person"):
            parts = routes.get(spec.name, ())
        elif value is None or show is None:
            continue
        else:
            parts = show(v, value)
        if parts:
            rows.append(Fact(spec.name, v.t("field." + spec.name), parts,
                             SEPARATORS.get(spec.name, ", ")))
    return tuple(rows)
