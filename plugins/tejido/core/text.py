"""Comparing words the way readers type them."""

from __future__ import annotations

import re
import unicodedata


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
