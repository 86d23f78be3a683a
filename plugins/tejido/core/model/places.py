"""Every country, and the first-level subdivisions of the countries a catalog is likely to
cover, with Spanish and English names: from pycountry (ISO 3166-1 and 3166-2 and their
translations, shipped with the package), never typed by hand.

`data/places.yml` corrects the few names ISO keeps in an official form nobody writes
("Michoacán de Ocampo") and adds the aliases people use (CDMX, EdoMex).  This module
knows nothing of taxonomies: `taxonomy.py` turns these places into region terms.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry

from tejido.core.i18n.text import fold, slugify
from tejido.core.yaml_data import read_data

_LATIN_AMERICA_AND_CARIBBEAN = (  # UN M49
    "AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GT GY HN HT JM "
    "KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI")
SUBDIVIDED: frozenset[str] = frozenset((*_LATIN_AMERICA_AND_CARIBBEAN.split(), "US", "CA", "ES"))
"""Countries whose first-level subdivisions (states, departments, provinces, autonomous
communities) are places out of the box; every other country is a place without them."""

_INVERTED_TAIL = re.compile(r"^(?:\S+|.*\b(?:de|del|de la|de los|of|of the))$", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    id: str
    code: str
    """ISO 3166-1 alpha-2 (`MX`) or ISO 3166-2 (`MX-OAX`)."""
    country: str
    """The alpha-2 code of the country it is in (its own, for a country)."""
    es: str
    en: str
    aliases: tuple[str, ...] = ()

    @property
    def parent(self) -> str | None:
        """The id of its country, for a subdivision."""
        return None if self.code == self.country else _country_ids()[self.country]


@lru_cache(maxsize=1 << 16)  # the same few names recur in every row of a spreadsheet
def name_key(text: str) -> str:
    """How names are compared: folded, punctuation and spacing ignored
    ('Edo. de México' -> 'edo de mexico')."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def _uninvert(name: str) -> str:
    """'Madrid, Comunidad de' -> 'Comunidad de Madrid'; 'Comores, Islas' -> 'Islas Comores'.
    Other commas stay ('Taiwán, Provincia de China')."""
    head, sep, tail = name.partition(", ")
    if sep and "," not in tail and _INVERTED_TAIL.match(tail):
        return f"{tail} {head}"
    return name


def _bracketed(name: str, country: str) -> tuple[str, tuple[str, ...]]:
    """'Catalunya [Cataluña]': ISO gives the local name with the Castilian one in brackets;
    Spanish readers expect the Castilian one."""
    match = re.fullmatch(r"(.*?)\s*\[(.*)\]", name)
    if not match:
        return name, ()
    local, castilian = match.group(1).strip(), match.group(2).strip()
    chosen = castilian if country == "ES" else local
    return chosen, tuple({local, castilian} - {chosen})


def _translator(domain: str, lang: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@cache
def _overrides() -> dict[str, dict[str, Any]]:
    data = read_data(Path(__file__).parents[1] / "data" / "places.yml")
    return {str(code): dict(value) for code, value in (data or {}).items()}


def _country_places() -> list[Place]:
    spanish = _translator("iso3166-1", "es")
    places = []
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        es = _uninvert(spanish.gettext(english))
        aliases = {country.name, getattr(country, "official_name", None) or "",
                   spanish.gettext(country.name), _uninvert(country.name), country.alpha_3}
        places.append(Place("", country.alpha_2, country.alpha_2, es, _uninvert(english),
                            tuple(sorted(a for a in aliases if a))))
    return places


def _subdivision_places() -> list[Place]:
    spanish, english = _translator("iso3166-2", "es"), _translator("iso3166-2", "en")
    places = []
    for code in sorted(SUBDIVIDED):
        # pycountry gives a set: sorted by code, so every build lists places in one order.
        found = pycountry.subdivisions.get(country_code=code) or ()  # type: ignore[no-untyped-call]
        for sub in sorted(found, key=lambda sub: str(sub.code)):
            if sub.parent_code is not None:
                continue  # only first-level subdivisions
            es, extra_es = _bracketed(_uninvert(spanish.gettext(sub.name)), code)
            en, extra_en = _bracketed(_uninvert(english.gettext(sub.name)), code)
            aliases = {sub.name, *extra_es, *extra_en} - {es, en}
            places.append(Place("", sub.code, code, es, en, tuple(sorted(aliases))))
    return places


def _corrected(place: Place) -> Place:
    fix = _overrides().get(place.code, {})
    aliases = {*place.aliases, *(str(a) for a in fix.get("aliases", ()))}
    es, en = str(fix.get("es", place.es)), str(fix.get("en", place.en))
    aliases |= {place.es, place.en} - {es, en}
    return Place(str(fix.get("id", "")), place.code, place.country, es, en,
                 tuple(sorted(aliases)))


def _with_ids(places: list[Place]) -> tuple[Place, ...]:
    """Ids are the slug of the Spanish name; a subdivision whose slug another place also
    has gets its country's code appended (`la-libertad-sv`, `la-libertad-pe`; `guatemala`
    is the country, `guatemala-gt` its department)."""
    slugs = Counter(slugify(p.es) for p in places if not p.id)
    countries = {slugify(p.es) for p in places if p.code == p.country}
    result, used = [], set()
    for place in places:
        ident = place.id or slugify(place.es)
        is_country = place.code == place.country
        if not place.id and not is_country and (slugs[ident] > 1 or ident in countries):
            ident = f"{ident}-{place.country.lower()}"
        if ident in used:
            ident = slugify(place.code)
        used.add(ident)
        result.append(Place(ident, place.code, place.country, place.es, place.en,
                            place.aliases))
    return tuple(result)


@cache
def all_places() -> tuple[Place, ...]:
    """Countries first, then subdivisions; ids stable for a pinned pycountry."""
    return _with_ids([_corrected(p) for p in (*_country_places(), *_subdivision_places())])


@cache
def _country_ids() -> dict[str, str]:
    return {p.code: p.id for p in all_places() if p.code == p.country}


__all__ = ["SUBDIVIDED", "Place", "all_places", "name_key"]
