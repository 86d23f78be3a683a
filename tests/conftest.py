"""Shared fixtures: small real projects in tmp_path, built with the real mkdocs."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True, scope="session")
def english_messages() -> Iterator[None]:
    """Tests read messages in English, whatever the machine's locale: the `tejido`
    commands and the builds they start pick the language from it.  Session-wide, so
    that module fixtures which run a command see it too; a test of the language choice
    sets (or deletes) these itself, with monkeypatch."""
    saved = {name: os.environ.pop(name) for name in LOCALE_VARIABLES if name in os.environ}
    os.environ["LANG"] = "en_US.UTF-8"
    yield
    for name in LOCALE_VARIABLES:
        os.environ.pop(name, None)
    os.environ.update(saved)
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def make_project(target: Path, entries: Path | None = MINI) -> Path:
    """A project with the repository's config, pages and taxonomies, and test entries."""
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "taxonomies", target / "taxonomies")
    shutil.copytree(REPO / "content", target / "content",
                    ignore=shutil.ignore_patterns("guides"))
    for folder in ("directory/organizations", "directory/networks", "practices",
                   "content/guides"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    if entries is not None:
        shutil.copytree(entries, target, dirs_exist_ok=True)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    return make_project(tmp_path, entries=None)


ENGINES = ("mkdocs", "properdocs")
ENGINE = os.environ.get("TEJIDO_ENGINE", "mkdocs")
"""What builds the sites under test: MkDocs, or with TEJIDO_ENGINE=properdocs its fork
ProperDocs (`make test-properdocs` runs the build tests so, in .venv-properdocs)."""
if ENGINE not in ENGINES:
    raise pytest.UsageError(f"TEJIDO_ENGINE={ENGINE!r}; expected one of {', '.join(ENGINES)}")


def engine(*args: str) -> list[str]:
    """The command line of the engine under test, with these arguments."""
    return [sys.executable, "-m", ENGINE, *args]


def run_mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        engine("build", "--strict", "-f", str(project / "mkdocs.yml"), "--site-dir",
               str(project / "site"), *args),
        cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project built once for the whole session; returns its site folder."""
    project = make_project(tmp_path_factory.mktemp("mini"))
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture
def read_page(built_mini: Path) -> Callable[[str], str]:
    def read(url: str) -> str:
        return (built_mini / url / "index.html").read_text(encoding="utf-8")
    return read


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_mini: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(built_mini)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from test_browser import _require_browser

    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        from test_browser import CHROMIUM, FLAGS

        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()
