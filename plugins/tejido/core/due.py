"""Entries due for verification, oldest first: a page and an Atom feed for the catalog's
maintainers, and the text `tejido report --due` prints for a scheduled CI job.

Never-verified entries come first, then by the date they were last verified, then
by name. Each item carries the entry's "suggest a correction" link, so a maintainer
(or the organization itself) can confirm or fix the data from the list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import feedgenerator

from .catalog import Catalog
from .freshness import Freshness, is_due, long_date
from .labels import label
from .links import fix_links
from .model import Entry, pick
from .urls import Urls
from .views import LinkView, PageView, Views

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
    feed = feedgenerator.Atom1Feed(
        title=label(lang, "due.title"), link=page, description=label(lang, "due.intro"),
        language=lang,
        feed_url=site_url + feed_url(urls, lang), feed_guid=page)
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
        feed.add_item(
            title=label(lang, "due.item", name=entry.name(lang), state=state), link=url,
            description=summary, unique_id=f"{url}#verified-{day.isoformat() if day else 'never'}",
            updateddate=updated, pubdate=updated,
            content=pick(entry.summary, lang)[0])
    text: str = feed.writeString("utf-8")
    return text + "\n"
