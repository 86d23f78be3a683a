"""The preview (`tejido serve`): what it serves is what `mkdocs build --strict` writes,
before and after each kind of edit; errors show in the page; files are re-read only
when they change; the server tells the browser to reload."""

from __future__ import annotations

import re
import shutil
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from watchdog.observers import Observer

from conftest import run_mkdocs
from tejido.core.sources.load import EntryCache, Layout, load_project
from tejido.preview.app import Preview
from tejido.preview.server import Changes, handler_for

LIVERELOAD = re.compile(rb'<script src="/.tejido/livereload.js" data-generation="\d+"></script>')
ORG = "directory/organizations/casa-de-la-mixteca.yml"
ORG_PAGE = "organizaciones/casa-de-la-mixteca/index.html"


@pytest.fixture(autouse=True)
def _same_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    # PDFs are off under serve; the build compared with it must make none either.
    monkeypatch.setenv("TEJIDO_PDF", "false")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def served(preview: Preview, path: str) -> bytes:
    response = preview.get(path)
    assert response.status == 200, (path, response.body[:500])
    return LIVERELOAD.sub(b"", response.body)


def assert_same_as_build(project: Path, preview: Preview) -> int:
    """Every file of a fresh `mkdocs build --strict`, served byte for byte the same."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    compared = 0
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        # Written by MkDocs or Tejido after a build, not pages a preview serves.
        if not path.is_file() or name.endswith(("404.html", "sitemap.xml", "sitemap.xml.gz")):
            continue
        assert served(preview, name) == path.read_bytes(), name
        compared += 1
    return compared


@pytest.fixture
def preview(project: Path) -> Preview:
    started = Preview(project / "mkdocs.yml")
    started.load()
    assert not started.problems, started.problems
    return started


def edit(project: Path, name: str, old: str, new: str) -> Path:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_every_file_is_what_the_build_writes(project: Path, preview: Preview) -> None:
    assert assert_same_as_build(project, preview) > 100


@pytest.mark.parametrize("change", [
    "entry", "relation", "taxonomy label", "taxonomy term", "new entry", "deleted entry",
    "renamed entry", "practice text", "hand-written page"])
def test_after_each_kind_of_edit_it_still_equals_a_cold_build(
        project: Path, preview: Preview, change: str) -> None:
    served(preview, ORG_PAGE)  # something in the cache that the edit must renew
    org = project / ORG
    if change == "entry":
        changed = [edit(project, ORG, "summary:", "summary:\n  # edited\n")]
        text = org.read_text(encoding="utf-8")
        org.write_text(re.sub(r"(\n  es: )", r"\1Editado, ", text, count=1), encoding="utf-8")
    elif change == "relation":
        changed = [edit(project, "directory/networks/red-sur.yml",
                        "  - organization: organization:casa-de-la-mixteca\n    since: 2018\n",
                        "")]
    elif change == "taxonomy label":
        changed = [edit(project, "taxonomies/themes.yml", "es: Salud,", "es: Salud pública,")]
    elif change == "taxonomy term":
        changed = [edit(project, "taxonomies/themes.yml", "{id: salud,",
                        "{id: bienestar, es: Bienestar, en: Well-being}\n- {id: salud,")]
    elif change == "new entry":
        new = org.with_name("casa-nueva.yml")
        new.write_text(org.read_text(encoding="utf-8"), encoding="utf-8")
        changed = [new]
    elif change == "deleted entry":
        gone = project / "directory/organizations/colectivo-hostil.yml"
        gone.unlink()
        changed = [gone, edit(project, "directory/networks/red-sur.yml",
                              "  - organization: organization:colectivo-hostil\n    since: 2020\n",
                              "")]
    elif change == "renamed entry":
        renamed = org.with_name("casa-mixteca.yml")
        shutil.copy(org, renamed)
        for path in [*project.glob("directory/*/*.yml"), *project.glob("practices/*.md")]:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(":casa-de-la-mixteca", ":casa-mixteca"),
                            encoding="utf-8")
        org.unlink()
        changed = [org, renamed]
    elif change == "practice text":
        practice = project / "practices/talleres-de-incidencia.md"
        text = practice.read_text(encoding="utf-8")
        practice.write_text(text + "\n\nUn párrafo nuevo con **énfasis**.\n", encoding="utf-8")
        changed = [practice]
    else:
        changed = [edit(project, "content/index.md", "\n", "\n\nUna línea nueva.\n")]
    preview.files_changed(changed)
    assert not preview.problems, preview.problems
    assert_same_as_build(project, preview)


def test_an_entry_edit_reads_one_file_and_a_label_none(project: Path) -> None:
    cache, layout = EntryCache(), Layout(project)
    first = load_project(layout, cache=cache)
    assert cache.reads == len(first.catalog) > 2
    load_project(layout, cache=cache)
    assert cache.reads == 0
    edit(project, ORG, "summary:", "summary:\n  # edited\n")
    load_project(layout, cache=cache)
    assert cache.reads == 1
    edit(project, "taxonomies/themes.yml", "es: Salud,", "es: Salud pública,")
    again = load_project(layout, cache=cache)
    assert cache.reads == 0
    assert again.catalog.taxonomies["themes"].terms["salud"].label("es") == "Salud pública"
    edit(project, "taxonomies/themes.yml", "{id: salud,",
         "{id: bienestar, es: B, en: W}\n- {id: salud,")
    load_project(layout, cache=cache)
    assert cache.reads == len(first.catalog)


def test_an_edit_that_changes_no_index_keeps_the_catalogs_shape(project: Path) -> None:
    cache, layout = EntryCache(), Layout(project)
    before = load_project(layout, cache=cache).catalog
    edit(project, ORG, "summary:", "summary:\n  # edited\n")
    same = load_project(layout, cache=cache).catalog
    assert same.shape is before.shape and same is not before
    edit(project, ORG, "themes: [", "themes: [salud, ")
    other = load_project(layout, cache=cache).catalog
    assert other.shape is not before.shape
    assert other == load_project(layout).catalog  # the same as a load without the cache


def test_a_contributor_error_shows_in_the_page_with_file_and_line(
        project: Path, preview: Preview) -> None:
    broken = edit(project, ORG, "summary:", "summary: [<b>oops")
    preview.files_changed([broken])
    response = preview.get(ORG_PAGE)
    assert response.status == 500
    body = response.body.decode()
    assert f"{ORG}:" in body and "YAML" in body
    assert "<b>oops" not in body  # escaped
    assert "/.tejido/livereload.js" in body  # the fix reloads the page by itself
    broken.write_text(broken.read_text(encoding="utf-8").replace("summary: [<b>oops", "summary:"),
                      encoding="utf-8")
    preview.files_changed([broken])
    assert preview.get(ORG_PAGE).status == 200


@pytest.fixture
def server(preview: Preview) -> Iterator[str]:
    http = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(preview))
    http.daemon_threads = True
    threading.Thread(target=http.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{http.server_port}/"
    http.shutdown()


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def test_the_browser_is_told_to_reload_after_a_save(
        project: Path, preview: Preview, server: str) -> None:
    page = fetch(server + ORG_PAGE)
    generation = re.search(r'data-generation="(\d+)"', page)
    assert generation is not None
    assert "(function" in fetch(server + ".tejido/livereload.js")
    answer: list[str] = []
    waiting = threading.Thread(target=lambda: answer.append(
        fetch(f"{server}.tejido/wait?since={generation.group(1)}")))
    waiting.start()
    time.sleep(0.2)
    assert not answer  # held open until something changes
    changes = Changes(preview)  # what the file watcher calls
    path = edit(project, ORG, "summary:", "summary:\n  # edited\n")
    changes.on_any_event(_Modified(str(path)))
    waiting.join(timeout=30)
    assert answer and answer[0] != generation.group(1)


class _Modified:
    event_type = "modified"
    is_directory = False

    def __init__(self, src_path: str) -> None:
        self.src_path = src_path


def test_an_empty_catalog_is_served_as_built(empty_project: Path) -> None:
    preview = Preview(empty_project / "mkdocs.yml")
    preview.load()
    assert not preview.problems, preview.problems
    assert assert_same_as_build(empty_project, preview) > 10


RELOADED = "document.body && document.body.innerText.includes('Acompaña a tejedoras')"
"""True once the page shows the edit (no body while it reloads)."""


def test_a_browser_page_reloads_itself_on_save_and_shows_a_mistake(
        project: Path, preview: Preview, server: str, browser: Any) -> None:
    observer = Observer()  # the real watcher: inotify, as `tejido serve` runs it
    observer.schedule(Changes(preview), str(project / "directory"), recursive=True)
    observer.start()
    page = browser.new_page()
    try:
        page.goto(server + ORG_PAGE)
        assert "Acompaña a mujeres artesanas" in page.inner_text("main")
        edit(project, ORG, "Acompaña a mujeres artesanas", "Acompaña a tejedoras")
        page.wait_for_function(RELOADED,
                               timeout=30_000)  # reloaded by itself: nobody navigated
        edit(project, ORG, "summary:", "summary: [")
        page.wait_for_selector("text=this is not valid YAML", timeout=30_000)
        assert f"{ORG}:" in page.inner_text("main")
        edit(project, ORG, "summary: [", "summary:")
        page.wait_for_function(RELOADED,
                               timeout=30_000)
    finally:
        page.close()
        observer.stop()
        observer.join()


def test_the_watchers_list_spares_looking_at_other_files(project: Path) -> None:
    cache, layout = EntryCache(), Layout(project)
    load_project(layout, cache=cache)
    org = edit(project, ORG, "summary:", "summary:\n  # edited\n")
    edit(project, "directory/networks/red-sur.yml", "summary:", "summary:\n  # edited\n")
    load_project(layout, cache=cache, changed=[org])
    assert cache.reads == 1  # only the file the watcher named
    load_project(layout, cache=cache)
    assert cache.reads == 1  # without a list, every file is looked at: the other one


def test_a_file_beside_the_configuration_changes_nothing(
        project: Path, preview: Preview) -> None:
    before = preview.generation
    log = project / "serve.log"  # `tejido serve > serve.log` would otherwise reload forever
    log.write_text("INFO - something\n", encoding="utf-8")
    preview.files_changed([log])
    assert preview.generation == before
    preview.files_changed([project / "mkdocs.yml"])
    assert preview.generation == before + 1
