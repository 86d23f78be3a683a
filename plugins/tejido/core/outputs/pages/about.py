"""What a reader must know: who runs the catalog, under which licence its data is, and
where to correct an entry or ask for it to be withdrawn.

The About page (`content/acerca.md`, `acerca.en.md`) is hand-written; the facts that
come from settings (publisher, data licence, contact address, counts) are added by
its `tejido: about` listing, so they cannot go stale. The footer of every page links
About, Contribute, the data and the licence.
"""

from __future__ import annotations

from dataclasses import dataclass

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import label
from tejido.core.model.licences import licence
from tejido.core.outputs.data.feeds import feed_url
from tejido.core.outputs.urls import Urls
from tejido.core.outputs.views import SnippetView

ABOUT_PAGE = "acerca"
CONTRIBUTE_PAGE = "contribuir"
DATA_PAGE = "datos"
"""The data page (`core/outputs/data/page.py`), which the footer links."""


@dataclass(frozen=True)
class Settings:
    publisher: str = ""
    licence: str = "CC-BY-4.0"
    contact_email: str | None = None


@dataclass(frozen=True)
class FooterLink:
    label: str
    href: str
    """Relative to the site root (the template applies `url`), or absolute."""


def footer_links(lang: str, urls: Urls, settings: Settings) -> tuple[FooterLink, ...]:
    """About, Contribute, the data and the licence, for the footer of every page."""
    chosen = licence(settings.licence)
    name, licence_url = chosen.name, chosen.url
    links = [
        FooterLink(label(lang, "about.about"), urls.file(f"{ABOUT_PAGE}.html", lang)
                   if not urls.directory_urls else urls.folder(ABOUT_PAGE, lang)),
        FooterLink(label(lang, "about.contribute"), urls.file(f"{CONTRIBUTE_PAGE}.html", lang)
                   if not urls.directory_urls else urls.folder(CONTRIBUTE_PAGE, lang)),
        FooterLink(label(lang, "about.data"), urls.folder(DATA_PAGE, lang)),
        FooterLink(label(lang, "feed.link"), feed_url(urls, lang)),
    ]
    if licence_url:
        links.append(FooterLink(label(lang, "about.licence", name=name), licence_url))
    return tuple(links)


@dataclass(frozen=True)
class AboutView:
    publisher: str
    licence: str
    licence_url: str
    contact_email: str | None
    fresh_months: int
    due_months: int
    entries: int


def about_snippet(catalog: Catalog, settings: Settings) -> SnippetView:
    """The facts of the About page that come from settings and the catalog (the count of
    withdrawn entries is not among them: it is for maintainers, in `tejido check`)."""
    chosen = licence(settings.licence)
    name, licence_url = chosen.name, chosen.url
    view = AboutView(settings.publisher, name, licence_url, settings.contact_email,
                     catalog.policy.fresh_months, catalog.policy.due_months, len(catalog))
    return SnippetView("tejido/about.html", {"about": view})
