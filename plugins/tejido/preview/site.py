"""One language of the site as `mkdocs build` makes it, kept in memory, a page
rendered only when the browser asks for it.

The steps are MkDocs' own build steps (`mkdocs.commands.build.build`), in its order
and with its plugin events, stopped before the pages are written: files, navigation,
the hand-written pages read, the theme's Jinja environment.  A generated page is then
read, rendered and laid out by the same functions and templates when it is asked for,
so its HTML is the HTML `mkdocs build` writes (a test compares them byte for byte).

This leans on what MkDocs does not document (`_populate_page`, `get_context`,
`Files._src_uris`, the plugins' `plugin_cache`); MkDocs is pinned exactly, and the
byte-equality test catches a change.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.commands.build import _populate_page, get_context
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from tejido.core import SEARCH_FOLDER, Catalog
from tejido.glue.plugin import CatalogPlugin

log = logging.getLogger("tejido.preview")


@dataclass(frozen=True)
class Found:
    """What the site has at a path: a page to render, or a file's bytes."""

    file: File
    is_page: bool
    generated: bool
    """A Tejido page (made from the catalog), not a hand-written one."""


def fresh_config(config_file: Path) -> MkDocsConfig:
    """The configuration with plugin objects of its own.  MkDocs keeps one object per
    plugin that has `on_startup` for the life of the process (for `mkdocs serve`'s
    rebuilds), so two languages would share Tejido's state: the cache is emptied."""
    schema = dict(MkDocsConfig._schema)
    cache = getattr(schema.get("plugins"), "plugin_cache", None)
    if isinstance(cache, dict):
        cache.clear()
    return load_config(str(config_file))


class LanguageSite:
    def __init__(self, config_file: Path, lang: str, catalog: Catalog) -> None:
        self.lang = lang
        config = fresh_config(config_file)
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            i18n.current_language = lang  # what i18n sets before building each language
        plugin = config.plugins.get("tejido/catalog")
        if not isinstance(plugin, CatalogPlugin):
            raise ValueError(f"{config_file}: the tejido/catalog plugin is not configured")
        self.plugin = plugin
        plugin.adopt(catalog)
        plugin.lazy = True
        config.plugins.on_startup(command="serve", dirty=False)
        self.config: MkDocsConfig = config.plugins.on_config(config)
        self.config.plugins.on_pre_build(config=self.config)
        self.search: dict[str, str] | None = None
        self.populated: set[str] = set()
        """Hand-written pages read since the catalog last changed (they list entries)."""
        self.env: Environment | None = None
        self.refresh(catalog)

    def refresh(self, catalog: Catalog) -> None:
        """Everything before the pages are written, for this catalog: MkDocs' files and
        navigation, and Tejido's plan of pages.  No page is read yet."""
        config = self.config
        self.plugin.adopt(catalog)
        files = get_files(config)
        # One theme environment for the preview's life: compiled templates are kept.
        # (A change of a template starts a new LanguageSite.)
        env = self.env or config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        # Generated pages are never in the navigation; leaving them out of its making
        # spares a Page object per entry (MkDocs' build makes them all up front).
        nav = get_navigation(self._without_generated(files), config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        if self.env is None:
            self.env = config.plugins.on_env(env, config=config, files=files)
        self.files: Files = files
        self.nav: Navigation = nav
        self.doc_files = files.documentation_pages()
        self.by_path = {file.dest_uri: file for file in files}
        self.search = None
        self.populated = set()

    def _without_generated(self, files: Files) -> Files:
        """The same collection (i18n's subclass finds `x.en.md` for `x.md`), minus
        Tejido's generated pages."""
        hand = copy.copy(files)
        hand._src_uris = {uri: file for uri, file in files.src_uris.items()
                          if uri not in self.plugin.pages}
        return hand

    def replan(self, catalog: Catalog) -> bool:
        """The catalog's entries changed but not which pages there are: plan the pages
        again and keep MkDocs' files and navigation.  False when the pages differ (an
        entry or a term page more or less): then `refresh` is needed."""
        if getattr(self.config.plugins.get("tejido/pdf"), "active", False):
            return False  # PDFs are on (on_serve): they are made with MkDocs' files
        before = set(self.plugin.pages)
        self.plugin.adopt(catalog)
        self.plugin.plan_pages(self.lang)
        if set(self.plugin.pages) != before:
            return False
        self.search = None
        self.populated = set()
        return True

    def _read(self, file: File) -> Page:
        """Read a page as MkDocs' build does before rendering (Markdown, plugin events)."""
        if file.src_uri in self.plugin.pages:
            text = self.plugin.lazy_content(file)
            file.content_string = text if isinstance(text, str) else ""
        elif file.src_uri in self.populated:
            assert file.page is not None
            return file.page
        if file.page is None:
            Page(None, file, self.config)
        assert file.page is not None
        _populate_page(file.page, self.config, self.files)
        if file.src_uri not in self.plugin.pages:
            self.populated.add(file.src_uri)
        return file.page

    def find(self, path: str) -> Found | None:
        """The file at a site path (`organizaciones/x/index.html`); a folder means its index."""
        if path == "" or path.endswith("/"):
            path += "index.html"
        file = self.by_path.get(path)
        if file is None:
            return None
        return Found(file, file.is_documentation_page(), file.src_uri in self.plugin.pages)

    def page_key(self, found: Found) -> str | None:
        """What a generated page is made from, as text (its view object), for the page
        cache; None for a hand-written page (the cache keeps those until a refresh)."""
        if not found.generated:
            return None
        return repr(self.plugin.pages[found.file.src_uri])

    def render(self, found: Found) -> bytes:
        """A page's HTML, exactly as `mkdocs build` writes it."""
        config = self.config
        page = self._read(found.file)
        assert self.env is not None
        config._current_page = page
        page.active = True
        try:
            context = get_context(self.nav, self.doc_files, config, page)
            template = self.env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config,
                                                     nav=self.nav)
            output = template.render(context)
            output = config.plugins.on_post_page(output, page=page, config=config)
        finally:
            page.active = False
            config._current_page = None
        return str(output).encode("utf-8", errors="xmlcharrefreplace")

    def file_bytes(self, found: Found) -> bytes:
        made = self.plugin.lazy_content(found.file)
        if made is None:
            return found.file.content_bytes
        return made.encode("utf-8") if isinstance(made, str) else made

    def search_file(self, path: str) -> bytes | None:
        """The search index and facets, written by Tejido after a build: made on first ask."""
        folder = self.plugin.urls.file(SEARCH_FOLDER, self.lang)
        if not path.startswith(folder):
            return None
        if self.search is None:
            # The build indexes every hand-written page as it reads them, in order: so here.
            self.plugin.page_docs, self.plugin.hand_urls, self.populated = [], [], set()
            for file in self.doc_files:
                if file.src_uri not in self.plugin.pages:
                    self._read(file)
            self.search = self.plugin.search_files(self.lang)
        text = self.search.get(path.removeprefix(folder))
        return text.encode("utf-8") if text is not None else None
