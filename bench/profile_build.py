"""Where a `mkdocs build --strict` spends its time, per plugin hook and per stage.

    python bench/profile_build.py --organizations 10000 [--project DIR] [--top 30]
                                  [--site DIR] [--dump FILE]

Generates a synthetic catalog (or reuses `--project`), then runs MkDocs' own `build`
in this process under cProfile (PDFs off).  Reported: the cumulative seconds of every
plugin hook (`on_files`, `on_page_content`, …, summed over the calls), of MkDocs' big
stages (reading pages, rendering templates, Markdown) and the functions with the most
time of their own.  cProfile slows Python code about 1.5–2×: read the shares, not the
seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
import time
from pathlib import Path

from synthetic import make_catalog

STAGES = {
    "mkdocs _populate_page (read + Markdown + page hooks)": ("build.py", "_populate_page"),
    "mkdocs _build_page (context + template + page hooks)": ("build.py", "_build_page"),
    "Page.render (Markdown)": ("pages.py", "render"),
    "jinja Template.render": ("environment.py", "render"),
    "Material partials/nav.html": ("nav.html", "root"),
    "Material partials/tabs.html": ("tabs.html", "root"),
    "copy static files": ("files.py", "copy_static_files"),
    "tejido load_project": ("load.py", "load_project"),
}


def profile(project: Path, out: Path) -> tuple[pstats.Stats, float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["TEJIDO_PDF"] = "false"
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out), strict=True)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    build(config)
    profiler.disable()
    return pstats.Stats(profiler), time.perf_counter() - start


def hooks(stats: pstats.Stats) -> list[tuple[float, int, str]]:
    """Cumulative time of every `on_*` method of a plugin (and Tejido's helpers)."""
    rows = []
    for (file, _, name), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "site-packages/mkdocs/" in file and "/plugins.py" in file:
            continue  # the event dispatcher itself
        if name.startswith(("on_", "_add_pages", "_write_search", "_finish_site")) and (
                "plugin" in file or "glue" in file):
            rows.append((cumulative, calls, f"{Path(file).parent.name}/{Path(file).name}:{name}"))
    return sorted(rows, reverse=True)


def stage(stats: pstats.Stats, suffix: str, name: str) -> tuple[float, int]:
    total, count = 0.0, 0
    for (file, _, function), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if file.endswith(suffix) and function == name:
            total, count = max(total, cumulative), calls
    return total, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=10000)
    parser.add_argument("--project", type=Path)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--dump", type=Path, help="also write the raw profile here")
    parser.add_argument("--site", type=Path, help="build into this folder (kept: a second "
                        "run with the same --project and --site is an incremental build)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = args.project or make_catalog(Path(tmp), args.organizations)
        stats, wall = profile(project, args.site or Path(tmp) / "site")
        if args.dump:
            stats.dump_stats(str(args.dump))
        print(f"build under cProfile: {wall:.1f} s wall, load average {os.getloadavg()[0]:.1f}")
        print("\n-- plugin hooks (cumulative s, calls)")
        for cumulative, calls, name in hooks(stats):
            print(f"{cumulative:8.1f}  {calls:7d}  {name}")
        print("\n-- stages (cumulative s, calls)")
        for label, (suffix, name) in STAGES.items():
            seconds, calls = stage(stats, suffix, name)
            print(f"{seconds:8.1f}  {calls:7d}  {label}")
        print(f"\n-- top {args.top} by own time")
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
