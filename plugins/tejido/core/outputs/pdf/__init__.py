"""Printable documents: every Markdown guide and the whole directory as PDF.

Pure core, like the rest of `tejido.core`: producers turn the catalog into
HTML and CSS (`guide`, `directory`), `cache` keys a PDF by a hash of what goes
into it, `render` is the only place that touches WeasyPrint (imported lazily),
`build` ties them together, and `published` tells page producers which PDFs
exist, with their size and page count.  Nothing here imports MkDocs.
"""

from tejido.core.outputs.pdf.build import BuildReport, Output, build_pdfs
from tejido.core.outputs.pdf.cache import PdfCache, cache_key, engine_fingerprint
from tejido.core.outputs.pdf.directory import directory_jobs, directory_pdf_url, directory_source
from tejido.core.outputs.pdf.guide import guide_jobs, guide_languages, guide_pdf_url, guide_source
from tejido.core.outputs.pdf.jobs import PdfJob, PdfSource
from tejido.core.outputs.pdf.published import DIRECTORY, NO_PDFS, Published, PublishedPdf
from tejido.core.outputs.pdf.render import PdfEngineMissing, PdfRenderError, Rendered, render_pdf

__all__ = [
    "DIRECTORY",
    "NO_PDFS",
    "BuildReport",
    "Output",
    "PdfCache",
    "PdfEngineMissing",
    "PdfJob",
    "PdfRenderError",
    "PdfSource",
    "Published",
    "PublishedPdf",
    "Rendered",
    "build_pdfs",
    "cache_key",
    "directory_jobs",
    "directory_pdf_url",
    "directory_source",
    "engine_fingerprint",
    "guide_jobs",
    "guide_languages",
    "guide_pdf_url",
    "guide_source",
    "render_pdf",
]
