"""The catalog plugin's template context: publication, header search, footer, meta tags,
the 404 page and the lit tab."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from tejido.core import (
    DATA_FOLDER,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    SEARCH_FOLDER,
    PageView,
    Publication,
    fix_links,
    footer_links,
    header_search_texts,
    label,
    licence,
)
from tejido.core import TEXT_TABLES as TABLES
from tejido.core import data_feed_url as feed_url
from tejido.glue import building_language
from tejido.glue.state import PluginState

OG_IMAGE = "assets/images/tejido-card.png"
"""The site's image for link previews (Open Graph, Twitter cards)."""


class ContextMixin(PluginState):
    """Template context: publication, header search, footer, meta, 404, lit tab."""

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
