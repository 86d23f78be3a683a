"""The size of every open-data download, and the time the open data adds to a build.

    python bench/opendata_bench.py --sample --organizations 10000 [--build]

For the sample catalog and each synthetic size (bench/synthetic.py): every download the
data page lists (size, records), the HSDS tables and the feeds in total, and the time
Tejido takes to produce all of it (CSV, JSON, data package, HSDS, DCAT, feeds, and the
git pass for dates), in-process. With --build, also a full `mkdocs build --strict`
(PDFs off) for scale.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import REPO, make_catalog
from tejido.core import (
    DATA_FOLDER,
    Layout,
    Publication,
    Urls,
    build_open_data,
    entry_dates,
    git_dates,
    load_project,
)


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def measure(name: str, project: Path, build: bool) -> None:
    result = load_project(Layout(project))
    assert not result.problems, result.problems.report()
    catalog = result.catalog
    site = Publication(site_url="https://tejido.example.org/",
                       description={"es": "Directorio", "en": "Directory"})
    start, cpu = time.perf_counter(), time.process_time()
    history = git_dates(project, (e.source for e in catalog.entries.values()))
    dates = entry_dates(catalog, history)
    data = build_open_data(catalog, Urls(), site, dates)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    # CPU seconds too: on a shared machine the wall clock mostly measures the neighbours.
    print(f"\n## {name}: {len(catalog)} entries; open data produced in {took:.2f} s "
          f"({cpu:.2f} CPU s)")
    print(f"{'file':34} {'format':30} {'size':>10} {'records':>8}")
    for d in data.downloads:
        records = "" if d.records is None else str(d.records)
        print(f"{d.path:34} {d.format:30} {kb(d.size):>10} {records:>8}")
    for lang in ("es", "en"):
        folder = f"{DATA_FOLDER}/hsds-{lang}/"
        total = sum(len(b) for p, b in data.files.items() if p.startswith(folder))
        print(f"{'hsds-' + lang + '/ (all 10 files)':34} {'':30} {kb(total):>10}")
    feeds = [b for p, b in data.files.items() if "feeds/" in p]
    print(f"{'feeds (both languages)':34} {f'{len(feeds)} Atom files':30} "
          f"{kb(sum(map(len, feeds))):>10}")
    everything = sum(len(b) for b in data.files.values())
    print(f"{'everything':34} {f'{len(data.files)} files':30} {kb(everything):>10}")
    if build:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TEJIDO_PDF": "false"}
        start, before = time.perf_counter(), os.times()
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                            out], cwd=project, env=env, check=True)
        total, after = time.perf_counter() - start, os.times()
        build_cpu = (after.children_user + after.children_system
                     - before.children_user - before.children_system)
        print(f"mkdocs build --strict (PDFs off): {total:.1f} s ({build_cpu:.1f} CPU s); the "
              f"open data is {100 * cpu / build_cpu:.1f}% of its CPU time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, action="append", default=[])
    parser.add_argument("--sample", action="store_true")
    parser.add_argument("--build", action="store_true", help="also time a full build")
    args = parser.parse_args()
    if args.sample:  # the repository itself, so feed dates may come from its git history
        measure("sample catalog", REPO, args.build)
    for count in args.organizations:
        with tempfile.TemporaryDirectory() as tmp:
            measure(f"{count} organizations", make_catalog(Path(tmp), count), args.build)


if __name__ == "__main__":
    main()
