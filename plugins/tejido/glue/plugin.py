"""The `tejido/catalog` plugin: hands the work to the core and adds its pages.

Event priorities matter because mkdocs-static-i18n (the `i18n` plugin) runs
its own `on_files` at -100 and crashes on generated files it sees; it then
builds the site once per language.  We add pages after it (-110), in the
language it is building, and fix its language switcher for our pages.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from tejido.core import (
    CATALOG_JSON,
    DATA_ALIASES,
    DATA_FOLDER,
    DEFAULT_LANGUAGE,
    DUE_PATH,
    KINDS,
    LANGUAGES,
    NO_PDFS,
    SCHEMA_FOLDER,
    SEARCH_FOLDER,
    THEME_DIR,
    Catalog,
    FreshnessPolicy,
    Layout,
    OpenData,
    PageView,
    Planned,
    PlannedPages,
    PlanSettings,
    Publication,
    Published,
    Renderer,
    SearchDoc,
    SitemapPage,
    SnippetView,
    Urls,
    about_snippet,
    attachment_url,
    build_index,
    build_open_data,
    catalog_json,
    choose_language,
    data_page,
    directory_snippet,
    due_feed,
    due_feed_url,
    due_page,
    entry_dates,
    entry_docs,
    escape,
    facets_data,
    field_reference,
    fix_links,
    footer_links,
    git_dates,
    header_search_texts,
    home_summary,
    kind_listing,
    label,
    licence,
    load_project,
    open_data_paths,
    page_doc,
    page_plan,
    prose_markdown,
    relative,
    sanitize,
    say,
    schema_files,
    sitemap,
    taxonomy_listing,
    toc_tokens,
)
from tejido.core import FRESHNESS_STATES as STATES
from tejido.core import TEXT_TABLES as TABLES
from tejido.core import AboutSettings as Settings
from tejido.core import data_feed_url as feed_url
from tejido.glue import building_language
from tejido.glue.atomic import AtomicSite
from tejido.glue.config import CatalogConfig
from tejido.glue.direct import PageCache, build_key, page_file, render_pages
from tejido.glue.shared_nav import SharedFragments

log = logging.getLogger("mkdocs.plugins.tejido")

REQUIRED_EXTENSIONS = ("tables", "toc")
WIDE_PAGES = ("matrix", "report", "data")
OG_IMAGE = "assets/images/tejido-card.png"
"""The site's image for link previews (Open Graph, Twitter cards)."""


