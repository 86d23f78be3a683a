"""The `tejido/pdf` plugin: every Markdown guide and the whole directory as PDF.

All the work is in `tejido.core.outputs.pdf`; this adapter picks the jobs, hands them
to the core (which renders only what its cache lacks) and publishes the files.

mkdocs-static-i18n builds the site once per language with the same plugin
objects.  PDFs of every language are made once, in the first (Spanish) pass,
before any page text is produced, so that each guide page and the home page can
list them with their size and page count.  Like attached files, they are
published once, from the site root: `guias/<id>/<id>-<lang>.pdf` and
`directorio-<lang>.pdf`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from tejido.core import (
    DEFAULT_LANGUAGE,
    BuildReport,
    Catalog,
    PdfCache,
    PdfEngineMissing,
    PdfJob,
    PdfRenderError,
    Published,
    Ref,
    Urls,
    build_pdfs,
    directory_jobs,
    guide_jobs,
)
from tejido.glue import building_language
from tejido.glue.pdf_config import PdfConfig

log = logging.getLogger("mkdocs.plugins.tejido.pdf")
CATALOG_PLUGIN = "tejido/catalog"


def _made_from(catalog: Catalog, owner: str) -> str:
    """' (from content/guides/x.md)' for a guide's PDF, so a warning names the source."""
    ref = Ref.parse(owner)
    entry = catalog.entries.get(ref) if ref else None
    return f" (from {entry.source})" if entry else ""


class PdfPlugin(BasePlugin[PdfConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.command = "build"
        self.active = False
        self.root = Path()
        self.report: BuildReport | None = None
        self._made_for: Catalog | None = None
        """The catalog the current PDFs were made from (one per build, all languages)."""
        self.published = Published()
        """What the pages may link to; tejido/catalog reads it (see `CatalogPlugin`)."""

    # With on_startup, MkDocs keeps this object across `mkdocs serve` rebuilds.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # Any priority: it only reads our settings; the catalog is read later, in on_files.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        serving = self.command == "serve"
        self.active = self.config.enabled and (self.config.on_serve or not serving)
        self.root = Path(config.config_file_path or ".").resolve().parent
        if not self.active:
            self.published.clear()
            if self.config.enabled and serving and building_language(config) == DEFAULT_LANGUAGE:
                log.info("Tejido: PDFs are off under `mkdocs serve` (set on_serve: true to "
                         "make them); `mkdocs build` makes them all")
        return config

    def _catalog(self, config: MkDocsConfig) -> Catalog | None:
        plugin = config.plugins.get(CATALOG_PLUGIN)
        if plugin is None:
            raise PluginError(f"tejido/pdf needs the {CATALOG_PLUGIN} plugin: list it in "
                              "mkdocs.yml's plugins, before tejido/pdf")
        catalog: Catalog | None = getattr(plugin, "catalog", None)
        return catalog

    # After i18n (-100), which crashes on files added before it; before tejido/catalog's
    # pages (-110), so that guide and home pages can list the PDFs with size and pages.
    @event_priority(-105)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.active:
            return files
        catalog = self._catalog(config)
        if catalog is None:  # tejido/catalog is disabled
            self.published.clear()
            return files
        if catalog is not self._made_for:
            self.report = self._make(catalog, config)
            self._made_for = catalog
        if building_language(config) == DEFAULT_LANGUAGE and self.report is not None:
            for output in self.report.outputs:
                files.append(File.generated(config, output.job.url, abs_src_path=str(output.path)))
        return files

    def _jobs(self, catalog: Catalog, config: MkDocsConfig) -> list[PdfJob]:
        urls = Urls(directory_urls=config.use_directory_urls)
        site_url = config.site_url or None
        jobs: list[PdfJob] = []
        if self.config.guides:
            jobs.extend(guide_jobs(catalog, urls, self._catalog_root(config), site_url))
        if self.config.directory:
            jobs.extend(directory_jobs(catalog, urls, site_url))
        return jobs

    def _catalog_root(self, config: MkDocsConfig) -> Path:
        plugin = config.plugins.get(CATALOG_PLUGIN)
        root = getattr(plugin, "root", None)
        return Path(root) if root else self.root

    def _make(self, catalog: Catalog, config: MkDocsConfig) -> BuildReport:
        cache = PdfCache(self.root / self.config.cache_dir)
        jobs = self._jobs(catalog, config)
        try:
            report = build_pdfs(jobs, cache, workers=self.config.workers)
        except (PdfEngineMissing, PdfRenderError) as error:
            self.published.clear()
            raise PluginError(f"Tejido PDFs: {error}") from None
        for output in report.outputs:
            for warning in output.warnings:
                log.warning("Tejido PDF %s%s: %s", output.job.url,
                            _made_from(catalog, output.job.owner),
                            warning.replace(self.root.as_uri() + "/", "").replace(
                                str(self.root) + "/", ""))
        self.published.replace(output.published() for output in report.outputs)
        log.info("Tejido: %s", report.summary())
        return report
