"""Render what is not cached yet, in parallel, and say what was done."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from tejido.core.outputs.pdf.cache import PdfCache, cache_key
from tejido.core.outputs.pdf.jobs import PdfJob, PdfSource
from tejido.core.outputs.pdf.published import PublishedPdf
from tejido.core.outputs.pdf.render import PdfRenderError, Rendered, load_engine, render_pdf
from tejido.core.sources.attachments import pdf_pages

Renderer = Callable[[PdfSource], Rendered]


@dataclass(frozen=True)
class Output:
    job: PdfJob
    path: Path
    """The PDF in the cache (content-addressed, so it never changes under a key)."""
    size: int
    pages: int
    rendered: bool
    """False when it came from the cache."""
    warnings: tuple[str, ...] = ()

    def published(self) -> PublishedPdf:
        return PublishedPdf(owner=self.job.owner, url=self.job.url, lang=self.job.lang,
                            title=self.job.title, size=self.size, pages=self.pages)


@dataclass(frozen=True)
class BuildReport:
    outputs: tuple[Output, ...]
    seconds: float

    @property
    def rendered(self) -> int:
        return sum(1 for output in self.outputs if output.rendered)

    @property
    def cached(self) -> int:
        return len(self.outputs) - self.rendered

    def summary(self) -> str:
        return (f"{len(self.outputs)} PDFs: {self.rendered} rendered, {self.cached} from cache "
                f"({self.seconds:.1f} s)")


def worker_count(wanted: int, jobs: int) -> int:
    """`wanted` 0 means one per CPU core; never more workers than jobs."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(wanted or cores or 1, jobs))


def _named(name: str, error: PdfRenderError) -> PdfRenderError:
    return PdfRenderError(f"{name}: {error}")


def _render_all(sources: Mapping[str, PdfSource], workers: int,
                render: Renderer) -> dict[str, Rendered]:
    """Render each source (keyed by its PDF's name); errors name the PDF."""
    if sources and render is render_pdf:
        load_engine()  # here, so that a missing library gives one message, not one per worker
    if workers <= 1 or len(sources) <= 1:
        results = {}
        for name, source in sources.items():
            try:
                results[name] = render(source)
            except PdfRenderError as error:
                raise _named(name, error) from None
        return results
    # forkserver: workers start from a clean process (safe under `mkdocs serve`'s threads),
    # forked from a server that has already imported WeasyPrint.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload([render_pdf.__module__, "weasyprint"])
    # Longest first, so that a big directory does not start last.
    order = sorted(sources, key=lambda name: -len(sources[name].html))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {name: pool.submit(render, sources[name]) for name in order}
        try:
            return {name: future.result() for name, future in futures.items()}
        except PdfRenderError as error:
            name = next(n for n, f in futures.items() if f.done() and f.exception() is error)
            raise _named(name, error) from None
        except BrokenProcessPool:
            raise PdfRenderError("a process rendering PDFs stopped (out of memory?); "
                                 "try `workers: 1` under `tejido/pdf` in mkdocs.yml") from None


def build_pdfs(jobs: Sequence[PdfJob], cache: PdfCache, workers: int = 1,
               render: Renderer = render_pdf) -> BuildReport:
    """Every job's PDF, from the cache or freshly rendered (then cached)."""
    start = time.perf_counter()
    keys = [cache_key(job.source) for job in jobs]
    missing: dict[str, PdfJob] = {}
    for job, key in zip(jobs, keys, strict=True):
        if cache.get(key) is None:
            missing.setdefault(key, job)
    sources = {job.url: job.source for job in missing.values()}
    results = _render_all(sources, worker_count(workers, len(sources)), render)
    fresh = {key: results[job.url] for key, job in missing.items()}
    for key, result in fresh.items():
        cache.put(key, result.data, result.warnings)
    outputs = []
    for job, key in zip(jobs, keys, strict=True):
        path = cache.path(key)
        outputs.append(Output(job, path, path.stat().st_size, pdf_pages(path),
                              rendered=key in fresh, warnings=cache.warnings(key)))
    return BuildReport(tuple(outputs), time.perf_counter() - start)
