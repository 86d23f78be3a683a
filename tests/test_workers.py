"""Generated pages made by several processes at once (`workers`): the same bytes as one
process, the page cache kept whole, and a child's warnings and failures reach the build."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import cast

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler

from conftest import ENGINE, make_project, run_mkdocs
from tejido.core import Catalog, EntryCache, EntryStore, Layout, OpenData, Sharing, load_project
from tejido.glue.files import MadeLater
from tejido.glue.forked import ChildFailed, Handout, Later, run_shares, worker_count
from test_incremental import MADE, SETTINGS, files_of

BENCH = Path(__file__).resolve().parent.parent / "bench"
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here (Windows)")


@pytest.fixture(autouse=True)
def _same_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SETTINGS.items():
        monkeypatch.setenv(name, value)


def with_workers(project: Path, workers: int) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - tejido/catalog:\n" in text
    config.write_text(text.replace("  - tejido/catalog:\n",
                                   f"  - tejido/catalog:\n      workers: {workers}\n", 1),
                      encoding="utf-8")


def built(project: Path, site: str) -> tuple[int, int, str]:
    result = run_mkdocs(project, "--site-dir", str(project / site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    counts = MADE.findall(result.stderr)
    return (sum(int(m) for m, _ in counts), sum(int(r) for _, r in counts), result.stderr)


def synthetic_catalog(target: Path, organizations: int) -> Path:
    """The bench's generated catalog (`bench/synthetic.py`)."""
    sys.path.insert(0, str(BENCH))
    try:
        from synthetic import make_catalog
    finally:
        sys.path.remove(str(BENCH))
    return cast(Path, make_catalog(target, organizations))


def test_worker_count() -> None:
    assert worker_count(3) == 3
    assert 1 <= worker_count(0) <= 8


@needs_fork
def test_shares_come_back_in_order_from_other_processes() -> None:
    assert run_shares([os.getpid, os.getpid, os.getpid])[0] == os.getpid()
    pids = run_shares([os.getpid, os.getpid, os.getpid])
    assert len(set(pids)) == 3
    assert run_shares([lambda: "a", lambda: {"b": [1]}]) == ["a", {"b": [1]}]


def taken_slowly(items: Handout[int]) -> list[int]:
    return [item for item in items if time.sleep(0.0005) is None]


@needs_fork
def test_a_handout_gives_each_item_to_one_process_and_all_of_them() -> None:
    with Handout(range(1000), size=8) as items:
        taken = run_shares([partial(taken_slowly, items) for _ in range(3)])
    assert sorted(item for share in taken for item in share) == list(range(1000))
    assert all(len(share) >= 8 for share in taken)  # each process was given some
    with Handout(range(10_000), size=1) as items:  # more chunks than a pipe may hold
        assert items.size > 1 and list(items) == list(range(10_000))
    with Handout([]) as items:
        assert list(items) == []


def fails() -> None:
    raise ValueError("page 7 could not be made")


def ends() -> None:
    os._exit(3)


@needs_fork
def test_a_failure_in_a_child_is_raised_here() -> None:
    with pytest.raises(ValueError, match="page 7 could not be made"):
        run_shares([lambda: 1, fails, lambda: 3])
    with pytest.raises(ChildFailed, match="status"):
        run_shares([lambda: 1, ends])


@needs_fork
def test_a_childs_warnings_are_counted_here() -> None:
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    try:
        run_shares([lambda: None, lambda: logging.getLogger("mkdocs.x").warning("late")])
        assert dict(counter.counts) == {logging.WARNING: 1}
    finally:
        logger.removeHandler(counter)


@needs_fork
def test_two_workers_write_what_one_writes(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one, two = make_project(tmp_path / "one"), make_project(tmp_path / "two")
    with_workers(one, 1)
    with_workers(two, 2)
    made_one, _, _ = built(one, "site")
    made_two, _, _ = built(two, "site")
    assert made_one == made_two > 100
    files_one, files_two = files_of(one / "site"), files_of(two / "site")
    assert sorted(files_one) == sorted(files_two)
    for name, data in files_one.items():
        assert files_two[name] == data, name
    # What the workers made is in the page cache: the next build reuses it.
    made, reused, _ = built(two, "site")
    assert reused > 100 and made < 10


@needs_fork
def test_entry_files_read_in_shares_give_what_one_pass_gives(tmp_path: Path) -> None:
    project = synthetic_catalog(tmp_path, 450)
    for number in (3, 200, 401):  # mistakes in files that fall in different shares
        path = project / f"directory/organizations/org-{number:05d}.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^founded: \d+$", "founded: hace mucho", text),
                        encoding="utf-8")
    calls: list[int] = []

    def run(shares: Sequence[Callable[[], list[object]]]) -> list[list[object]]:
        calls.append(len(shares))
        results = run_shares(shares)
        calls.append(sum(len(records) for records in results[1:]))
        return results

    one = load_project(Layout(project), dt.date(2026, 12, 1), EntryCache())
    cache = EntryCache()
    shared = load_project(Layout(project), dt.date(2026, 12, 1), cache,
                          shares=Sharing(run, 2))
    assert calls[0] == 2 and calls[1] >= 200  # the child read its half
    assert cache.reads == len(cache.known) > 450
    assert len(one.problems) == 3
    assert [p.format("en") for p in shared.problems] == [p.format("en") for p in one.problems]
    assert list(shared.catalog.entries) == list(one.catalog.entries)
    assert shared.catalog.entries == one.catalog.entries
    assert shared.inputs == one.inputs  # what the catalog was made from: the same files


