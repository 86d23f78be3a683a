"""The page of one entry, in one language: facts, texts and relations both ways."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from . import contact, html, identifiers
from .allies import KINDS as ALLY_KINDS
from .allies import allies_list, find_allies, phrase
from .attachments import pdf_pages
from .catalog import Catalog
from .fields import DEFAULT_LANGUAGE, KINDS
from .model import Entry, Link, pick
from .opendata.jsonld import structured_data
from .pdf.published import NO_PDFS, Published
from .urls import Urls
from .writer import PageText, Writer

TERM_FACTS = ("themes", "regions", "sdgs", "populations")
PROSE_FIELDS = ("description", "problem", "what_was_done", "lessons")
FACT_RELATIONS = ("run_by", "from_network", "convened_by", "authored_by")
"""Short relations shown among the facts, near the top."""
RELATION_ORDER = (
    "has_member", "member_of", "convenes", "alliance", "ran", "network_practice", "authored",
    "uses_guide", "used_in",
)


def _subtitle(w: Writer, entry: Entry) -> str:
    section = w.href(w.urls.section(entry.kind, w.lang))
    parts = [f'<a href="{html.text(section)}">{html.text(w.t(f"kind.{entry.kind}"))}</a>']
    org_type = entry.values.get("type")
    if org_type:
        parts.append(w.term("organization-types", org_type))
    acronym = entry.values.get("acronym")
    if acronym:
        parts.append(html.text(acronym))
    return '<p class="tj-subtitle">' + " · ".join(parts) + "</p>"


def _years(w: Writer, years: Mapping[str, int]) -> str:
    end = years.get("end")
    return f"{years['start']}–{end if end else w.t('ongoing')}"


def _contact(w: Writer, details: Mapping[str, str]) -> str:
    return "<br>".join(contact.routes(details))


def _person(w: Writer, person: Mapping[str, Any]) -> str:
    shown = contact.public_person(person)
    if shown is None:
        return ""
    role = f" ({w.local(shown['role'])})" if "role" in shown else ""
    routes = _contact(w, shown)
    return html.text(shown["name"]) + role + (f"<br>{routes}" if routes else "")


def _address(w: Writer, parts: Mapping[str, str]) -> str:
    return contact.address(parts, w.term)


def _identifiers(w: Writer, items: tuple[Mapping[str, str], ...]) -> str:
    """Each identifier with its register's name, linked where the register has a page."""
    shown = []
    for item in items:
        scheme, ident = item["scheme"], item["id"]
        register = identifiers.schemes()[scheme].name
        url = identifiers.page(scheme, ident)
        value = contact.link(url, ident) if url else html.text(ident)
        shown.append(f'<abbr title="{html.text(register)}">{html.text(scheme)}</abbr> {value}')
    return "<br>".join(shown)


FACTS: dict[str, Callable[[Writer, Any], str]] = {
    "legal_form": lambda w, v: html.text(v),
    "founded": lambda w, v: html.text(v),
    "project": lambda w, v: html.text(v),
    "years": _years,
    "year": lambda w, v: html.text(v),
    "licence": lambda w, v: html.text(v),
    "themes": lambda w, v: w.terms("themes", v),
    "regions": lambda w, v: w.terms("regions", v),
    "sdgs": lambda w, v: w.terms("sdgs", v),
    "populations": lambda w, v: w.terms("populations", v),
    "website": lambda w, v: contact.link(v),
    "social": lambda w, v: " · ".join(contact.link(url, name.capitalize())
                                      for name, url in v.items()),
    "contact": _contact,
    "address": _address,
    "identifiers": _identifiers,
    "contact_person": _person,
    "last_verified": lambda w, v: html.text(v.isoformat() if isinstance(v, dt.date) else v),
}


def _facts(w: Writer, entry: Entry, links: tuple[Link, ...]) -> str:
    rows = []
    for name in FACT_RELATIONS:
        targets = [w.link(link.target) for link in links if link.name == name]
        if targets:
            rows.append(f"<dt>{html.text(w.t('rel.' + name))}</dt><dd>{', '.join(targets)}</dd>")
    for spec in KINDS[entry.kind].fields:
        value = entry.values.get(spec.name)
        show = FACTS.get(spec.name)
        if value is None or show is None:
            continue
        shown = show(w, value)
        if shown:
            rows.append(f"<dt>{html.text(w.t('field.' + spec.name))}</dt><dd>{shown}</dd>")
    return '<dl class="tj-facts">\n' + "\n".join(rows) + "\n</dl>" if rows else ""


def _results(w: Writer, results: tuple[Mapping[str, Any], ...]) -> str:
    items = "".join(
        f'<li><strong class="tj-figure">{html.text(r["figure"])}</strong> '
        f'{w.local(r["label"])}</li>'
        for r in results
    )
    return f'<ul class="tj-results">{items}</ul>'


def _replication(w: Writer, rep: Mapping[str, Any]) -> str:
    rows = []
    if "cost" in rep:
        rows.append(f"<dt>{w.t('field.cost')}</dt><dd>{html.text(w.t('cost.' + rep['cost']))}</dd>")
    if "duration" in rep:
        rows.append(f"<dt>{w.t('field.duration')}</dt><dd>{w.local(rep['duration'])}</dd>")
    text = w.raw(f'<dl class="tj-facts">{"".join(rows)}</dl>') if rows else ""
    return text + (w.prose(rep["needs"]) if "needs" in rep else "")