class CatalogPlugin(BasePlugin[CatalogConfig]):  # type: ignore[no-untyped-call]
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
        self.pdf_plugin: object = None
        self.edit_url: str | None = None
        self.correction_url: str | None = None
        self.site_url = ""
        self.snippets: dict[str, SnippetView] = {}
        """What hand-written pages of the language being built asked for (`tejido: …`)."""
        self.page_docs: list[SearchDoc] = []
        """Hand-written pages of the language being built, for the search index."""
        self.hand_urls: list[str] = []
        self.sitemaps: dict[str, list[SitemapPage]] = {}
        self.lit_tab: Page | None = None
        """The section page whose tab is lit for a generated page (unlit once it is written)."""
        self.open_data: OpenData | None = None
        self.open_data_of: Catalog | None = None
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
        self.renderer = Renderer(config.theme.dirs, _permalink(config))
        if self.catalog is None:  # the i18n plugin rebuilds per language: load once
            self.catalog = self._load()
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
        return config

    @property
    def direct(self) -> bool:
        """Whether Tejido renders its generated pages itself (`glue/direct.py`): under
        `mkdocs build`; `mkdocs serve` and the preview keep MkDocs' loop."""
        return (bool(self.config.fast_build) and self.engine_is_mkdocs and not self.lazy
                and not self.serving)

    def _load(self) -> Catalog:
        result = load_project(Layout(self.root), dt.date.today())
        if result.problems:
            lang = self.messages_language()
            raise PluginError(say(lang, "build.failed") + "\n" + result.problems.report(lang))
        log.info("Tejido: %d entries loaded and valid; %d withdrawn, not published",
                 len(result.catalog), result.catalog.withdrawn)
        return result.catalog.with_policy(self._policy())

    def messages_language(self) -> str:
        """The contributor's language: the setting, else the locale, else Spanish."""
        return choose_language(None, self.config.messages_language, os.environ)

    def _policy(self) -> FreshnessPolicy:
        return FreshnessPolicy(dt.date.today(), self.config.fresh_months,
                               self.config.due_months)

    def adopt(self, catalog: Catalog) -> None:
        """Build from a catalog the preview loaded, judged by this site's freshness
        settings as a catalog loaded here is."""
        self.catalog = catalog.with_policy(self._policy())

    def _publication(self, config: MkDocsConfig) -> Publication:
        """The catalog's name, descriptions and address, for the open data."""
        descriptions = {DEFAULT_LANGUAGE: config.site_description or ""}
        i18n = config.plugins.get("i18n")
        for language in getattr(getattr(i18n, "config", None), "languages", None) or ():
            if language.get("site_description"):
                descriptions[str(language["locale"])] = str(language["site_description"])
        return Publication(name=config.site_name, site_url=config.site_url or "",
                           description={k: v for k, v in descriptions.items() if v},
                           licence=licence(self.config.data_licence))

    def _data(self) -> OpenData:
        """The open data of the current catalog, made once per catalog: a build makes it
        once; the preview only when the data page is asked for after an edit."""
        catalog = self.catalog
        assert catalog is not None
        if self.open_data is None or self.open_data_of is not catalog:
            history = git_dates(self.root, (entry.source for entry in catalog.entries.values()))
            self.open_data = build_open_data(catalog, self.urls, self.site,
                                             entry_dates(catalog, history))
            self.open_data_of = catalog
        return self.open_data

    # Our base.html stands in for the theme's, which stays reachable as "material/base.html":
    # a site owner's main.html that extends "base.html" then keeps Tejido's additions.
    def _env(self, env: Environment, /, *, config: MkDocsConfig,
             files: Files) -> Environment | None:
        if not self.config.enabled:
            return env
        theme_dir = _theme_base_dir(config.theme.dirs)
        if theme_dir is not None and env.loader is not None:
            env.loader = ChoiceLoader([
                env.loader, PrefixLoader({"material": FileSystemLoader(theme_dir)})])
        env.globals["tejido_shared"] = SharedFragments(lambda: self.pages)
        return env

    # Last: every plugin has set up the environment, MkDocs has read the hand-written pages.
    @event_priority(-200)
    def _render_generated(self, env: Environment, /, *, config: MkDocsConfig,
                          files: Files) -> Environment | None:
        if self.config.enabled and self.direct and self.nav is not None:
            lang = building_language(config)
            cache = self.page_cache
            before = cache.reused, cache.made
            render_pages(self.pages, files, config, self.nav, env, cache,
                         build_key(config, self.nav, lang, self.root))
            log.info("Tejido: %d generated pages made, %d reused from the last build (%s)",
                     cache.made - before[1], cache.reused - before[0], lang)
        return env

    on_env = CombinedEvent(_env, _render_generated)

    # Last, after i18n translated it: the navigation our pages are rendered with.
    @event_priority(-200)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig,
               files: Files) -> Navigation | None:
        self.nav = nav
        return nav

    # -- files --------------------------------------------------------------

    # Before i18n (-100): guide sources are entries, not pages; remove them.
    @event_priority(100)
    def _drop_entry_sources(self, files: Files, config: MkDocsConfig) -> Files:
        docs = Path(config.docs_dir).resolve()
        guides = (self.root / Layout(self.root).folders["guide"]).resolve()
        if guides.is_relative_to(docs):
            prefix = guides.relative_to(docs).as_posix() + "/"
            for file in [f for f in files if f.src_uri.startswith(prefix)]:
                files.remove(file)
        return files

    # After i18n (-100): it crashes on generated files added before it.
    @event_priority(-110)
    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        lang = building_language(config)
        self.plan_pages(lang)
        for source in self.pages:
            content = "" if self.lazy else prose_markdown(self.pages[source])
            files.append(page_file(config, source, content, self.direct))
        for path, make in self.deferred.items():
            files.append(File.generated(config, path, content="" if self.lazy else make()))
        self._add_assets(files, config, lang)
        self._add_open_data(files, config, lang)
        if lang == DEFAULT_LANGUAGE:
            self._add_attachments(files, config)
            for name, text in schema_files(self.catalog.taxonomies).items():
                files.append(File.generated(config, f"{SCHEMA_FOLDER}/{name}", content=text))
        return files

    on_files = CombinedEvent(_drop_entry_sources, _add_pages)

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

    # After i18n (-100), which has built every other language inside its own post_build.
    @event_priority(-200)
    def _finish_site(self, config: MkDocsConfig) -> None:
        self.output.finish(config)
        if self.direct and self.output.depth == 0 and self.output.staging is None:
            self.page_cache.save()  # the site was replaced: its pages may be reused
        # MkDocs keeps a plugin with on_startup for all of `mkdocs serve`: the next rebuild
        # must read the content again, not show the catalog of the first build.
        if self.serving:
            self.catalog = None
            self.sitemaps = {}

    # Before i18n's (-100), which starts the next language's build from its own.
    def _write_search(self, config: MkDocsConfig) -> None:
        if self.catalog is None:
            return
        lang = building_language(config)
        folder = Path(config.site_dir) / self.urls.file(SEARCH_FOLDER, lang)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.search_files(lang).items():
            (folder / name).write_text(text, encoding="utf-8")
        if config.site_url:
            self._write_sitemap(config, lang)

    def search_files(self, lang: str) -> dict[str, str]:
        """The search index and the directory's facets of one language, by file name
        (in the language's `search/` folder)."""
        assert self.catalog is not None
        docs = [*entry_docs(self.catalog, lang, self.urls), *self.page_docs]
        labels = {kind: TABLES[lang][f"kind.{kind}"] for kind in KINDS}
        labels["page"] = label(lang, "search.page")
        fresh = {state: label(lang, f"fresh.{state}") for state in STATES}
        files = build_index(docs, lang, labels, {"untranslated": label(lang, "untranslated")},
                            fresh).files
        files["facets.js"] = facets_data(self.catalog, lang, self.urls)
        return files

    def _data_alias(self, lang: str, alias: str) -> str:
        """/en/data/ leads to the data page, /en/datos/ (see DATA_ALIASES)."""
        assert self.renderer is not None
        here = self.urls.folder(alias, lang)
        target = relative(here, self.urls.folder(DATA_FOLDER, lang))
        html = self.renderer.fragment("tejido/redirect.html", lang, target=target,
                                      title=label(lang, "data.title"))
        return html + "\n"

    def _write_sitemap(self, config: MkDocsConfig, lang: str) -> None:
        """Ours replace the one MkDocs and i18n write, which lacks generated pages. Each
        language's build rewrites the root sitemap, so every build writes all we know."""
        pages = [SitemapPage(p.url, p.alternates) for p in self.pages.values()]
        pages += [SitemapPage(url, {other: self.urls.switch(url, lang, other)
                                    for other in LANGUAGES}) for url in self.hand_urls]
        self.sitemaps[lang] = pages
        for known, entries in self.sitemaps.items():
            target = Path(config.site_dir) / self.urls.file("sitemap.xml", known)
            text = sitemap(entries, config.site_url or "")
            target.write_text(text, encoding="utf-8")
            target.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode(), mtime=0))

    on_post_build = CombinedEvent(_write_search, _finish_site)
    def _settings(self) -> Settings:
        return Settings(self.config.publisher, self.config.data_licence,
                        self.config.contact_email)

    def _published(self) -> Published:
        """The PDFs the tejido/pdf plugin made in this build, if it is on."""
        found = getattr(self.pdf_plugin, "published", None)
        return found if isinstance(found, Published) else NO_PDFS

    def _plan_settings(self) -> PlanSettings:
        return PlanSettings(self.root, self._published(), self.config.listing_page_size,
                            bool(self.config.report), self.config.report_max_age_days,
                            site_url=self.site.site_url)

    def plan_pages(self, lang: str) -> None:
        """What this language's build generates from the catalog, nothing made yet; the
        preview calls it again when only the content of entries changed."""
        assert self.catalog is not None
        self.snippets, self.page_docs, self.hand_urls = {}, [], []
        settings = self._plan_settings()
        key = (lang, self.urls, settings)
        if self.pages.fits(self.catalog, key):
            self.pages.rebind(self.catalog)
        else:
            self.pages = PlannedPages(
                [*page_plan(self.catalog, lang, self.urls, settings), *self._own_plan(lang)],
                self.catalog, key)
        catalog, urls, licence_id = self.catalog, self.urls, self.config.data_licence
        self.deferred = {urls.file(CATALOG_JSON, lang):
                         lambda: catalog_json(catalog, lang, urls, licence_id)}
        if self.config.report:
            site_url, correction = self.site_url, self.correction_url
            self.deferred[due_feed_url(urls, lang)] = lambda: due_feed(
                catalog, lang, urls, site_url, correction)
        alias = DATA_ALIASES.get(lang)
        if alias is not None:
            self.deferred[urls.folder(alias, lang)] = partial(self._data_alias, lang, alias)

    def _own_plan(self, lang: str) -> list[Planned]:
        """Pages made from what the plugin holds besides the catalog: the data page (from
        the open data built once) and the maintainers' due list (from its settings)."""
        urls, site = self.urls, self.site
        plan = [Planned(urls.source_file(DATA_FOLDER, lang),
                        lambda c, _: data_page(c, self._data(), lang, urls, site.licence,
                                                  self._published()))]
        if self.config.report:
            site_url, correction = self.site_url, self.correction_url
            plan.append(Planned(urls.source_file(DUE_PATH, lang), lambda c, _: due_page(
                c, lang, urls, site_url, correction)))
        return plan

    def lazy_content(self, file: File) -> str | bytes | None:
        """The text of a generated file in lazy mode (the preview), made now; None when
        the file is not one of ours.  Open data files too: the preview keeps MkDocs' files
        after an edit, so what they were given at `on_files` would be stale."""
        if file.src_uri in self.pages:
            return prose_markdown(self.pages[file.src_uri])
        make = self.deferred.get(file.src_uri)
        if make is not None:
            return make()
        if file.src_uri in self.data_paths:  # the open data is made when first asked for
            return self._data().files.get(file.src_uri)
        return None

    def _add_open_data(self, files: Files, config: MkDocsConfig, lang: str) -> None:
        """The data folder once (in the default language's build), each feed in its own.
        The preview only lists the paths: it makes the files when one is asked for
        (`lazy_content`), as making them all was most of its start at 10,000 entries."""
        assert self.catalog is not None
        english = [other for other in LANGUAGES if other != DEFAULT_LANGUAGE]
        made = None if self.lazy else self._data().files
        paths = open_data_paths(self.catalog, self.urls) if made is None else list(made)
        self.data_paths = frozenset(paths)
        for path in paths:
            owner = next((o for o in english if path.startswith(self.urls.prefix(o))),
                         DEFAULT_LANGUAGE)
            if owner == lang:
                files.append(File.generated(config, path,
                                            content=b"" if made is None else made[path]))

    def _add_assets(self, files: Files, config: MkDocsConfig, lang: str) -> None:
        """Images and files an entry's text links to, beside its page in this language."""
        assert self.catalog is not None
        for entry in self.catalog.entries.values():
            if not entry.assets:
                continue
            folder = self.urls.entry(entry.ref, lang).removesuffix("index.html")
            for target, path in entry.assets:
                files.append(File.generated(config, folder + target,
                                            abs_src_path=str(self.root / path)))

    def _add_attachments(self, files: Files, config: MkDocsConfig) -> None:
        assert self.catalog is not None
        for guide in self.catalog.of_kind("guide"):
            for item in guide.values.get("files", ()):
                url = attachment_url(self.urls, guide, item["path"])
                files.append(File.generated(config, url,
                                            abs_src_path=str(self.root / item["path"])))

    # -- pages --------------------------------------------------------------

    # Hand-written section pages ask for a listing in their front matter (`tejido: …`).
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if self.catalog is None:
            return markdown
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            # MkDocs' templates do not escape, so the values arrive escaped, marked as such
            # so that a template which escapes (`| e`) does not escape them again.
            page.meta["title"] = Markup(escape(generated.title))
            page.meta["description"] = Markup(escape(generated.description))
            # Tables that need the whole width; an entry, whose facts take the right column.
            if generated.kind in WIDE_PAGES or generated.ref is not None:
                page.meta["hide"] = ["navigation", "toc"]
            else:  # in no navigation: its column would hold one link (breadcrumbs lead back)
                page.meta["hide"] = ["navigation"]
            return markdown
        wanted = page.meta.get("tejido")
        if not wanted:
            return markdown
        self.snippets[page.file.src_uri] = self._listing(str(wanted), page,
                                                         building_language(config))
        return markdown

    def _listing(self, wanted: str, page: Page, lang: str) -> SnippetView:
        assert self.catalog is not None
        here = page.url
        what, _, name = wanted.partition(":")
        if what == "home":
            return home_summary(self.catalog, lang, self.urls, here, self._published())
        if what == "directory":
            return directory_snippet(self.catalog, lang, self.urls, here, self._published())
        if what == "fields":
            return field_reference(lang)
        if what == "about":
            return about_snippet(self.catalog, self._settings())
        if what == "kind" and name in KINDS:
            return kind_listing(self.catalog, name, lang, self.urls, here,
                                self.config.listing_page_size)
        if what == "taxonomy" and name in self.catalog.taxonomies:
            return taxonomy_listing(self.catalog, name, lang, self.urls, here)
        raise PluginError(
            f"{page.file.src_uri}: tejido: unknown listing '{wanted}'; expected home, fields, "
            "about, kind:<organization|network|practice|guide> or taxonomy:<themes|regions|sdgs|"
            "populations|organization-types>")

    # Generated pages: MkDocs rendered their contributor prose; sanitize it and lay the
    # page out from its template.  Hand-written pages get the listing they asked for.
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        assert self.renderer is not None
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            html = self.renderer.page(generated, html, sanitize)
        else:
            # Indexed before the listing goes in: a section page is found by its own words,
            # not by every entry it lists.
            self.page_docs.append(page_doc(page.title or "", page.url, html))
            self.hand_urls.append(page.url)
            html = sanitize(html)  # hand pages too: contributors edit them (see site_files.py)
            snippet = self.snippets.get(page.file.src_uri)
            if snippet is None:
                return html
            html += "\n" + self.renderer.snippet(snippet, building_language(config), html)
        page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
        return html

    def _search_context(self, lang: str, app: bool) -> dict[str, object]:
        """What base.html's header search needs (site-relative URLs)."""
        return {
            "root": self.urls.file(SEARCH_FOLDER, lang), "directory": self.urls.folder(
                "directorio", lang), "placeholder": label(lang, "search.placeholder"),
            "label": label(lang, "search.label"), "app": app,
            "one": label(lang, "directory.result"), "many": label(lang, "directory.results"),
            "texts": header_search_texts(lang),
            "skip": label(lang, "skip"), "menu": label(lang, "menu"),
        }

    def _footer_context(self, lang: str) -> dict[str, object]:
        """What partials/copyright.html lists: About, Contribute, the data, its licence."""
        return {"label": label(lang, "about.footer"),
                "links": footer_links(lang, self.urls, self._settings())}

    # The 404 page: MkDocs renders it once per language build from the theme's 404.html,
    # with absolute URLs, and writes it to the site's root.  Each language gets its own
    # text, header search and language links (to each language's home: a 404 is served
    # at any path, so there is no "same page" to switch to).
    def on_template_context(self, context: TemplateContext, /, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext | None:
        if template_name != "404.html" or self.catalog is None:
            return context
        lang = building_language(config)
        context["tejido_search"] = self._search_context(lang, False)  # type: ignore[typeddict-unknown-key]
        context["tejido_footer"] = self._footer_context(lang)  # type: ignore[typeddict-unknown-key]
        context["tejido_not_found"] = {  # type: ignore[typeddict-unknown-key]
            "title": label(lang, "notfound.title"), "text": label(lang, "notfound.text"),
            "home": self.urls.file("index.html", lang), "home_label": label(lang, "notfound.home"),
            "directory": self.urls.folder("directorio", lang),
            "directory_label": label(lang, "notfound.directory"),
        }
        i18n = config.plugins.get("i18n")
        names = {alt["lang"]: alt for alt in getattr(i18n, "extra_alternate", [])}
        config.extra.alternate = [  # type: ignore[attr-defined]
            {**names.get(other, {"name": other, "lang": other}),
             "link": self.urls.file("index.html", other)} for other in LANGUAGES]
        return context

    # MkDocs writes 404.html at the root in every language's build; the other languages'
    # go to their own folder (en/404.html), and the root keeps the default language's.
    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        lang = building_language(config)
        if template_name != "404.html" or self.catalog is None or lang == DEFAULT_LANGUAGE:
            return output_content
        target = Path(config.site_dir) / self.urls.file("404.html", lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output_content, encoding="utf-8")
        return ""  # MkDocs skips writing an empty template: the root one stays

    def _meta(self, page: Page, generated: PageView | None, lang: str) -> dict[str, str]:
        """Open Graph, canonical and x-default addresses, and the feeds a page offers."""
        url = generated.url if generated else page.url
        spanish = self.urls.switch(url, lang, DEFAULT_LANGUAGE)
        site_url = self.site.site_url
        return {
            "url": self.site.absolute(url) if site_url else "",
            "x_default": self.site.absolute(spanish) if site_url else "",
            "image": self.site.absolute(OG_IMAGE) if site_url else "",
            "locale": {"es": "es_MX", "en": "en_US"}.get(lang, lang),
            "feed": generated.feed if generated and generated.feed else "",
            "site_feed": feed_url(self.urls, lang),
            "data": self.urls.folder(DATA_FOLDER, lang),
            "data_label": TABLES[lang]["data.link"],
            "feed_label": TABLES[lang]["feed.link"],
            "term_feed_label": TABLES[lang]["feed.term"],
        }

    # After i18n (50) has set its alternates: ours point at the same page in each language.
    @event_priority(-110)
    def on_page_context(self, context: TemplateContext, /, *, page: Page,
                        config: MkDocsConfig, nav: Navigation) -> TemplateContext | None:
        lang = building_language(config)
        context["tejido_footer"] = self._footer_context(lang)  # type: ignore[typeddict-unknown-key]
        context["tejido_search"] = self._search_context(  # type: ignore[typeddict-unknown-key]
            lang, page.meta.get("tejido") == "directory")
        generated = self.pages.get(page.file.src_uri)
        context["tejido_meta"] = self._meta(page, generated, lang)  # type: ignore[typeddict-unknown-key]
        i18n = config.plugins.get("i18n")
        if generated is None or i18n is None:
            return context
        names = {alt["lang"]: alt for alt in getattr(i18n, "extra_alternate", [])}
        # i18n assigns the attribute (which shadows the mapping key); so must we.
        config.extra.alternate = [  # type: ignore[attr-defined]
            {**names.get(lang, {"name": lang, "lang": lang}), "link": generated.alternates[lang]}
            for lang in LANGUAGES
        ]
        context["tejido_page"] = generated  # type: ignore[typeddict-unknown-key]
        self._light_tab(nav, generated.url, lang)
        entry = self.catalog.entries.get(generated.ref) if generated.ref and self.catalog else None
        if entry is not None:
            links = fix_links(entry, generated.lang, page.canonical_url or page.url,
                              self.edit_url, self.correction_url)
            context["tejido_fix"] = links  # type: ignore[typeddict-unknown-key]
            context["tejido_labels"] = TABLES[generated.lang]  # type: ignore[typeddict-unknown-key]
        return context


    def _light_tab(self, nav: Navigation, url: str, lang: str) -> None:
        """Generated pages are in no navigation: light the tab of the section they are in
        (an organization's page, "Organizaciones"; a region's, "Regiones")."""
        section = url.removeprefix(self.urls.prefix(lang)).split("/")[0]
        target = self.urls.folder(section, lang)
        found = next((p for p in nav.pages if p.url == target), None)
        if found is not None:
            found.active = True
            self.lit_tab = found

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.lit_tab is not None:
            self.lit_tab.active = False
            self.lit_tab = None
        return output


def _permalink(config: MkDocsConfig) -> str | None:
    """The permanent-link sign Markdown's toc extension puts after headings, if any, so
    the headings of our templates get the same."""
    permalink = config.mdx_configs.get("toc", {}).get("permalink")
    if permalink is True:
        return "¶"
    return str(permalink) if permalink else None


def _theme_base_dir(dirs: list[str]) -> str | None:
    """The theme's own template folder: the first after Tejido's with a base.html."""
    after = dirs[dirs.index(THEME_DIR) + 1:] if THEME_DIR in dirs else []
    return next((d for d in after if (Path(d) / "base.html").exists()), None)
