"""`mkdocs build` renders Tejido's generated pages here, each one only if its inputs
changed since the last build.

MkDocs' own loop reads, renders and lays out every documentation page of a build.
Under `mkdocs build` Tejido's generated pages are files MkDocs knows (links to them
resolve, as before) but does not treat as documentation pages (`TejidoPage`); after
MkDocs has read the hand-written pages (`on_env`), `DirectPages.render` makes each
generated page with MkDocs' own two steps (`_populate_page`, `_build_page`: the same
plugin events, Markdown, theme and `custom_dir` overrides), so its bytes are the
bytes MkDocs' loop wrote.

Each page is keyed by a hash of what it is made from: its view (which holds all it
shows of the entry and of the entries, terms and labels it lists), its prose, and
`BuildKey` (the settings, every template folder, the navigation, the versions of
Tejido's code and of the libraries that lay pages out).  `.cache/tejido/pages.json`
keeps, for each page of the last successful build, its key and the size and time of
the file written; when the key and the file in the site folder are the same, the file
is linked (or copied) into the new build instead of being made again.  Pages whose
prose has a link or raw HTML are always made again (MkDocs checks their links against
the whole site), and so are pages a hand-written page links into with an anchor
(MkDocs checks that anchor).  Deleting `.cache/tejido/` or the site folder is safe; a
manifest that cannot be read is ignored.  `mkdocs serve` keeps MkDocs' own loop.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import metadata, util
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from tejido.core import PageView, prose_markdown

log = logging.getLogger("mkdocs.plugins.tejido")

CACHE = Path(".cache") / "tejido"
FORMAT = 1
LIBRARIES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "markdown", "jinja2",
             "pymdown-extensions", "nh3", "markupsafe")
LIBRARY_MODULES = ("mkdocs", "material", "mkdocs_static_i18n", "markdown", "jinja2",
                   "pymdownx", "nh3", "markupsafe")
"""The packages of LIBRARIES, whose template folders their versions stand for."""
PACKAGE = Path(__file__).resolve().parent.parent
NEEDS_SITE = ("](", "]:", "<")
"""Prose with a link, a reference or raw HTML: MkDocs resolves and checks it against the
whole site, so such a page is made again in every build."""


NOT_SET = object()


class TejidoPage(File):
    """A generated page Tejido renders itself: found by links, never read, rendered or
    copied by MkDocs' loop."""

    def is_documentation_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        return None


