"""Taxonomies: themes, regions, SDGs, populations and organization types.

Each is a YAML list of terms with an id, Spanish and English labels, and an
optional parent; regions also carry ISO 3166 codes, accepted as aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .fields import LANGUAGES, TAXONOMIES
from .problems import Problem, Problems, describe, did_you_mean
from .site_files import linked_file_problem, outside_root
from .source import Document, SourceError, load_yaml_file

TERM_FIELDS = frozenset({"id", "parent", "iso", *LANGUAGES})
TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class TermInfo:
    id: str
    labels: Mapping[str, str]
    parent: str | None = None
    iso: str | None = None

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()))


@dataclass(frozen=True)
class Taxonomy:
    name: str
    terms: Mapping[str, TermInfo]
    aliases: Mapping[str, str] = field(default_factory=dict)
    children: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __iter__(self) -> Iterator[TermInfo]:
        return iter(self.terms.values())

    def resolve(self, word: str) -> str | None:
        """The term id for an id or alias (ISO code), case-insensitively."""
        key = word.strip().lower()
        if key in self.terms:
            return key
        return self.aliases.get(key)

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
    return TermInfo(term_id, MappingProxyType(labels), parent, iso)


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


def build_taxonomy(doc: Document, name: str, problems: Problems) -> Taxonomy:
    data = doc.data or []
    if not isinstance(data, list):
        problems.add(Problem(doc.path, 1, "", "a taxonomy is a list of terms",
                             expected="lines starting with '- id: …'", found=describe(data)))
        data = []
    terms: dict[str, TermInfo] = {}
    for index, raw in enumerate(data):
        term = _term_from(doc, index, raw, problems)
        if term is None:
            continue
        if term.id in terms:
            problems.add(Problem(doc.path, doc.line((index,)), "id",
                                 f"the id '{term.id}' is used twice", hint="ids must be unique"))
            continue
        terms[term.id] = term
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
    return Taxonomy(
        name, MappingProxyType(terms), MappingProxyType(aliases),
        MappingProxyType({k: tuple(v) for k, v in children.items()}),
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
        taxonomies[name] = build_taxonomy(doc, name, problems)
    return taxonomies
