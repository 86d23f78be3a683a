"""The directory as printable documents, like the printed thematic directory.

Organizations are grouped by theme (each root theme of the taxonomy), then by
region (down to the state: `México › Oaxaca`).  An organization's card (its
public contact routes, themes, regions and networks) is printed where it first
appears; later groups list it with the page of its card.  Then the networks,
and an alphabetical index of organizations with page numbers.  The cards and
sections are `cards.py`'s markup; this module groups and assembles them.

The same layout serves every part of the directory (`parts.py`: one per region,
one per theme, cut further when large): a part shows only its organizations,
its theme and its region's groups, the networks they belong to, and an index
of its own organizations, so each file stands alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import label
from tejido.core.i18n.text import initial, sort_key
from tejido.core.model import relations as rel
from tejido.core.model.fields import DEFAULT_LANGUAGE, LANGUAGES
from tejido.core.model.model import Entry, Ref
from tejido.core.outputs import html
from tejido.core.outputs.pdf.cards import (
    Group,
    Theme,
    Writer,
    card_anchor,
    networks_section,
    theme_section,
)
from tejido.core.outputs.pdf.inputs import PartInputs
from tejido.core.outputs.pdf.jobs import PdfJob, PdfSource
from tejido.core.outputs.pdf.markup import (
    document,
    local,
    site_address,
    stylesheet,
    with_fallback_note,
)
from tejido.core.outputs.pdf.parts import ALL, REGION_DEPTH, THEME, Part, directory_parts
from tejido.core.outputs.pdf.published import DIRECTORY
from tejido.core.outputs.urls import Urls

NAME = "directorio"
PARTS_FOLDER = "directorio"
"""The parts are published once, from the site root, beside the directory page."""


def directory_pdf_url(urls: Urls, lang: str) -> str:
    """`directorio-es.pdf`, `directorio-en.pdf`: both at the site root."""
    return urls.file(f"{NAME}-{lang}.pdf", DEFAULT_LANGUAGE)



def _root(catalog: Catalog, taxonomy: str, term: str, depth: int) -> str:
    return catalog.taxonomies[taxonomy].path(term)[:depth][-1]


def _place_order(catalog: Catalog, lang: str
                 ) -> Callable[[str], tuple[tuple[str, str], ...]]:
    """Regions by the names of their path (country, then state), in `lang`, with the one
    sort key of names (`text.sort_key`)."""
    tax = catalog.taxonomies["regions"]
    return lambda region: tuple(sort_key(tax.terms[r].label(lang), lang) for r in tax.path(region))


def _group_regions(catalog: Catalog, entry: Entry, part: Part | None) -> list[str]:
    """The region groups (down to the state) an entry is listed in, within the part."""
    tax = catalog.taxonomies["regions"]
    groups = dict.fromkeys(tax.path(r)[:REGION_DEPTH] for r in entry.regions)
    return [tree[-1] for tree in groups if part is None or part.shows(tree[-1], tree)]


def grouping(catalog: Catalog, lang: str = DEFAULT_LANGUAGE,
             part: Part | None = None) -> tuple[Theme, ...]:
    """Organizations by root theme (in taxonomy order), then by region group, by name in
    `lang` within a group; only the part's organizations, theme and region, if given."""
    order = _place_order(catalog, lang)
    roots = catalog.taxonomies["themes"].roots()
    themes: dict[str, dict[str, list[Entry]]] = {
        theme: {} for theme in roots if part is None or part.theme in (None, theme)}
    members = set(part.members) if part is not None else None
    for org in catalog.of_kind("organization", lang):
        if members is not None and org.ref not in members:
            continue
        org_themes = [t for t in dict.fromkeys(_root(catalog, "themes", t, 1)
                                               for t in org.themes) if t in themes]
        org_regions = _group_regions(catalog, org, part)
        for theme in org_themes:
            for region in org_regions:
                themes[theme].setdefault(region, []).append(org)
    return tuple(
        Theme(theme, tuple(Group(region, tuple(by_region[region]))
                           for region in sorted(by_region, key=order)))
        for theme, by_region in themes.items() if by_region
    )



