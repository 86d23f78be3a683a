"""Compare two built sites page by page, ignoring whitespace between tags.

Used to check that a change of how pages are rendered (templates) leaves what the
reader gets the same: `python bench/site_diff.py site-before site-after`."""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

BETWEEN_TAGS = re.compile(r">\s+<")
SPACES = re.compile(r"\s+")
EQUIVALENT = (("&#x27;", "&#39;"), ("&para;", "¶"))
"""Spellings of one character that escapers choose differently."""


def normalized(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    text = SPACES.sub(" ", BETWEEN_TAGS.sub("><", text))
    for spelling, same in EQUIVALENT:
        text = text.replace(spelling, same)
    return text.replace("><", ">\n<").splitlines()


def main(before: Path, after: Path, shown: int = 40) -> int:
    changed = 0
    for old in sorted(before.rglob("*.html")):
        new = after / old.relative_to(before)
        if not new.exists():
            print(f"only in {before}: {old.relative_to(before)}")
            changed += 1
            continue
        diff = list(difflib.unified_diff(normalized(old), normalized(new), lineterm="", n=0))
        if diff:
            changed += 1
            print(f"== {old.relative_to(before)}")
            print("\n".join(line for line in diff[2:shown] if not line.startswith("@@")))
    for new in sorted(after.rglob("*.html")):
        if not (before / new.relative_to(after)).exists():
            print(f"only in {after}: {new.relative_to(after)}")
            changed += 1
    print(f"{changed} pages differ")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
