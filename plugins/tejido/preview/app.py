"""The preview's state: the catalog, one in-memory site per language, a cache of
rendered pages, and what to do when a file changes.

An edit of an entry re-reads that file only (`EntryCache`), plans the pages again
and re-reads the hand-written pages (they list entries); no page is rendered until
the browser asks for it.  A rendered page is kept with the text of the view it was
made from: asked for again, it is rendered again only if its view changed.  A change
of the configuration, a template or a hand-written page starts the sites afresh.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import mimetypes
import os
import threading
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from tejido.core import (
    CACHE_FOLDER,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Catalog,
    EntryCache,
    EntryStore,
    Layout,
    Sharing,
    choose_language,
    load_project,
)
from tejido.glue.forked import run_shares, worker_count
from tejido.preview.site import Found, LanguageSite, fresh_config

log = logging.getLogger("tejido.preview")
ASSETS = Path(__file__).resolve().parent / "assets"
HTML = "text/html; charset=utf-8"


def _set_aside(full: bool) -> None:
    """Python's cycle collector is off while the catalog loads, then on again with what
    survived set aside (`gc.freeze`): at 10,000 entries its passes over the long-lived
    objects took half of an edit's reload.  Cycles among objects set aside are never
    collected, so after MkDocs' files and pages were made anew (the old ones are
    cycles) everything is looked at once before it is set aside again."""
    if full:
        gc.unfreeze()
        gc.collect()
    else:
        gc.collect(1)
    gc.freeze()
    gc.enable()


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes


class Preview:
    def __init__(self, config_file: Path) -> None:
        self.config_file = config_file.resolve()
        config = fresh_config(self.config_file)
        ours = config.plugins.get("tejido/catalog")
        settings = getattr(ours, "config", {}) if ours is not None else {}
        configured = settings.get("root")
        self.lang = choose_language(None, settings.get("messages_language"), os.environ)
        """The language of the problems it shows (the plugin's setting, else the locale)."""
        self.root = Path(configured or self.config_file.parent).resolve()
        self.docs_dir = Path(config.docs_dir).resolve()
        self.layout = Layout(self.root)
        # What was validated is kept on disk (.cache/tejido/): a restart reads again only
        # the files that changed meanwhile.
        self.entries = EntryCache(EntryStore(self.root))
        self.unsaved = threading.Event()
        self.compiled = self.root / CACHE_FOLDER / "templates"
        """The theme's templates as Jinja compiled them (no content: kept across starts)."""
        self.served = threading.Event()
        self.saving = threading.Lock()
        """Set once a page was served."""
        self.catalog: Catalog | None = None
        self.sites: dict[str, LanguageSite] = {}
        self.problems: list[str] = []
        self.generation = 0
        self.cache: dict[str, tuple[str | None, bytes]] = {}
        self.lock = threading.RLock()
        self.changed = threading.Condition()
        self.templates = Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=True)

    # -- loading ------------------------------------------------------------------------

    def load(self, afresh: bool = False, changed: list[Path] | None = None) -> None:
        """Read the content (only what changed) and make the sites ready; a problem is
        kept, printed, and shown in the browser instead of the site."""
        start = time.perf_counter()
        with self.lock:
            gc.disable()
            try:
                full = self._load(afresh, changed)
            finally:
                _set_aside(full)
        log.info("Tejido preview: ready in %.2f s (%d files read, %d from the cache)",
                 time.perf_counter() - start, self.entries.reads, self.entries.restored)
        if self.entries.reads:
            self.unsaved.set()

    def save_cache(self) -> None:
        """Write the validated entries to disk if files were read since the last time.
        Called once the start's work is done and when the preview stops, not after each
        edit: an edit is never kept waiting for it, and a preview stopped without it only
        reads the files edited meanwhile again."""
        with self.saving:  # one at a time: leaving waits for one under way
            if not self.unsaved.is_set():
                log.info("Tejido preview: the validation cache is up to date")
                return
            self.unsaved.clear()
            store = self.entries.store
            with self.lock:  # a consistent view; written outside, so a reload need not wait
                if store is None or self.entries.context is None:
                    return
                context, records = self.entries.records()
            store.write(context, records)
            log.info("Tejido preview: the validation cache has %d files (%s)", len(records),
                     store.path)

    def _load(self, afresh: bool, changed: list[Path] | None) -> bool:
        """True when MkDocs' files and pages were made anew (the old ones are garbage)."""
        # The first load reads every file: in several processes at once (the server's
        # threads are not serving yet); an edit's reads only what changed, here.
        shares = Sharing(run_shares, worker_count(0)) if changed is None and not self.sites \
            else None
        result = load_project(self.layout, dt.date.today(), self.entries, changed, shares)
        if result.problems:
            self._fail([problem.format(self.lang) for problem in result.problems])
            return False
        self.catalog = result.catalog
        try:
            full = self._prepare(result.catalog, afresh)
        except Exception as error:  # any failure is shown, not raised
            log.debug("preview failed", exc_info=True)
            self._fail([f"{type(error).__name__}: {error}",
                        *traceback.format_exception_only(error)[-1:]])
            return True
        self.problems = []
        self._bump()
        return full

    def _prepare(self, catalog: Catalog, afresh: bool) -> bool:
        if afresh or not self.sites:
            # The default language first; the others when first asked for, or by
            # `warm_up` once the first page is out.
            self.cache.clear()
            self.sites = {DEFAULT_LANGUAGE: LanguageSite(self.config_file, DEFAULT_LANGUAGE,
                                                         catalog, self.compiled)}
            return True
        full = False
        for site in self.sites.values():
            if not site.replan(catalog):
                site.refresh(catalog)
                full = True
        # Hand-written pages list entries: rendered again; generated ones carry their key,
        # unless the set of pages changed (a link in an entry's text may now resolve).
        self.cache = {} if full else {path: cached for path, cached in self.cache.items()
                                      if cached[0] is not None}
        return full

    def _fail(self, problems: list[str]) -> None:
        self.problems = problems
        log.error("Tejido preview: the site cannot be shown until this is fixed:\n%s",
                  "\n".join(problems))
        self._bump()

    def _bump(self) -> None:
        with self.changed:
            self.generation += 1
            self.changed.notify_all()

    def files_changed(self, paths: Iterable[Path]) -> None:
        """What the watcher saw: content files are read again; the configuration,
        templates and hand-written pages start the sites afresh.  Other files beside the
        configuration (a log, the built site) change nothing."""
        relevant = [path for path in paths if path == self.config_file
                    or path.parent != self.config_file.parent]
        if relevant:
            # Logged only now: a log file beside the configuration must not feed itself.
            log.info("Tejido preview: %s changed", ", ".join(sorted(p.name for p in relevant)[:5]))
            self.load(any(self._needs_afresh(path) for path in relevant), self._hint(relevant))

    def _hint(self, paths: list[Path]) -> list[Path] | None:
        """The changed files, if every one is a taxonomy or an entry file known by its
        path; else None, and every entry file is looked at (a new file, a folder reached
        through a link)."""
        taxonomies = (self.root / self.layout.taxonomies).resolve()
        for path in paths:
            base = path.with_name(path.name.replace(".en.", ".", 1))
            if not (path.is_relative_to(taxonomies) or base in self.entries.known):
                return None
        return paths

    def _needs_afresh(self, path: Path) -> bool:
        entry_folders = [self.layout.folder(kind).resolve() for kind in self.layout.folders]
        if any(path.is_relative_to(folder) for folder in entry_folders):
            return False
        return path == self.config_file or path.is_relative_to(self.docs_dir) or (
            path.suffix in (".html", ".css", ".js", ".yml", ".yaml")
            and not path.is_relative_to(self.root / self.layout.taxonomies))

    # -- serving ------------------------------------------------------------------------

    def wait(self, since: int, timeout: float) -> int:
        """Block until the generation moves past `since` (or the timeout); return it."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != since, timeout=timeout)
            return self.generation

    def get(self, path: str) -> Response:
        """The response for a site path without its leading slash."""
        if path == ".tejido/livereload.js":
            return Response(200, "text/javascript; charset=utf-8",
                            (ASSETS / "livereload.js").read_bytes())
        with self.lock:
            if self.problems or not self.sites:
                return self._error_page(self.problems or ["The preview is starting."])
            site = self._site(path)
            found = site.find(path)
            if found is None:
                search = site.search_file(path)
                if search is not None:
                    return Response(200, "text/javascript; charset=utf-8", search)
                return Response(404, "text/plain; charset=utf-8", b"Not found: /" +
                                path.encode("utf-8", errors="replace"))
            if not found.is_page:
                kind = mimetypes.guess_type(found.file.dest_uri)[0] or "application/octet-stream"
                return Response(200, kind, site.file_bytes(found))
            try:
                html = self.page(site, found)
            except Exception as error:  # shown in the page and the terminal
                log.exception("Tejido preview: %s could not be rendered", path)
                return self._error_page([f"{found.file.src_uri}: {type(error).__name__}: "
                                         f"{error}"])
            self.served.set()
            return Response(200, HTML, self._with_livereload(html))

    def _site(self, path: str) -> LanguageSite:
        lang = next((lang for lang in LANGUAGES
                     if lang != DEFAULT_LANGUAGE and path.startswith(f"{lang}/")),
                    DEFAULT_LANGUAGE)
        return self._language(lang)

    def _language(self, lang: str) -> LanguageSite:
        site = self.sites.get(lang)
        if site is None:
            assert self.catalog is not None
            site = self.sites[lang] = LanguageSite(self.config_file, lang, self.catalog,
                                                   self.compiled)
        return site

    def warm_up(self, wait: float = 0.0) -> None:
        """Make the sites of the other languages before they are asked for: once the
        first page was served (or after `wait` seconds), so it does not wait for them."""
        self.served.wait(wait)
        for lang in LANGUAGES:
            with self.lock:
                if self.sites and not self.problems:
                    self._language(lang)

    def page(self, site: LanguageSite, found: Found) -> bytes:
        """A page's HTML as `mkdocs build` writes it, from the cache when its view is the same."""
        path = found.file.dest_uri
        key = site.page_key(found)
        cached = self.cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
        html = site.render(found)
        self.cache[path] = (key, html)
        return html

    def _with_livereload(self, html: bytes) -> bytes:
        script = self.templates.get_template("livereload.html").render(
            generation=self.generation).encode("utf-8")
        head, found, tail = html.rpartition(b"</body>")
        return head + script + found + tail if found else html + script

    def _error_page(self, problems: list[str]) -> Response:
        livereload = Markup(self.templates.get_template("livereload.html").render(
            generation=self.generation))
        body = self.templates.get_template("error.html").render(
            problems=problems, livereload=livereload)
        return Response(500, HTML, body.encode("utf-8"))
