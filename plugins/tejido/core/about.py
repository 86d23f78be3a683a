"""What a reader must know: who runs the catalog, under which licence its data is, and
where to correct an entry or ask for it to be withdrawn.

The About page (`content/acerca.md`, `acerca.en.md`) is hand-written; the facts that
come from settings (publisher, data licence, contact address, counts) are added by
its `tejido: about` listing, so they cannot go stale. The footer of every page links
About, Contribute, the data and the licence.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import html
from .catalog import Catalog
from .urls import Urls
from .writer import Snippet, Writer

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

TEXTS = {
    "es": {
        "about": "Acerca del catálogo", "contribute": "Contribuir", "data": "Datos abiertos",
        "licence": "Datos bajo licencia {name}", "publisher": "Lo mantiene",
        "licence.long": "Licencia de los datos", "write": "Para corregir o retirar una entrada",
        "counts": "Entradas publicadas",
        "nobody": "(quien mantiene este catálogo aún no escribió su nombre en la configuración)",
        "footer": "Acerca del sitio", "fresh": "Vigencia",
        "fresh.rule": "verificada hasta {fresh} meses; por verificar hasta {due}; "
                      "después, sin verificar",
    },
    "en": {
        "about": "About the catalog", "contribute": "Contribute", "data": "Open data",
        "licence": "Data under the {name} licence", "publisher": "Run by",
        "licence.long": "Licence of the data", "write": "To correct or withdraw an entry",
        "counts": "Entries published",
        "nobody": "(whoever runs this catalog has not yet written their name in the settings)",
        "footer": "About the site", "fresh": "Freshness",
        "fresh.rule": "verified up to {fresh} months; due for checking up to {due}; "
                      "after that, not verified",
    },
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
    texts = TEXTS[lang]
    name, licence_url = licence(settings.licence)
    links = [
        FooterLink(texts["about"], urls.file(f"{ABOUT_PAGE}.html", lang)
                   if not urls.directory_urls else urls.folder(ABOUT_PAGE, lang)),
        FooterLink(texts["contribute"], urls.file(f"{CONTRIBUTE_PAGE}.html", lang)
                   if not urls.directory_urls else urls.folder(CONTRIBUTE_PAGE, lang)),
        FooterLink(texts["data"], urls.file(DATA_FILE, lang)),
    ]
    if licence_url:
        links.append(FooterLink(texts["licence"].format(name=name), licence_url))
    return tuple(links)


def about_snippet(catalog: Catalog, lang: str, urls: Urls, here: str,
                  settings: Settings) -> Snippet:
    """The facts of the About page that come from settings and the catalog."""
    w = Writer(catalog, urls, lang, here)
    texts = TEXTS[lang]
    name, licence_url = licence(settings.licence)
    shown = (f'<a href="{html.text(licence_url)}" rel="license">{html.text(name)}</a>'
             if licence_url else html.text(name))
    rows = [
        (texts["publisher"], html.text(settings.publisher) if settings.publisher
         else html.text(texts["nobody"])),
        (texts["licence.long"], shown),
        (texts["fresh"], html.text(texts["fresh.rule"].format(
            fresh=catalog.policy.fresh_months, due=catalog.policy.due_months))),
        (texts["counts"], html.text(str(len(catalog)))),
    ]
    if settings.contact_email:
        address = html.text(settings.contact_email)
        rows.insert(2, (texts["write"], f'<a href="mailto:{address}">{address}</a>'))
    cells = "".join(f"<dt>{html.text(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return w.snippet(w.raw(f'<dl class="tj-facts tj-about">{cells}</dl>'))
