"""Likely duplicates, for `tejido check` to warn about (never to fail): organizations and
networks whose names are equal once accents and case are folded, or very close
(rapidfuzz), or that share a phone, an e-mail or a website.  A pair marked in either
entry's `distinct_from` is not reported again.

The values compared are the organization's own routes (`contact`), never a contact
person's; warnings name the files and lines, not the phone or address itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from tejido.core.catalog.catalog import Catalog
from tejido.core.model.model import Entry, Ref
from tejido.core.model.places import name_key
from tejido.core.validate.problems import Problem

KINDS = ("organization", "network")
CLOSE = 92.0
"""Names at least this close (rapidfuzz token_sort_ratio) are likely the same."""
COMMON = 60
"""A word shared by more names than this ('colectivo', 'mujeres') does not make a pair
worth comparing: comparing all pairs would cost n² at 10,000 entries."""
FILLER = frozenset(["de", "del", "la", "las", "los", "el", "y", "a", "c", "ac", "the", "of", "and"])


@dataclass(frozen=True)
class Pair:
    first: Entry
    second: Entry
    reason: str
    """'name', 'close name', 'phone', 'email' or 'website'."""


def _routes(entry: Entry) -> Iterator[tuple[str, str]]:
    """The organization's own routes, normalized: phones by their last ten digits, e-mails
    in lower case, websites without scheme, 'www.' or a trailing slash."""
    contact: Mapping[str, Any] = entry.values.get("contact") or {}
    emails = [contact.get("email"), *(e.get("address") for e in contact.get("emails", ()))]
    phones = [contact.get("phone"), *(p.get("number") for p in contact.get("phones", ()))]
    for email in emails:
        if isinstance(email, str):
            yield "email", email.strip().lower()
    for phone in phones:
        digits = re.sub(r"\D", "", str(phone or ""))
        if len(digits) >= 7:
            yield "phone", digits[-10:]
    website = entry.values.get("website")
    if isinstance(website, str):
        bare = re.sub(r"^https?://(www\.)?", "", website.strip().lower()).rstrip("/")
        if bare:
            yield "website", bare


def _distinct(entry: Entry) -> set[Ref]:
    marked = entry.values.get("distinct_from") or ()
    return {ref for ref in marked if isinstance(ref, Ref)}


def _name_pairs(entries: list[Entry]) -> Iterator[tuple[Entry, Entry, str]]:
    keys = {entry.ref: name_key(entry.name("es")) for entry in entries}
    by_word: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for word in set(keys[entry.ref].split()) - FILLER:
            by_word[word].append(entry)
    seen: set[tuple[Ref, Ref]] = set()
    for group in by_word.values():
        if len(group) > COMMON:
            continue
        for one, two in combinations(group, 2):
            pair = (min(one.ref, two.ref), max(one.ref, two.ref))
            if pair in seen:
                continue
            seen.add(pair)
            if keys[one.ref] == keys[two.ref]:
                yield one, two, "name"
            elif fuzz.token_sort_ratio(keys[one.ref], keys[two.ref]) >= CLOSE:
                yield one, two, "close name"


def _route_pairs(entries: list[Entry]) -> Iterator[tuple[Entry, Entry, str]]:
    holders: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        for route in dict.fromkeys(_routes(entry)):
            holders[route].append(entry)
    for (kind, _), group in holders.items():
        if len(group) <= COMMON:  # a network's shared switchboard is not a duplicate
            for one, two in combinations(group, 2):
                yield one, two, kind


def likely_duplicates(catalog: Catalog) -> list[Pair]:
    entries = [e for kind in KINDS for e in catalog.of_kind(kind)]
    found: dict[tuple[Ref, Ref], Pair] = {}
    for one, two, reason in (*_name_pairs(entries), *_route_pairs(entries)):
        if two.ref in _distinct(one) or one.ref in _distinct(two):
            continue
        key = (min(one.ref, two.ref), max(one.ref, two.ref))
        first, second = sorted((one, two), key=lambda e: e.ref)
        found.setdefault(key, Pair(first, second, reason))
    return sorted(found.values(), key=lambda p: (p.first.source, p.second.source))


_FIELD_OF = {"name": "name", "close name": "name", "phone": "contact", "email": "contact",
             "website": "website"}
_SAID = {"name": "the same name", "close name": "a very similar name",
         "phone": "the same phone number", "email": "the same e-mail address",
         "website": "the same website"}


def _line(root: Path, source: str, field: str) -> int:
    try:
        lines = (root / source).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, text in enumerate(lines, 1) if text.startswith(f"{field}:")), 1)


def duplicate_warnings(catalog: Catalog, root: Path) -> Iterable[Problem]:
    for pair in likely_duplicates(catalog):
        field = _FIELD_OF[pair.reason]
        other = f"{pair.second.source}:{_line(root, pair.second.source, field)}"
        yield Problem(
            pair.first.source, _line(root, pair.first.source, field), field,
            f"this may be the same as {pair.second.ref}: {_SAID[pair.reason]}",
            expected="one entry per organization", found=f"also {other}",
            hint=f"if they are the same, merge them into one file; if not, add "
                 f"'distinct_from: [{pair.second.ref}]' to {pair.first.source} "
                 "and the warning stops")
