"""The page of one entry, in one language: facts, texts and relations both ways, as
view objects for the `tejido/entry.html` template (or a kind's own)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from tejido.core.catalog.allies import KINDS as ALLY_KINDS
from tejido.core.catalog.allies import AlliesView, allies_view, find_allies
from tejido.core.catalog.catalog import Catalog
from tejido.core.model import contact
from tejido.core.model import relations as rel
from tejido.core.model.fields import DEFAULT_LANGUAGE, KINDS
from tejido.core.model.model import Entry, Link, pick
from tejido.core.outputs.data.jsonld import structured_data
from tejido.core.outputs.pdf.published import NO_PDFS, Published
from tejido.core.outputs.urls import Urls
from tejido.core.outputs.views import (
    DownloadView,
    FreshView,
    LinkView,
    Local,
    PageView,
    Prose,
    TermView,
    Views,
)
from tejido.core.sources.attachments import pdf_pages
from tejido.core.validate import identifiers

TERM_FACTS = ("themes", "regions", "sdgs", "populations")
PROSE_FIELDS = ("description", "problem", "what_was_done", "lessons")
FACT_RELATIONS = (rel.RUN_BY, rel.FROM_NETWORK, rel.CONVENED_BY, rel.AUTHORED_BY)
"""Short relations shown among the facts, near the top."""
RELATION_ORDER = (
    rel.HAS_MEMBER, rel.MEMBER_OF, rel.CONVENES, rel.ALLIANCE, rel.RAN, rel.NETWORK_PRACTICE,
    rel.AUTHORED, rel.USES_GUIDE, rel.USED_IN,
)
ENTRY_TEMPLATE = "tejido/entry.html"


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


@dataclass(frozen=True)
class TextSection:
    name: str
    title: str
    prose: Prose


@dataclass(frozen=True)
class Result:
    figure: str
    label: Local


@dataclass(frozen=True)
class Replication:
    cost: str | None
    duration: Local | None
    needs: Prose | None


@dataclass(frozen=True)
class Related:
    link: LinkView
    year: int | None
    note: Local | None


@dataclass(frozen=True)
class RelationGroup:
    name: str
    title: str
    items: tuple[Related, ...]


@dataclass(frozen=True)
class EntryView:
    kind: str
    title: Local
    section: LinkView
    type: TermView | None
    acronym: str | None
    summary: Local
    facts: tuple[Fact, ...]
    body: Prose | None
    texts: tuple[TextSection, ...]
    results: tuple[Result, ...]
    replication: Replication | None
    downloads: tuple[DownloadView, ...]
    relations: tuple[RelationGroup, ...]
    allies: AlliesView | None
    fresh: FreshView | None = None


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
    return (value.isoformat() if isinstance(value, dt.date) else str(value),)


FACTS: dict[str, Callable[[Views, Any], tuple[Part, ...]]] = {
    "legal_form": _plain,
    "founded": _plain,
    "project": _plain,
    "years": _years,
    "year": _plain,
    "licence": _plain,
    "themes": lambda v, ids: v.terms("themes", ids),
    "regions": lambda v, ids: v.terms("regions", ids),
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


def _facts(v: Views, entry: Entry, links: tuple[Link, ...]) -> tuple[Fact, ...]:
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


def _results(v: Views, results: tuple[Mapping[str, Any], ...]) -> tuple[Result, ...]:
    return tuple(Result(str(r["figure"]), v.local(r["label"])) for r in results)


def _replication(v: Views, rep: Mapping[str, Any] | None) -> Replication | None:
    if rep is None:
        return None
    return Replication(
        cost=v.t("cost." + rep["cost"]) if "cost" in rep else None,
        duration=v.local(rep["duration"]) if "duration" in rep else None,
        needs=v.prose(rep["needs"]) if "needs" in rep else None,
    )


def _generated_pdfs(v: Views, entry: Entry, published: Published) -> list[DownloadView]:
    """The PDFs Tejido made of the guide's own text (none when PDFs are off)."""
    items = []
    for pdf in published.of(str(entry.ref)):
        title, used = pick(entry.title, pdf.lang)
        link = LinkView(v.href(pdf.url), Local(title, used, used != v.lang), pdf.lang, True)
        items.append(DownloadView(link, "PDF", v.t(f"language.{pdf.lang}"), pdf.size_kb,
                                  pdf.pages))
    return items


