"""Masking personal values before they reach a report or a terminal.

A minimal local version: the privacy work (issue 9) brings the core's own masking
function; when it lands, `mask` below becomes an import of it (one line)."""

from __future__ import annotations


def mask(value: str) -> str:
    """'ana.perez@gmail.com' -> 'a…@g…'; '+52 951 222 3344' -> '…44'; 'Ana Pérez' -> 'A…'."""
    text = str(value).strip()
    if not text:
        return ""
    if "@" in text:
        user, _, domain = text.partition("@")
        return f"{user[:1]}…@{domain[:1]}…"
    digits = [c for c in text if c.isdigit()]
    if len(digits) >= 5:
        return "…" + "".join(digits[-2:])
    return text[:1] + "…"
