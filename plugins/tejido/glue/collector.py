"""The cyclic garbage collector's pace while `mkdocs build` runs.

Python collects its youngest objects after every 700 new ones and, now and then, walks
every object alive.  A build makes millions of short-lived objects (views, Jinja
contexts, Markdown trees) beside a catalog that lives to its end: at 1,000
organizations, 1,528 young and 10 full collections a build.  Collecting young objects
after every 20,000 instead leaves 197 and one full walk: about 4 % less CPU (1,000
organizations, one worker: 11.03-11.42 s against 11.47-11.64 s; 10,000: 123 s against
128 s), for 20 MB more at the peak at 1,000 and 2 MB at 10,000.  The usual pace comes
back when the build ends or fails; the preview keeps it throughout.

The catalog, once loaded, lives to the end of the build too: `keep_loaded` freezes it
(and what exists with it), so no full collection walks it again.  At 10,000 entries
one did, for 1.1 s, while the English build was set up and the other core waited.
What is frozen is given back to the collector when the build ends or fails.

When a process that built a site exits, Python's last collections walk every object
still alive (the whole catalog, its views and indexes) only to find them alive until
the modules are torn down; freezing them first (`gc.freeze`, at exit) skips that walk.
Memory is given back to the system whole, and objects are still freed one by one as
their modules go: user CPU 7.36-7.48 s against 7.51-7.79 s in three pairs at 1,000
organizations (bench/template_move.py's after tree), and a rebuild with nothing changed
at 10,000 in 2.54-2.60 s against 2.95-3.01 s.
"""

from __future__ import annotations

import atexit
import gc

YOUNG = 20_000
"""New objects between two collections of the youngest generation, during a build."""

_usual: tuple[int, int, int] | None = None
_exit_walk_skipped = False
_kept = False


def build_pace() -> None:
    global _usual, _exit_walk_skipped
    if _usual is None:
        _usual = gc.get_threshold()
        gc.set_threshold(max(YOUNG, _usual[0]), _usual[1], _usual[2])
    if not _exit_walk_skipped:
        atexit.register(gc.freeze)
        _exit_walk_skipped = True


def keep_loaded() -> None:
    """What exists now lives to the end of the build (the catalog, just loaded)."""
    global _kept
    if _usual is not None and not _kept:
        gc.freeze()
        _kept = True


def keep_found() -> None:
    """What the page workers sent back (the allies they found) lives to the end of the
    build too; a language's views, made and written, are gone by now."""
    if _kept:
        gc.freeze()


def usual_pace() -> None:
    global _usual, _kept
    if _usual is not None:
        gc.set_threshold(*_usual)
        _usual = None
    if _kept:
        gc.unfreeze()
        _kept = False
