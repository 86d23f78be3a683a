"""Lighthouse (mobile) scores of a built site: home, directory, an organization, a practice.

    (cd bench/lighthouse && npm ci)      # Lighthouse, pinned in bench/lighthouse/
    TEJIDO_PDF=false .venv/bin/mkdocs build --strict --site-dir site
    .venv/bin/python bench/lighthouse.py site [organization-path] [practice-path]

Serves the site on 127.0.0.1 with gzip (as any real host would), runs Lighthouse's
default mobile profile (emulated phone, throttled network and CPU) with Debian's
Chromium, and prints the four category scores of each page.  A benchmark, not a test:
scores move with the machine's load.
"""

from __future__ import annotations

import gzip
import json
import mimetypes
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"home": "index.html", "directory": "directorio/index.html",
         "organization": "organizaciones/mujeres-tierra-de-valles/index.html",
         "practice": "practicas/diplomado-ciudadania-paz-politicas/index.html"}


def handler_for(site: Path) -> type[BaseHTTPRequestHandler]:
    class Gzipped(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = site / self.path.split("?")[0].lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                self.send_error(404)
                return
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.send_response(200)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith(
                ("text/", "application/javascript")) else ""))
            self.send_header("Cache-Control", "max-age=3600")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Gzipped


def scores(url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json",
                        f"--output-path={report}", f"--chrome-path={CHROMIUM}",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                        "--only-categories=" + ",".join(CATEGORIES)],
                       check=True, timeout=300)
        data = json.loads(report.read_text(encoding="utf-8"))
    return {name: data["categories"][name]["score"] for name in CATEGORIES}


def main(argv: list[str]) -> int:
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `npm ci` in {HERE / 'lighthouse'}")
        return 2
    site = Path(argv[1]).resolve()
    pages = dict(PAGES)
    if len(argv) > 2:
        pages["organization"] = argv[2]
    if len(argv) > 3:
        pages["practice"] = argv[3]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        print(f"{'page':<14}" + "".join(f"{name:>16}" for name in CATEGORIES))
        for name, path in pages.items():
            found = scores(base + path)
            print(f"{name:<14}" + "".join(f"{found[c]:>16.2f}" for c in CATEGORIES))
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
