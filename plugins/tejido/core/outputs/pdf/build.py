"""Render what is not cached yet, in parallel, and say what was done."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
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
    seconds: float = 0.0
    """Rendering time, CPU time and peak memory of its worker (0 when from the cache)."""
    cpu_seconds: float = 0.0
    peak_rss_kb: int = 0

    def published(self) -> PublishedPdf:
        return PublishedPdf(owner=self.job.owner, url=self.job.url, lang=self.job.lang,
                            title=self.job.title, size=self.size, pages=self.pages,
                            part=self.job.part)


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
        text = (f"{len(self.outputs)} PDFs: {self.rendered} rendered, {self.cached} from cache "
                f"({self.seconds:.1f} s)")
        made = [output for output in self.outputs if output.rendered and output.seconds]
        if made:
            slowest = max(made, key=lambda output: output.seconds)
            peak = max(output.peak_rss_kb for output in made)
            text += (f"; slowest {slowest.job.url} {slowest.seconds:.1f} s, "
                     f"peak memory of a worker {peak // 1024} MB")
        return text


def worker_count(wanted: int, jobs: int) -> int:
    """`wanted` 0 means one per CPU core; never more workers than jobs."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(wanted or cores or 1, jobs))


def _named(name: str, error: PdfRenderError) -> PdfRenderError:
    return PdfRenderError(f"{name}: {error}")


def _spill(folder: Path, key: str, source: PdfSource) -> Path:
    """A source waiting for its turn, in a file rather than in memory (a cold build of a
    large directory would otherwise hold all of its HTML at once)."""
    path = folder / f"{key}.source"
    path.write_bytes(pickle.dumps(source, protocol=pickle.HIGHEST_PROTOCOL))
    return path


def render_spilled(render: Renderer, path: Path) -> Rendered:
    """Top-level, so worker processes can run it: a source from its file, rendered.  The
    file is one this build wrote a moment ago in its own folder of the cache."""
    source: PdfSource = pickle.loads(path.read_bytes())
    return render(source)


def _render_all(waiting: Mapping[str, Path], workers: int,
                render: Renderer) -> dict[str, Rendered]:
    """Render each waiting source (keyed by its PDF's name); errors name the PDF."""
    if waiting and render is render_pdf:
        load_engine()  # here, so that a missing library gives one message, not one per worker
    if workers <= 1 or len(waiting) <= 1:
        results = {}
        for name, path in waiting.items():
            try:
                results[name] = render_spilled(render, path)
            except PdfRenderError as error:
                raise _named(name, error) from None
        return results
    # forkserver: workers start from a clean process (safe under `mkdocs serve`'s threads),
    # forked from a server that has already imported WeasyPrint.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload([render_pdf.__module__, "weasyprint"])
    # Longest first, so that a big part does not start last.
    order = sorted(waiting, key=lambda name: -waiting[name].stat().st_size)
    # One PDF per worker process: WeasyPrint's memory is not given back between
    # documents, so a long-lived worker would hold the peak of the largest one it made.
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             max_tasks_per_child=1) as pool:
        futures = {name: pool.submit(render_spilled, render, waiting[name]) for name in order}
        try:
            return {name: future.result() for name, future in futures.items()}
        except PdfRenderError as error:
            name = next(n for n, f in futures.items() if f.done() and f.exception() is error)
            raise _named(name, error) from None
        except BrokenProcessPool:
            raise PdfRenderError("a process rendering PDFs stopped (out of memory?); "
                                 "try `workers: 1` under `tejido/pdf` in mkdocs.yml") from None


def build_pdfs(jobs: Sequence[PdfJob], cache: PdfCache, workers: int = 1,
               render: Renderer = render_pdf, prune: bool = False) -> BuildReport:
    """Every job's PDF, from the cache or freshly rendered (then cached).  A job's source
    is made once, to be hashed (or not at all when the job has a key of its own), and
    kept (in a file) only if its PDF must be rendered.  With `prune`, cached PDFs no
    job needs any more are removed."""
    start = time.perf_counter()
    cache.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="waiting-", dir=cache.folder) as folder:
        keys: list[str] = []
        missing: dict[str, PdfJob] = {}
        waiting: dict[str, Path] = {}
        for job in jobs:
            source: PdfSource | None = None
            if job.key is not None:
                key = job.key()
            else:
                source = job.source
                key = cache_key(source)
            keys.append(key)
            if key not in missing and cache.get(key) is None:
                missing[key] = job
                waiting[job.url] = _spill(Path(folder), key, source or job.source)
        results = _render_all(waiting, worker_count(workers, len(waiting)), render)
    fresh = {key: results[job.url] for key, job in missing.items()}
    for key, result in fresh.items():
        cache.put(key, result.data, result.warnings)
    outputs = []
    for job, key in zip(jobs, keys, strict=True):
        path = cache.path(key)
        made = fresh.get(key)
        outputs.append(Output(job, path, path.stat().st_size, cache.pages(key),
                              rendered=made is not None, warnings=cache.warnings(key),
                              seconds=made.seconds if made else 0.0,
                              cpu_seconds=made.cpu_seconds if made else 0.0,
                              peak_rss_kb=made.peak_rss_kb if made else 0))
    if prune:  # what an edit replaced, so the cache does not grow with every edit
        cache.prune(set(keys))
    return BuildReport(tuple(outputs), time.perf_counter() - start)
