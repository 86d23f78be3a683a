"""A build that fails leaves the site as it was; one that succeeds replaces it whole;
a warning about the machine's optional libraries does not fail a strict build."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from conftest import make_project, run_mkdocs
from tejido.core.outputs.pdf.jobs import PdfSource
from tejido.core.outputs.pdf.render import render_pdf


def test_successful_build_replaces_the_site_and_keeps_hidden_entries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEJIDO_PDF", "false")
    project = make_project(tmp_path)
    site = project / "site"
    (site / ".git").mkdir(parents=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (site / "pagina-vieja.html").write_text("de una versión anterior\n")
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "organizaciones/casa-de-la-mixteca/index.html").is_file()
    assert (site / "en/organizaciones/casa-de-la-mixteca/index.html").is_file()
    assert not (site / "pagina-vieja.html").exists()
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert [p.name for p in project.iterdir() if "tejido-" in p.name] == []


def test_a_large_replaced_site_is_deleted_after_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deleting tens of thousands of folders took most of a rebuild with nothing
    changed: a replaced site that large goes away in a process of its own, and a
    leftover of one that did not finish is deleted by the next build."""
    from tejido.glue import atomic

    monkeypatch.setattr(atomic, "LARGE_SITE", 5)
    assert atomic._holds_more_than(tmp_path, 0) is False
    target, staging = tmp_path / "site", tmp_path / ".site.tejido-building-1"
    for folder in (target, staging):
        for number in range(8):
            (folder / f"p{number}").mkdir(parents=True)
            (folder / f"p{number}" / "index.html").write_text(folder.name)
    assert atomic._holds_more_than(target, 5) and not atomic._holds_more_than(target, 16)
    leftover = tmp_path / ".site.tejido-old-99"
    (leftover / "a").mkdir(parents=True)
    atomic._replace(target, staging)
    assert (target / "p3" / "index.html").read_text() == staging.name
    build = atomic.AtomicSite()
    build.start(SimpleNamespace(site_dir=str(target)))  # type: ignore[arg-type]
    build.discard()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and [p for p in tmp_path.iterdir() if "tejido-" in p.name]:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_strict_warning_fails_the_build_and_leaves_no_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warning counted by strict mode after every page is written (a broken link in
    a hand-written page) still leaves a fresh --site-dir empty."""
    monkeypatch.setenv("TEJIDO_PDF", "false")
    project = make_project(tmp_path)
    (project / "content" / "roto.md").write_text("# Roto\n\n[nada](no-existe.md)\n")
    result = run_mkdocs(project)
    assert result.returncode == 1
    assert "warnings in strict mode" in result.stdout + result.stderr
    assert not (project / "site").exists()
    assert [p.name for p in project.iterdir() if "tejido-" in p.name] == []


def test_machine_notes_do_not_become_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint

    original = weasyprint.HTML.write_pdf

    def noisy(self: Any, *args: Any, **kwargs: Any) -> Any:
        log = logging.getLogger("weasyprint")
        log.warning('Unable to subset "%s" with HarfBuzz', "DejaVu Sans")
        log.warning('Using fontTools instead of HarfBuzz-Subset for font "%s". This will be '
                    "unsupported in future versions of WeasyPrint.", "DejaVu Serif")
        log.warning('.notdef glyph rendered for Unicode string unsupported by fonts: "%s"', "Ｃ")
        log.warning("Failed to load image at %s", "file:///x.png")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", noisy)
    rendered = render_pdf(PdfSource("<p>Hola</p>", "p { font-family: 'DejaVu Sans'; }"))
    assert rendered.data.startswith(b"%PDF-")
    assert rendered.warnings == ("Failed to load image at file:///x.png",)


def test_moving_a_build_in_place_handles_files_that_became_folders(tmp_path: Path) -> None:
    """What a build wrote replaces the site's entry of the same name, a file where a
    folder was and the other way round; the files it did not write go, with the folders
    they leave empty; hidden entries at the top are never listed."""
    from tejido.glue.in_place import SiteListing, delete_files, merge

    site, staging = tmp_path / "site", tmp_path / "staging"
    for name, text in {"a/index.html": "old", "b/index.html": "old", "c": "old file",
                       "d/e/viejo.html": "old", ".git/HEAD": "ref"}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    for name in ("a/index.html", "b", "c/index.html"):
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_text("new")
    before = SiteListing(site).files()
    assert before == {"a/index.html", "b/index.html", "c", "d/e/viejo.html"}
    merge(str(staging), str(site))
    delete_files(site, before - {"a/index.html", "b", "c/index.html"})
    found = {p.relative_to(site).as_posix(): p.read_text() for p in site.rglob("*")
             if p.is_file()}
    assert found == {"a/index.html": "new", "b": "new", "c/index.html": "new",
                     ".git/HEAD": "ref"}
    assert not (site / "d").exists()


def test_the_site_is_listed_here_when_no_process_can_be_started(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tejido.glue import in_place

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("x")
    monkeypatch.setattr(in_place.sys, "executable", str(tmp_path / "no-python"))
    listing = in_place.SiteListing(tmp_path)
    assert listing.process is None
    assert listing.files() == {str(Path("a") / "index.html")}
