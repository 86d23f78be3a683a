"""What the catalog plugin holds across a build, and the settings every part reads."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from tejido.core import (
    NO_PDFS,
    Catalog,
    FreshnessPolicy,
    OpenData,
    PlannedPages,
    Publication,
    Published,
    Renderer,
    SearchDoc,
    SnippetView,
    Urls,
    build_open_data,
    choose_language,
    entry_dates,
    git_dates,
)
from tejido.core import AboutSettings as Settings
from tejido.glue.atomic import AtomicSite
from tejido.glue.config import CatalogConfig
from tejido.glue.forked import Later
from tejido.glue.page_cache import PageCache, digest, library_versions, tejido_environment

OUTPUT_LIBRARIES = ("feedgen",)
"""Libraries whose versions can change what the open data's files hold."""


class PluginState:
    """The plugin's state; the mixins of `glue/` read and set it."""

    config: CatalogConfig

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.root = Path()
        self.urls = Urls()
        self.pages: PlannedPages = PlannedPages()
        """Generated pages of the language being built, by source path."""
        self.lazy = False
        """Set by the preview (`tejido serve`): generated pages are made when asked for, and
        their files get their Markdown then (`lazy_content`)."""
        self.deferred: dict[str, Callable[[], str]] = {}
        """Generated files other than pages, by path, and how to make their text."""
        self.renderer: Renderer | None = None
        self.compiled: BytecodeCache | None = None
        """Where the templates are kept compiled (`.cache/tejido/templates`)."""
        self.pdf_plugin: object = None
        self.edit_url: str | None = None
        self.correction_url: str | None = None
        self.site_url = ""
        self.snippets: dict[str, SnippetView] = {}
        """What hand-written pages of the language being built asked for (`tejido: …`)."""
        self.page_docs: list[SearchDoc] = []
        """Hand-written pages of the language being built, for the search index."""
        self.hand_urls: list[str] = []
        self.sitemaps: dict[str, str] = {}
        """Each language's sitemap, as written (every language's build writes them all)."""
        self.search_made: dict[str, dict[str, str]] = {}
        """A language's search files, made by a worker while its pages were made."""
        self.lit_tab: Page | None = None
        """The section page whose tab is lit for a generated page (unlit once it is written)."""
        self.open_data: OpenData | None = None
        self.open_data_of: Catalog | None = None
        self.open_data_later: tuple[Catalog, Later[OpenData]] | None = None
        """The open data being made in a child process, and of which catalog."""
        self.files_later: list[Later[Any]] = []
        """A language's other files made in a child process (the directory's catalog)."""
        self.storing: Later[None] | None = None
        """The entry store being written by a child process (`stored` waits for it)."""
        self.data_paths: frozenset[str] = frozenset()
        """The open data's site paths (what `lazy_content` makes from `_data`)."""
        self.site = Publication()
        """The catalog's name, address and data licence, for the open data and meta tags."""
        self.output = AtomicSite()
        """Builds into a staging folder; a failed build leaves site_dir as it was."""
        self.serving = False
        """Under `mkdocs serve`, where each rebuild reads the content again."""
        self.nav: Navigation | None = None
        self.engine_is_mkdocs = True
        self.page_cache = PageCache(Path())
        """Generated pages of the last build, reused when their inputs are the same
        (`glue/direct.py`); only under `mkdocs build`."""
        self.inputs = ""
        """A digest of what the catalog was loaded from (`LoadResult.inputs`); empty when
        it is not known (the preview hands its catalog over)."""
        self.history: tuple[Catalog, dict[str, dt.date]] | None = None
        self.written_groups: dict[str, tuple[str, list[str]]] = {}
        """Groups of files a language's build wrote (`data:es`), with their key in the page
        cache and their paths, until they are recorded there."""
        self.own: set[str] = set()
        """Deferred files made from a template (not reused with the others)."""
        self.search_keys: dict[str, str] = {}
        """A language's search files' key in the page cache, until they are written."""

    @property
    def direct(self) -> bool:
        """Whether Tejido renders its generated pages itself (`glue/direct.py`): under
        `mkdocs build`; `mkdocs serve` and the preview keep MkDocs' loop."""
        return (bool(self.config.fast_build) and self.engine_is_mkdocs and not self.lazy
                and not self.serving)

    def search_files(self, lang: str) -> dict[str, str]:
        """A language's search index and facets (`glue/search.py`)."""
        raise NotImplementedError

    def reuse_search(self, lang: str, site: Path, inputs: str) -> bool:
        """The last build's search files put in place, if still right (`glue/search.py`)."""
        raise NotImplementedError

    def messages_language(self) -> str:
        """The contributor's language: the setting, else the locale, else Spanish."""
        return choose_language(None, self.config.messages_language, os.environ)

    def _policy(self) -> FreshnessPolicy:
        return FreshnessPolicy(dt.date.today(), self.config.fresh_months,
                               self.config.due_months)

    def _settings(self) -> Settings:
        return Settings(self.config.publisher, self.config.data_licence,
                        self.config.contact_email)

    def _published(self) -> Published:
        """The PDFs the tejido/pdf plugin made in this build, if it is on."""
        found = getattr(self.pdf_plugin, "published", None)
        return found if isinstance(found, Published) else NO_PDFS

    def _data(self) -> OpenData:
        """The open data of the current catalog, made once per catalog: a build makes it
        once; the preview only when the data page is asked for after an edit."""
        catalog = self.catalog
        assert catalog is not None
        if self.open_data is None or self.open_data_of is not catalog:
            later, self.open_data_later = self.open_data_later, None
            if later is not None and later[0] is catalog:
                self.open_data = later[1].result()
            else:
                self.open_data = self._make_data()
            self.open_data_of = catalog
        return self.open_data

    def _make_data(self) -> OpenData:
        assert self.catalog is not None
        return build_open_data(self.catalog, self.urls, self.site,
                               entry_dates(self.catalog, self._history()))

    def start_data(self) -> None:
        """`mkdocs build`: the open data made in a child process while the pages are (it
        was the longest step no other process shared: 4.3 s at 10,000 entries)."""
        catalog, later = self.catalog, self.open_data_later
        if catalog is None or self.open_data_of is catalog:
            return
        if later is not None and later[0] is catalog:
            return  # already under way
        self.stop_data()  # of a catalog that is gone
        self._history()  # asked of git here, once, not in the child
        self.open_data_later = (catalog, Later(self._make_data))

    def stop_data(self) -> None:
        later, self.open_data_later = self.open_data_later, None
        if later is not None:
            later[1].cancel()

    def stored(self) -> None:
        """The entry store written: a build that ends, well or not, waits for it."""
        storing, self.storing = self.storing, None
        if storing is not None:
            storing.result()

    def stop_files(self) -> None:
        """Files made meanwhile that are not wanted any more (the build failed or ended)."""
        for later in self.files_later:
            later.cancel()
        self.files_later.clear()

    def _history(self) -> dict[str, dt.date]:
        """When git last changed each entry file, asked once per catalog."""
        catalog = self.catalog
        assert catalog is not None
        if self.history is None or self.history[0] is not catalog:
            sources = (entry.source for entry in catalog.entries.values())
            self.history = (catalog, git_dates(self.root, sources))
        return self.history[1]

    def data_inputs(self) -> str:
        """A digest of what the open data is made from; empty when it is not known."""
        if not self.inputs:
            return ""
        return digest(self.inputs, sorted(self._history().items()), self.site, self.urls,
                      library_versions(OUTPUT_LIBRARIES), tejido_environment())

    def files_inputs(self, lang: str) -> str:
        """A digest of what a language's catalog JSON and due feed are made from."""
        if not self.inputs:
            return ""
        settings = repr(self.pages.key).replace(str(self.root), "<project>")
        return digest(self.inputs, settings, self.config.data_licence, self.correction_url,
                      library_versions(OUTPUT_LIBRARIES), tejido_environment())

    def language_inputs(self, build_key: str) -> str:
        """A digest of everything the generated pages of the language being built are made
        from: the build key (templates, settings, navigation, code), the catalog's inputs,
        the plan's settings and git's dates (the data page); empty when not known."""
        if not self.inputs:
            return ""
        settings = repr(self.pages.key).replace(str(self.root), "<project>")
        return digest(build_key, self.inputs, settings, sorted(self._history().items()))
