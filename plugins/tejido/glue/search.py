"""The catalog plugin's search index and sitemaps, written after each language's build."""

from __future__ import annotations

import gzip
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from tejido.core import FRESHNESS_STATES as STATES
from tejido.core import (
    KINDS,
    LANGUAGES,
    SEARCH_FOLDER,
    SitemapPage,
    build_index,
    entry_docs,
    facets_data,
    label,
    sitemap,
)
from tejido.core import TEXT_TABLES as TABLES
from tejido.glue import building_language
from tejido.glue.page_cache import digest
from tejido.glue.state import PluginState


class SearchMixin(PluginState):
    """`on_post_build`: each language's search index, facets and sitemap."""

    # Before i18n's (-100), which starts the next language's build from its own.
    def _write_search(self, config: MkDocsConfig) -> None:
        if self.catalog is None:
            return
        lang = building_language(config)
        folder = Path(config.site_dir) / self.urls.file(SEARCH_FOLDER, lang)
        folder.mkdir(parents=True, exist_ok=True)
        made = self.search_made.pop(lang, None)  # by a worker, while the pages were made
        written = made if made is not None else self.search_files(lang)
        for name, text in written.items():
            (folder / name).write_text(text, encoding="utf-8")
        key = self.search_keys.pop(lang, "")
        if written and self.direct:  # none when the last build's were reused
            self.page_cache.record_group(f"search:{lang}", key, Path(config.site_dir), [
                f"{self.urls.file(SEARCH_FOLDER, lang).rstrip('/')}/{name}" for name in written])
        if config.site_url:
            self._write_sitemap(config, lang)

    def reuse_search(self, lang: str, site: Path, inputs: str) -> bool:
        """Put the last build's search files of a language into `site` if the catalog and
        the hand-written pages are what they were made from (with `inputs`, the digest of
        the rest: `language_inputs`)."""
        key = digest(inputs, self.page_docs) if inputs else ""
        self.search_keys[lang] = key
        if self.page_cache.reuse_group(f"search:{lang}", key, site):
            self.search_made[lang] = {}
            return True
        return False

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

    def _write_sitemap(self, config: MkDocsConfig, lang: str) -> None:
        """Ours replace the one MkDocs and i18n write, which lacks generated pages. Each
        language's build rewrites the root sitemap, so every build writes all we know."""
        # From the sources, not the pages' views: a build that reuses every page makes none.
        pages = [SitemapPage(url, {other: self.urls.switch(url, lang, other)
                                   for other in LANGUAGES})
                 for url in [*map(self.urls.of_source, self.pages), *self.hand_urls]]
        self.sitemaps[lang] = sitemap(pages, config.site_url or "")
        for known, text in self.sitemaps.items():
            target = Path(config.site_dir) / self.urls.file("sitemap.xml", known)
            target.write_text(text, encoding="utf-8")
            target.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
