"""Numbers and page counts as a reader of each language writes them.

Babel (CLDR's data) knows each language's digit grouping: `1.000` in Spanish, `1,000`
in English.  Dates are `freshness.long_date`'s; licence names `licences.licence`'s."""

from __future__ import annotations

from babel.numbers import format_decimal

from tejido.core.i18n.labels import label


def number(lang: str, value: int | float) -> str:
    return str(format_decimal(value, locale=lang))


def pages(lang: str, count: int) -> str:
    """'24 págs.' / '24 pages'."""
    return label(lang, "pages.one") if count == 1 else label(lang, "pages.many",
                                                             count=number(lang, count))

