"""What the move to templates costs a build, measured apart from everything added since.

    python bench/template_move.py [--organizations 1000] [--rounds 5] [--callgrind]
                                  [--shipped-collector] [--keep-compiled]

Two trees of this repository's history, each building a synthetic catalog made by its
own `bench/synthetic.py`, with PDFs off:
- before: e8d5eca, the last commit whose pages were strings written in Python;
- after: 5c7683d, the template move, with `bench/template_move.patch` applied: the
  later work on the template layer only (one environment per language, macros
  imported once, template choice and cards made once, escaping and macro calls as in
  `core/outputs/template_class.py`, compiled templates shared by the two languages,
  the table of combining marks kept), nothing from the features added since.

After one untimed build of each, every round builds before, after, after, before (so
a drift of the machine falls on both), with MkDocs in a process of its own; reported:
the median of user CPU, system CPU and wall seconds of each tree, and the rounds.
With `--callgrind`, after the untimed builds, one build of each under
`valgrind --tool=callgrind` instead:
instructions, repeatable to a few parts in ten thousand on a busy machine, where
timings vary by a tenth.
With `--shipped-collector`, both trees' builds run under the collector policy that
`glue/collector.py` gives main's builds (young objects collected after every 20,000 new
ones instead of 700, every object frozen at exit): neither old tree has that module,
and the policy weighs on a tree by how many objects it keeps alive.
With `--keep-compiled`, a timed build starts with the templates compiled by the untimed
one (`.cache/tejido/templates`, kept by main and, through the patch, by the after tree),
as it starts with Python's compiled modules: the rest of `.cache` is emptied all the same.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TREES = {"before": "e8d5eca", "after": "5c7683d"}
PATCH = HERE / "template_move.patch"
BUILD = ("import atexit, gc, sys; from mkdocs.__main__ import cli; young = int(sys.argv[2]); "
         "young and gc.set_threshold(young, *gc.get_threshold()[1:]); "
         "young and atexit.register(gc.freeze); "
         "sys.argv = ['mkdocs', 'build', '--strict', '-q', '-d', sys.argv[1]]; cli()")


def _tree(name: str, work: Path) -> Path:
    tree = work / name
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-f", str(tree),
                    TREES[name]], check=True, capture_output=True)
    if name == "after":
        subprocess.run(["git", "-C", str(tree), "apply", str(PATCH)], check=True)
    return tree


def _catalog(tree: Path, organizations: int, target: Path) -> Path:
    target.mkdir(parents=True)
    code = ("import sys; sys.path.insert(0, 'bench'); from pathlib import Path; "
            f"from synthetic import make_catalog; make_catalog(Path({str(target)!r}), "
            f"{organizations})")
    subprocess.run([sys.executable, "-c", code], cwd=tree, check=True, env=_env(tree))
    return target


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree / "plugins"), "TEJIDO_PDF": "false",
            "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


def _empty_cache(cache: Path, keep_compiled: bool) -> None:
    if not keep_compiled:
        shutil.rmtree(cache, ignore_errors=True)
        return
    for path in cache.glob("**/*"):
        if path.is_file() and path.parent != cache / "tejido" / "templates":
            path.unlink()


def _shipped_young() -> int:
    sys.path.insert(0, str(REPO / "plugins"))
    from tejido.glue.collector import YOUNG

    return YOUNG


def _build(tree: Path, catalog: Path, site: Path, young: int, keep_compiled: bool = False,
           prefix: tuple[str, ...] = ()) -> tuple[float, float, float, str]:
    """User and system CPU seconds, wall seconds and the output of one cold build;
    `young` above 0 gives the build the shipped collector policy, with that pace."""
    _empty_cache(catalog / ".cache", keep_compiled)
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [*prefix, sys.executable, "-c", BUILD, str(site), str(young)]
    done = subprocess.run(command, cwd=catalog, env=_env(tree), capture_output=True,
                          text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime, wall,
            done.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--shipped-collector", action="store_true",
                        help="both trees under main's collector policy")
    parser.add_argument("--keep-compiled", action="store_true",
                        help="timed builds start with the templates compiled")
    args = parser.parse_args()
    args.young = _shipped_young() if args.shipped_collector else 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        trees = {name: _tree(name, work) for name in TREES}
        try:
            catalogs = {name: _catalog(tree, args.organizations, work / f"catalog-{name}")
                        for name, tree in trees.items()}
            for name, tree in trees.items():  # untimed: Python compiles each tree's modules
                _build(tree, catalogs[name], work / f"site-{name}", args.young,
                       args.keep_compiled)
            if args.callgrind:
                for name, tree in trees.items():
                    out = _build(tree, catalogs[name], work / f"site-{name}", args.young,
                                 args.keep_compiled, (
                        "valgrind", "--tool=callgrind", f"--callgrind-out-file={work}/cg"))[3]
                    counted = [line for line in out.splitlines() if "Collected" in line]
                    print(f"{name}: {counted[-1].split(':')[-1].strip()} instructions")
                return
            times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in TREES}
            for number in range(1, args.rounds + 1):
                for name in ("before", "after", "after", "before"):
                    made = _build(trees[name], catalogs[name], work / f"site-{name}", args.young,
                                  args.keep_compiled)
                    times[name].append(made[:3])
                    print(f"round {number} {name}: user {made[0]:.2f} s, system {made[1]:.2f}"
                          f" s, wall {made[2]:.2f} s (load {os.getloadavg()[0]:.1f})")
            for name, rows in times.items():
                user, system, wall = (statistics.median(column)
                                      for column in zip(*rows, strict=True))
                print(f"{name}: median user {user:.2f} s, system {system:.2f} s, "
                      f"wall {wall:.2f} s over {len(rows)} builds")
        finally:
            for tree in trees.values():
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force",
                                str(tree)], check=False, capture_output=True)


if __name__ == "__main__":
    main()
