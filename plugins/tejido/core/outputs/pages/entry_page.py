"""The page of one entry, in one language: facts, texts and relations both ways, as
view objects for the `tejido/entry.html` template (or a kind's own). The facts themselves
(their parts, labels and the header block's share) are `entry_facts.py`'s."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tejido.core.catalog.allies import KINDS as ALLY_KINDS
from tejido.core.catalog.allies import AlliesView, allies_view, find_allies
from tejido.core.catalog.catalog import Catalog
from tejido.core.model import relations as rel
from tejido.core.model.fields import DEFAULT_LANGUAGE
from tejido.core.model.model import Entry, Link, pick
from tejido.core.outputs.data.jsonld import structured_data
from tejido.core.outputs.pages.entry_facts import Fact, entry_facts, split_head
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

PROSE_FIELDS = ("description", "problem", "what_was_done", "lessons")
RELATION_ORDER = (
    rel.HAS_MEMBER, rel.MEMBER_OF, rel.CONVENES, rel.ALLIANCE, rel.RAN, rel.NETWORK_PRACTICE,
    rel.AUTHORED, rel.USES_GUIDE, rel.USED_IN,
)
ENTRY_TEMPLATE = "tejido/entry.html"


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
    listing: LinkView | None = None
    """The kind's listing ("Organizaciones"), the breadcrumbs' first step."""
    fresh: FreshView | None = None
    head: tuple[Fact, ...] = ()
    """The header block's facts: where (places with their country) and the public contact
    routes, the things a reader came for; `facts` holds the rest (the side column)."""


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
        # Named apart from an attached PDF, which often carries the same title.
        printable = v.t("pdf.printable", language=v.t(f"language.{pdf.lang}"))
        link = LinkView(v.href(pdf.url), printable, pdf.lang, True)
        items.append(v.download(link, "PDF", pdf.lang, pdf.size_kb, pdf.pages))
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
        items.append(v.download(link, "PDF", item["lang"], size_kb, pdf_pages(path)))
    if "link" in entry.values:
        items.append(_external(v, entry, entry.values["link"]))
    return tuple(items)


def _external(v: Views, entry: Entry, link: Mapping[str, Any]) -> DownloadView:
    """A document published elsewhere: its address, format, language, size and pages."""
    title = v.local({link["lang"]: pick(entry.title, link["lang"])[0]})
    return v.download(LinkView(link["url"], title, link["lang"]), link["format"].upper(),
                      link["lang"], None, link.get("pages"), size=link.get("size", ""),
                      external=True)


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
    head, facts = split_head(v, entry_facts(v, entry, links))
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
        allies=(allies_view(v, find_allies(v.catalog, entry.ref, ALLIES_SOUGHT))
                if entry.kind in ALLY_KINDS else None),
        listing=LinkView(v.href(v.urls.section(entry.kind, v.lang)), v.t(f"kinds.{entry.kind}")),
        fresh=v.fresh(entry), head=head,
    )


ALLIES_SOUGHT = 16
"""Allies looked for: enough that 8 new ones remain once existing relations are set apart."""


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
