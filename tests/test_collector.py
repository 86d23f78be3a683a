"""The collector's pace during a build: raised once, and given back."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tejido.glue.collector import YOUNG, build_pace, usual_pace


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
