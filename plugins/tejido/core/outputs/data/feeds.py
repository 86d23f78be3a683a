"""Atom feeds of entries added or updated: one per language, one per theme and one per
region (a reader follows "health in Oaxaca" by following both, or the region's feed).

Dates come from the content (`last_verified`, else the last commit that touched the
entry's file), never from the clock, so two builds of one commit give the same bytes."""

from __future__ import annotations

import datetime as dt
import heapq
import subprocess
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import TABLES
from tejido.core.model.model import Entry, Ref, pick
from tejido.core.outputs.data.settings import Publication
from tejido.core.outputs.urls import Urls

FEED_FOLDER = "feeds"
FEED_TAXONOMIES = ("themes", "regions")
MAX_ITEMS = 50
"""The newest entries of each feed: a reader wants news, not the whole catalog."""
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def feed_url(urls: Urls, lang: str, taxonomy: str = "", term: str = "") -> str:
    path = f"{FEED_FOLDER}/{taxonomy}/{term}.xml" if taxonomy else f"{FEED_FOLDER}/catalog.xml"
    return urls.file(path, lang)


def git_dates(root: Path, sources: Iterable[str]) -> dict[str, dt.date]:
    """The date of the last commit touching each file, in one `git log` pass; empty when
    the project is not a git repository (a copy, a temporary test project)."""
    wanted = set(sources)
    try:
        out = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
                             cwd=root, capture_output=True, text=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, dt.date] = {}
    day = None
    for line in out.stdout.splitlines():
        if line.startswith("\0"):
            day = dt.date.fromisoformat(line[1:])
        elif line in wanted and line not in found and day is not None:
            found[line] = day
    return found


def entry_dates(catalog: Catalog, history: Mapping[str, dt.date]) -> dict[Ref, dt.date]:
    """When each entry was last updated, from its content; entries with no date at all
    stay out of the feeds."""
    dates = {}
    for entry in catalog.entries.values():
        verified = entry.values.get("last_verified")
        day = verified if isinstance(verified, dt.date) else history.get(entry.source)
        if day is not None:
            dates[entry.ref] = day
    return dates


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _feed_id(site: Publication, url: str) -> str:
    if site.site_url:
        return site.absolute(url)
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}"


class _Writer:
    """Feeds of one language. Each entry's Atom item is made once and shared by every
    feed it appears in (a theme's, a region's, the catalog's)."""

    def __init__(self, catalog: Catalog, dates: Mapping[Ref, dt.date], lang: str, urls: Urls,
                 site: Publication) -> None:
        self.catalog, self.dates, self.lang, self.urls, self.site = (
            catalog, dates, lang, urls, site)
        dated = sorted(dates, key=lambda ref: (dates[ref], str(ref)), reverse=True)
        self.rank = {ref: number for number, ref in enumerate(dated)}
        self.items: dict[Ref, FeedEntry] = {}

    def item(self, entry: Entry) -> FeedEntry:
        if entry.ref in self.items:
            return self.items[entry.ref]
        lang, site = self.lang, self.site
        item = FeedEntry()
        page = self.urls.entry(entry.ref, lang)
        item.id(_feed_id(site, page) if site.site_url else f"urn:tejido:{entry.ref}")
        item.title(entry.name(lang))
        item.link(href=site.absolute(page), rel="alternate")
        item.updated(_moment(self.dates[entry.ref]))
        item.summary(pick(entry.summary, lang)[0])
        item.category(term=entry.kind, label=TABLES[lang][f"kind.{entry.kind}"])
        themes = self.catalog.taxonomies["themes"].terms
        for theme in entry.themes:
            item.category(term=theme, label=themes[theme].label(lang))
        self.items[entry.ref] = item
        return item

    def atom(self, entries: Iterable[Entry], title: str, url: str) -> str:
        newest = heapq.nsmallest(MAX_ITEMS, (e for e in entries if e.ref in self.rank),
                                 key=lambda e: self.rank[e.ref])
        site = self.site
        feed = FeedGenerator()
        feed.id(_feed_id(site, url))
        feed.title(title)
        feed.language(self.lang)
        feed.link(href=site.absolute(url), rel="self")
        feed.link(href=site.absolute(self.urls.folder("", self.lang).lstrip("/")),
                  rel="alternate")
        feed.rights(site.licence.title)
        feed.generator("Tejido")
        latest = max((self.dates[e.ref] for e in newest), default=EPOCH.date())
        feed.updated(_moment(latest))
        for entry in newest:
            feed.add_entry(self.item(entry), order="append")
        text: bytes = feed.atom_str(pretty=True)
        return text.decode("utf-8")


def feeds(catalog: Catalog, dates: Mapping[Ref, dt.date], lang: str, urls: Urls,
          site: Publication) -> dict[str, str]:
    """Site-relative path -> Atom text: the whole catalog, each theme and region used."""
    writer = _Writer(catalog, dates, lang, urls, site)
    news = TABLES[lang]["feed.title"].format(site=site.name)
    found = {feed_url(urls, lang): writer.atom(catalog.entries.values(), news,
                                               feed_url(urls, lang))}
    for taxonomy in FEED_TAXONOMIES:
        for term in catalog.taxonomies[taxonomy]:
            tagged = catalog.tagged(taxonomy, term.id)
            if not tagged:
                continue
            url = feed_url(urls, lang, taxonomy, term.id)
            found[url] = writer.atom(tagged, f"{site.name}: {term.label(lang)}", url)
    return found
