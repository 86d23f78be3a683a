"""How long the PDFs take: every guide and the directory, cold and warm.

    python bench/pdf_time.py [--workers N] [--no-site] [--organizations 200]

1. The sample catalog's PDFs through the core, as the `tejido/pdf` plugin makes
   them: producing the HTML, rendering into an empty cache (cold), then again
   with nothing changed (warm: every PDF comes from the cache).
2. A whole `mkdocs build --strict` of a copy of the sample catalog, cold (empty
   PDF cache) and warm, as `make build` runs it.
3. With --organizations N: the directory PDF of a synthetic catalog of N
   organizations, to see how it grows.
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
from tejido.core import Layout, PdfCache, Urls, build_pdfs, directory_jobs, guide_jobs, load_project

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
    args = parser.parse_args()
    print("sample catalog, core:")
    core_times(REPO, args.workers)
    if not args.no_site:
        print("sample catalog, site:")
        site_times()
    for count in args.organizations:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"{count} synthetic organizations, directory PDFs (es, en):")
            core_times(make_catalog(Path(tmp), count), args.workers, directory_only=True)


if __name__ == "__main__":
    main()
