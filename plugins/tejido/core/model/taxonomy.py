"""Taxonomies: themes, regions, SDGs, populations and organization types.

Each is a YAML list of terms with an id, Spanish and English labels, and an
optional parent; regions also carry ISO 3166 codes, accepted as aliases.  Regions start
from every built-in place (`places.py`); `regions.yml` adds named sub-regions and scopes
and may relabel a place.  Any term may be written by its label in either language, with
or without accents and in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from tejido.core.model.fields import LANGUAGES, TAXONOMIES
from tejido.core.model.places import Place, all_places, name_key
from tejido.core.sources.site_files import linked_file_problem, outside_root
from tejido.core.sources.source import Document, SourceError, load_yaml_file
from tejido.core.validate.problems import Problem, Problems, describe, did_you_mean

TERM_FIELDS = frozenset({"id", "parent", "iso", "aliases", *LANGUAGES})
TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class TermInfo:
    id: str
    labels: Mapping[str, str]
    parent: str | None = None
    iso: str | None = None
    country: str | None = None
    """For a place: the ISO alpha-2 code of the country it is in."""
    aliases: tuple[str, ...] = ()
    """Other names it may be written as (CDMX), besides its labels."""

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()))


@dataclass(frozen=True)
class Taxonomy:
    name: str
    terms: Mapping[str, TermInfo]
    aliases: Mapping[str, str] = field(default_factory=dict)
    children: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """`name_key` of every label and alias -> the terms it names (a few names, like
    'La Libertad', name several places)."""

    def __iter__(self) -> Iterator[TermInfo]:
        return iter(self.terms.values())

    def resolve(self, word: str) -> str | None:
        """The term for an id, an ISO code, or a label or alias in either language;
        None when nothing or several terms have that name (a country wins over its
        namesake state: 'Guatemala' is the country)."""
        key = word.strip().lower()
        if key in self.terms:
            return key
        if key in self.aliases:
            return self.aliases[key]
        named = self.named(word)
        if len(named) == 1:
            return named[0]
        countries = [t for t in named if self.terms[t].parent is None]
        return countries[0] if len(countries) == 1 else None

    def named(self, word: str) -> tuple[str, ...]:
        """Every term whose label or alias is `word` (accents, case, dots ignored)."""
        return self.names.get(name_key(word), ())

    def ancestors(self, term_id: str) -> tuple[str, ...]:
        """Parents from nearest to the root."""
        chain: list[str] = []
        parent = self.terms[term_id].parent
        while parent and parent not in chain:
            chain.append(parent)
            parent = self.terms[parent].parent
        return tuple(chain)

    def roots(self) -> tuple[str, ...]:
        return tuple(t.id for t in self if not t.parent)

    def path(self, term_id: str) -> tuple[str, ...]:
        """Root first, the term last."""
        return (*reversed(self.ancestors(term_id)), term_id)


def _term_from(doc: Document, index: int, raw: object, problems: Problems) -> TermInfo | None:
    here = (index,)
    line = doc.line(here)
    if not isinstance(raw, dict):
        problems.add(Problem(doc.path, line, f"[{index}]", "each term is a mapping",
                             expected="id, es, en (and optional parent)", found=describe(raw)))
        return None
    for key in raw:
        if key not in TERM_FIELDS:
            problems.add(Problem(doc.path, doc.line((*here, key)), key, "unknown field in a term",
                                 hint=did_you_mean(key, TERM_FIELDS)))
    term_id = str(raw.get("id", "")).strip().lower()
    if not term_id:
        problems.add(Problem(doc.path, line, "id", "every term needs an id",
                             expected="a short lowercase id", found="nothing"))
        return None
    if not TERM_ID.match(term_id):
        problems.add(Problem(doc.path, line, "id", "not a valid term id",
                             expected="lowercase letters, digits and dashes, like mixteca",
                             found=describe(term_id),
                             hint="ids become web addresses: no spaces, accents or slashes"))
        return None
    labels = {lang: str(raw[lang]).strip() for lang in LANGUAGES if raw.get(lang)}
    for lang in LANGUAGES:
        if lang not in labels:
            problems.add(Problem(doc.path, line, lang, f"term '{term_id}' has no {lang} label",
                                 expected="a label", found="nothing"))
    if not labels:
        return None
    parent = str(raw["parent"]).strip().lower() if raw.get("parent") else None
    iso = str(raw["iso"]).strip().upper() if raw.get("iso") else None
    written = raw.get("aliases") or []
    aliases = tuple(str(a).strip() for a in (written if isinstance(written, list) else [written]))
    return TermInfo(term_id, MappingProxyType(labels), parent, iso, aliases=aliases)


def _report_cycles(doc: Document, terms: dict[str, TermInfo], problems: Problems) -> None:
    """A term that is its own ancestor would vanish from every tree."""
    for term in terms.values():
        seen = {term.id}
        parent = term.parent
        while parent in terms:
            if parent in seen:
                problems.add(Problem(doc.path, 1, "parent",
                                     f"term '{term.id}' is its own ancestor",
                                     found=" → ".join([*seen, parent]),
                                     hint="a parent must be a broader term, never a narrower one"))
                break
            seen.add(parent)
            parent = terms[parent].parent


def _place_term(place: Place) -> TermInfo:
    return TermInfo(place.id, MappingProxyType({"es": place.es, "en": place.en}),
                    place.parent, place.code, place.country, place.aliases)


def builtin_places() -> dict[str, TermInfo]:
    return {place.id: _place_term(place) for place in all_places()}


def _relabel(base: TermInfo, term: TermInfo) -> TermInfo:
    """A catalog's own wording for a built-in place; the id it used stays an alias."""
    aliases = (*base.aliases, *((term.id,) if term.id != base.id else ()))
    return TermInfo(base.id, term.labels, term.parent or base.parent, base.iso, base.country,
                    aliases)


