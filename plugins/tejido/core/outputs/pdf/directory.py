"""The whole directory as a printable document, like the printed thematic directory.

Organizations are grouped by theme (each root theme of the taxonomy), then by
region (down to the state: `México › Oaxaca`).  An organization's card (its
public contact routes, themes, regions and networks) is printed where it first
appears; later groups list it with the page of its card.  Then the networks,
and an alphabetical index of organizations with page numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import label
from tejido.core.i18n.text import initial, sort_key
from tejido.core.model import contact
from tejido.core.model import relations as rel
from tejido.core.model.fields import DEFAULT_LANGUAGE, LANGUAGES
from tejido.core.model.model import Entry, Ref
from tejido.core.outputs import html
from tejido.core.outputs.pdf.jobs import PdfJob, PdfSource
from tejido.core.outputs.pdf.markup import (
    document,
    local,
    site_address,
    stylesheet,
    with_fallback_note,
)
from tejido.core.outputs.urls import Urls

REGION_DEPTH = 2
"""Regions group down to this level: 1 country, 2 state (sub-regions join their state)."""
NAME = "directorio"


def directory_pdf_url(urls: Urls, lang: str) -> str:
    """`directorio-es.pdf`, `directorio-en.pdf`: both at the site root."""
    return urls.file(f"{NAME}-{lang}.pdf", DEFAULT_LANGUAGE)


@dataclass(frozen=True)
class Group:
    region: str
    members: tuple[Entry, ...]


@dataclass(frozen=True)
class Theme:
    theme: str
    groups: tuple[Group, ...]


def _root(catalog: Catalog, taxonomy: str, term: str, depth: int) -> str:
    return catalog.taxonomies[taxonomy].path(term)[:depth][-1]


def _place_order(catalog: Catalog, lang: str
                 ) -> Callable[[str], tuple[tuple[str, str], ...]]:
    """Regions by the names of their path (country, then state), in `lang`, with the one
    sort key of names (`text.sort_key`)."""
    tax = catalog.taxonomies["regions"]
    return lambda region: tuple(sort_key(tax.terms[r].label(lang), lang) for r in tax.path(region))


def grouping(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> tuple[Theme, ...]:
    """Organizations by root theme (in taxonomy order), then by region group, by name in
    `lang` within a group."""
    order = _place_order(catalog, lang)
    themes: dict[str, dict[str, list[Entry]]] = {
        theme: {} for theme in catalog.taxonomies["themes"].roots()}
    for org in catalog.of_kind("organization", lang):
        org_themes = dict.fromkeys(_root(catalog, "themes", t, 1) for t in org.themes)
        org_regions = dict.fromkeys(_root(catalog, "regions", r, REGION_DEPTH)
                                    for r in org.regions)
        for theme in org_themes:
            for region in org_regions:
                themes[theme].setdefault(region, []).append(org)
    return tuple(
        Theme(theme, tuple(Group(region, tuple(by_region[region]))
                           for region in sorted(by_region, key=order)))
        for theme, by_region in themes.items() if by_region
    )


@dataclass
class _Writer:
    catalog: Catalog
    lang: str
    urls: Urls
    site_url: str | None

    def t(self, key: str, **values: object) -> str:
        return html.text(label(self.lang, key, **values))

    def term(self, taxonomy: str, term: str) -> str:
        return html.text(self.catalog.taxonomies[taxonomy].terms[term].label(self.lang))

    def terms(self, taxonomy: str, ids: tuple[str, ...]) -> str:
        return ", ".join(self.term(taxonomy, term) for term in ids)

    def region_path(self, region: str) -> str:
        tax = self.catalog.taxonomies["regions"]
        return " › ".join(self.term("regions", r) for r in tax.path(region))

    def pageref(self, anchor: str) -> str:
        return f'<a class="pageref" href="#{html.text(anchor)}">{self.t("pdf.see_page")}</a>'

    def name(self, entry: Entry) -> str:
        acronym = entry.values.get("acronym")
        extra = f' <span class="acronym">({html.text(acronym)})</span>' if acronym else ""
        return local(entry.title, self.lang) + extra


def _anchor(ref: Ref) -> str:
    return f"{'o' if ref.kind == 'organization' else 'n'}-{ref.id}"


def _contact_rows(w: _Writer, entry: Entry) -> Iterator[tuple[str, str]]:
    values = entry.values
    public = contact.public_contact(entry, w.catalog.taxonomies["regions"])
    routes = contact.routes(public.routes, w.t("contact.ext"))
    if routes:
        yield w.t("field.contact"), " · ".join(routes)
    if "website" in values:
        yield w.t("field.website"), contact.link(values["website"])
    social = values.get("social", {})
    if social:
        yield w.t("field.social"), " · ".join(
            f"{html.text(name.capitalize())}: {contact.link(url)}" for name, url in social.items())
    if "address" in values:
        yield w.t("field.address"), contact.address(values["address"], w.term)
    if public.person is not None:
        who, person_routes = contact.person_html(public.person, lambda t: local(t, w.lang))
        yield w.t("field.contact_person"), " · ".join([who, *person_routes])


def _related(w: _Writer, entry: Entry, names: tuple[str, ...]) -> str:
    items = []
    for link in w.catalog.links.get(entry.ref, ()):
        target = w.catalog.entries.get(link.target)
        if link.name in names and target is not None:
            items.append(f"{local(target.title, w.lang)} "
                         f"<span class=\"ref\">({w.pageref(_anchor(target.ref))})</span>")
    return "; ".join(items)


def _facts(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows if value)
    return f'<table class="facts">{cells}</table>' if cells else ""


def _card(w: _Writer, org: Entry) -> str:
    kind = [w.term("organization-types", org.values["type"])] if "type" in org.values else []
    if "founded" in org.values:
        kind.append(f"{w.t('field.founded')}: {html.text(org.values['founded'])}")
    rows = [
        (w.t("field.themes"), w.terms("themes", org.themes)),
        (w.t("field.regions"), w.terms("regions", org.regions)),
        (w.t("kinds.network"), _related(w, org, rel.NETWORKS_OF)),
        *_contact_rows(w, org),
    ]
    return (f'<article class="card" id="{html.text(_anchor(org.ref))}">\n'
            f'<h3 class="card-name">{w.name(org)}</h3>\n'
            f'<p class="card-kind">{" · ".join(kind)}</p>\n'
            f'<p class="card-summary">{local(org.summary, w.lang)}</p>\n'
            f"{_facts(rows)}\n</article>")


def _theme_section(w: _Writer, theme: Theme, seen: set[Ref]) -> str:
    tax = w.catalog.taxonomies["themes"]
    parts = [f'<section class="theme" id="t-{html.text(theme.theme)}">',
             f'<h1 class="theme-title">{w.term("themes", theme.theme)}</h1>']
    children = tax.children.get(theme.theme, ())
    if children:
        parts.append(f'<p class="theme-includes">{w.t("pdf.includes")}: '
                     f"{w.terms('themes', children)}</p>")
    for group in theme.groups:
        parts.append(f'<section class="group" id="t-{html.text(theme.theme)}--'
                     f'{html.text(group.region)}">')
        parts.append(f'<h2 class="group-title">{w.region_path(group.region)}</h2>')
        seen_before = [org for org in group.members if org.ref in seen]
        for org in group.members:
            if org.ref not in seen:
                seen.add(org.ref)
                parts.append(_card(w, org))
        if seen_before:
            items = "".join(f'<li>{w.name(org)} · {w.pageref(_anchor(org.ref))}</li>'
                            for org in seen_before)
            parts.append(f'<div class="also"><p class="also-title">{w.t("pdf.also_here")}</p>'
                         f"<ul>{items}</ul></div>")
        parts.append("</section>")
    parts.append("</section>")
    return "\n".join(parts)


def _network(w: _Writer, network: Entry) -> str:
    rows = [
        (w.t(f"rel.{rel.CONVENED_BY}"), _related(w, network, (rel.CONVENED_BY,))),
        (w.t(f"rel.{rel.HAS_MEMBER}"), _related(w, network, (rel.HAS_MEMBER,))),
        (w.t("field.themes"), w.terms("themes", network.themes)),
        (w.t("field.regions"), w.terms("regions", network.regions)),
        *_contact_rows(w, network),
    ]
    return (f'<article class="card" id="{html.text(_anchor(network.ref))}">\n'
            f'<h3 class="card-name">{w.name(network)}</h3>\n'
            f'<p class="card-summary">{local(network.summary, w.lang)}</p>\n'
            f"{_facts(rows)}\n</article>")


def _networks(w: _Writer) -> str:
    networks = w.catalog.of_kind("network", w.lang)
    if not networks:
        return ""
    cards = "\n".join(_network(w, network) for network in networks)
    return (f'<section class="networks" id="networks">\n<h1 class="theme-title">'
            f'{w.t("kinds.network")}</h1>\n{cards}\n</section>')


def _index(w: _Writer) -> str:
    lines: list[tuple[str, str]] = []
    for org in w.catalog.of_kind("organization"):
        name = org.name(w.lang)
        anchor = html.text(_anchor(org.ref))
        lines.append((name, f'<li><a href="#{anchor}">{local(org.title, w.lang)}</a></li>'))
        acronym = org.values.get("acronym")
        if acronym:
            lines.append((acronym, f'<li><a href="#{anchor}">{html.text(acronym)}</a></li>'))
    parts, letter = [], ""
    for name, line in sorted(lines, key=lambda item: (sort_key(item[0], w.lang), item[1])):
        first = initial(name, w.lang)
        if first != letter:
            parts.append(f'{"</ul>" if letter else ""}<h3 class="letter">{first}</h3><ul>')
            letter = first
        parts.append(line)
    listing = "".join(parts) + ("</ul>" if letter else "")
    return (f'<section class="index" id="index">\n<h1 class="theme-title">{w.t("pdf.index")}'
            f'</h1>\n<div class="index-list">{listing}</div>\n</section>')


def _contents(w: _Writer, themes: tuple[Theme, ...]) -> str:
    items = []
    for theme in themes:
        groups = "".join(
            f'<li class="toc-2"><a href="#t-{html.text(theme.theme)}--{html.text(g.region)}">'
            f"{w.region_path(g.region)}</a></li>" for g in theme.groups)
        items.append(f'<li class="toc-1"><a href="#t-{html.text(theme.theme)}">'
                     f'{w.term("themes", theme.theme)}</a></li>{groups}')
    if w.catalog.of_kind("network"):
        items.append(f'<li class="toc-1"><a href="#networks">{w.t("kinds.network")}</a></li>')
    items.append(f'<li class="toc-1"><a href="#index">{w.t("pdf.index")}</a></li>')
    return (f'<nav class="toc">\n<h2 class="toc-title">{w.t("pdf.contents")}</h2>\n'
            f'<ol>\n{"".join(items)}\n</ol>\n</nav>')


def _count(lang: str, what: str, count: int) -> str:
    return label(lang, f"pdf.{what}.one" if count == 1 else f"pdf.{what}.many", count=count)


def _verified(catalog: Catalog) -> str:
    dates = [e.last_verified for kind in ("organization", "network")
             for e in catalog.of_kind(kind) if e.last_verified is not None]
    return max(dates).isoformat() if dates else ""


def _cover(w: _Writer) -> str:
    counts = " · ".join([
        _count(w.lang, "organizations", len(w.catalog.of_kind("organization"))),
        _count(w.lang, "networks", len(w.catalog.of_kind("network"))),
    ])
    verified = _verified(w.catalog)
    rows = [(w.t("pdf.language"), w.t(f"language.{w.lang}")),
            (w.t("pdf.verified"), html.text(verified))]
    cells = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows if value)
    address = site_address(w.site_url, w.urls.file("", w.lang))
    online = (f'<p class="cover-online"><a href="{html.text(address)}">{html.text(address)}</a>'
              "</p>" if address else "")
    return (
        '<section class="cover">\n'
        f'<p class="cover-band">Tejido</p>\n'
        f'<h1 class="cover-title">{w.t("pdf.directory")}</h1>\n'
        f'<p class="cover-summary">{w.t("pdf.directory.subtitle")}</p>\n'
        f'<p class="cover-counts">{html.text(counts)}</p>\n'
        f'<p class="cover-howto">{w.t("pdf.directory.howto")}</p>\n'
        f'<div class="cover-foot">\n<table class="cover-facts">{cells}</table>\n{online}</div>\n'
        "</section>"
    )


def directory_source(catalog: Catalog, lang: str, urls: Urls,
                     site_url: str | None = None) -> PdfSource:
    w = _Writer(catalog, lang, urls, site_url)
    themes = grouping(catalog, lang)
    seen: set[Ref] = set()
    sections = [_theme_section(w, theme, seen) for theme in themes]
    if not themes:
        sections.append(f'<p class="none">{w.t("none")}</p>')
    markup = "\n".join([_cover(w), _contents(w, themes), '<main class="directory">',
                        *sections, _networks(w), _index(w), "</main>"])
    title = label(lang, "pdf.directory")
    meta = {"description": label(lang, "pdf.directory.subtitle"), "generator": "Tejido"}
    return PdfSource(html=document(lang, title, with_fallback_note(markup, lang), meta),
                     css=stylesheet("base", "directory"))


def directory_jobs(catalog: Catalog, urls: Urls, site_url: str | None = None) -> list[PdfJob]:
    """The directory in every language."""
    return [PdfJob(owner="directory", url=directory_pdf_url(urls, lang), lang=lang,
                   title=label(lang, "pdf.directory"),
                   source=directory_source(catalog, lang, urls, site_url))
            for lang in LANGUAGES]
