"""How long the PDFs take: every guide and the directory, cold and warm.

    python bench/pdf_time.py [--workers N] [--no-site] [--organizations 1000]
                             [--largest K]

1. The sample catalog's PDFs through the core, as the `tejido/pdf` plugin makes
   them: producing the HTML, rendering into an empty cache (cold), then again
   with nothing changed (warm: every PDF comes from the cache).
2. A whole `mkdocs build --strict` of a copy of the sample catalog, cold (empty
   PDF cache) and warm, as `make build` runs it.
3. With --organizations N: the directory's parts (core/pdf/parts.py) for a
   synthetic catalog of N organizations: how many, how large, how long cutting
   them and computing their cache keys takes; then each part rendered in the
   worker pool, with its pages, time, CPU time and the peak memory of its worker (a
   worker renders one PDF and ends), the total, and how many parts one edited
   organization makes render again.  With
   --largest K only the K largest parts of each language are rendered (the budget
   is per part; rendering all of them at 10,000 takes hours of CPU on a small
   machine), and the total is estimated from their CPU time per organization.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import REPO, make_catalog
from tejido.core import (
    Layout,
    PdfCache,
    PdfJob,
    Urls,
    build_pdfs,
    directory_jobs,
    guide_jobs,
    load_project,
)

PROJECT_PARTS = ("mkdocs.yml", "content", "directory", "practices", "taxonomies")


def core_times(root: Path, workers: int, directory_only: bool = False) -> None:
    catalog = load_project(Layout(root)).catalog
    start = time.perf_counter()
    jobs = directory_jobs(catalog, Urls())
    if not directory_only:
        jobs = guide_jobs(catalog, Urls(), root) + jobs
    produced = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        cache = PdfCache(Path(tmp))
        cold = build_pdfs(jobs, cache, workers=workers)
        warm = build_pdfs(jobs, cache, workers=workers)
    for output in cold.outputs:
        print(f"  {output.job.url}: {output.pages} pages, {output.size // 1024} KB")
    print(f"  HTML for {len(jobs)} PDFs: {produced:.2f} s; cold: {cold.summary()}; "
          f"warm: {warm.summary()}")


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f}"


def _members(job: PdfJob) -> int:
    return len(job.part.members) if job.part else 0


def _chosen(jobs: list[PdfJob], largest: int) -> list[PdfJob]:
    """The parts with the most organizations (those with the most HTML), per language."""
    if not largest:
        return jobs
    chosen: list[PdfJob] = []
    for lang in dict.fromkeys(job.lang for job in jobs):
        mine = sorted((job for job in jobs if job.lang == lang), key=lambda j: -_members(j))
        chosen.extend(mine[:largest])
    return chosen


def _edited(root: Path, before: dict[str, str]) -> int:
    """How many parts change when one organization's summary is edited."""
    path = sorted((root / "directory/organizations").glob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    edited = text.replace("summary:\n  en: ", "summary:\n  en: Edited. ", 1)
    assert edited != text, path
    path.write_text(edited,
                    encoding="utf-8")
    try:
        after = directory_jobs(load_project(Layout(root)).catalog, Urls())
    finally:
        path.write_text(text, encoding="utf-8")
    return sum(1 for job in after if before.get(job.url) != _key(job))


def _key(job: PdfJob) -> str:
    assert job.key is not None, job.url  # the directory's parts are keyed by their inputs
    return job.key()


def parts_times(root: Path, workers: int, largest: int) -> None:
    catalog = load_project(Layout(root)).catalog
    start = time.perf_counter()
    jobs = directory_jobs(catalog, Urls())
    cut = time.perf_counter() - start
    start = time.perf_counter()
    keys = {job.url: _key(job) for job in jobs}
    keyed = time.perf_counter() - start
    sizes = sorted(_members(job) for job in jobs if job.lang == "es")
    print(f"  {len(jobs)} PDFs ({len(jobs) // 2} parts x 2 languages), cut in {cut:.1f} s; "
          f"their cache keys (from inputs, no HTML: what a build with nothing changed does) "
          f"in {keyed:.1f} s; organizations per part: median {sizes[len(sizes) // 2]}, "
          f"largest {sizes[-1]}, in all {sum(sizes)} (x 2 languages)")
    chosen = _chosen(jobs, largest)
    start = time.perf_counter()
    html = sum(len(job.source.html) for job in chosen)
    print(f"  HTML of the {len(chosen)} to render: {html // 1024} KB in "
          f"{time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        cache = PdfCache(Path(tmp))
        print(f"  rendering {len(chosen)} of them ({_load()})")
        cpu = time.process_time()
        cold = build_pdfs(chosen, cache, workers=workers)
        warm = build_pdfs(chosen, cache, workers=workers)
    for output in sorted(cold.outputs, key=lambda o: -o.seconds):
        assert output.job.part is not None
        print(f"    {output.job.url}: {len(output.job.part.members)} organizations, "
              f"{output.pages} pages, {output.size // 1024} KB, {output.seconds:.1f} s "
              f"({output.cpu_seconds:.1f} s CPU), peak RSS {output.peak_rss_kb // 1024} MB")
    worker_cpu = sum(o.cpu_seconds for o in cold.outputs)
    print(f"  cold: {cold.summary()}; CPU of the workers {worker_cpu:.0f} s, of this process "
          f"{time.process_time() - cpu:.0f} s ({_load()})")
    print(f"  warm: {warm.summary()}")
    if len(chosen) < len(jobs):
        per_member = worker_cpu / sum(_members(o.job) for o in cold.outputs)
        total = per_member * sum(_members(job) for job in jobs)
        print(f"  all {len(jobs)} PDFs, estimated from CPU time per organization printed: "
              f"{total:.0f} s of CPU (~{total / worker_count_of(workers) / 60:.0f} min on "
              f"{worker_count_of(workers)} idle cores)")
    print(f"  one organization's English summary edited: {_edited(root, keys)} of {len(jobs)} PDFs "
          "to render again")


def worker_count_of(wanted: int) -> int:
    return wanted or len(os.sched_getaffinity(0))


def mkdocs_build(project: Path) -> tuple[float, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d",
                             str(project / "site")], cwd=project, env=env, check=True,
                            capture_output=True, text=True)
    found = re.search(r"Tejido: (\d+ PDFs: .*)", result.stderr + result.stdout)
    return time.perf_counter() - start, found.group(1) if found else "no PDFs"


def site_times() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for part in PROJECT_PARTS:
            source = REPO / part
            if source.is_dir():
                shutil.copytree(source, project / part)
            else:
                shutil.copy(source, project / part)
        for name in ("cold", "warm"):
            seconds, line = mkdocs_build(project)
            print(f"  mkdocs build --strict, {name}: {seconds:.1f} s ({line})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=0, help="0: one per CPU core")
    parser.add_argument("--no-site", action="store_true", help="skip the mkdocs builds")
    parser.add_argument("--organizations", type=int, action="append", default=[])
    parser.add_argument("--largest", type=int, default=0,
                        help="render only the K largest parts of each language (0: all)")
    parser.add_argument("--no-sample", action="store_true", help="skip the sample catalog")
    args = parser.parse_args()
    if not args.no_sample:
        print("sample catalog, core:")
        core_times(REPO, args.workers)
    if not args.no_site:
        print("sample catalog, site:")
        site_times()
    for count in args.organizations:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"{count} synthetic organizations, the directory's parts (es, en):")
            parts_times(make_catalog(Path(tmp), count), args.workers, args.largest)


if __name__ == "__main__":
    main()
