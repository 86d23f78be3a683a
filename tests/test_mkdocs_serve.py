"""Plain `mkdocs serve` (not `tejido serve`) shows an edit of an entry file.

Entries and taxonomies live outside docs_dir, where MkDocs' watcher does not look
unless the plugin tells it to; and MkDocs keeps the plugin for the whole server, so a
rebuild must read the content again instead of showing the first build's catalog.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import engine

DEADLINE = 300
"""Seconds to wait for a rebuild on a loaded machine: a limit, not a timing."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, server: subprocess.Popen[str]) -> bool:
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end and server.poll() is None:
        page = _fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(1)
    return False


def test_an_entry_edit_reaches_the_page_under_mkdocs_serve(project: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        engine("serve", "-a", f"127.0.0.1:{port}", "-f",
               str(project / "mkdocs.yml")),
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TEJIDO_PDF": "false"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}/organizaciones/casa-de-la-mixteca/"
    source = project / "directory" / "organizations" / "casa-de-la-mixteca.yml"
    try:
        assert _wait_for(url, "Acompaña a mujeres artesanas", server), "first build never served"
        source.write_text(source.read_text(encoding="utf-8").replace(
            "Acompaña a mujeres artesanas", "Acompaña a tejedoras y alfareras"), encoding="utf-8")
        assert _wait_for(url, "Acompaña a tejedoras y alfareras", server), \
            "the edit of an entry file never reached the served page"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=60)[0]
    assert "Traceback" not in output, output[-3000:]