def _in_scope(catalog: Catalog, part: Part, entry: Entry) -> bool:
    """Whether an entry's own themes and regions fall in the part's theme and region."""
    if part.theme is not None and part.theme not in {
            _root(catalog, "themes", t, 1) for t in entry.themes}:
        return False
    return bool(_group_regions(catalog, entry, part))


def part_networks(catalog: Catalog, part: Part | None, lang: str = DEFAULT_LANGUAGE
                  ) -> tuple[Entry, ...]:
    """The networks a part prints: those one of its organizations belongs to or convenes,
    and those working in its theme and region (in the first volume only)."""
    networks = catalog.of_kind("network", lang)
    if part is None or part.kind == ALL:
        return networks
    members = set(part.members)
    chosen = []
    for network in networks:
        linked = any(link.target in members for link in catalog.links.get(network.ref, ())
                     if link.name in (rel.HAS_MEMBER, rel.CONVENED_BY))
        if linked or (part.volume <= 1 and _in_scope(catalog, part, network)):
            chosen.append(network)
    return tuple(chosen)



def _index(w: Writer, orgs: tuple[Entry, ...]) -> str:
    lines: list[tuple[str, str]] = []
    for org in orgs:
        name = org.name(w.lang)
        anchor = html.text(card_anchor(org.ref))
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


def _contents(w: Writer, themes: tuple[Theme, ...], networks: bool) -> str:
    items = []
    for theme in themes:
        groups = "".join(
            f'<li class="toc-2"><a href="#t-{html.text(theme.theme)}--{html.text(g.region)}">'
            f"{w.region_path(g.region)}</a></li>" for g in theme.groups)
        items.append(f'<li class="toc-1"><a href="#t-{html.text(theme.theme)}">'
                     f'{w.term("themes", theme.theme)}</a></li>{groups}')
    if networks:
        items.append(f'<li class="toc-1"><a href="#networks">{w.t("kinds.network")}</a></li>')
    items.append(f'<li class="toc-1"><a href="#index">{w.t("pdf.index")}</a></li>')
    return (f'<nav class="toc">\n<h2 class="toc-title">{w.t("pdf.contents")}</h2>\n'
            f'<ol>\n{"".join(items)}\n</ol>\n</nav>')


def _count(lang: str, what: str, count: int) -> str:
    return label(lang, f"pdf.{what}.one" if count == 1 else f"pdf.{what}.many", count=count)


def _verified(entries: tuple[Entry, ...]) -> str:
    dates = [e.last_verified for e in entries if e.last_verified is not None]
    return max(dates).isoformat() if dates else ""


def part_scope(catalog: Catalog, part: Part, lang: str) -> str:
    """What a part covers, as plain text: 'México › Oaxaca', 'Salud · México, todo el
    país', with the volume ('volumen 2 de 3, C–F'); '' for the whole directory."""
    tax = catalog.taxonomies["regions"]

    def named(term: str) -> str:
        return " › ".join(tax.terms[r].label(lang) for r in tax.path(term))

    pieces = []
    if part.theme is not None:
        pieces.append(catalog.taxonomies["themes"].terms[part.theme].label(lang))
    if part.region is not None:
        where = named(part.region)
        pieces.append(label(lang, "pdf.part.whole_region", region=where) if part.exact
                      else where)
    scope = " · ".join(pieces)
    if part.volume:
        scope = label(lang, "pdf.part.volume", scope=scope, number=part.volume,
                      count=part.volumes, first=part.first, last=part.last)
    return scope


def part_title(catalog: Catalog, part: Part, lang: str) -> str:
    """'Directorio temático: México › Oaxaca'; the plain title for the whole directory."""
    scope = part_scope(catalog, part, lang)
    title = label(lang, "pdf.directory")
    return f"{title}: {scope}" if scope else title


def part_file_name(part: Part, lang: str) -> str:
    """`directorio-mexico.pdf`, `directorio-tema-salud-mexico-2.pdf`,
    `directory-theme-salud.pdf`: the name says what it holds once downloaded."""
    words = [label(lang, "pdf.part.file")]
    if part.kind == THEME:
        words.append(label(lang, "pdf.part.file.theme"))
    words.append(part.top)
    for number, region in enumerate(part.path):
        last = number == len(part.path) - 1
        words.append(label(lang, "pdf.part.file.whole") if last and part.exact else region)
    if part.volume:
        words.append(str(part.volume))
    return "-".join(words) + ".pdf"


