"""How long suggesting allies takes for every organization and network of a catalog.

    python bench/allies_time.py [--organizations 1000 --organizations 10000] [--check 300]

For each size: a synthetic catalog (bench/synthetic.py) in a temporary folder,
loaded once; then the index is built and `find_allies` is called for every
organization and network, as the plugin does for their pages (a second pass,
the other language's pages, is answered from the index's memory).  Times are
wall clock and CPU time of this process (the CPU time is steadier on a busy
machine).  `--check N` compares N sampled rankings with an exhaustive one that
scores every candidate, to show what bounding the candidate pool costs.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from synthetic import make_catalog
from tejido.core import ALLY_KINDS as KINDS
from tejido.core import AllyIndex, Catalog, Layout, find_allies, index_for, load_project, pool_size

T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def exhaustive(index: AllyIndex, position: int, limit: int = 8) -> list[float]:
    """The best scores when every candidate is scored (what the pool bounds away)."""
    everyone = [i for i in range(len(index.refs)) if i != position]
    keys = sorted(index._scores(index.profiles[position], everyone))[:limit]
    return [float(-(key // len(index.refs))) for key in keys]


def check(index: AllyIndex, sample: int) -> str:
    chosen = random.Random(1).sample(range(len(index.refs)), min(sample, len(index.refs)))
    differ, lost = 0, 0.0
    for position in chosen:
        best = exhaustive(index, position)
        got = [ally.score for ally in index.find(index.refs[position])]
        if got != best:
            differ += 1
            lost += sum(best) - sum(got)
    return (f"vs exhaustive ranking: same top-8 scores for {len(chosen) - differ}/{len(chosen)} "
            f"sampled entries, mean score lost per entry {lost / len(chosen):.2f}")


def report(count: int, catalog: Catalog, sample: int) -> None:
    refs = [ref for kind in KINDS for ref in catalog.by_kind.get(kind, ())]
    index, build_wall, build_cpu = timed(lambda: index_for(catalog))
    _, find_wall, find_cpu = timed(lambda: [find_allies(catalog, ref) for ref in refs])
    _, again_wall, _ = timed(lambda: [find_allies(catalog, ref) for ref in refs])
    pools = [len(index.candidates(ref)) for ref in refs]
    print(f"{count} organizations ({len(refs)} organizations and networks): "
          f"index {build_wall:.2f} s (cpu {build_cpu:.2f}), find_allies for all "
          f"{find_wall:.2f} s (cpu {find_cpu:.2f}), together {build_wall + find_wall:.2f} s; "
          f"second language {again_wall:.3f} s; candidates scored per call: mean "
          f"{sum(pools) / len(pools):.0f}, max {max(pools)} (bound {pool_size(8)})")
    if sample:
        print("  " + check(index, sample))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, action="append", default=[])
    parser.add_argument("--check", type=int, default=0, metavar="N",
                        help="compare N sampled rankings with an exhaustive one")
    args = parser.parse_args()
    for count in args.organizations or [1000, 10000]:
        with tempfile.TemporaryDirectory() as tmp:
            result = load_project(Layout(make_catalog(Path(tmp), count)))
            assert not result.problems, result.problems.report()
            report(count, result.catalog, args.check)


if __name__ == "__main__":
    main()
