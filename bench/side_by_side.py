"""Tejido, plain MkDocs + Material + static-i18n and Hugo on the same number of pages,
in one run with interleaved repetitions.

    python bench/side_by_side.py --organizations 10000 [--repeat 3] [--project DIR]
                                 [--incremental] [--mkdocs-loop]

A synthetic catalog of N organizations is built once by Tejido (a warm-up that also
counts its HTML pages); peer corpora with as many pages per language are generated
(`peers.py`); then each repetition builds every system once, the order rotating
between repetitions so that a burst of load on this shared machine does not always
land on the same one.  Reported per system: the median wall-clock and CPU seconds
(user + system of the build and its children) and the load average, then the ratios
to plain Material.  With `--incremental`, Tejido is also rebuilt with nothing changed
(its page cache kept) in each repetition; with `--mkdocs-loop`, Tejido with
`fast_build: false` too (MkDocs' loop renders every page: Tejido as it was).  Hugo is
skipped if `hugo` is not installed (Debian: `apt-get install hugo`).  PDFs are off
(`TEJIDO_PDF=false`).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from peers import make_hugo, make_material
from synthetic import make_catalog

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TEJIDO_PDF": "false"}


Run = tuple[float, float, float, float]
"""Wall and CPU seconds, the load average before, peak memory (MB) of one build."""


def timed(command: list[str], cwd: Path) -> Run:
    """One build, measured (peak memory by GNU time, when installed: /usr/bin/time)."""
    load = os.getloadavg()[0]
    with tempfile.NamedTemporaryFile("r") as peak:
        if Path("/usr/bin/time").exists():
            command = ["/usr/bin/time", "-f", "%M", "-o", peak.name, *command]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        kilobytes = peak.read().strip().splitlines()
    memory = int(kilobytes[-1]) / 1024 if kilobytes and kilobytes[-1].isdigit() else 0.0
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, load, memory


def mkdocs(project: Path, site: str = "site") -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
            str(project / site)]


def settle(project: Path) -> None:
    """Wait (untimed) until the site a Tejido build replaced is deleted: a large one goes
    away in a process of its own after the build, which would share the next build's
    processor time."""
    deadline = time.monotonic() + 300
    while any(project.glob(".site*.tejido-old-*")) and time.monotonic() < deadline:
        time.sleep(0.2)


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--project", type=Path, help="a synthetic catalog generated before")
    parser.add_argument("--incremental", action="store_true")
    parser.add_argument("--mkdocs-loop", action="store_true",
                        help="also Tejido with fast_build: false (MkDocs renders every page)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.project:
            tejido = args.project
        else:
            (work / "tejido").mkdir()
            tejido = make_catalog(work / "tejido", args.organizations)
        shutil.rmtree(tejido / ".cache" / "tejido", ignore_errors=True)
        wall, cpu, load, _ = timed(mkdocs(tejido, "site-warmup"), tejido)
        pages = html_pages(tejido / "site-warmup")
        print(f"Tejido warm-up: {pages} HTML pages, {wall:.1f} s wall, {cpu:.1f} s CPU, "
              f"load {load:.1f}", flush=True)
        shutil.rmtree(tejido / "site-warmup")
        per_language = pages // 2
        material = make_material(work / "material", per_language)
        systems: dict[str, Callable[[], list[str]]] = {
            "tejido (cold)": lambda: mkdocs(tejido),
            "material": lambda: mkdocs(material),
        }
        cwd = {"tejido (cold)": tejido, "material": material}
        if args.mkdocs_loop:  # Tejido as before it rendered its own pages: fast_build false
            loop = tejido / "mkdocs-loop.yml"
            loop.write_text((tejido / "mkdocs.yml").read_text(encoding="utf-8").replace(
                "  - tejido/catalog:\n", "  - tejido/catalog:\n      fast_build: false\n", 1),
                encoding="utf-8")
            systems["tejido (MkDocs loop)"] = lambda: [*mkdocs(tejido, "site-loop"), "-f",
                                                      str(loop)]
            cwd["tejido (MkDocs loop)"] = tejido
        if shutil.which("hugo"):
            hugo = make_hugo(work / "hugo", per_language)
            systems["hugo"] = lambda: ["hugo", "--quiet", "-d", str(hugo / "public")]
            cwd["hugo"] = hugo
        else:
            print("hugo is not installed: skipped")
        results: dict[str, list[Run]] = {name: [] for name in systems}
        if args.incremental:
            results["tejido (nothing changed)"] = []
        names = list(systems)
        for rep in range(args.repeat):
            order = names[rep % len(names):] + names[:rep % len(names)]
            for name in order:
                if name == "tejido (cold)":
                    shutil.rmtree(tejido / ".cache" / "tejido", ignore_errors=True)
                shutil.rmtree(cwd[name] / "site", ignore_errors=True)
                shutil.rmtree(cwd[name] / "public", ignore_errors=True)
                results[name].append(timed(systems[name](), cwd[name]))
                settle(cwd[name])
                wall, cpu, load, memory = results[name][-1]
                print(f"rep {rep + 1} {name}: {wall:.1f} s wall, {cpu:.1f} s CPU, "
                      f"load {load:.1f}, peak {memory:.0f} MB", flush=True)
                if name == "tejido (cold)" and args.incremental:
                    results["tejido (nothing changed)"].append(timed(mkdocs(tejido), tejido))
                    settle(tejido)
                    wall, cpu, load, memory = results["tejido (nothing changed)"][-1]
                    print(f"rep {rep + 1} tejido (nothing changed): {wall:.1f} s wall, "
                          f"{cpu:.1f} s CPU, load {load:.1f}, peak {memory:.0f} MB", flush=True)
        built = {"material": html_pages(material / "site")}
        if "hugo" in cwd:
            built["hugo"] = html_pages(cwd["hugo"] / "public")
        print(f"\nHTML pages: tejido {pages}, " + ", ".join(f"{k} {v}" for k, v in built.items()))
        base = statistics.median(r[0] for r in results["material"])
        base_cpu = statistics.median(r[1] for r in results["material"])
        print(f"{'system':28} {'wall s':>8} {'CPU s':>8} {'load':>6} {'peak MB':>8} "
              f"{'wall/mat':>9} {'CPU/mat':>8}")
        for name, runs in results.items():
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            load = statistics.mean(r[2] for r in runs)
            memory = max(r[3] for r in runs)
            print(f"{name:28} {wall:8.1f} {cpu:8.1f} {load:6.1f} {memory:8.0f} "
                  f"{wall / base:9.2f} {cpu / base_cpu:8.2f}")


if __name__ == "__main__":
    main()
