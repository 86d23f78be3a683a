"""Comparing words the way readers type them."""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache


def fold(text: str) -> str:
    """Lowercase without accents ('Educación' -> 'educacion'): what search, sorting and
    'did you mean' compare."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(name: str) -> str:
    """'Fundación Niñas de Oaxaca, A.C.' -> 'fundacion-ninas-de-oaxaca-a-c': file names of
    entries and ids of places."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:80].strip("-")


@cache
def combining_marks() -> tuple[int, ...]:
    """The characters `fold` drops, for the browser's copy of it (tejido-search.js):
    runs of code points as (gap since the end of the previous run, run length - 1), flat.

    Taken from this Python's Unicode database, so the browser drops exactly the same
    marks (every combining mark, not only U+0300–036F), in about a kilobyte."""
    flat: list[int] = []
    start = end = -2
    previous_end = 0
    for code in range(sys.maxunicode + 1):
        if not unicodedata.combining(chr(code)):
            continue
        if code == end + 1:
            end = code
            continue
        if start >= 0:
            flat += [start - previous_end, end - start]
            previous_end = end
        start = end = code
    flat += [start - previous_end, end - start]
    return tuple(flat)
