"""How fresh an entry is: verified recently, due for checking, or never verified.

From `last_verified` and the build's date, with thresholds a site owner sets
(`fresh_months`, `due_months` of the catalog plugin): within `fresh_months` the
entry is "fresh", up to `due_months` it is "due" (por verificar), older or never
checked it is "unverified" (sin verificar). Dates are written in the reader's
language with Babel's locale data ("1 de septiembre de 2026", "1 September 2026").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date

from tejido.core.model.model import Entry, Text

STATES = ("fresh", "due", "unverified")
LOCALES = {"es": "es", "en": "en_GB"}
"""en_GB writes the day first ('1 September 2026'), as the Spanish does."""


@dataclass(frozen=True)
class FreshnessPolicy:
    today: dt.date
    fresh_months: int = 12
    due_months: int = 24


@dataclass(frozen=True)
class Freshness:
    state: str
    """'fresh', 'due' or 'unverified'."""
    verified: dt.date | None
    by: Text | None
    """A role or an organization, never a person (the privacy guard checks)."""
    method: str | None
    """'phone', 'email', 'visit' or 'self'."""


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (the last day of a shorter month if needed)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for candidate in range(day.day, 0, -1):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError(day)


def state(verified: dt.date | None, policy: FreshnessPolicy) -> str:
    if verified is None or verified < months_before(policy.today, policy.due_months):
        return "unverified"
    if verified < months_before(policy.today, policy.fresh_months):
        return "due"
    return "fresh"


def freshness(entry: Entry, policy: FreshnessPolicy) -> Freshness:
    day = entry.last_verified
    return Freshness(state(day, policy), day, entry.values.get("verified_by"),
                     entry.values.get("verification_method"))


@lru_cache(maxsize=8192)
def long_date(day: dt.date, lang: str) -> str:
    """Babel takes about 60 µs per date, and a build writes each entry's date on every
    listing it is on: a catalog has few distinct dates."""
    return str(format_date(day, format="long", locale=LOCALES.get(lang, lang)))


def is_due(found: Freshness) -> bool:
    """Listed for the maintainers: anything not fresh."""
    return found.state != "fresh"
