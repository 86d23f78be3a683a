"""`tejido serve`: an HTTP server for the preview, and a file watcher.

The watcher is watchdog's native observer (inotify on Linux): the kernel reports
changes, nothing polls, so an idle preview costs no CPU.  Events are gathered for a
moment (an editor's save is several events) and handed to the preview at once.
"""

from __future__ import annotations

import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from tejido.core import THEME_DIR
from tejido.preview.app import Preview

log = logging.getLogger("tejido.preview")
SETTLE = 0.05
"""Seconds without a new event before a batch of changes is handed over."""
WAIT = 25.0
"""How long a browser's request for the next change is held open."""


class Changes(FileSystemEventHandler):
    """Collects changed paths and hands them to the preview in batches, in one thread."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.paths: set[Path] = set()
        self.lock = threading.Lock()
        self.event = threading.Event()
        threading.Thread(target=self._work, name="tejido-reload", daemon=True).start()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or event.is_directory:
            return
        names = [event.src_path, getattr(event, "dest_path", "")]
        with self.lock:
            for name in names:
                if name:
                    path = Path(str(name))
                    if not path.name.startswith(".") and not path.name.endswith("~"):
                        self.paths.add(path.resolve())
        self.event.set()

    def _work(self) -> None:
        while True:
            self.event.wait()
            while True:  # settle: wait until the events stop coming
                self.event.clear()
                if not self.event.wait(SETTLE):
                    break
            with self.lock:
                paths, self.paths = self.paths, set()
            if paths:
                self.preview.files_changed(paths)


def watched_folders(preview: Preview) -> list[Path]:
    folders = {preview.docs_dir, preview.root / preview.layout.taxonomies, Path(THEME_DIR)}
    folders.update(preview.layout.folder(kind) for kind in preview.layout.folders)
    custom = preview.sites and next(iter(preview.sites.values())).config.theme.custom_dir
    if custom:
        folders.add(Path(custom))
    return sorted(folder.resolve() for folder in folders if folder.is_dir())


def handler_for(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # the name http.server calls
            url = urlsplit(self.path)
            if url.path == "/.tejido/wait":
                since = parse_qs(url.query).get("since", ["0"])[0]
                now = preview.wait(int(since) if since.isdigit() else -1, WAIT)
                self._send(200, "text/plain; charset=utf-8", str(now).encode())
                return
            response = preview.get(unquote(url.path).lstrip("/"))
            self._send(response.status, response.content_type, response.body)

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            log.debug(format, *args)

    return Handler


def serve(config_file: Path, host: str, port: int) -> None:
    start = time.perf_counter()
    preview = Preview(config_file)
    server = ThreadingHTTPServer((host, port), handler_for(preview))
    server.daemon_threads = True
    # Serve at once: until the catalog is loaded, pages say the preview is starting.
    threading.Thread(target=server.serve_forever, name="tejido-http", daemon=True).start()
    log.info("Tejido preview on http://%s:%d/ (loading…)", host, port)
    preview.load()
    log.info("Tejido preview ready in %.1f s on http://%s:%d/", time.perf_counter() - start,
             host, port)
    threading.Thread(target=preview.warm_up, name="tejido-warm-up", daemon=True).start()
    observer = Observer()
    changes = Changes(preview)
    observer.schedule(changes, str(config_file.resolve().parent), recursive=False)
    for folder in watched_folders(preview):
        observer.schedule(changes, str(folder), recursive=True)
    observer.start()
    try:
        while observer.is_alive():
            observer.join(1.0)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.shutdown()
