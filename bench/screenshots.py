"""Screenshots of a built site, in both languages, at 320, 390 and 1280 px.

    python bench/screenshots.py SITE_DIR OUT_DIR [path/ ...]

Each path is shot as Spanish (/path) and English (/en/path); with no path, one page of
every type (PAGE_TYPES).  Each shot waits for the page's scripts to settle (the
directory fills itself in).  Uses Debian's Chromium through Playwright; no browser
download.
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844), "small": (320, 640)}
PAGE_TYPES = [
    "index.html", "directorio/index.html", "organizaciones/index.html",
    "organizaciones/mujeres-tierra-de-valles/index.html", "redes/red-polo/index.html",
    "practicas/mentoria-social-entre-organizaciones/index.html",
    "guias/memoria-polo/index.html", "temas/index.html", "temas/salud/index.html",
    "regiones/oaxaca/index.html", "matriz/index.html", "contribuir.html", "acerca.html",
    "datos/index.html", "no-existe/index.html",
]
"""One page of each type in the sample catalog (the last one is the 404)."""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """A missing page gets the site's own 404 (the English one under /en/), as a
        host configured as the README says would serve it."""
        root = Path(self.directory)
        page = root / ("en/404.html" if self.path.startswith("/en/") else "404.html")
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def main(site: Path, out: Path, paths: list[str]) -> None:
    paths = paths or PAGE_TYPES
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for width_name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in paths:
                for prefix in ("", "en/"):
                    page.goto(base + prefix + path, wait_until="networkidle")
                    page.wait_for_timeout(800)  # Material fades its tabs in
                    name = (prefix + path).strip("/").replace("/", "_") or "home"
                    target = out / f"{name}-{width_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
