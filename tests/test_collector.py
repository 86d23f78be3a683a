"""The collector's pace during a build: raised once, and given back."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tejido.glue.collector import YOUNG, build_pace, usual_pace

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"


@pytest.fixture
def usual() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_a_build_collects_young_objects_less_often(usual: tuple[int, int, int]) -> None:
    build_pace()
    assert gc.get_threshold() == (max(YOUNG, usual[0]), usual[1], usual[2])
    build_pace()  # another language of the same build: no second change
    usual_pace()
    assert gc.get_threshold() == usual
    usual_pace()  # a failed build after the end of another: nothing to give back
    assert gc.get_threshold() == usual


def test_a_pace_set_higher_by_someone_else_is_kept(usual: tuple[int, int, int]) -> None:
    gc.set_threshold(YOUNG * 2, usual[1], usual[2])
    build_pace()
    assert gc.get_threshold()[0] == YOUNG * 2
    usual_pace()
    assert gc.get_threshold()[0] == YOUNG * 2


def _frozen_at_exit(code: str) -> int:
    """How many objects were frozen when a process running `code` had almost exited."""
    # atexit calls the last registered first: this check runs after what `code` registers.
    script = ("import atexit, gc\n"
              "atexit.register(lambda: print(gc.get_freeze_count(), flush=True))\n" + code)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(PLUGINS)})
    return int(done.stdout)


def test_a_process_that_built_skips_the_walk_of_its_objects_at_exit() -> None:
    after_build = ("from tejido.glue.collector import build_pace, usual_pace\n"
                   "build_pace(); build_pace(); usual_pace()\n")
    assert _frozen_at_exit(after_build) > 1000
    assert _frozen_at_exit("import tejido.glue.collector\n") == 0


def test_the_loaded_catalog_stays_out_of_full_collections_until_the_build_ends(
        usual: tuple[int, int, int]) -> None:
    from tejido.glue.collector import keep_loaded
    from tejido.glue.forked import run_shares

    keep_loaded()  # no build under way: nothing frozen
    assert gc.get_freeze_count() == 0
    build_pace()
    keep_loaded()
    frozen = gc.get_freeze_count()
    assert frozen > 1000
    if hasattr(os, "fork"):
        run_shares([lambda: None, lambda: None])  # forking keeps it frozen
        assert gc.get_freeze_count() > frozen - 100  # (less what died since)
    usual_pace()
    assert gc.get_freeze_count() == 0
    if hasattr(os, "fork"):
        run_shares([lambda: None, lambda: None])  # outside a build: frozen only meanwhile
        assert gc.get_freeze_count() == 0
