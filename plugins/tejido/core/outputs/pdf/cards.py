"""The directory's cards and sections as printable markup: an organization's card (its
public contact routes, themes, regions and networks), a network's, a theme's section
with its region groups (a card where an organization first appears, its page after),
and the networks' section.  `directory.py` groups the organizations and assembles the
document around them (cover, contents, index)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import label
from tejido.core.model import contact
from tejido.core.model import relations as rel
from tejido.core.model.model import Entry, Ref
from tejido.core.outputs import html
from tejido.core.outputs.pdf.markup import local
from tejido.core.outputs.urls import Urls


@dataclass(frozen=True)
class Group:
    region: str
    members: tuple[Entry, ...]


@dataclass(frozen=True)
class Theme:
    theme: str
    groups: tuple[Group, ...]



@dataclass
class Writer:
    catalog: Catalog
    lang: str
    urls: Urls
    site_url: str | None
    present: frozenset[Ref] | None = None
    """The entries whose cards this document prints (None: all of them), so a page
    reference never points at a card that is in another part."""

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


def card_anchor(ref: Ref) -> str:
    return f"{'o' if ref.kind == 'organization' else 'n'}-{ref.id}"


def _contact_rows(w: Writer, entry: Entry) -> Iterator[tuple[str, str]]:
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


def _related(w: Writer, entry: Entry, names: tuple[str, ...]) -> str:
    items = []
    for link in w.catalog.links.get(entry.ref, ()):
        target = w.catalog.entries.get(link.target)
        if link.name not in names or target is None:
            continue
        if w.present is None or target.ref in w.present:
            items.append(f"{local(target.title, w.lang)} "
                         f"<span class=\"ref\">({w.pageref(card_anchor(target.ref))})</span>")
        else:
            items.append(local(target.title, w.lang))
    return "; ".join(items)


def _facts(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows if value)
    return f'<table class="facts">{cells}</table>' if cells else ""


def _card(w: Writer, org: Entry) -> str:
    kind = [w.term("organization-types", org.values["type"])] if "type" in org.values else []
    if "founded" in org.values:
        kind.append(f"{w.t('field.founded')}: {html.text(org.values['founded'])}")
    rows = [
        (w.t("field.themes"), w.terms("themes", org.themes)),
        (w.t("field.regions"), w.terms("regions", org.regions)),
        (w.t("kinds.network"), _related(w, org, rel.NETWORKS_OF)),
        *_contact_rows(w, org),
    ]
    return (f'<article class="card" id="{html.text(card_anchor(org.ref))}">\n'
            f'<h3 class="card-name">{w.name(org)}</h3>\n'
            f'<p class="card-kind">{" · ".join(kind)}</p>\n'
            f'<p class="card-summary">{local(org.summary, w.lang)}</p>\n'
            f"{_facts(rows)}\n</article>")


def theme_section(w: Writer, theme: Theme, seen: set[Ref]) -> str:
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
            items = "".join(f'<li>{w.name(org)} · {w.pageref(card_anchor(org.ref))}</li>'
                            for org in seen_before)
            parts.append(f'<div class="also"><p class="also-title">{w.t("pdf.also_here")}</p>'
                         f"<ul>{items}</ul></div>")
        parts.append("</section>")
    parts.append("</section>")
    return "\n".join(parts)


def _network(w: Writer, network: Entry) -> str:
    rows = [
        (w.t(f"rel.{rel.CONVENED_BY}"), _related(w, network, (rel.CONVENED_BY,))),
        (w.t(f"rel.{rel.HAS_MEMBER}"), _related(w, network, (rel.HAS_MEMBER,))),
        (w.t("field.themes"), w.terms("themes", network.themes)),
        (w.t("field.regions"), w.terms("regions", network.regions)),
        *_contact_rows(w, network),
    ]
    return (f'<article class="card" id="{html.text(card_anchor(network.ref))}">\n'
            f'<h3 class="card-name">{w.name(network)}</h3>\n'
            f'<p class="card-summary">{local(network.summary, w.lang)}</p>\n'
            f"{_facts(rows)}\n</article>")

def networks_section(w: Writer, networks: tuple[Entry, ...]) -> str:
    if not networks:
        return ""
    cards = "\n".join(_network(w, network) for network in networks)
    return (f'<section class="networks" id="networks">\n<h1 class="theme-title">'
            f'{w.t("kinds.network")}</h1>\n{cards}\n</section>')
