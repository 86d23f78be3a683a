"""How long a catalog takes to build, and Tejido's own share of it.

    python bench/build_time.py --organizations 1000 [--organizations 5000] [--sample]
                               [--workers N]

For each size: a synthetic catalog in a temporary folder; Tejido's own work
(load + validate + index, then producing every page's text in both
languages) timed in-process; then a full `mkdocs build --strict` timed as a
subprocess, as a user would run it.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import REPO, make_catalog
from tejido.core import LANGUAGES, Layout, Urls, browse_pages, entry_page, load_project


def tejido_share(project: Path) -> tuple[float, float, int]:
    start = time.perf_counter()
    result = load_project(Layout(project))
    assert not result.problems, result.problems.report()
    loaded = time.perf_counter()
    pages = 0
    for lang in LANGUAGES:
        for entry in result.catalog.entries.values():
            entry_page(result.catalog, entry, lang, Urls(), project)
            pages += 1
        pages += sum(1 for _ in browse_pages(result.catalog, lang, Urls()))
    return loaded - start, time.perf_counter() - loaded, pages


def mkdocs_build(project: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one build.  CPU time moves less
    than wall-clock time when other work shares the machine."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                    str(project / "site")], cwd=project, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - start, cpu


def report(name: str, project: Path) -> None:
    load, produce, pages = tejido_share(project)
    total, cpu = mkdocs_build(project)
    html_pages = sum(1 for _ in (project / "site").rglob("*.html"))
    print(f"{name}: {html_pages} HTML pages; mkdocs build --strict {total:.1f} s "
          f"({cpu:.1f} s CPU); "
          f"Tejido load+validate+index {load:.2f} s, page text {produce:.2f} s "
          f"({pages} generated pages), together {100 * (load + produce) / total:.0f}% of the build")


def with_workers(config: Path, workers: int) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - tejido/catalog:\n",
                                   f"  - tejido/catalog:\n      workers: {workers}\n", 1),
                      encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, action="append", default=[])
    parser.add_argument("--sample", action="store_true", help="also time the sample catalog")
    parser.add_argument("--workers", type=int, default=None,
                        help="the catalog plugin's `workers` setting (default: the sample's)")
    args = parser.parse_args()
    if args.sample:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                            str(site)], cwd=REPO, check=True,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            print(f"sample catalog: mkdocs build --strict {time.perf_counter() - start:.1f} s")
    for count in args.organizations or [1000]:
        with tempfile.TemporaryDirectory() as tmp:
            project = make_catalog(Path(tmp), count)
            if args.workers is not None:
                with_workers(project / "mkdocs.yml", args.workers)
            report(f"{count} organizations", project)


if __name__ == "__main__":
    main()
