"""Comparing words the way readers type them."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lowercase without accents ('Educación' -> 'educacion'): what search, sorting and
    'did you mean' compare."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