def page_file(config: MkDocsConfig, source: str, content: str, direct: bool) -> File:
    """A generated page's file: MkDocs renders it, or (`direct`) Tejido does."""
    file = File.generated(config, source, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    if not direct:
        return file
    ours = TejidoPage.generated(config, source, content=content,
                                inclusion=InclusionLevel.NOT_IN_NAV)
    ours.dest_uri = file.dest_uri  # where MkDocs puts a page, not a copied file
    return ours


def _digest(*parts: object) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(repr(part).encode("utf-8", errors="surrogatepass"))
        sha.update(b"\0")
    return sha.hexdigest()


def _tree_stamp(folder: Path) -> list[tuple[str, int, int]]:
    """Names, sizes and times of every file below a folder (templates and their data)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            found.append((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return found


def _versioned(folder: Path) -> bool:
    """A template folder of Tejido or of a library whose version the key holds: its
    version stands for its files (Material's has ten thousand icons to stat)."""
    return folder == PACKAGE / "theme" or any(
        folder.is_relative_to(home) for home in _library_homes())


@cache
def _library_homes() -> tuple[Path, ...]:
    found = (util.find_spec(name) for name in LIBRARY_MODULES)
    return tuple(Path(folder).resolve() for spec in found if spec is not None
                 for folder in spec.submodule_search_locations or ())


def _nav_outline(items: Iterable[Any]) -> list[object]:
    return [(type(item).__name__, str(getattr(item, "title", "")), getattr(item, "url", None),
             _nav_outline(getattr(item, "children", None) or ())) for item in items]


def _settings(config: MkDocsConfig) -> list[object]:
    """What the configuration says, without where the site is written."""
    found: list[object] = []
    for name in sorted(config.keys()):
        if name in ("site_dir", "plugins", "theme", "config_file_path"):
            continue
        found.append((name, config[name]))
    found.append(("theme", config.theme.name, sorted(config.theme.items())))
    for name, plugin in config.plugins.items():
        found.append((name, sorted((k, v) for k, v in getattr(plugin, "config", {}).items())))
    return found


def build_key(config: MkDocsConfig, nav: Navigation, lang: str, root: Path) -> str:
    """Everything besides a page's own view that its bytes depend on.  Paths inside the
    project are taken relative to it, so a copied project keeps its cache."""
    versions: list[tuple[str, str | None]] = []
    for library in LIBRARIES:
        try:
            versions.append((library, metadata.version(library)))
        except metadata.PackageNotFoundError:
            versions.append((library, None))
    folders = [_tree_stamp(Path(folder)) for folder in config.theme.dirs
               if Path(folder).is_dir() and not _versioned(Path(folder).resolve())]
    settings = repr(_settings(config)).replace(str(root), "<project>")
    return _digest(FORMAT, lang, versions, _tree_stamp(PACKAGE), folders, settings,
                   _nav_outline(nav.items),
                   sorted((k, v) for k, v in os.environ.items() if k.startswith("TEJIDO_")))


class PageCache:
    """The manifest of the last successful build: site path → (key, size, mtime)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / CACHE / "pages.json"
        self.site = ""
        self.named = ""
        """The site folder, relative to the project if inside it."""
        self.previous: dict[str, list[object]] = {}
        self.current: dict[str, list[object]] = {}
        self.reused = self.made = 0

    def open(self, site: Path | None) -> None:
        """Read the manifest for a build into `site` (the folder being replaced)."""
        self.current, self.previous, self.reused, self.made = {}, {}, 0, 0
        self.site = str(site or "")
        if site is None:
            return
        # One manifest per site folder (a project may be built into several); the name of
        # one inside the project is relative to it, so a copied project keeps its cache.
        self.named = site.relative_to(self.root).as_posix() \
            if site.is_relative_to(self.root) else str(site)
        self.path = self.root / CACHE / f"pages-{_digest(self.named)[:16]}.json"
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("site") == self.named:
                pages = data.get("pages")
                self.previous = pages if isinstance(pages, dict) else {}
        except (OSError, ValueError, AttributeError):
            self.previous = {}  # no manifest, or one that cannot be read: make every page

    def reuse(self, dest: str, key: str, target: Path) -> bool:
        """Put the last build's file for `dest` into `target` if its key is `key`."""
        known = self.previous.get(dest)
        if not self.site or not isinstance(known, list) or len(known) != 3 or known[0] != key:
            return False
        old = Path(self.site) / dest
        try:
            stat = old.stat()
            if [stat.st_size, stat.st_mtime_ns] != known[1:]:
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(old, target)
            except OSError:
                shutil.copy2(old, target)
        except OSError:
            return False
        self.current[dest] = known
        self.reused += 1
        return True

    def record(self, dest: str, key: str, written: Path) -> None:
        """A page made in this build; with a key, the next build may reuse it."""
        self.made += 1
        if not key:
            return
        try:
            stat = written.stat()
        except OSError:
            return  # MkDocs skips a page that rendered empty
        self.current[dest] = [key, stat.st_size, stat.st_mtime_ns]

    def save(self) -> None:
        """After the build replaced the site: what the next build may reuse."""
        if not self.site:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps({"format": FORMAT, "site": self.named,
                                             "pages": self.current}), encoding="utf-8")
            temporary.replace(self.path)
        except OSError as error:
            log.info("Tejido: the page cache was not saved (%s)", error)


def anchored_targets(files: Files) -> set[str]:
    """Source paths that hand-written pages link into with an anchor (MkDocs checks it)."""
    found: set[str] = set()
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.links_to_anchors:
            found.update(target.src_uri for target in page.links_to_anchors)
    return found


def render_pages(pages: Mapping[str, PageView], files: Files, config: MkDocsConfig,
                 nav: Navigation, env: Environment, cache: PageCache, key: str) -> None:
    """Make every generated page of this language's build, or reuse the last one."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    anchored = anchored_targets(files)
    # Tejido's on_page_context points the language switcher at the page being rendered;
    # afterwards the theme's own pages (404.html) get the switcher i18n set up, whichever
    # generated page was made last (or none, when all were reused).
    saved = vars(config.extra).get("alternate", NOT_SET)
    site = Path(config.site_dir)
    root = str(cache.root)
    for source in pages:
        file = files.get_file_from_path(source)
        if file is None:
            continue
        view = pages[source]
        markdown = prose_markdown(view)
        cacheable = source not in anchored and not any(
            sign in text for text in view.prose for sign in NEEDS_SITE)
        # Views name files by absolute path; the project's own folder is left out.
        page_key = _digest(key, source, repr(view).replace(root, "<project>"), markdown) \
            if cacheable else ""
        if cacheable and cache.reuse(file.dest_uri, page_key, site / file.dest_uri):
            continue
        page = Page(None, file, config)
        _populate_page(page, config, files)
        _build_page(page, config, doc_files, nav, env)
        cache.record(file.dest_uri, page_key if cacheable else "", Path(file.abs_dest_path))
        file.page = None if source not in anchored else page  # keep memory flat
    if saved is NOT_SET:
        vars(config.extra).pop("alternate", None)
    else:
        config.extra.alternate = saved  # type: ignore[attr-defined]
