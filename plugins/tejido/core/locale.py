"""Numbers, dates and licence names as a reader of each language writes them.

Babel (CLDR's data) knows each language's digit grouping and month names:
`1.000` and `1 de septiembre de 2026` in Spanish, `1,000` and `September 1, 2026`
in English."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

from .labels import label


def number(lang: str, value: int | float) -> str:
    return str(format_decimal(value, locale=lang))


def long_date(lang: str, value: dt.date) -> str:
    return str(format_date(value, format="long", locale=lang))


def pages(lang: str, count: int) -> str:
    """'24 págs.' / '24 pages'."""
    return label(lang, "pages.one") if count == 1 else label(lang, "pages.many",
                                                             count=number(lang, count))


def licence_name(spdx: str) -> str:
    """A licence's usual name from its SPDX id: CC-BY-SA-4.0 is 'CC BY-SA 4.0', CC0-1.0 is
    'CC0 1.0'; other ids (MIT, GPL-3.0-only) are already how people write them."""
    parts = spdx.split("-")
    if parts[0] == "CC" and len(parts) >= 3:
        return f"CC {'-'.join(parts[1:-1])} {parts[-1]}"
    if parts[0] == "CC0" and len(parts) == 2:
        return f"CC0 {parts[1]}"
    return spdx
