"""A build that fails leaves the site as it was; one that succeeds replaces it whole;
a warning about the machine's optional libraries does not fail a strict build."""

from __future__ import annotations

import logging
from pathlib import Path
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
        log.warning('.notdef glyph rendered for Unicode string unsupported by fonts: "%s"', "Ｃ")
        log.warning("Failed to load image at %s", "file:///x.png")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", noisy)
    rendered = render_pdf(PdfSource("<p>Hola</p>", "p { font-family: 'DejaVu Sans'; }"))
    assert rendered.data.startswith(b"%PDF-")
    assert rendered.warnings == ("Failed to load image at file:///x.png",)