def _downloads(v: Views, entry: Entry, root: Path,
               published: Published) -> tuple[DownloadView, ...]:
    if entry.kind != "guide":
        return ()
    items = _generated_pdfs(v, entry, published)
    for item in entry.values.get("files", ()):
        path = root / item["path"]
        size_kb = max(1, round(path.stat().st_size / 1024))
        url = attachment_url(v.urls, entry, item["path"])
        title = v.local(item["title"]) if "title" in item else path.name
        link = LinkView(v.href(url), title, item["lang"], True)
        items.append(DownloadView(link, "PDF", v.t(f"language.{item['lang']}"), size_kb,
                                  pdf_pages(path)))
    if "link" in entry.values:
        items.append(_external(v, entry, entry.values["link"]))
    return tuple(items)


def _external(v: Views, entry: Entry, link: Mapping[str, Any]) -> DownloadView:
    """A document published elsewhere: its address, format, language, size and pages."""
    title = v.local({link["lang"]: pick(entry.title, link["lang"])[0]})
    return DownloadView(LinkView(link["url"], title, link["lang"]), link["format"].upper(),
                        v.t(f"language.{link['lang']}"), None, link.get("pages"),
                        size=link.get("size", ""), external=True)


def _relations(v: Views, links: tuple[Link, ...]) -> tuple[RelationGroup, ...]:
    groups = []
    for name in RELATION_ORDER:
        chosen = tuple(Related(v.link(link.target), link.year,
                               v.local(link.note) if link.note else None)
                       for link in links if link.name == name)
        if chosen:
            groups.append(RelationGroup(name, v.t("rel." + name), chosen))
    return tuple(groups)


def _texts(v: Views, values: Mapping[str, Any]) -> tuple[TextSection, ...]:
    return tuple(TextSection(name, v.t("field." + name), v.prose(values[name]))
                 for name in PROSE_FIELDS if name in values)


def entry_view(v: Views, entry: Entry, root: Path, published: Published) -> EntryView:
    links = v.catalog.links.get(entry.ref, ())
    values = entry.values
    org_type = values.get("type")
    title = v.local(entry.title)
    summary = v.local(entry.summary)
    facts = _facts(v, entry, links)
    # Prose in reading order: the body first, then the structured texts.
    body = v.prose(entry.body) if entry.body else None
    texts = _texts(v, values)
    return EntryView(
        kind=entry.kind, title=title,
        section=LinkView(v.href(v.urls.section(entry.kind, v.lang)), v.t(f"kind.{entry.kind}")),
        type=v.term("organization-types", org_type) if org_type else None,
        acronym=values.get("acronym"), summary=summary, facts=facts, body=body, texts=texts,
        results=_results(v, values.get("results", ())),
        replication=_replication(v, values.get("replication")),
        downloads=_downloads(v, entry, root, published),
        relations=_relations(v, links),
        allies=(allies_view(v, find_allies(v.catalog, entry.ref))
                if entry.kind in ALLY_KINDS else None),
        fresh=v.fresh(entry),
    )


def entry_page(catalog: Catalog, entry: Entry, lang: str, urls: Urls, root: Path,
               published: Published = NO_PDFS, site_url: str = "") -> PageView:
    v = Views(catalog, urls, lang, urls.entry(entry.ref, lang))
    view = entry_view(v, entry, root, published)
    return v.page(
        source=urls.source(entry.kind, entry.id, lang), title=entry.name(lang),
        description=pick(entry.summary, lang)[0], kind=entry.kind,
        templates=(f"tejido/entry/{entry.kind}.html", ENTRY_TEMPLATE),
        context={"entry": view},
        jsonld=structured_data(catalog, entry, lang, urls, site_url, root, published),
        ref=entry.ref,
    )


def attachment_url(urls: Urls, entry: Entry, path: str) -> str:
    """Attached files are published once, beside the guide's Spanish page."""
    return urls.file(f"{urls.page('guide', entry.id, DEFAULT_LANGUAGE).removesuffix('index.html')}"
                     f"{Path(path).name}", DEFAULT_LANGUAGE)
