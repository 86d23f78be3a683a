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

from . import html
from .catalog import Catalog
from .freshness import Freshness, is_due, long_date
from .labels import label
from .links import fix_links
from .model import Entry, pick
from .urls import Urls
from .writer import PageText, Writer

DUE_PATH = "informe/verificar"
FEED_NAME = "verificar.xml"
NEVER = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""The Atom date of a never-verified item: fixed, so the same input gives the same bytes."""

TEXTS = {
    "es": {
        "title": "Entradas por verificar", "intro": "Las entradas cuya verificación venció, "
        "de la más antigua a la más reciente. Llama, escribe o visita a la organización, y "
        "actualiza last_verified, verified_by y verification_method.",
        "entry": "Entrada", "state": "Estado", "verified": "Verificada", "fix": "Corregir",
        "never": "nunca", "suggest": "Sugerir una corrección", "none": "Nada por verificar.",
        "feed": "Suscribirse (Atom)", "item": "{name}: {state}",
    },
    "en": {
        "title": "Entries due for verification", "intro": "Entries whose verification is "
        "due, oldest first. Call, write to or visit the organization, then update "
        "last_verified, verified_by and verification_method.",
        "entry": "Entry", "state": "State", "verified": "Verified", "fix": "Fix",
        "never": "never", "suggest": "Suggest a correction", "none": "Nothing due.",
        "feed": "Subscribe (Atom)", "item": "{name}: {state}",
    },
}


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
        when = day.isoformat() if day else TEXTS[lang]["never"]
        state = label(lang, f"fresh.{item.freshness.state}")
        lines.append(f"{item.entry.source}: {state} (last verified: {when})")
    lines.append(f"{len(items)} entries due for verification (of {len(catalog)}).")
    return "\n".join(lines)


def feed_url(urls: Urls, lang: str) -> str:
    return urls.file(f"{DUE_PATH.rsplit('/', 1)[0]}/{FEED_NAME}", lang)


def _correction(entry: Entry, lang: str, page: str, template: str | None) -> str | None:
    return fix_links(entry, lang, page, None, template).correction


def due_page(catalog: Catalog, lang: str, urls: Urls, site_url: str,
             correction_template: str | None) -> PageText:
    here = urls.folder(DUE_PATH, lang)
    w = Writer(catalog, urls, lang, here)
    texts = TEXTS[lang]
    rows = []
    for item in due_items(catalog):
        page = site_url + urls.entry(item.entry.ref, lang)
        fix = _correction(item.entry, lang, page, correction_template)
        day = item.freshness.verified
        fix_cell = f'<a href="{html.text(fix)}">{html.text(texts["suggest"])}</a>' if fix else ""
        rows.append(
            f"<tr><td>{w.link(item.entry.ref)}<br><code>{html.text(item.entry.source)}</code>"
            f'</td><td><span class="tj-fresh tj-fresh--{item.freshness.state}">'
            f"{html.text(label(lang, 'fresh.' + item.freshness.state))}</span></td>"
            f"<td>{html.text(long_date(day, lang) if day else texts['never'])}</td>"
            f"<td>{fix_cell}</td></tr>")
    head = "".join(f"<th>{html.text(texts[k])}</th>"
                   for k in ("entry", "state", "verified", "fix"))
    table = (f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
             if rows else f"<p>{html.text(texts['none'])}</p>")
    feed = w.href(feed_url(urls, lang))
    body = (f'<p>{html.text(texts["intro"])}</p><p><a href="{html.text(feed)}" '
            f'type="application/atom+xml">{html.text(texts["feed"])}</a></p>{table}')
    return PageText(
        source=urls.source_file(DUE_PATH, lang), url=here, lang=lang, title=texts["title"],
        description=texts["title"], markdown=f"# {texts['title']}\n\n" + w.raw(body),
        kind="report", alternates=w.alternates(), fragments=tuple(w.fragments),
    )


def due_feed(catalog: Catalog, lang: str, urls: Urls, site_url: str,
             correction_template: str | None) -> str:
    """Atom: one item per due entry; its id changes when the entry is verified again, so
    a reader sees it anew when it falls due again."""
    texts = TEXTS[lang]
    page = site_url + urls.folder(DUE_PATH, lang)
    feed = feedgenerator.Atom1Feed(
        title=texts["title"], link=page, description=texts["intro"], language=lang,
        feed_url=site_url + feed_url(urls, lang), feed_guid=page)
    for item in due_items(catalog):
        entry, found = item.entry, item.freshness
        url = site_url + urls.entry(entry.ref, lang)
        day = found.verified
        state = label(lang, f"fresh.{found.state}")
        fix = _correction(entry, lang, url, correction_template)
        when = long_date(day, lang) if day else texts["never"]
        summary = f"{state} · {texts['verified']}: {when}"
        if fix:
            summary += f" · {texts['suggest']}: {fix}"
        updated = (dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC) if day else NEVER)
        feed.add_item(
            title=texts["item"].format(name=entry.name(lang), state=state), link=url,
            description=summary, unique_id=f"{url}#verified-{day.isoformat() if day else 'never'}",
            updateddate=updated, pubdate=updated,
            content=pick(entry.summary, lang)[0])
    text: str = feed.writeString("utf-8")
    return text + "\n"
