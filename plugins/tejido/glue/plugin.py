"""The `tejido/catalog` plugin: hands the work to the core and adds its pages.

Event priorities matter because mkdocs-static-i18n (the `i18n` plugin) runs
its own `on_files` at -100 and crashes on generated files it sees; it then
builds the site once per language.  We add pages after it (-110), in the
language it is building, and fix its language switcher for our pages.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from tejido.core import (
    THEME_DIR,
    Catalog,
    EntryCache,
    EntryStore,
    Layout,
    Renderer,
    Sharing,
    Urls,
    load_project,
    say,
)
from tejido.glue.collector import build_pace, keep_loaded, usual_pace
from tejido.glue.config import CatalogConfig
from tejido.glue.context import ContextMixin
from tejido.glue.files import FilesMixin
from tejido.glue.forked import Later, run_shares, worker_count
from tejido.glue.hooks import PagesMixin
from tejido.glue.page_cache import PageCache
from tejido.glue.search import SearchMixin

log = logging.getLogger("mkdocs.plugins.tejido")

REQUIRED_EXTENSIONS = ("tables", "toc")


class CatalogPlugin(PagesMixin, FilesMixin, SearchMixin, ContextMixin,
                    BasePlugin[CatalogConfig]):  # type: ignore[no-untyped-call]
    """Hooks found on the class by MkDocs; the work is in the mixins (`glue/state.py`,
    `files.py`, `search.py`, `context.py`, `hooks.py`)."""

    # -- configuration ------------------------------------------------------

    # Early, so the template folder and extensions are in place before other plugins read them.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.output.start(config)
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        self.pdf_plugin = config.plugins.get("tejido/pdf")
        self.urls = Urls(directory_urls=config.use_directory_urls)
        if THEME_DIR not in config.theme.dirs:
            config.theme.dirs.insert(len(config.theme.dirs) - 2, THEME_DIR)
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        self.compiled = _compiled_templates(self.root / COMPILED)
        self.renderer = Renderer(config.theme.dirs, _permalink(config), self.compiled)
        if self.catalog is None:  # the i18n plugin rebuilds per language: load once
            if not self.serving:
                build_pace()
            self.catalog = self._load()
            keep_loaded()
        self.site = self._publication(config)
        repo = (config.repo_url or "").rstrip("/")
        self.edit_url = self.config.edit_url or (f"{repo}/edit/main/{{path}}" if repo else None)
        self.correction_url = self.config.correction_url or (
            f"{repo}/issues/new?title={{title}}&body={{body}}" if repo else None)
        self.site_url = config.site_url or ""
        # Another engine (ProperDocs) has its own page steps: its loop renders our pages.
        self.engine_is_mkdocs = isinstance(config, MkDocsConfig)
        if self.output.depth == 1 and self.direct:  # the first language of a build
            self.page_cache = PageCache(self.root)
            self.page_cache.open(None if self.output.dirty else self.output.target)
            if self.page_cache.previous:  # the last build into this folder is known
                self.page_cache.in_place = self.output.update_in_place()
        return config

    def _load(self) -> Catalog:
        # Several processes read the entry files at once, but under `mkdocs serve`, whose
        # server threads a fork would not take along.  What the last run validated of the
        # unchanged files comes from the store the preview keeps too, and the load says
        # what the catalog was made from (`inputs`): a build with nothing changed reuses
        # all it made.
        shares = None if self.serving else Sharing(run_shares, worker_count(self.config.workers))
        cache = EntryCache(EntryStore(self.root)) if shares else None
        result = load_project(Layout(self.root), dt.date.today(), cache, shares=shares)
        if result.problems:
            lang = self.messages_language()
            raise PluginError(say(lang, "build.failed") + "\n" + result.problems.report(lang))
        if cache is not None:  # written by a child process while the build goes on
            self.storing = Later(cache.save)
        self.inputs = result.inputs
        log.info("Tejido: %d entries loaded and valid; %d withdrawn, not published",
                 len(result.catalog), result.catalog.withdrawn)
        return result.catalog.with_policy(self._policy())

    def adopt(self, catalog: Catalog) -> None:
        """Build from a catalog the preview loaded, judged by this site's freshness
        settings as a catalog loaded here is."""
        self.catalog = catalog.with_policy(self._policy())
        self.inputs = ""

    on_env = CombinedEvent(PagesMixin._env, PagesMixin._render_generated)

    on_files = CombinedEvent(FilesMixin._drop_entry_sources, FilesMixin._add_pages)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.output.startup(command, dirty)
        self.serving = command == "serve"

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        """Entries and taxonomies live outside docs_dir, where MkDocs does not look: an
        edit there must rebuild the preview too."""
        layout = Layout(self.root)
        for folder in (*layout.folders.values(), layout.taxonomies):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server

    def on_build_error(self, *, error: Exception) -> None:
        self.output.discard()
        self.stop_data()
        self.stop_files()
        with suppress(Exception):  # the build's own error is the one to tell
            self.stored()
        usual_pace()

    # After i18n (-100), which has built every other language inside its own post_build.
    @event_priority(-200)
    def _finish_site(self, config: MkDocsConfig) -> None:
        self.output.finish(config, self.page_cache.recorded if self.direct else tuple)
        if self.output.depth == 0:  # the last language of the build
            usual_pace()
            self.stop_data()  # made and read by now; a child never left waiting to write
            self.stop_files()
            self.stored()
            if self.direct and self.output.staging is None:
                self.page_cache.save()  # the site was replaced: its pages may be reused
        # MkDocs keeps a plugin with on_startup for all of `mkdocs serve`: the next rebuild
        # must read the content again, not show the catalog of the first build.
        if self.serving:
            self.catalog = None
            self.sitemaps = {}

    on_post_build = CombinedEvent(SearchMixin._write_search, FilesMixin._record_groups,
                                  _finish_site)


COMPILED = Path(".cache") / "tejido" / "templates"
"""Compiled templates, Tejido's and the theme's: compiling them was a second of every
build and of the preview's start.  Jinja checks each against its source."""


def _compiled_templates(folder: Path) -> FileSystemBytecodeCache | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a project folder that cannot be written: compiled every time
    return FileSystemBytecodeCache(str(folder))


def _permalink(config: MkDocsConfig) -> str | None:
    """The permanent-link sign Markdown's toc extension puts after headings, if any, so
    the headings of our templates get the same."""
    permalink = config.mdx_configs.get("toc", {}).get("permalink")
    if permalink is True:
        return "¶"
    return str(permalink) if permalink else None
