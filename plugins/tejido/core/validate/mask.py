"""Masking e-mail addresses and phone numbers in anything printed.

Messages go to terminals, CI logs and pull-request annotations, which are public:
a value that may be a person's is shown only far enough to be recognised by the
person who wrote it ("ma•••@gmail.com", "+52 55 •• •• 12 34"), never in full.
Every problem is masked when it is recorded (`Problems.add`), and `tejido import`
uses the same functions for its report.
"""

from __future__ import annotations

import re

DOT = "•"
EMAIL_IN_TEXT = re.compile(r"[^\s@<>\"'(),;:\[\]{}]+@[^\s@<>\"'(),;:\[\]{}]+\.[A-Za-z]{2,}")
ANYTHING_AT = re.compile(r"[^\s<>\"'(),;:\[\]{}]*@[^\s<>\"'(),;:\[\]{}]*")
"""Whatever holds an '@', even a mistyped address ('ana@@gmail.com'): masked too."""
PHONE_IN_TEXT = re.compile(
    r"(?<![\w+])(?!\d{4}-\d{2}-\d{2}(?!\d))(?!\d{4} ?[-–] ?\d{4}(?!\d))"
    r"\+?\d[\d ()\-.]{5,24}\d(?![\w])")
"""A run of digits and separators with at least seven digits (checked below), not an
ISO date like 2026-03-01 nor a span of years like 2019-2021."""
MIN_PHONE_DIGITS = 7


def mask_email(address: str) -> str:
    """'maria.lopez@gmail.com' -> 'ma•••@gmail.com': the domain stays (it tells the
    contributor which route the message means), the person's part goes."""
    local, _, domain = address.rpartition("@")
    keep = 2 if len(local) > 3 else 1
    return f"{local[:keep]}{DOT * 3}@{domain}"


def mask_phone(number: str) -> str:
    """'+52 55 1234 1234' -> '+52 55 •••• 1234': the first four and the last four digits
    stay, every other digit becomes a dot; spaces and signs keep their places."""
    digits = sum(ch.isdigit() for ch in number)
    keep_start, keep_end = (4, 4) if digits >= 10 else (2, 2)
    out, seen = [], 0
    for ch in number:
        if ch.isdigit():
            seen += 1
            hidden = keep_start < seen <= digits - keep_end
            out.append(DOT if hidden else ch)
        else:
            out.append(ch)
    return "".join(out)


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    if sum(ch.isdigit() for ch in text) < MIN_PHONE_DIGITS:
        return text
    return mask_phone(text)


def mask_text(text: str) -> str:
    """Every e-mail address and phone-like number in `text`, masked."""
    if not text:
        return text
    text = ANYTHING_AT.sub(lambda m: mask_email(m.group(0)), text)
    return PHONE_IN_TEXT.sub(_phone, text)
