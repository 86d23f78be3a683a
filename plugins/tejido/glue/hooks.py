"""The catalog plugin's Jinja environment and page hooks: the theme's base, generated pages
rendered directly, listings asked for by hand-written pages, their sanitized content."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from tejido.core import (
    DATA_FOLDER,
    KINDS,
    THEME_DIR,
    SnippetView,
    TejidoContext,
    TejidoTemplate,
    about_snippet,
    allies_found,
    directory_snippet,
    escape,
    field_reference,
    home_summary,
    kind_listing,
    page_doc,
    sanitize,
    taxonomy_listing,
    toc_tokens,
)
from tejido.glue import building_language
from tejido.glue.direct import build_key, render_pages
from tejido.glue.forked import worker_count
from tejido.glue.shared_nav import SharedFragments
from tejido.glue.state import PluginState

log = logging.getLogger("mkdocs.plugins.tejido")

WIDE_PAGES = ("matrix", "report", "data")


class PagesMixin(PluginState):
    """`on_env`, `on_nav` and the page hooks: listings, sanitized content."""

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
        env.globals["tejido_shared"] = (SharedFragments(lambda: self.pages)
                                        if self.config.fast_build else None)
        if env.bytecode_cache is None:
            env.bytecode_cache = self.compiled
        return env

    # Last: every plugin has set up the environment, MkDocs has read the hand-written pages.
    @event_priority(-200)
    def _render_generated(self, env: Environment, /, *, config: MkDocsConfig,
                          files: Files) -> Environment | None:
        if self.config.enabled and self.direct and self.nav is not None:
            # Every plugin has set the environment's globals now, as Jinja asks before a
            # template is loaded: the theme's templates may keep them as one dict, and
            # take Tejido's quicker macro calls (core/outputs/template_class.py).
            env.template_class, env.context_class = TejidoTemplate, TejidoContext
            lang = building_language(config)
            cache = self.page_cache
            before = cache.reused, cache.made
            key = build_key(config, self.nav, lang, self.root)
            inputs = self.language_inputs(key)
            unchanged = cache.same_inputs(lang, inputs)
            searched = self.reuse_search(lang, Path(config.site_dir), inputs)
            made = render_pages(self.pages, files, config, self.nav, env, cache, key,
                                worker_count(self.config.workers), unchanged=unchanged,
                                alongside=None if searched else partial(self.search_files, lang),
                                last={self.urls.source_file(DATA_FOLDER, lang)},
                                found=None if self.catalog is None
                                else allies_found(self.catalog))
            if made is not None:
                self.search_made[lang] = made
            log.info("Tejido: %d generated pages made, %d reused from the last build (%s)",
                     cache.made - before[1], cache.reused - before[0], lang)
            if unchanged:
                log.info("Tejido: nothing the pages are made from changed since the last "
                         "build (%s)%s", lang, "; search index reused" if searched else "")
        return env

    # Last, after i18n translated it: the navigation our pages are rendered with.
    @event_priority(-200)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig,
               files: Files) -> Navigation | None:
        self.nav = nav
        return nav

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


def _theme_base_dir(dirs: list[str]) -> str | None:
    """The theme's own template folder: the first after Tejido's with a base.html."""
    after = dirs[dirs.index(THEME_DIR) + 1:] if THEME_DIR in dirs else []
    return next((d for d in after if (Path(d) / "base.html").exists()), None)
