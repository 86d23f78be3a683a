"""Comparing words the way readers type them."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path


def fold(text: str) -> str:
    """Lowercase without accents ('Educación' -> 'educacion'): what search, sorting and
    'did you mean' compare."""
    if text.isascii():  # no accents to drop, nothing to decompose: most English text
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(name: str) -> str:
    """'Fundación Niñas de Oaxaca, A.C.' -> 'fundacion-ninas-de-oaxaca-a-c': file names of
    entries and ids of places."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:80].strip("-")


MARKS_FILE = Path(__file__).resolve().parents[1] / "data" / "combining-marks.json"
"""`scan_combining_marks()` per Unicode version: the scan takes a tenth of a second, on
every build, for a table that only a new Unicode version changes."""


@cache
def combining_marks() -> tuple[int, ...]:
    """The characters `fold` drops, for the browser's copy of it (tejido-search.js):
    runs of code points as (gap since the end of the previous run, run length - 1), flat.
    From `MARKS_FILE` for this Python's Unicode version, else scanned."""
    known = json.loads(MARKS_FILE.read_text(encoding="utf-8")).get(unicodedata.unidata_version)
    return tuple(known) if known is not None else scan_combining_marks()


def scan_combining_marks() -> tuple[int, ...]:
    """`combining_marks` from this Python's Unicode database, so the browser drops exactly
    the same marks (every combining mark, not only U+0300–036F), in about a kilobyte."""
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


SPANISH_ENE = "\U0010ffff"
"""Put after 'n' in a Spanish sort key so that 'ñ' comes between 'n' and 'o'."""


def sort_key(text: str, lang: str) -> tuple[str, str]:
    """The one order of names in every listing, facet, index and PDF: accents and case
    ignored ('Órgano' between 'Oaxaca' and 'Zapoteca', 'árbol' beside 'Árbol'), and in
    Spanish 'ñ' a letter of its own after 'n' ('Núcleo' < 'Nuevo' < 'Ñuu').  The text
    itself breaks ties, so the order never depends on the order of the input."""
    lowered = text.lower()
    if lang == "es":
        lowered = lowered.replace("ñ", "n" + SPANISH_ENE)
    return fold(lowered), text


def initial(text: str, lang: str) -> str:
    """The letter an index files a name under ('Órgano' -> 'O'; 'Ñuu' -> 'Ñ' in Spanish);
    '#' for a name that starts with no letter."""
    key = sort_key(text, lang)[0]
    if not key[:1].isalpha():
        return "#"
    return "Ñ" if key.startswith("n" + SPANISH_ENE) else key[0].upper()
