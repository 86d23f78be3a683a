"""A directory part's cache key, from its inputs, without making its HTML.

At 10,000 organizations the parts' HTML is well over 100 MB: making it only to
hash it would cost a build with nothing changed a minute and a half.  So a part
is keyed by what goes into it instead:

- Tejido's code, interface texts and print styles (every file of the core: a
  change to how PDFs are made renders them all again), Tejido's and the PDF
  engine's versions and the fonts (`cache.engine_fingerprint`);
- the settings that reach the page (URL style, the site's address) and every
  taxonomy's tree and labels in the part's language (a label edited in English
  renders the English parts again, not the Spanish ones);
- the part itself (its kind, theme, region, volume, members) and its language;
- each entry it prints (its organizations and networks) as loaded, with its
  links and the names of what they point at (a card names its networks, a
  network its members).

An edit therefore changes the key of exactly the parts that print the entry (or
name it), and a rebuild with nothing changed makes no HTML at all.  Guides,
few and small, keep the key of their HTML (`cache.cache_key`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from tejido.core.catalog.catalog import Catalog
from tejido.core.model.model import Entry, Ref
from tejido.core.outputs.pdf.cache import KEY_VERSION, engine_fingerprint
from tejido.core.outputs.pdf.parts import Part
from tejido.core.outputs.urls import Urls

CODE_SUFFIXES = (".py", ".yml", ".yaml", ".json", ".css")


def _core_folder() -> Path:
    here = Path(__file__).resolve()
    return next(folder for folder in here.parents if folder.name == "core")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of every file of Tejido's core (code, texts, styles, data)."""
    core = _core_folder()
    digest = hashlib.sha256()
    for path in sorted(core.rglob("*")):
        if path.suffix in CODE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(core).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class PartInputs:
    """Digests of what the directory's parts print; each entry's once per build."""

    def __init__(self, catalog: Catalog, urls: Urls, site_url: str | None) -> None:
        self.catalog = catalog
        self._entries: dict[Ref, bytes] = {}
        base = hashlib.sha256()
        for piece in (KEY_VERSION, "directory-part", engine_fingerprint(), code_fingerprint(),
                      repr(urls), site_url or ""):
            base.update(piece.encode("utf-8") + b"\0")
        self._base = base.digest()
        self._terms: dict[str, bytes] = {}

    def terms(self, lang: str) -> bytes:
        """Every taxonomy's tree and its labels in `lang`."""
        found = self._terms.get(lang)
        if found is None:
            shown = [(name, [(term.id, term.parent, term.label(lang)) for term in tax],
                      sorted(tax.children.items()))
                     for name, tax in sorted(self.catalog.taxonomies.items())]
            found = self._terms[lang] = hashlib.sha256(repr(shown).encode("utf-8")).digest()
        return found

    def entry(self, ref: Ref) -> bytes:
        found = self._entries.get(ref)
        if found is None:
            entry = self.catalog.entries.get(ref)
            links = self.catalog.links.get(ref, ())
            named = [(str(link.target), getattr(self.catalog.entries.get(link.target), "title",
                                                None)) for link in links]
            found = hashlib.sha256(repr((entry, links, named)).encode("utf-8")).digest()
            self._entries[ref] = found
        return found

    def key(self, part: Part, lang: str, networks: Iterable[Entry]) -> str:
        """The key of `part` in `lang`, which prints `networks` besides its members."""
        digest = hashlib.sha256(self._base)
        digest.update(self.terms(lang))
        digest.update(f"{lang}\0{part!r}\0".encode())
        for ref in part.members:
            digest.update(self.entry(ref))
        digest.update(b"networks\0")
        for network in networks:
            digest.update(self.entry(network.ref))
        return digest.hexdigest()
