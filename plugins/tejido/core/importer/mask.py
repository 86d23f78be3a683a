"""Masking personal values before they reach a report or a terminal.

E-mail addresses and phone numbers are masked by the core's own functions
(`core/mask.py`, the same `tejido check` uses); a person's name, which no pattern
recognises, keeps only its first letter."""

from __future__ import annotations

from ..mask import ANYTHING_AT, mask_email, mask_phone


def mask(value: str) -> str:
    """'ana.perez@gmail.com' -> 'an•••@gmail.com'; '+52 951 222 3344' -> '+52 95• ••• 3344';
    'Ana Pérez' -> 'A…'."""
    text = str(value).strip()
    if not text:
        return ""
    if ANYTHING_AT.fullmatch(text):
        return mask_email(text)
    if sum(ch.isdigit() for ch in text) >= 5:
        return mask_phone(text)
    return text[:1] + "…"
