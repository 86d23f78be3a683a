"""Tejido's pure core: load, validate and index a catalog, and make what its site shows.

It never imports MkDocs.  The stages, in the order content goes through them: `model/`
(what an entry is), `sources/` (reading files with their lines), `validate/` (every
problem, collected), `catalog/` (the indexed whole and what is derived from it),
`outputs/` (pages as view objects, search, open data, PDFs) and `i18n/` (interface text).

The names below are the core's public API: the MkDocs glue, the preview, the `tejido`
command and the benchmarks import only these, from `tejido.core` itself
(tests/test_structure.py keeps it so).  A name a few collide on is given a longer one
here (`due_feed_url`, `import_report_text`, `ALLY_KINDS`, …).
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tejido.core.catalog.allies import KINDS as ALLY_KINDS
    from tejido.core.catalog.allies import (
        AllyIndex,
        allies_found,
        find_allies,
        index_for,
        pool_size,
    )
    from tejido.core.catalog.catalog import Catalog
    from tejido.core.catalog.due import DUE_PATH, due_feed, due_page, due_text
    from tejido.core.catalog.due import feed_url as due_feed_url
    from tejido.core.catalog.freshness import STATES as FRESHNESS_STATES
    from tejido.core.catalog.freshness import FreshnessPolicy
    from tejido.core.catalog.report import build_report, report_text
    from tejido.core.i18n.labels import TABLES as TEXT_TABLES
    from tejido.core.i18n.labels import label
    from tejido.core.i18n.messages import Msg, choose_language, say
    from tejido.core.model.fields import DEFAULT_LANGUAGE, KINDS, LANGUAGES
    from tejido.core.model.licences import licence
    from tejido.core.model.model import Entry, Ref
    from tejido.core.model.taxonomy import load_taxonomies
    from tejido.core.outputs.data import (
        DATA_FOLDER,
        OpenData,
        Publication,
        build_open_data,
        open_data_paths,
    )
    from tejido.core.outputs.data.feeds import entry_dates, git_dates
    from tejido.core.outputs.data.feeds import feed_url as data_feed_url
    from tejido.core.outputs.data.page import data_page
    from tejido.core.outputs.data.settings import DATA_ALIASES
    from tejido.core.outputs.export import CATALOG_JSON, catalog_json
    from tejido.core.outputs.html import sanitize
    from tejido.core.outputs.html import text as escape
    from tejido.core.outputs.links import fix_links
    from tejido.core.outputs.pages.about import Settings as AboutSettings
    from tejido.core.outputs.pages.about import about_snippet, footer_links
    from tejido.core.outputs.pages.browse import browse_pages, home_summary, taxonomy_listing
    from tejido.core.outputs.pages.directory import directory_snippet, facets_data
    from tejido.core.outputs.pages.entry_page import attachment_url, entry_page
    from tejido.core.outputs.pages.listing import kind_listing
    from tejido.core.outputs.pages.reference import field_reference
    from tejido.core.outputs.pdf import (
        NO_PDFS,
        BuildReport,
        PdfCache,
        PdfEngineMissing,
        PdfJob,
        PdfRenderError,
        Published,
        build_pdfs,
        directory_jobs,
        guide_jobs,
    )
    from tejido.core.outputs.pdf.build import worker_count
    from tejido.core.outputs.plain_prose import plain_extensions, plain_html
    from tejido.core.outputs.plan import Planned, PlannedPages, PlanSettings, page_plan
    from tejido.core.outputs.render import THEME_DIR, Renderer, prose_markdown, toc_tokens
    from tejido.core.outputs.search.docs import entry_docs, header_search_texts
    from tejido.core.outputs.search.index import SEARCH_FOLDER, SearchDoc, build_index, page_doc
    from tejido.core.outputs.sitemap import SitemapPage, sitemap
    from tejido.core.outputs.template_class import TejidoContext, TejidoTemplate
    from tejido.core.outputs.urls import Urls, relative
    from tejido.core.outputs.views import PageView, SnippetView
    from tejido.core.sources.entry_cache import EntryCache, Sharing
    from tejido.core.sources.entry_store import FOLDER as CACHE_FOLDER
    from tejido.core.sources.entry_store import EntryStore
    from tejido.core.sources.importer.mapping import load_mapping, suggest_mapping
    from tejido.core.sources.importer.report import report_text as import_report_text
    from tejido.core.sources.importer.run import run_import
    from tejido.core.sources.importer.table import TableError, read_table
    from tejido.core.sources.layout import Layout
    from tejido.core.sources.load import LoadResult, load_project
    from tejido.core.sources.scaffold import SCHEMA_FOLDER, EntryExists, create_entry
    from tejido.core.sources.site_config import MESSAGES_SETTING, plugin_settings
    from tejido.core.validate.problems import MAX_SHOWN, Problem, Problems, omitted
    from tejido.core.validate.schema import schema_files

# Public name -> (module, name there).  Each module is imported when one of its names is
# first asked for (PEP 562), so `tejido check` does not load the templates, the PDF and
# open data producers or the spreadsheet reader it never uses.
_WHERE: dict[str, tuple[str, str]] = {
    "ALLY_KINDS": ("tejido.core.catalog.allies", "KINDS"),
    "AboutSettings": ("tejido.core.outputs.pages.about", "Settings"),
    "AllyIndex": ("tejido.core.catalog.allies", "AllyIndex"),
    "BuildReport": ("tejido.core.outputs.pdf", "BuildReport"),
    "CACHE_FOLDER": ("tejido.core.sources.entry_store", "FOLDER"),
    "CATALOG_JSON": ("tejido.core.outputs.export", "CATALOG_JSON"),
    "Catalog": ("tejido.core.catalog.catalog", "Catalog"),
    "DATA_ALIASES": ("tejido.core.outputs.data.settings", "DATA_ALIASES"),
    "DATA_FOLDER": ("tejido.core.outputs.data", "DATA_FOLDER"),
    "DEFAULT_LANGUAGE": ("tejido.core.model.fields", "DEFAULT_LANGUAGE"),
    "DUE_PATH": ("tejido.core.catalog.due", "DUE_PATH"),
    "Entry": ("tejido.core.model.model", "Entry"),
    "EntryCache": ("tejido.core.sources.entry_cache", "EntryCache"),
    "EntryExists": ("tejido.core.sources.scaffold", "EntryExists"),
    "EntryStore": ("tejido.core.sources.entry_store", "EntryStore"),
    "FRESHNESS_STATES": ("tejido.core.catalog.freshness", "STATES"),
    "FreshnessPolicy": ("tejido.core.catalog.freshness", "FreshnessPolicy"),
    "KINDS": ("tejido.core.model.fields", "KINDS"),
    "LANGUAGES": ("tejido.core.model.fields", "LANGUAGES"),
    "Layout": ("tejido.core.sources.layout", "Layout"),
    "LoadResult": ("tejido.core.sources.load", "LoadResult"),
    "MAX_SHOWN": ("tejido.core.validate.problems", "MAX_SHOWN"),
    "Msg": ("tejido.core.i18n.messages", "Msg"),
    "NO_PDFS": ("tejido.core.outputs.pdf", "NO_PDFS"),
    "OpenData": ("tejido.core.outputs.data", "OpenData"),
    "PageView": ("tejido.core.outputs.views", "PageView"),
    "PdfCache": ("tejido.core.outputs.pdf", "PdfCache"),
    "PdfEngineMissing": ("tejido.core.outputs.pdf", "PdfEngineMissing"),
    "PdfJob": ("tejido.core.outputs.pdf", "PdfJob"),
    "PdfRenderError": ("tejido.core.outputs.pdf", "PdfRenderError"),
    "PlanSettings": ("tejido.core.outputs.plan", "PlanSettings"),
    "Planned": ("tejido.core.outputs.plan", "Planned"),
    "PlannedPages": ("tejido.core.outputs.plan", "PlannedPages"),
    "Problem": ("tejido.core.validate.problems", "Problem"),
    "Problems": ("tejido.core.validate.problems", "Problems"),
    "Publication": ("tejido.core.outputs.data", "Publication"),
    "Published": ("tejido.core.outputs.pdf", "Published"),
    "Ref": ("tejido.core.model.model", "Ref"),
    "Renderer": ("tejido.core.outputs.render", "Renderer"),
    "TejidoContext": ("tejido.core.outputs.template_class", "TejidoContext"),
    "TejidoTemplate": ("tejido.core.outputs.template_class", "TejidoTemplate"),
    "SCHEMA_FOLDER": ("tejido.core.sources.scaffold", "SCHEMA_FOLDER"),
    "SEARCH_FOLDER": ("tejido.core.outputs.search.index", "SEARCH_FOLDER"),
    "SearchDoc": ("tejido.core.outputs.search.index", "SearchDoc"),
    "SitemapPage": ("tejido.core.outputs.sitemap", "SitemapPage"),
    "SnippetView": ("tejido.core.outputs.views", "SnippetView"),
    "TEXT_TABLES": ("tejido.core.i18n.labels", "TABLES"),
    "THEME_DIR": ("tejido.core.outputs.render", "THEME_DIR"),
    "TableError": ("tejido.core.sources.importer.table", "TableError"),
    "Urls": ("tejido.core.outputs.urls", "Urls"),
    "about_snippet": ("tejido.core.outputs.pages.about", "about_snippet"),
    "attachment_url": ("tejido.core.outputs.pages.entry_page", "attachment_url"),
    "browse_pages": ("tejido.core.outputs.pages.browse", "browse_pages"),
    "build_index": ("tejido.core.outputs.search.index", "build_index"),
    "build_open_data": ("tejido.core.outputs.data", "build_open_data"),
    "build_pdfs": ("tejido.core.outputs.pdf", "build_pdfs"),
    "build_report": ("tejido.core.catalog.report", "build_report"),
    "catalog_json": ("tejido.core.outputs.export", "catalog_json"),
    "choose_language": ("tejido.core.i18n.messages", "choose_language"),
    "MESSAGES_SETTING": ("tejido.core.sources.site_config", "MESSAGES_SETTING"),
    "plugin_settings": ("tejido.core.sources.site_config", "plugin_settings"),
    "worker_count": ("tejido.core.outputs.pdf.build", "worker_count"),
    "Sharing": ("tejido.core.sources.entry_cache", "Sharing"),
    "create_entry": ("tejido.core.sources.scaffold", "create_entry"),
    "data_feed_url": ("tejido.core.outputs.data.feeds", "feed_url"),
    "data_page": ("tejido.core.outputs.data.page", "data_page"),
    "directory_jobs": ("tejido.core.outputs.pdf", "directory_jobs"),
    "directory_snippet": ("tejido.core.outputs.pages.directory", "directory_snippet"),
    "due_feed": ("tejido.core.catalog.due", "due_feed"),
    "due_feed_url": ("tejido.core.catalog.due", "feed_url"),
    "due_page": ("tejido.core.catalog.due", "due_page"),
    "due_text": ("tejido.core.catalog.due", "due_text"),
    "entry_dates": ("tejido.core.outputs.data.feeds", "entry_dates"),
    "entry_docs": ("tejido.core.outputs.search.docs", "entry_docs"),
    "header_search_texts": ("tejido.core.outputs.search.docs", "header_search_texts"),
    "entry_page": ("tejido.core.outputs.pages.entry_page", "entry_page"),
    "escape": ("tejido.core.outputs.html", "text"),
    "facets_data": ("tejido.core.outputs.pages.directory", "facets_data"),
    "field_reference": ("tejido.core.outputs.pages.reference", "field_reference"),
    "find_allies": ("tejido.core.catalog.allies", "find_allies"),
    "allies_found": ("tejido.core.catalog.allies", "allies_found"),
    "fix_links": ("tejido.core.outputs.links", "fix_links"),
    "footer_links": ("tejido.core.outputs.pages.about", "footer_links"),
    "git_dates": ("tejido.core.outputs.data.feeds", "git_dates"),
    "guide_jobs": ("tejido.core.outputs.pdf", "guide_jobs"),
    "home_summary": ("tejido.core.outputs.pages.browse", "home_summary"),
    "import_report_text": ("tejido.core.sources.importer.report", "report_text"),
    "index_for": ("tejido.core.catalog.allies", "index_for"),
    "kind_listing": ("tejido.core.outputs.pages.listing", "kind_listing"),
    "label": ("tejido.core.i18n.labels", "label"),
    "licence": ("tejido.core.model.licences", "licence"),
    "load_mapping": ("tejido.core.sources.importer.mapping", "load_mapping"),
    "load_project": ("tejido.core.sources.load", "load_project"),
    "load_taxonomies": ("tejido.core.model.taxonomy", "load_taxonomies"),
    "omitted": ("tejido.core.validate.problems", "omitted"),
    "open_data_paths": ("tejido.core.outputs.data", "open_data_paths"),
    "page_doc": ("tejido.core.outputs.search.index", "page_doc"),
    "page_plan": ("tejido.core.outputs.plan", "page_plan"),
    "plain_extensions": ("tejido.core.outputs.plain_prose", "plain_extensions"),
    "plain_html": ("tejido.core.outputs.plain_prose", "plain_html"),
    "pool_size": ("tejido.core.catalog.allies", "pool_size"),
    "prose_markdown": ("tejido.core.outputs.render", "prose_markdown"),
    "read_table": ("tejido.core.sources.importer.table", "read_table"),
    "relative": ("tejido.core.outputs.urls", "relative"),
    "report_text": ("tejido.core.catalog.report", "report_text"),
    "run_import": ("tejido.core.sources.importer.run", "run_import"),
    "sanitize": ("tejido.core.outputs.html", "sanitize"),
    "say": ("tejido.core.i18n.messages", "say"),
    "schema_files": ("tejido.core.validate.schema", "schema_files"),
    "sitemap": ("tejido.core.outputs.sitemap", "sitemap"),
    "suggest_mapping": ("tejido.core.sources.importer.mapping", "suggest_mapping"),
    "taxonomy_listing": ("tejido.core.outputs.pages.browse", "taxonomy_listing"),
    "toc_tokens": ("tejido.core.outputs.render", "toc_tokens"),
}

__all__ = [
    "ALLY_KINDS", "CACHE_FOLDER", "CATALOG_JSON", "DATA_ALIASES", "DATA_FOLDER",
    "DEFAULT_LANGUAGE", "DUE_PATH", "FRESHNESS_STATES", "KINDS", "LANGUAGES", "MAX_SHOWN",
    "MESSAGES_SETTING",
    "NO_PDFS", "SCHEMA_FOLDER", "SEARCH_FOLDER", "TEXT_TABLES", "THEME_DIR", "AboutSettings",
    "AllyIndex", "BuildReport", "Catalog", "Entry", "EntryCache", "EntryExists", "EntryStore",
    "FreshnessPolicy", "Layout", "LoadResult", "Msg", "OpenData", "PageView", "PdfCache",
    "PdfEngineMissing", "PdfJob", "PdfRenderError", "PlanSettings", "Planned", "PlannedPages",
    "Problem", "Problems", "Publication", "Published", "Ref", "Renderer", "SearchDoc",
    "Sharing", "SitemapPage", "SnippetView", "TableError", "TejidoContext", "TejidoTemplate",
    "Urls", "about_snippet",
    "allies_found", "attachment_url",
    "browse_pages", "build_index", "build_open_data", "build_pdfs", "build_report",
    "catalog_json", "choose_language", "create_entry", "data_feed_url", "data_page",
    "directory_jobs", "directory_snippet", "due_feed", "due_feed_url", "due_page", "due_text",
    "entry_dates", "entry_docs", "entry_page", "escape", "facets_data", "field_reference",
    "find_allies", "fix_links", "footer_links", "git_dates", "guide_jobs",
    "header_search_texts", "home_summary", "import_report_text", "index_for", "kind_listing",
    "label", "licence", "load_mapping", "load_project", "load_taxonomies", "omitted",
    "open_data_paths", "page_doc", "page_plan", "plain_extensions", "plain_html",
    "plugin_settings", "pool_size",
    "prose_markdown", "read_table", "relative", "report_text", "run_import", "sanitize", "say",
    "schema_files", "sitemap", "suggest_mapping", "taxonomy_listing", "toc_tokens", "worker_count",
]


if not TYPE_CHECKING:  # hidden from mypy, so a name outside __all__ stays a type error

    def __getattr__(name: str) -> Any:
        if name not in _WHERE:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        module, attr = _WHERE[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value  # looked up once, then an ordinary module attribute
        return value

    def __dir__() -> list[str]:
        return sorted([*globals(), *__all__])