def _generated_pdfs(w: Writer, entry: Entry, published: Published) -> list[str]:
    """The PDFs Tejido made of the guide's own text (none when PDFs are off)."""
    items = []
    for pdf in published.of(str(entry.ref)):
        title, used = pick(entry.title, pdf.lang)
        language = w.t(f"language.{pdf.lang}")
        items.append(
            f'<li><a href="{html.text(w.href(pdf.url))}" hreflang="{html.text(pdf.lang)}" '
            f'download><span lang="{html.text(used)}">{html.text(title)}'
            f'</span></a> <span class="tj-meta">PDF · {html.text(language)} · {pdf.size_kb} KB · '
            f"{pdf.pages} p.</span></li>"
        )
    return items


def _downloads(w: Writer, entry: Entry, root: Path, published: Published) -> str:
    items = _generated_pdfs(w, entry, published)
    for item in entry.values.get("files", ()):
        path = root / item["path"]
        size_kb = max(1, round(path.stat().st_size / 1024))
        url = attachment_url(w.urls, entry, item["path"])
        title = w.local(item["title"]) if "title" in item else html.text(path.name)
        language = w.t(f"language.{item['lang']}")
        items.append(
            f'<li><a href="{html.text(w.href(url))}" hreflang="{item["lang"]}" download>{title}</a>'
            f' <span class="tj-meta">PDF · {html.text(language)} · {size_kb} KB · '
            f"{pdf_pages(path)} p.</span></li>"
        )
    return '<ul class="tj-downloads">' + "".join(items) + "</ul>" if items else ""


def _relation(w: Writer, link: Link) -> str:
    since = f' <span class="tj-meta">({w.t("since", year=link.year)})</span>' if link.year else ""
    note = f"<br><span class=\"tj-meta\">{w.local(link.note)}</span>" if link.note else ""
    return f"<li>{w.link(link.target, since)}{note}</li>"


def _relations(w: Writer, links: tuple[Link, ...]) -> list[str]:
    sections = []
    for name in RELATION_ORDER:
        chosen = [link for link in links if link.name == name]
        if chosen:
            items = "\n".join(_relation(w, link) for link in chosen)
            listing = f'<ul class="tj-relations">\n{items}\n</ul>'
            sections.append(f"## {w.t('rel.' + name)}\n\n{w.raw(listing)}")
    return sections


def _allies(w: Writer, entry: Entry) -> list[str]:
    """Likely allies, with their reasons (organizations and networks only)."""
    if entry.kind not in ALLY_KINDS:
        return []
    found = find_allies(w.catalog, entry.ref)
    title, intro = phrase(w.lang, "allies.title"), phrase(w.lang, "allies.intro")
    return [f"## {title}\n\n" + w.raw(f"<p>{html.text(intro)}</p>" + allies_list(w, found))]


def _sections(w: Writer, entry: Entry, root: Path, published: Published) -> list[str]:
    """The narrative body first (it opens with its own headings), then structured texts."""
    sections = [w.prose(entry.body, "tj-prose tj-body")] if entry.body else []
    values = entry.values
    for name in PROSE_FIELDS:
        if name in values:
            sections.append(f"## {w.t('field.' + name)}\n\n{w.prose(values[name])}")
        if name == "what_was_done" and "results" in values:
            sections.append(f"## {w.t('field.results')}\n\n{w.raw(_results(w, values['results']))}")
    if "replication" in values:
        replication = _replication(w, values["replication"])
        sections.append(f"## {w.t('field.replication')}\n\n{replication}")
    downloads = _downloads(w, entry, root, published) if entry.kind == "guide" else ""
    if downloads:
        sections.append(f"## {w.t('field.files')}\n\n{w.raw(downloads)}")
    return sections


def entry_page(catalog: Catalog, entry: Entry, lang: str, urls: Urls, root: Path,
               published: Published = NO_PDFS, site_url: str = "") -> PageText:
    here = urls.entry(entry.ref, lang)
    w = Writer(catalog, urls, lang, here)
    links = catalog.links.get(entry.ref, ())
    heading = w.raw(f'<h1 class="tj-title">{w.name(entry)}</h1>')
    top = _subtitle(w, entry) + f'<p class="tj-summary">{w.local(entry.summary)}</p>'
    parts = [
        w.raw(top + _facts(w, entry, links)),
        *_sections(w, entry, root, published),
        *_relations(w, links),
        *_allies(w, entry),
    ]
    body = "\n\n".join(parts)
    return PageText(
        source=urls.source(entry.kind, entry.id, lang), url=here, lang=lang,
        title=entry.name(lang), description=pick(entry.summary, lang)[0],
        markdown=heading + w.notice() + body, kind=entry.kind,
        alternates=w.alternates(), fragments=tuple(w.fragments),
        jsonld=structured_data(catalog, entry, lang, urls, site_url, root, published),
        ref=entry.ref,
    )


def attachment_url(urls: Urls, entry: Entry, path: str) -> str:
    """Attached files are published once, beside the guide's Spanish page."""
    return urls.file(f"{urls.page('guide', entry.id, DEFAULT_LANGUAGE).removesuffix('index.html')}"
                     f"{Path(path).name}", DEFAULT_LANGUAGE)
