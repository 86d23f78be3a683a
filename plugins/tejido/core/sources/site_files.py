"""Files that would reach the site without being entries: links and stray files.

Two holes closed here:

- **Symbolic links.**  An entry or taxonomy file that is a link is read
  wherever it points: a link to a system file was read and its first line
  printed in a message (which `--format github` makes a public annotation); a
  link to YAML elsewhere was published as an entry.  Entry, translation and
  taxonomy files must be real files, and their folders must stay inside the
  repository.  The messages never say what the link points to or holds.
- **Files beside the hand-written pages.**  MkDocs publishes every file in its
  `docs_dir` (`content/`) as it is, following links.  Every file there that is
  not a Markdown page must pass the same allow-list as an entry's attached
  files (`attachments.check_attachment`), and no file or folder there may be a
  link.  The pages themselves are sanitized at build time like entry pages.
"""

from __future__ import annotations

import os
from pathlib import Path

from tejido.core.sources.attachments import check_attachment
from tejido.core.validate.problems import Problem, Problems

PAGE_SUFFIXES = (".md",)


def outside_root(path: Path, root: Path) -> bool:
    """True if `path` (a folder or file, maybe through links) resolves outside `root`."""
    return path.exists() and not path.resolve().is_relative_to(root.resolve())


def linked_file_problem(shown: str, folder: bool = False) -> Problem:
    what = "folder" if folder else "file"
    return Problem(
        shown, 1, "", f"this {what} is a symbolic link, which Tejido does not follow",
        expected=f"a real {what} inside the repository", found="a link",
        hint=f"replace the link with the {what} itself (copy it into the repository); a link "
             "can make the build read, and publish, files from elsewhere on the machine")


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name


def check_site_files(docs: Path, root: Path, problems: Problems, skip: Path) -> None:
    """Problems for what MkDocs would copy from `docs` (the guides' folder `skip` holds
    entries, checked with them)."""
    if not docs.is_dir():
        return
    if outside_root(docs, root):
        problems.add(linked_file_problem(_shown(docs, root), folder=True))
        return
    skipped = skip.resolve()
    for folder, dirs, files in os.walk(docs, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs):
            path = here / name
            if path.is_symlink():
                problems.add(linked_file_problem(_shown(path, root), folder=True))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (here / d).is_symlink() and (here / d).resolve() != skipped)
        for name in sorted(files):
            if name.startswith("."):
                continue
            _check_one(here / name, root, problems)


def _check_one(path: Path, root: Path, problems: Problems) -> None:
    shown = _shown(path, root)
    if path.is_symlink():
        problems.add(linked_file_problem(shown))
        return
    if path.suffix.lower() in PAGE_SUFFIXES:
        return
    refusal = check_attachment(path)
    if refusal is not None:
        problems.add(Problem(shown, 1, "", refusal.message, refusal.expected, refusal.found,
                             refusal.hint + " (every file in this folder is published)"))
