"""What search costs a reader, and what the catalog costs the build, at N organizations.

    python bench/search_bench.py --organizations 1000 --organizations 10000

For each N: a synthetic catalog (bench/synthetic.py) built with `mkdocs build`;
Tejido's own share (load+validate, page text, search index and facet data) timed
in-process; then Debian's Chromium opens an entry page, types a three-word query
and reports every byte the search fetched before the first results appeared
(raw and gzipped), and the time from the last keystroke to the results; and on
the directory page, the facet data's size and the time a facet click takes.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from screenshots import CHROMIUM, FLAGS, serve
from synthetic import make_catalog
from tejido.core import (
    LANGUAGES,
    Layout,
    Urls,
    browse_pages,
    build_index,
    entry_docs,
    entry_page,
    facets_data,
    load_project,
)

QUERY = "participación jóvenes oaxaca"
LATENCY_PROBE = """() => new Promise(resolve => {
  const list = document.getElementById('tj-search-results');
  const input = document.getElementById('tj-search-input');
  let last = 0;
  input.addEventListener('input', () => { last = performance.now(); });
  new MutationObserver(() => {
    if (list.children.length) window.__tjLatency = performance.now() - last;
  }).observe(list, {childList: true});
  resolve(true);
})"""


FACET_PROBE = """() => new Promise(resolve => {
  const status = document.querySelector('.tj-status');
  const box = document.querySelectorAll('.tj-facet__value input')[1];
  const start = performance.now();
  new MutationObserver(() => resolve(performance.now() - start))
    .observe(status, {childList: true, characterData: true, subtree: true});
  box.click();
})"""


def tejido_share(project: Path) -> dict[str, float]:
    times: dict[str, float] = {}
    start = time.perf_counter()
    catalog = load_project(Layout(project)).catalog
    times["load+validate+index"] = time.perf_counter() - start
    urls = Urls(directory_urls=False)
    start = time.perf_counter()
    for lang in LANGUAGES:
        for entry in catalog.entries.values():
            entry_page(catalog, entry, lang, urls, project)
        for _ in browse_pages(catalog, lang, urls):
            pass
    times["page text"] = time.perf_counter() - start
    start = time.perf_counter()
    for lang in LANGUAGES:
        build_index(entry_docs(catalog, lang, urls), lang)
        facets_data(catalog, lang, urls)
    times["search index+facets"] = time.perf_counter() - start
    return times


def build(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
                   cwd=project, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TEJIDO_PDF": "false"})
    return time.perf_counter() - start


def sizes(site: Path, urls: list[str]) -> tuple[int, int]:
    raw = gz = 0
    for url in urls:
        data = (site / urlsplit(url).path.lstrip("/")).read_bytes()
        raw += len(data)
        gz += len(gzip.compress(data, 9))
    return raw, gz


def in_browser(site: Path) -> dict[str, Any]:
    server, base = serve(site)
    result: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.goto(base + "organizaciones/org-00000/index.html")
        page.wait_for_load_state("load")
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(r.url) if "/search/" in r.url else None)
        page.evaluate(LATENCY_PROBE)
        page.click("#tj-search-input")
        page.keyboard.type(QUERY, delay=60)
        page.wait_for_selector("#tj-search-results [role=option]")
        page.wait_for_function("window.__tjLatency !== undefined")
        result["latency_ms"] = page.evaluate("window.__tjLatency")
        result["search_files"] = len(fetched)
        result["search_raw"], result["search_gz"] = sizes(site, fetched)
        result["results"] = page.locator("#tj-search-results [role=option]").count()
        page.goto(base + "directorio/index.html")
        page.wait_for_selector(".tj-card")
        result["facets_raw"], result["facets_gz"] = sizes(site, [base + "search/facets.js"])
        result["facet_click_ms"] = page.evaluate(FACET_PROBE)
        browser.close()
    server.shutdown()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, action="append", default=[])
    args = parser.parse_args()
    for count in args.organizations or [1000]:
        with tempfile.TemporaryDirectory() as tmp:
            project = make_catalog(Path(tmp), count)
            share = tejido_share(project)
            seconds = build(project)
            pages = sum(1 for _ in (project / "site").rglob("*.html"))
            web = in_browser(project / "site")
            own = sum(share.values())
            print(f"N={count}: {pages} pages; mkdocs build {seconds:.1f} s; Tejido "
                  + ", ".join(f"{k} {v:.2f} s" for k, v in share.items())
                  + f" ({100 * own / seconds:.0f}% of the build)")
            print(f"  first search '{QUERY}': {web['search_files']} files, "
                  f"{web['search_raw'] / 1024:.0f} KB raw, {web['search_gz'] / 1024:.0f} KB gz; "
                  f"results {web['latency_ms']:.0f} ms after the last keystroke "
                  f"({web['results']} shown)")
            print(f"  directory: facet data {web['facets_raw'] / 1024:.0f} KB raw, "
                  f"{web['facets_gz'] / 1024:.0f} KB gz; "
                  f"a facet click {web['facet_click_ms']:.0f} ms")


if __name__ == "__main__":
    main()