def test_the_loads_fingerprint_is_the_same_read_or_restored(tmp_path: Path) -> None:
    """A build reuses all it made when the fingerprint of what the catalog was loaded
    from is the last build's: read in shares with an empty store, restored from the
    store, or read in one pass, it is the same; a changed byte changes it."""
    project = synthetic_catalog(tmp_path, 450)

    def load(shares: Sharing | None) -> tuple[str, int]:
        cache = EntryCache(EntryStore(project))
        result = load_project(Layout(project), dt.date(2026, 12, 1), cache, shares=shares)
        cache.save()
        return result.inputs, cache.restored

    cold, restored, one = load(Sharing(run_shares, 2)), load(Sharing(run_shares, 2)), load(None)
    assert cold[1] == 0 and restored[1] > 450 and one[1] > 450
    assert cold[0] == restored[0] == one[0] != ""
    path = project / "directory/organizations/org-00007.yml"
    path.write_bytes(path.read_bytes().replace(b"founded: ", b"founded:  ", 1))
    assert load(Sharing(run_shares, 2))[0] != cold[0]


@needs_fork
def test_later_work_is_done_in_a_child_and_taken_here() -> None:
    later = Later(os.getpid)
    in_worker = run_shares([lambda: None, later.result])[1]  # a page worker forked since
    made = later.result()
    assert made != os.getpid() and made != in_worker  # the worker did the work itself
    assert later.result() == made  # taken once


@needs_fork
def test_later_work_that_fails_raises_here_and_cancelled_work_ends() -> None:
    with pytest.raises(ValueError, match="page 7 could not be made"):
        Later(fails).result()
    later = Later(lambda: time.sleep(60))
    assert later.child is not None
    pid = later.child[0]
    later.cancel()
    with pytest.raises(ChildProcessError):  # stopped and waited for: no such child now
        os.waitpid(pid, os.WNOHANG)


def test_a_file_made_later_is_made_when_first_read_and_once(tmp_path: Path) -> None:
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"),
                      "site_dir": str(tmp_path / "site")})
    (tmp_path / "docs").mkdir()
    assert config.validate() == ([], [])
    config.plugins._current_plugin = None  # what MkDocs sets while it runs a plugin's event
    calls: list[str] = []
    text = "id,nombre\n1,Señal\n"

    def make() -> bytes:
        calls.append("made")
        return text.encode()

    file = MadeLater.of(config, "datos/organizaciones.csv", make)
    assert calls == []
    file.copy_file()
    assert (tmp_path / "site/datos/organizaciones.csv").read_text(encoding="utf-8") == text
    assert file.content_string == text
    assert calls == ["made"]


@needs_fork
def test_the_open_data_is_started_once_per_catalog_and_taken_from_the_child() -> None:
    from tejido.glue.state import PluginState

    state = PluginState()
    state.catalog = first = cast(Catalog, object())
    state._history = lambda: {}  # type: ignore[method-assign]
    state._make_data = lambda: cast(OpenData, os.getpid())  # type: ignore[method-assign]
    state.start_data()
    assert state.open_data_later is not None
    started = state.open_data_later[1]
    state.start_data()  # the English build's turn: the same work, not a second child
    assert state.open_data_later[1] is started
    made = state._data()
    assert made != os.getpid() and state.open_data_later is None  # made in the child
    state.start_data()  # made already for this catalog
    assert state.open_data_later is None and state._data() is made
    state.catalog = cast(Catalog, object())  # another build in this process: started anew
    state.start_data()
    assert state.open_data_later is not None and state.open_data_later[0] is not first
    state.stop_data()
    assert state.open_data_later is None


COUNT_RANKINGS = """
import os, runpy, sys
from tejido.core.catalog.allies.index import AllyIndex
log, engine, *arguments = sys.argv[1:]
ranked = AllyIndex._rank
def counted(self, target, pool, limit):
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"{os.getpid()} {self.refs[target.rank].id}\\n")
    return ranked(self, target, pool, limit)
AllyIndex._rank = counted
sys.argv = [engine, *arguments]
runpy.run_module(engine, run_name="__main__")
"""


@needs_fork
def test_each_entrys_allies_are_found_once_in_all_processes_and_languages(
        tmp_path: Path) -> None:
    """A page worker sends back the allies it found, so the next language's workers,
    forked afterwards, have them all."""
    (tmp_path / "catalog").mkdir()
    project = synthetic_catalog(tmp_path / "catalog", 120)
    with_workers(project, 2)
    log = tmp_path / "ranked.txt"
    result = subprocess.run(
        [sys.executable, "-c", COUNT_RANKINGS, str(log), ENGINE, "build", "--strict", "-q",
         "-f", str(project / "mkdocs.yml"), "--site-dir", str(project / "site")],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True,
        text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    ranked = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    entries = [entry for _, entry in ranked]
    assert len(set(pid for pid, _ in ranked)) > 1  # the workers found some of them
    assert len(entries) == len(set(entries)) > 120
