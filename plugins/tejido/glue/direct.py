"""`mkdocs build` renders Tejido's generated pages here, each one only if its inputs
changed since the last build, shared among several processes.

MkDocs' own loop reads, renders and lays out every documentation page of a build.
Under `mkdocs build` Tejido's generated pages are files MkDocs knows (links to them
resolve, as before) but does not treat as documentation pages (`TejidoPage`); after
MkDocs has read the hand-written pages (`on_env`), `render_pages` makes each generated
page with MkDocs' own two steps (`_populate_page`, `_build_page`: the same plugin
events, Markdown, theme and `custom_dir` overrides), so its bytes are the bytes
MkDocs' loop wrote.

Each page is keyed by a hash of what it is made from: its view (which holds all it
shows of the entry and of the entries, terms and labels it lists), its prose, and
`build_key` (the settings, every template folder, the navigation, the versions of
Tejido's code and of the libraries that lay pages out).  The manifest
(`glue/page_cache.py`) keeps, for each page of the last successful build, its key and
the size and time of the file written; when the key and the file in the site folder
are the same, the file is linked (or copied) into the new build instead of being made
again.  Pages whose prose has a link or raw HTML are always made again (MkDocs checks
their links against the whole site), and so are pages a hand-written page links into
with an anchor (MkDocs checks that anchor).  Deleting `.cache/tejido/` or the site
folder is safe; a manifest that cannot be read is ignored.  `mkdocs serve` keeps
MkDocs' own loop.

Pages do not depend on one another, so with `workers` above 1 forked processes each
make a share of them (`glue/forked.py`); the process that runs the build makes the
pages hand-written pages link into, whose page objects MkDocs checks afterwards.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Container, Iterable
from functools import partial
from importlib import util
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from tejido.core import PlannedPages, prose_markdown
from tejido.glue.collector import keep_found
from tejido.glue.forked import Handout, run_shares
from tejido.glue.page_cache import (
    FORMAT,
    PageCache,
    digest,
    library_versions,
    tejido_environment,
)
from tejido.glue.page_markdown import PageMarkdown

log = logging.getLogger("mkdocs.plugins.tejido")
T = TypeVar("T")

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
    if not direct:
        return File.generated(config, source, content=content,
                              inclusion=InclusionLevel.NOT_IN_NAV)
    ours = TejidoPage.generated(config, source, content=content,
                                inclusion=InclusionLevel.NOT_IN_NAV)
    # Where MkDocs puts a page, not a copied file: a generated page is `…/index.md`,
    # written as `…/index.html` with or without directory URLs (asking MkDocs, with a
    # second File, was a tenth of a rebuild with nothing changed).
    ours.dest_uri = (source.removesuffix(".md") + ".html" if source.endswith("/index.md")
                     else File.generated(config, source, content=content).dest_uri)
    return ours


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


@functools.cache
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
    folders = [_tree_stamp(Path(folder)) for folder in config.theme.dirs
               if Path(folder).is_dir() and not _versioned(Path(folder).resolve())]
    settings = repr(_settings(config)).replace(str(root), "<project>")
    return digest(FORMAT, lang, library_versions(LIBRARIES), _tree_stamp(PACKAGE), folders,
                  settings, _nav_outline(nav.items), tejido_environment())


def anchored_targets(files: Files) -> set[str]:
    """Source paths that hand-written pages link into with an anchor (MkDocs checks it)."""
    found: set[str] = set()
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.links_to_anchors:
            found.update(target.src_uri for target in page.links_to_anchors)
    return found


MIN_SHARE = 25
"""Fewer pages than this per worker and a fork costs more than it saves."""


def render_pages(pages: PlannedPages, files: Files, config: MkDocsConfig,
                 nav: Navigation, env: Environment, cache: PageCache, key: str,
                 workers: int = 1, alongside: Callable[[], T] | None = None,
                 unchanged: bool = False, last: Container[str] = (),
                 found: dict[Any, Any] | None = None) -> T | None:
    """Make every generated page of this language's build, or reuse the last one; with
    more than one worker, `alongside` (work that does not need the pages: the search
    index) is done in a process of its own meanwhile, and its result returned.  When
    the language's inputs are `unchanged`, each page the last build recorded is reused
    as it is, without making its view, and in this process.  The pages in `last` are
    made by this process after all others (the data page, which waits for the open
    data made meanwhile).  What the shares add to `found` (the allies they found) is
    added to this process's, so the next language's pages need not find it again."""
    anchored = anchored_targets(files)
    # By the source exactly, as the pages were added (i18n's lookup tries suffixed names
    # first, which no generated page has: a tenth of a rebuild with nothing changed).
    by_source = files.src_uris
    sources = [source for source in pages if source in by_source]
    shared = [source for source in sources if source not in anchored and source not in last]
    count = 1 if unchanged else max(1, min(workers, len(shared) // MIN_SHARE))
    first = [source for source in sources if source in anchored]
    final = [source for source in sources if source in last and source not in anchored]
    # Tejido's on_page_context points the language switcher at the page being rendered;
    # afterwards the theme's own pages (404.html) get the switcher i18n set up, whichever
    # generated page was made last (or none, when all were reused).
    saved = vars(config.extra).get("alternate", NOT_SET)
    maker = _Maker(pages, files, config, nav, env, cache, key, anchored, unchanged,
                   {} if found is None else found)
    # One page first, so that the workers start with the templates compiled; then each
    # process takes a few pages at a time, so that none waits for the others at the end.
    maker.make(shared[:1])
    with Handout(shared[1:]) as handout:
        jobs: list[Callable[[], Any]] = [partial(maker.make, chain(first, handout, final)),
                                         *(partial(maker.make, handout) for _ in range(count - 1))]
        if alongside is not None and workers > 1 and not unchanged:
            jobs.append(alongside)
        outcomes = run_shares(jobs)
    for made, reused, records, learned in outcomes[1:count]:
        cache.adopt(made, reused, records)
        maker.found.update(learned)
    keep_found()
    if saved is NOT_SET:
        vars(config.extra).pop("alternate", None)
    else:
        config.extra.alternate = saved  # type: ignore[attr-defined]
    return outcomes[-1] if len(jobs) > count else None


class _Maker:
    """Makes a share of a language's generated pages (in this process or a forked one)."""

    def __init__(self, pages: PlannedPages, files: Files, config: MkDocsConfig,
                 nav: Navigation, env: Environment, cache: PageCache, key: str,
                 anchored: set[str], unchanged: bool, found: dict[Any, Any]) -> None:
        self.pages, self.files, self.config, self.nav, self.env = pages, files, config, nav, env
        self.cache, self.key, self.anchored, self.unchanged = cache, key, anchored, unchanged
        self.found = found
        self.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        self.site, self.root = config.site_dir, str(cache.root)
        self.markdown = PageMarkdown()

    def make(self, share: Iterable[str]) -> tuple[int, int, dict[str, list[object]],
                                                  dict[Any, Any]]:
        """Pages made, pages reused, the manifest records of the share's pages, and what
        making them added to `found`."""
        made, reused, known = self.cache.made, self.cache.reused, set(self.found)
        dests = [self._make(source) for source in share]
        records = {dest: self.cache.current[dest] for dest in dests if dest in self.cache.current}
        learned = {key: value for key, value in self.found.items() if key not in known}
        return self.cache.made - made, self.cache.reused - reused, records, learned

    def _make(self, source: str) -> str:
        file = self.files.src_uris[source]
        # A page the last build recorded had a key: it needed no site to be made.
        if self.unchanged and source not in self.anchored and self.cache.reuse(
                file.dest_uri, None, os.path.join(self.site, file.dest_uri)):
            return file.dest_uri
        view = self.pages[source]
        prose = prose_markdown(view)
        cacheable = source not in self.anchored and not any(
            sign in text for text in view.prose for sign in NEEDS_SITE)
        # Views name files by absolute path; the project's own folder is left out.
        page_key = digest(self.key, source, repr(view).replace(self.root, "<project>"),
                          prose) if cacheable else ""
        if cacheable and self.cache.reuse(file.dest_uri, page_key,
                                          os.path.join(self.site, file.dest_uri)):
            return file.dest_uri
        file.content_string = prose  # on_files left it empty: no view was made then
        page = Page(None, file, self.config)
        page.render = partial(self.markdown.render, page)  # type: ignore[method-assign]
        _populate_page(page, self.config, self.files)
        _build_page(page, self.config, self.doc_files, self.nav, self.env)
        self.cache.record(file.dest_uri, page_key, Path(file.abs_dest_path))
        file.page = None if source not in self.anchored else page  # keep memory flat
        self.pages.done(source)
        return file.dest_uri