def _add_file_term(terms: dict[str, TermInfo], codes: dict[str, str], builtin: set[str],
                   term: TermInfo) -> bool:
    """False when the id is already taken by another term of the file."""
    known = codes.get(term.iso.lower()) if term.iso else None
    if known is None and term.id in builtin:
        known = term.id
    if known is not None and known in builtin:
        builtin.discard(known)  # relabelled once; a second time is a duplicate
        terms[known] = _relabel(terms[known], term)
        return True
    if term.id in terms:
        return False
    terms[term.id] = term
    if term.iso:
        codes[term.iso.lower()] = term.id
    return True


def _with_countries(terms: dict[str, TermInfo]) -> None:
    """A named sub-region (Mixteca) is in the country of its parent."""
    for ident, term in list(terms.items()):
        if term.country is None:
            up = term.parent
            seen = {ident}
            while up in terms and up not in seen and terms[up].country is None:
                seen.add(up)
                up = terms[up].parent
            country = terms[up].country if up in terms else None
            if country:
                terms[ident] = TermInfo(term.id, term.labels, term.parent, term.iso, country,
                                        term.aliases)


def _names(terms: Mapping[str, TermInfo]) -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = {}
    for term in terms.values():
        for written in {*term.labels.values(), *term.aliases}:
            key = name_key(written)
            if key and term.id not in names.setdefault(key, []):
                names[key].append(term.id)
    return {key: tuple(ids) for key, ids in names.items()}


def build_taxonomy(doc: Document, name: str, problems: Problems,
                   base: Mapping[str, TermInfo] | None = None) -> Taxonomy:
    """The file's terms on top of `base` (the built-in places, for regions)."""
    data = doc.data or []
    if not isinstance(data, list):
        problems.add(Problem(doc.path, 1, "", "a taxonomy is a list of terms",
                             expected="lines starting with '- id: …'", found=describe(data)))
        data = []
    terms: dict[str, TermInfo] = dict(base or {})
    codes = {t.iso.lower(): t.id for t in terms.values() if t.iso}
    builtin = set(terms)
    for index, raw in enumerate(data):
        term = _term_from(doc, index, raw, problems)
        if term is None:
            continue
        if term.parent and term.parent.lower() in codes and term.parent not in terms:
            term = TermInfo(term.id, term.labels, codes[term.parent.lower()], term.iso)
        if not _add_file_term(terms, codes, builtin, term):
            problems.add(Problem(doc.path, doc.line((index,)), "id",
                                 f"the id '{term.id}' is used twice", hint="ids must be unique"))
    _with_countries(terms)
    children: dict[str, list[str]] = {}
    for term in terms.values():
        if term.parent is None:
            continue
        if term.parent not in terms:
            problems.add(Problem(doc.path, 1, "parent",
                                 f"term '{term.id}' has a parent that does not exist",
                                 found=repr(term.parent), hint=did_you_mean(term.parent, terms)))
            continue
        children.setdefault(term.parent, []).append(term.id)
    _report_cycles(doc, terms, problems)
    aliases = {t.iso.lower(): t.id for t in terms.values() if t.iso}
    aliases.update({old: t.id for t in terms.values() for old in t.aliases
                    if TERM_ID.match(old) and old not in terms})
    return Taxonomy(
        name, MappingProxyType(terms), MappingProxyType(aliases),
        MappingProxyType({k: tuple(v) for k, v in children.items()}),
        MappingProxyType(_names(terms)),
    )


def load_taxonomies(folder: Path, root: Path, problems: Problems) -> dict[str, Taxonomy]:
    taxonomies: dict[str, Taxonomy] = {}
    for name in TAXONOMIES:
        file = folder / f"{name}.yml"
        shown = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
        if file.is_symlink() or outside_root(file, root):
            problems.add(linked_file_problem(shown))
            taxonomies[name] = Taxonomy(name, MappingProxyType({}))
            continue
        if not file.exists():
            problems.add(Problem(shown, 1, "", f"the {name} taxonomy file is missing",
                                 hint=f"create {shown} with a list of terms"))
            taxonomies[name] = Taxonomy(name, MappingProxyType({}))
            continue
        try:
            doc = load_yaml_file(file, shown)
        except SourceError as error:
            problems.add(error.problem)
            taxonomies[name] = Taxonomy(name, MappingProxyType({}))
            continue
        problems.extend(doc.warnings)
        base = builtin_places() if name == "regions" else None
        taxonomies[name] = build_taxonomy(doc, name, problems, base)
    return taxonomies
