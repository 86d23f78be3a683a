"""How fast the preview (`tejido serve`) shows an edit, on a synthetic catalog.

    python bench/preview_time.py --organizations 1000 [--organizations 10000]

For each size: a synthetic catalog in a temporary folder; `tejido serve` started as a
subprocess, as `make serve` starts it.  Reported: the time from the start until the
first entry page is served (Spanish, then English); the CPU the idle server uses over
10 s; then, after
saving an organization's summary, a practice's text and a theme's label, the time
until the served HTML shows the change (waiting, as the browser's reload script does,
for the server to say the site changed, then loading the page); and the server's peak
memory (VmHWM).  `--project DIR` reuses a catalog generated before (it is edited).

The first start validates every entry file and keeps what it found in the project's
`.cache/tejido/`; `--restart` starts the preview once more on the same catalog, to
measure a start with that cache (a "warm" start).  `--cold` deletes the cache first.
With each figure: the server's CPU seconds (user + system) and the load average, as
the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from synthetic import make_catalog

POLL = 0.02
TIMEOUT = 300.0
GENERATION = re.compile(r'data-generation="(\d+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return 0, ""


def until(url: str, test: str, since: float) -> float:
    """Seconds from `since` until the page at `url` is served and contains `test`.

    As the browser does: it waits on the preview's `/.tejido/wait` until the site
    changed, then loads the page again (no polling that would compete with the server)."""
    base = url[:url.index("/", len("http://"))]
    while time.perf_counter() - since < TIMEOUT:
        status, body = fetch(url)
        if status == 200 and test in body:
            return time.perf_counter() - since
        generation = GENERATION.search(body)
        if generation is None:  # still starting
            time.sleep(POLL)
            continue
        fetch(f"{base}/.tejido/wait?since={generation.group(1)}")
    raise TimeoutError(f"{url} never showed {test!r}")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else 0.0


def edit(path: Path, old: str, new: str) -> float:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    start = time.perf_counter()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return start


def run(project: Path, count: int) -> None:
    cold = not (project / ".cache" / "tejido" / "entries.pickle").exists()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TEJIDO_PDF": "false"}
    log = (project / "serve.log").open("w")
    start = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "tejido.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        org = "organizaciones/org-00001/index.html"
        first = until(base + org, "org-00001", start)
        first_cpu, first_load = cpu_seconds(server.pid), os.getloadavg()[0]
        # The other language's site is made after the first page (or when asked for).
        english = until(base + "en/" + org, "org-00001", start)
        # Idle is measured once the start's one-off work is done: the validation cache
        # is written (or found up to date) once the first pages are out.
        while ("validation cache" not in (project / "serve.log").read_text()
               and time.perf_counter() - start < TIMEOUT):
            time.sleep(0.2)
        time.sleep(1.0)  # let the first pages' work settle before measuring idle
        cpu_before, idle_start = cpu_seconds(server.pid), time.perf_counter()
        time.sleep(10.0)
        idle = (cpu_seconds(server.pid) - cpu_before) / (time.perf_counter() - idle_start)

        mark = f"Cambio{time.time_ns() % 10**9}"  # new each run: --project edits in place
        org_file = project / "directory" / "organizations" / "org-00001.yml"
        summary = re.search(r"^  es: (\S+)", org_file.read_text(), re.M)
        assert summary is not None
        edited = edit(org_file, f"  es: {summary.group(1)}", f"  es: {mark}")
        entry_s = until(base + org, mark, edited)

        practice = project / "practices" / "practica-00001.md"
        heading = re.search(r"^## .*$", practice.read_text(), re.M)
        assert heading is not None
        edited = edit(practice, heading.group(0), f"## Historia {mark}")
        practice_s = until(base + "practicas/practica-00001/index.html", mark, edited)

        themes = project / "taxonomies" / "themes.yml"
        label = re.search(r"\{id: salud, es: ([^,]*),", themes.read_text())
        assert label is not None
        edited = edit(themes, f"es: {label.group(1)},", f"es: Salud {mark},")
        term_s = until(base + "temas/salud/index.html", mark, edited)
        shown = next(p for p in sorted((project / "directory" / "organizations").iterdir())
                     if "- salud" in p.read_text())
        label_s = until(base + f"organizaciones/{shown.stem}/index.html", mark, edited)
        peak = peak_mb(server.pid)
        edits_cpu = cpu_seconds(server.pid) - cpu_before
        load = os.getloadavg()
        cache = "cold" if cold else "warm"
        print(f"{count} organizations, {cache} cache: first page {first:.1f} s "
              f"({first_cpu:.1f} s CPU, load {first_load:.1f}; English {english:.1f} s); "
              f"idle CPU {100 * idle:.1f} % of a core; edit → served: entry {entry_s:.2f} s, "
              f"practice {practice_s:.2f} s, taxonomy label {term_s:.2f} s (its term page), "
              f"{label_s:.2f} s (an entry page showing it; {edits_cpu:.1f} s CPU for the "
              f"idle time and the edits); peak memory {peak:.0f} MB; "
              f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
    finally:
        server.terminate()  # it writes the validation cache before it leaves
        server.wait(timeout=TIMEOUT)
        log.close()


def set_timeout(seconds: float) -> None:
    global TIMEOUT
    TIMEOUT = seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, action="append", default=[])
    parser.add_argument("--project", help="use this generated catalog (it is edited)")
    parser.add_argument("--restart", action="store_true",
                        help="start once more, with the validation cache the first made")
    parser.add_argument("--timeout", type=float, default=TIMEOUT,
                        help=f"seconds to wait for a page (default: {TIMEOUT:.0f})")
    parser.add_argument("--cold", action="store_true",
                        help="with --project: delete its validation cache first")
    args = parser.parse_args()
    set_timeout(args.timeout)
    if args.project:  # a catalog made before (by bench/synthetic.py): edited in place
        project = Path(args.project).resolve()
        if args.cold:
            shutil.rmtree(project / ".cache" / "tejido", ignore_errors=True)
        count = len(list((project / "directory" / "organizations").glob("*.yml")))
        for _ in range(2 if args.restart else 1):
            run(project, count)
        return
    for count in args.organizations or [1000]:
        with tempfile.TemporaryDirectory() as tmp:
            project = make_catalog(Path(tmp), count)
            for _ in range(2 if args.restart else 1):
                run(project, count)


if __name__ == "__main__":
    main()
