"""Rows into entries: each cell translated by the mapping or resolved in the taxonomies
(places with the row's country as context), rows with the same name merged into one
entry (the union of places, themes and routes), and every value that could not be mapped
kept with its row, column, reason and the mapping line that would map it."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from tejido.core.model import fields as f
from tejido.core.model.places import name_key
from tejido.core.model.regions import country_of, place_hint, resolve_place
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.sources.importer.mapping import COUNTRY, IGNORE, LISTS, PERSONAL, Mapping_
from tejido.core.sources.importer.mask import mask
from tejido.core.sources.importer.table import Table
from tejido.core.validate.validate import EMAIL, PHONE

TAXONOMY_OF = {"type": "organization-types", "themes": "themes", "populations": "populations",
               "sdgs": "sdgs", "regions": "regions", COUNTRY: "regions"}
SKIP = frozenset({"-", "ignore", "ignorar", "omitir"})
"""What a mapping may translate a value to, to drop it on purpose."""
URLISH = re.compile(r"^(?:https?://)?(?:www\.)?[\w.-]+\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Unmapped:
    row: int
    column: str
    value: str
    why: str
    fix: str
    """The mapping line to add, or what else to do."""
    personal: bool = False

    def shown_value(self) -> str:
        return mask(self.value) if self.personal else self.value


@dataclass
class Draft:
    key: str
    name: str
    rows: list[int] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)
    """Dotted target -> values in the order met, without repeats."""

    def add(self, target: str, value: str) -> None:
        found = self.values.setdefault(target, [])
        if value not in found:
            found.append(value)


@dataclass
class Rows:
    drafts: list[Draft]
    unmapped: list[Unmapped]
    read: int


def _parts(target: str, cell: str) -> list[str]:
    if target not in LISTS:
        return [cell]
    separators = r"[;\n|]|,(?!\d)" if target.endswith("phone") else r"[;\n|,/]|\s+y\s+"
    if target.endswith("email"):
        separators = r"[;\n|,/\s]+"
    return [p.strip() for p in re.split(separators, cell) if p.strip()]


def _values_line(mapping: Mapping_, target: str, value: str) -> str:
    return (f"under values: in {mapping.path or 'the mapping'}, add "
            f"'  {target}: {{{json.dumps(value, ensure_ascii=False)}: <id>}}'")


@dataclass
class _Row:
    mapping: Mapping_
    taxonomies: Mapping[str, Taxonomy]
    number: int
    countries: tuple[str, ...]
    problems: list[Unmapped]

    def fail(self, column: str, target: str, value: str, why: str, fix: str) -> None:
        self.problems.append(Unmapped(self.number, column, value, why, fix,
                                      target.startswith(PERSONAL)))

    def convert(self, column: str, target: str, value: str) -> Iterator[tuple[str, str]]:
        chosen = self.mapping.translate(target, value)
        if chosen is not None and chosen.lower() in SKIP:
            return
        written = chosen if chosen is not None else value
        name = TAXONOMY_OF.get(target)
        if name is not None:
            term = self._term(name, written)
            if term is None:
                tax = self.taxonomies[name]
                why = (f"no place is called this ({place_hint(tax, written, self.countries)})"
                       if name == "regions" else f"not a term of taxonomies/{name}.yml")
                self.fail(column, target, value, why, _values_line(self.mapping, target, value))
                return
            yield target, term
            return
        checked = self._plain(target, written)
        if checked is None:
            self.fail(column, target, value, f"not a valid {target.split('.')[-1]}",
                      "correct the cell in the spreadsheet, or map the value under values:")
            return
        yield target, checked

    def whole_term(self, target: str, cell: str) -> bool:
        """'Comunicación y periodismo ciudadano' is one theme, not two."""
        name = TAXONOMY_OF.get(target)
        return name is not None and self._term(name, cell) is not None

    def _term(self, name: str, written: str) -> str | None:
        tax = self.taxonomies[name]
        if name == "regions":
            return resolve_place(tax, written, self.countries)
        return tax.resolve(written)

    def _plain(self, target: str, value: str) -> str | None:
        last = target.split(".")[-1]
        if last == "email":
            return value.lower() if EMAIL.match(value) else None
        if last == "phone":
            return value if PHONE.match(value) else None
        if target == "founded":
            year = value[:4]
            return year if year.isdigit() and 1800 <= int(year) <= dt.date.today().year else None
        if target == "website" or target.startswith("social.") or target == "contact.form":
            if not URLISH.match(value):
                return None
            schemed = value.lower().startswith(("http://", "https://"))
            return value if schemed else "https://" + value
        if target == "last_verified":
            return _date(value)
        return value


def _date(value: str) -> str | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(value[:10], pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _row_countries(mapping: Mapping_, cells: Mapping[str, str],
                   regions: Taxonomy) -> tuple[str, ...]:
    written = [v for h, v in cells.items() if mapping.columns.get(h) == COUNTRY and v]
    written = written or [mapping.defaults.get(COUNTRY, "")]
    found = []
    for value in written:
        term = regions.resolve(mapping.translate(COUNTRY, value) or value) if value else None
        country = country_of(regions, term) if term else None
        if country:
            found.append(country)
    return tuple(found)


def _filled(table: Table, mapping: Mapping_) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row as header -> cell, with merged-cell gaps filled from the row above."""
    above: dict[str, str] = {}
    for number, cells in table.rows:
        row = dict(zip(table.headers, cells, strict=True))
        for header in mapping.fill_down:
            if row.get(header):
                above[header] = row[header]
            elif header in above:
                row[header] = above[header]
        yield number, row


