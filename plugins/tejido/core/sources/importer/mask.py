"""Masking personal values before they reach a report or a terminal.

E-mail addresses and phone numbers are masked by the core's own rule (`core/validate/mask.py`,
the same as every message uses); a personal value with neither (a person's name) keeps
only its first letter."""

from __future__ import annotations

from tejido.core.validate.mask import mask_text


def mask(value: str) -> str:
    """'ana.perez@gmail.com' -> 'an•••@gmail.com'; a phone keeps its first and last
    digits; 'Ana Pérez' -> 'A…'."""
    text = str(value).strip()
    masked = mask_text(text)
    if masked != text:
        return masked
    return text[:1] + "…" if text else ""
