"""What a reader must know: who runs the catalog, under which licence its data is, and
where to correct an entry or ask for it to be withdrawn.

The About page (`content/acerca.md`, `acerca.en.md`) is hand-written; the facts that
come from settings (publisher, data licence, contact address, counts) are added by
its `tejido: about` listing, so they cannot go stale. The footer of every page links
About, Contribute, the data and the licence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .labels import label
from .urls import Urls
from .views import SnippetView

ABOUT_PAGE = "acerca"
CONTRIBUTE_PAGE = "contribuir"
DATA_FILE = "catalog.json"
"""The open data the footer links (the data page, once it exists, takes its place)."""

LICENCES: dict[str, tuple[str, str]] = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC-BY-NC-4.0": ("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
    "CC-BY-NC-SA-4.0": ("CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}

@dataclass(frozen=True)
class Settings:
    publisher: str = ""
    licence: str = "CC-BY-4.0"
    contact_email: str | None = None


def licence(code: str) -> tuple[str, str]:
    """(name, URL) of a licence code; an unknown code is shown as written, unlinked."""
    return LICENCES.get(code, (code, ""))


@dataclass(frozen=True)
class FooterLink:
    label: str
    href: str
    """Relative to the site root (the template applies `url`), or absolute."""


def footer_links(lang: str, urls: Urls, settings: Settings) -> tuple[FooterLink, ...]:
    """About, Contribute, the data and the licence, for the footer of every page."""
    name, licence_url = licence(settings.licence)
    links = [
        FooterLink(label(lang, "about.about"), urls.file(f"{ABOUT_PAGE}.html", lang)
                   if not urls.directory_urls else urls.folder(ABOUT_PAGE, lang)),
        FooterLink(label(lang, "about.contribute"), urls.file(f"{CONTRIBUTE_PAGE}.html", lang)
                   if not urls.directory_urls else urls.folder(CONTRIBUTE_PAGE, lang)),
        FooterLink(label(lang, "about.data"), urls.file(DATA_FILE, lang)),
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
    name, licence_url = licence(settings.licence)
    view = AboutView(settings.publisher, name, licence_url, settings.contact_email,
                     catalog.policy.fresh_months, catalog.policy.due_months, len(catalog))
    return SnippetView("tejido/about.html", {"about": view})
