"""Entries due for verification, oldest first: a page and an Atom feed for the catalog's
maintainers, and the text `tejido report --due` prints for a scheduled CI job.

Never-verified entries come first, then by the date they were last verified, then
by name. Each item carries the entry's "suggest a correction" link, so a maintainer
(or the organization itself) can confirm or fix the data from the list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from tejido.core.catalog.catalog import Catalog
from tejido.core.catalog.freshness import Freshness, is_due, long_date
from tejido.core.i18n.labels import label
from tejido.core.model.model import Entry, pick
from tejido.core.outputs.links import fix_links
from tejido.core.outputs.urls import Urls
from tejido.core.outputs.views import LinkView, PageView, Views

DUE_PATH = "informe/verificar"
FEED_NAME = "verificar.xml"
NEVER = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""The Atom date of a never-verified item: fixed, so the same input gives the same bytes."""

@dataclass(frozen=True)
class DueItem:
    entry: Entry
    freshness: Freshness


def due_items(catalog: Catalog) -> list[DueItem]:
    found = [DueItem(e, catalog.freshness(e)) for e in catalog.entries.values()]
    due = [item for item in found if is_due(item.freshness)]
    return sorted(due, key=lambda i: (i.freshness.verified or dt.date.min,
                                      i.entry.name("es").casefold(), str(i.entry.ref)))


def due_text(catalog: Catalog, lang: str = "en") -> str:
    """One line per entry: file, state, last verified; the count last."""
    items = due_items(catalog)
    lines = []
    for item in items:
        day = item.freshness.verified
        when = day.isoformat() if day else "never"
        state = label(lang, f"fresh.{item.freshness.state}")
        lines.append(f"{item.entry.source}: {state} (last verified: {when})")
    lines.append(f"{len(items)} entries due for verification (of {len(catalog)}).")
    return "\n".join(lines)


def feed_url(urls: Urls, lang: str) -> str:
    return urls.file(f"{DUE_PATH.rsplit('/', 1)[0]}/{FEED_NAME}", lang)


def _correction(entry: Entry, lang: str, page: str, template: str | None) -> str | None:
    return fix_links(entry, lang, page, None, template).correction


@dataclass(frozen=True)
class DueRow:
    entry: LinkView
    source: str
    state: str
    state_label: str
    verified: str
    correction: str | None


def due_page(catalog: Catalog, lang: str, urls: Urls, site_url: str,
             correction_template: str | None) -> PageView:
    v = Views(catalog, urls, lang, urls.folder(DUE_PATH, lang))
    rows = []
    for item in due_items(catalog):
        page = site_url + urls.entry(item.entry.ref, lang)
        day = item.freshness.verified
        rows.append(DueRow(
            v.link(item.entry.ref), item.entry.source, item.freshness.state,
            v.t(f"fresh.{item.freshness.state}"),
            long_date(day, lang) if day else v.t("due.never"),
            _correction(item.entry, lang, page, correction_template)))
    title = v.t("due.title")
    return v.page(source=urls.source_file(DUE_PATH, lang), title=title, description=title,
                  kind="report", templates=("tejido/due.html",),
                  context={"title": title, "rows": tuple(rows),
                           "feed": v.href(feed_url(urls, lang))})


def due_feed(catalog: Catalog, lang: str, urls: Urls, site_url: str,
             correction_template: str | None) -> str:
    """Atom: one item per due entry; its id changes when the entry is verified again, so
    a reader sees it anew when it falls due again."""
    page = site_url + urls.folder(DUE_PATH, lang)
    feed = FeedGenerator()
    feed.id(page or f"urn:tejido:{DUE_PATH}:{lang}")
    feed.title(label(lang, "due.title"))
    feed.subtitle(label(lang, "due.intro"))
    feed.language(lang)
    feed.link(href=site_url + feed_url(urls, lang), rel="self")
    feed.link(href=page, rel="alternate")
    feed.generator("Tejido")
    newest = NEVER  # never the clock: the same content gives the same bytes
    for item in due_items(catalog):
        entry, found = item.entry, item.freshness
        url = site_url + urls.entry(entry.ref, lang)
        day = found.verified
        state = label(lang, f"fresh.{found.state}")
        fix = _correction(entry, lang, url, correction_template)
        when = long_date(day, lang) if day else label(lang, "due.never")
        summary = f"{state} · {label(lang, 'due.verified')}: {when}"
        if fix:
            summary += f" · {label(lang, 'due.suggest')}: {fix}"
        updated = (dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC) if day else NEVER)
        newest = max(newest, updated)
        added = feed.add_entry(order="append")
        added.id(f"{url}#verified-{day.isoformat() if day else 'never'}")
        added.title(label(lang, "due.item", name=entry.name(lang), state=state))
        added.link(href=url, rel="alternate")
        added.summary(summary)
        added.content(pick(entry.summary, lang)[0], type="text")
        added.updated(updated)
        added.published(updated)
    feed.updated(newest)
    text: bytes = feed.atom_str(pretty=True)
    return text.decode("utf-8")
