"""One place that maps an entry or a browse page to its path in each language.

Spanish lives at the root and English under `en/`; the path below the
language prefix is the same in both, so switching language keeps the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from tejido.core.model.fields import DEFAULT_LANGUAGE
from tejido.core.model.model import Ref

SECTIONS: dict[str, str] = {
    "organization": "organizaciones",
    "network": "redes",
    "practice": "practicas",
    "guide": "guias",
    "themes": "temas",
    "regions": "regiones",
    "sdgs": "ods",
    "populations": "poblaciones",
    "organization-types": "tipos",
}


@dataclass(frozen=True)
class Urls:
    directory_urls: bool = False
    """False, as the site is built: links end in index.html so they work from disk."""

    def prefix(self, lang: str) -> str:
        return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"

    def source(self, section: str, ident: str, lang: str) -> str:
        """The virtual Markdown path MkDocs builds the page from."""
        return f"{self.prefix(lang)}{SECTIONS[section]}/{ident}/index.md"

    def source_file(self, folder: str, lang: str) -> str:
        """The virtual Markdown path of a page outside the entry sections."""
        return f"{self.prefix(lang)}{folder}/index.md"

    def page(self, section: str, ident: str, lang: str) -> str:
        """The page URL relative to the site root."""
        return self._address(f"{self.prefix(lang)}{SECTIONS[section]}/{ident}/")

    def of_source(self, source: str) -> str:
        """The URL of the page built from a virtual `…/index.md` (every generated page),
        without making the page."""
        return self._address(source.removesuffix("index.md"))

    def _address(self, folder: str) -> str:
        """The URL of the page in `folder` (which ends in '/')."""
        return folder if self.directory_urls else folder + "index.html"

    def section(self, section: str, lang: str) -> str:
        """The hand-written page that introduces a section (its listing)."""
        return self.folder(SECTIONS[section], lang)

    def folder(self, folder: str, lang: str) -> str:
        """The URL of the page `folder/index.md` in a language."""
        return self._address(f"{self.prefix(lang)}{folder}/")

    def entry(self, ref: Ref, lang: str) -> str:
        return self.page(ref.kind, ref.id, lang)

    def file(self, path: str, lang: str) -> str:
        return f"{self.prefix(lang)}{path}"

    def switch(self, url: str, source_lang: str, target_lang: str) -> str:
        """The same page in another language."""
        bare = url.removeprefix(self.prefix(source_lang))
        return self.prefix(target_lang) + bare


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both site-relative).

    Plain string work: every page links to dozens of others, and posixpath.relpath
    was a quarter of the time spent producing entry pages."""
    here = from_url.split("/")[:-1]
    there = to_url.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    link = "../" * (len(here) - common) + "/".join(there[common:])
    return link or "./"