def part_pdf_url(urls: Urls, part: Part, lang: str) -> str:
    if part.kind == ALL:
        return directory_pdf_url(urls, lang)
    return urls.file(f"{PARTS_FOLDER}/{part_file_name(part, lang)}", DEFAULT_LANGUAGE)


def _cover(w: Writer, orgs: tuple[Entry, ...], networks: tuple[Entry, ...],
           scope: str) -> str:
    counts = " · ".join([_count(w.lang, "organizations", len(orgs)),
                         _count(w.lang, "networks", len(networks))])
    verified = _verified(orgs + networks)
    rows = [(w.t("pdf.language"), w.t(f"language.{w.lang}")),
            (w.t("pdf.verified"), html.text(verified))]
    cells = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows if value)
    address = site_address(w.site_url, w.urls.file("", w.lang))
    online = (f'<p class="cover-online"><a href="{html.text(address)}">{html.text(address)}</a>'
              "</p>" if address else "")
    shown = f'<p class="cover-scope">{html.text(scope)}</p>\n' if scope else ""
    return (
        '<section class="cover">\n'
        f'<p class="cover-band">Tejido</p>\n'
        f'<h1 class="cover-title">{w.t("pdf.directory")}</h1>\n'
        f"{shown}"
        f'<p class="cover-summary">{w.t("pdf.directory.subtitle")}</p>\n'
        f'<p class="cover-counts">{html.text(counts)}</p>\n'
        f'<p class="cover-howto">{w.t("pdf.directory.howto")}</p>\n'
        f'<div class="cover-foot">\n<table class="cover-facts">{cells}</table>\n{online}</div>\n'
        "</section>"
    )


def directory_source(catalog: Catalog, lang: str, urls: Urls,
                     site_url: str | None = None, part: Part | None = None) -> PdfSource:
    """The HTML and CSS of the directory in `lang`: the whole of it, or one part."""
    members = set(part.members) if part is not None else None
    orgs = tuple(org for org in catalog.of_kind("organization", lang)
                 if members is None or org.ref in members)
    networks = part_networks(catalog, part, lang)
    present = None if members is None else frozenset(
        members | {network.ref for network in networks})
    w = Writer(catalog, lang, urls, site_url, present)
    themes = grouping(catalog, lang, part)
    seen: set[Ref] = set()
    sections = [theme_section(w, theme, seen) for theme in themes]
    if not themes:
        sections.append(f'<p class="none">{w.t("none")}</p>')
    scope = part_scope(catalog, part, lang) if part is not None else ""
    markup = "\n".join([_cover(w, orgs, networks, scope),
                        _contents(w, themes, bool(networks)), '<main class="directory">',
                        *sections, networks_section(w, networks), _index(w, orgs), "</main>"])
    title = part_title(catalog, part, lang) if part is not None else label(lang, "pdf.directory")
    meta = {"description": label(lang, "pdf.directory.subtitle"), "generator": "Tejido"}
    return PdfSource(html=document(lang, title, with_fallback_note(markup, lang), meta),
                     css=stylesheet("base", "directory"))


def _part_key(inputs: PartInputs, part: Part, lang: str) -> str:
    return inputs.key(part, lang, part_networks(inputs.catalog, part, lang))


def directory_jobs(catalog: Catalog, urls: Urls, site_url: str | None = None,
                   limit: int | None = None) -> list[PdfJob]:
    """Every part of the directory (`parts.py`) in every language, each keyed by its
    inputs (`inputs.py`): its HTML is made only if its PDF is not in the cache."""
    parts = directory_parts(catalog) if limit is None else directory_parts(catalog, limit)
    inputs = PartInputs(catalog, urls, site_url)
    return [PdfJob(owner=DIRECTORY, url=part_pdf_url(urls, part, lang), lang=lang,
                   title=part_title(catalog, part, lang),
                   produce=partial(directory_source, catalog, lang, urls, site_url, part),
                   part=part, key=partial(_part_key, inputs, part, lang))
            for part in parts for lang in LANGUAGES]
