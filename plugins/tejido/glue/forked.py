"""Work shared among forked processes: each child does one share and sends its result
back through a pipe; the process that runs the build does the first share itself.

A fork starts with everything the build has made so far (the catalog, the
configuration, the compiled templates) without copying or pickling any of it; only the
results travel back.  What a child logs reaches the terminal as the build's own lines
do, and its warnings are added to MkDocs' count, so `--strict` fails the build for
them as it would without workers.  Where `os.fork` does not exist (Windows), or for a
single share, the shares run here, one after another.

`Handout` gives each process a few items at a time, as it asks, so that all end
together.  `Later` starts one piece of work in a child at once and takes its result
when it is first asked for: the open data, made while the pages are.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Generic, TypeVar

from mkdocs.utils import CountHandler

from tejido.core import worker_count as cores

R = TypeVar("R")
MAX_WORKERS = 8


def worker_count(setting: int) -> int:
    """`workers: 0` means one per processor core this process may use, up to 8."""
    return setting if setting > 0 else cores(0, MAX_WORKERS)


class ChildFailed(Exception):
    """A share failed in a child process; the message holds the child's traceback."""


def run_shares(shares: Sequence[Callable[[], R]]) -> list[R]:
    """Each share's result, in order; a share that raises makes this raise (after every
    child has ended, so none is left behind)."""
    if len(shares) < 2 or not hasattr(os, "fork"):
        return [share() for share in shares]
    with _frozen():
        children = [_start(share) for share in shares[1:]]
        try:
            results = [shares[0]()]
        except BaseException:
            for pid, pipe in children:
                _stop(pid, pipe)
            raise
    failure: BaseException | None = None
    for pid, pipe in children:  # every child is waited for, even after one failed
        try:
            results.append(_collect(pid, pipe))
        except BaseException as error:
            failure = failure or error
    if failure is not None:
        raise failure
    return results


@contextmanager
def _frozen() -> Iterator[None]:
    """What exists now is shared with the children forked meanwhile: their collector must
    not touch (copy) it.  No collection first: it took half a second in the build's own
    process at 10,000 entries, while the other core waited, and what it would free is
    freed after.  What was frozen before (the build's catalog, `collector.keep_loaded`)
    stays so."""
    held = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not held:
            gc.unfreeze()


class Handout(Generic[R]):
    """Items handed out to the processes forked after it, to each as it asks: iterating
    gives the next few items nobody has taken.  The numbers of the chunks wait in a
    pipe, written whole before any process reads; a read of four bytes then takes four
    whole bytes, whichever process reads (the kernel serializes the readers)."""

    MOST = 4096
    """Chunks at most: their numbers (16 KiB) fit in any pipe's buffer."""

    def __init__(self, items: Sequence[R], size: int = 8) -> None:
        self.items = items
        self.size = max(size, -(-len(items) // self.MOST))
        count = -(-len(items) // self.size)
        self.fd, write = os.pipe()
        try:
            os.write(write, b"".join(n.to_bytes(4, "little") for n in range(count)))
        finally:
            os.close(write)

    def __iter__(self) -> Iterator[R]:
        while len(got := os.read(self.fd, 4)) == 4:
            start = int.from_bytes(got, "little") * self.size
            yield from self.items[start:start + self.size]

    def __enter__(self) -> Handout[R]:
        return self

    def __exit__(self, *_: object) -> None:
        os.close(self.fd)


class Later(Generic[R]):
    """`work()` done in a child process started now; `result()` waits for it.  Where
    `os.fork` does not exist, and in any other process than the one that started it
    (a page worker forked since), `result()` does the work itself."""

    def __init__(self, work: Callable[[], R]) -> None:
        self.work = work
        self.owner = os.getpid()
        self.child: tuple[int, int] | None = None
        self.made: tuple[R] | None = None
        if hasattr(os, "fork"):
            with _frozen():  # the child's collector must not touch (copy) what is shared
                self.child = _start(work)

    def result(self) -> R:
        if self.made is None:
            child, self.child = self.child, None
            if child is not None and os.getpid() == self.owner:
                self.made = (_collect(*child),)
            else:
                self.made = (self.work(),)
        return self.made[0]

    def cancel(self) -> None:
        """The result is not wanted (the build failed): the child is stopped."""
        child, self.child = self.child, None
        if child is not None and os.getpid() == self.owner:
            _stop(*child)


def _start(share: Callable[[], object]) -> tuple[int, int]:
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the build's own code
        os.close(read)
        _run_child(share, write)
    os.close(write)
    return pid, read


def _run_child(share: Callable[[], object], pipe: int) -> None:
    status = 0
    try:
        counters = _counters()
        before = [dict(counter.counts) for counter in counters]
        try:
            outcome: tuple[str, object] = ("done", share())
        except BaseException as error:  # sent to the parent, which raises it
            outcome = ("failed", _portable(error))
        counts = [{level: count - old.get(level, 0) for level, count in counter.counts.items()}
                  for counter, old in zip(counters, before, strict=True)]
        data = pickle.dumps((outcome, counts))
        with os.fdopen(pipe, "wb") as sink:
            sink.write(data)
    except BaseException:
        traceback.print_exc()
        status = 1
    finally:
        # No flush: log lines are written as they come, and under the preview another
        # thread may have held a stream's lock when this process was forked.
        os._exit(status)  # no atexit, no cleanup of the parent's build in the child


def _portable(error: BaseException) -> BaseException:
    """The child's exception if it survives pickling, else its traceback as text."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return ChildFailed("".join(traceback.format_exception(error)))


def _collect(pid: int, pipe: int) -> R:  # type: ignore[type-var]
    with os.fdopen(pipe, "rb") as source:
        data = source.read()
    _, status = os.waitpid(pid, 0)
    if not data or status != 0:
        raise ChildFailed(f"a worker process ended without its pages (status {status})")
    outcome, counts = pickle.loads(data)
    for counter, added in zip(_counters(), counts, strict=False):
        for level, count in added.items():
            counter.counts[level] += count
    kind, value = outcome
    if kind == "failed":
        raise value
    return value  # type: ignore[no-any-return]


def _stop(pid: int, pipe: int) -> None:
    os.close(pipe)
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except OSError:
        pass


def _counters() -> list[CountHandler]:
    """MkDocs' warning counters (what `--strict` reads), in a stable order."""
    return [handler for handler in logging.getLogger("mkdocs").handlers
            if isinstance(handler, CountHandler)]
