"""Where a project keeps its content, and finding its entry files there."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tejido.core.model import fields as f

TRANSLATION_SUFFIX = ".en"
"""`practices/x.en.md` holds the English body of `practices/x.md`."""


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its content, relative to its root."""

    root: Path
    folders: dict[str, str] = field(default_factory=lambda: {
        spec.kind: spec.folder for spec in f.KINDS.values()})
    taxonomies: str = "taxonomies"
    pages: str = "content"
    """The MkDocs docs_dir: hand-written pages, and any other file there is published."""

    def folder(self, kind: str) -> Path:
        return self.root / self.folders[kind]



def shown_path(path: Path, root: Path) -> str:
    # By string: pathlib's relative_to was a tenth of a 10,000-entry reload in the preview.
    text, prefix = str(path), str(root).rstrip(os.sep) + os.sep
    return text[len(prefix):].replace(os.sep, "/") if text.startswith(prefix) else text


def entry_files(layout: Layout, spec: f.KindSpec) -> Iterator[Path]:
    folder = layout.folder(spec.kind)
    if not folder.is_dir():
        return
    suffixes = (".yml", ".yaml") if spec.pattern == "*.yml" else (".md",)
    with os.scandir(folder) as listing:  # file types come with the listing: no stat each
        # A link is listed too: the caller refuses it, naming it.
        names = sorted(item.name for item in listing if item.is_file() or item.is_symlink())
    for name in names:
        stem, suffix = os.path.splitext(name)
        hidden = name.startswith((".", "_"))
        if suffix in suffixes and not hidden and not stem.endswith(TRANSLATION_SUFFIX):
            yield folder / name

