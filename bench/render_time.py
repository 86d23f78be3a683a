"""Tejido's own part of making the generated pages, without MkDocs: the views, then the
templates, timed apart.

    python bench/render_time.py --organizations 1000 [--repeat 2] [--profile FILE]

A synthetic catalog is loaded once; each repetition makes every generated page of both
languages with a fresh `Renderer` (as a build does): first its view (`PlannedPages`),
then its HTML from Tejido's templates (prose passed through unrendered, no sanitizing,
no Material frame).  Reported: CPU seconds of each part, per repetition.  With
`--profile`, one repetition runs under cProfile and the statistics are written to FILE.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import tempfile
import time
from pathlib import Path

import material

from synthetic import make_catalog
from tejido.core import (
    LANGUAGES,
    THEME_DIR,
    Catalog,
    Layout,
    PlannedPages,
    PlanSettings,
    Renderer,
    Urls,
    load_project,
    page_plan,
    prose_markdown,
)

MATERIAL = str(Path(material.__file__).parent / "templates")


def make_all(catalog: Catalog, root: Path) -> tuple[int, float, float]:
    renderer = Renderer([THEME_DIR, MATERIAL], "¶")
    views = templates = 0.0
    count = 0
    for lang in LANGUAGES:
        pages = PlannedPages(page_plan(catalog, lang, Urls(), PlanSettings(root=root)), catalog)
        for source in pages:
            start = time.process_time()
            view = pages[source]
            made = time.process_time()
            renderer.page(view, prose_markdown(view), str)
            views += made - start
            templates += time.process_time() - made
            count += 1
    return count, views, templates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = make_catalog(Path(tmp), args.organizations)
        result = load_project(Layout(root))
        assert not result.problems, result.problems.report()
        if args.profile:
            cProfile.runctx("make_all(result.catalog, root)", globals(), locals(),
                            str(args.profile))
            print(f"profile written to {args.profile}")
            return
        for repetition in range(1, args.repeat + 1):
            count, views, templates = make_all(result.catalog.with_policy(
                result.catalog.policy), root)
            print(f"run {repetition}: {count} pages; views {views:.2f} s CPU, "
                  f"templates {templates:.2f} s CPU (load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