def read_rows(table: Table, mapping: Mapping_, taxonomies: Mapping[str, Taxonomy]) -> Rows:
    drafts: dict[str, Draft] = {}
    unmapped = [Unmapped(1, header, "", "the mapping names a column the spreadsheet lacks",
                         f"check the spelling of this header in {mapping.path or 'the mapping'}")
                for header in mapping.columns if header not in table.headers]
    unmapped += [Unmapped(1, header, "", "a column the mapping does not name: not imported",
                          f"add '  {json.dumps(header, ensure_ascii=False)}: <field>' (or: "
                          "ignore) under columns:")
                 for header in table.headers if header not in mapping.columns]
    name_columns = [h for h, t in mapping.columns.items() if t == "name" and h in table.headers]
    for number, cells in _filled(table, mapping):
        name = next((cells[h] for h in name_columns if cells[h]), "")
        if not name:
            unmapped.append(Unmapped(number, name_columns[0] if name_columns else "", "",
                                     "the row has no name", "write the name in the row, or "
                                     "list the name column under fill_down: if the row "
                                     "continues the one above"))
            continue
        row = _Row(mapping, taxonomies, number,
                   _row_countries(mapping, cells, taxonomies["regions"]), unmapped)
        draft = drafts.setdefault(name_key(name), Draft(name_key(name), " ".join(name.split())))
        draft.rows.append(number)
        for header, cell in cells.items():
            target = mapping.columns.get(header, IGNORE)
            if target in (IGNORE, "name") or not cell:
                continue
            for part in _parts(target, cell) if not row.whole_term(target, cell) else [cell]:
                for dotted, value in row.convert(header, target, part):
                    draft.add(dotted, value)
        for target, value in mapping.defaults.items():
            if target not in draft.values and target != COUNTRY:
                for dotted, converted in row.convert("(defaults)", target, value):
                    draft.add(dotted, converted)
    return Rows(list(drafts.values()), unmapped, len(table.rows))


# --- a draft as entry data, in the order of the kind's fields ---------------------------------


def _routes(values: Mapping[str, list[str]], prefix: str) -> dict[str, Any]:
    """The agreed contact structure: one e-mail or phone as the shorthand field, several as
    `emails:` / `phones:` lists."""
    found: dict[str, Any] = {}
    emails, phones = values.get(f"{prefix}.email", []), values.get(f"{prefix}.phone", [])
    if len(emails) == 1:
        found["email"] = emails[0]
    elif emails:
        found["emails"] = [{"address": e} for e in emails]
    if len(phones) == 1:
        found["phone"] = phones[0]
    elif phones:
        found["phones"] = [{"number": p} for p in phones]
    return found


def entry_data(draft: Draft, kind: str, taxonomies: Mapping[str, Taxonomy]) -> dict[str, Any]:
    values = draft.values
    data: dict[str, Any] = {"name": draft.name}
    regions = values.get("regions", [])
    countries = [c for c in values.get(COUNTRY, []) if c]
    regions_tax = taxonomies["regions"]
    covered = {country_of(regions_tax, r) for r in regions}
    regions = regions + [c for c in countries if country_of(regions_tax, c) not in covered]
    for spec in f.KINDS[kind].fields:
        name = spec.name
        if name == "name":
            continue
        if name == "regions":
            if regions:
                data[name] = regions
        elif name == "contact":
            record = _routes(values, "contact")
            if values.get("contact.form"):
                record["form"] = values["contact.form"][0]
            if record:
                data[name] = record
        elif name == PERSONAL:
            person = _person(values)
            if person:
                data[name] = person
        elif isinstance(spec.type, f.Record):
            record = {}
            for sub in spec.type.fields:
                got = values.get(f"{name}.{sub.name}")
                if got:
                    record[sub.name] = got[0]  # one address: the first row's
            if record:
                data[name] = record
        elif isinstance(spec.type, f.Bilingual):
            text = {lang: values[f"{name}.{lang}"][0] for lang in f.LANGUAGES
                    if values.get(f"{name}.{lang}")}
            if text:
                data[name] = text
        elif isinstance(spec.type, f.Terms):
            if values.get(name):
                data[name] = values[name]
        elif values.get(name):
            first = values[name][0]
            data[name] = int(first) if isinstance(spec.type, f.Year) else first
    return data


def _person(values: Mapping[str, list[str]]) -> dict[str, Any]:
    person: dict[str, Any] = {}
    if values.get("contact_person.name"):
        person["name"] = values["contact_person.name"][0]
    if values.get("contact_person.role"):
        person["role"] = {"es": values["contact_person.role"][0]}
    for route in ("email", "phone"):
        if values.get(f"contact_person.{route}"):
            person[route] = values[f"contact_person.{route}"][0]
    if person:
        person["public"] = False  # a person's data is published only when they agree
    return person
