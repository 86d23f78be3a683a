"""Reading and validating one entry file: its fields, text, English text and assets."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tejido.core.i18n.messages import msg
from tejido.core.model import fields as f
from tejido.core.model.contact import country_of
from tejido.core.model.model import Entry, Link, Ref
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.sources.attachments import check_attachment
from tejido.core.sources.layout import TRANSLATION_SUFFIX, Layout, shown_path
from tejido.core.sources.markdown_check import local_files, markdown_issues
from tejido.core.sources.site_files import linked_file_problem
from tejido.core.sources.source import Document, SourceError, load_markdown_file, load_yaml_file
from tejido.core.validate import privacy
from tejido.core.validate.problems import Problem, Problems
from tejido.core.validate.validate import Context, PendingRef, check_fields

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _links(spec: f.KindSpec, values: dict[str, Any]) -> tuple[Link, ...]:
    links: list[Link] = []
    for field_spec in spec.fields:
        relation = field_spec.relation
        value = values.get(field_spec.name)
        if relation is None or value is None:
            continue
        if isinstance(value, Ref):
            links.append(Link(relation.name, value))
        elif isinstance(value, tuple) and value and isinstance(value[0], Ref):
            links.extend(Link(relation.name, ref) for ref in value)
        else:
            for item in value:
                target = item.get(relation.ref_field)
                if isinstance(target, Ref):
                    links.append(Link(relation.name, target, item.get(relation.year_field),
                                      item.get("note")))
    return tuple(links)


def _check_body(doc: Document, problems: Problems) -> None:
    for issue in markdown_issues(doc.body, files_allowed=True):
        problems.add(Problem(doc.path, doc.body_line + issue.line, "text", issue.message,
                             expected=msg("markdown-text"), found=issue.found, hint=issue.hint))


def _assets(doc: Document, root: Path, problems: Problems,
            looked: list[Path]) -> list[tuple[str, str]]:
    """The files an entry's text links to; each must sit in the entry's folder or below,
    inside the repository (a linked folder may point elsewhere), and be of a type the
    site may publish, by its content (see `attachments`).  Each is added to `looked`:
    the entry is read again when one appears, changes or goes."""
    found: list[tuple[str, str]] = []
    links = list(local_files(doc.body))
    if not links:  # most entries: no folder to resolve (a lookup per part of its path)
        return found
    real_root = root.resolve()
    folder = (root / doc.path).parent.resolve()
    for line, target in links:
        where = (doc.path, doc.body_line + line, "text")
        path = (folder / target).resolve()
        looked.append(path)
        climbs = ".." in target.split("/")
        elsewhere = not path.is_relative_to(folder) and path.is_relative_to(real_root)
        if climbs or elsewhere:  # (a link leaving the repository is named below)
            problems.add(Problem(*where, msg("asset.leaves-folder"),
                                 expected=msg("asset.path-like"), found=repr(target[:80]),
                                 hint=msg("asset.leaves-folder-hint")))
        elif unicodedata.normalize("NFC", target) != target:
            problems.add(Problem(*where, msg("asset.separate-accents"),
                                 expected=msg("asset.nfc"), found=repr(target[:80]),
                                 hint=msg("asset.separate-accents-hint")))
        elif not path.is_relative_to(real_root):
            problems.add(Problem(*where, msg("asset.outside"), expected=msg("asset.inside"),
                                 found=repr(target), hint=msg("asset.outside-hint")))
        elif not path.is_file():
            problems.add(Problem(*where, msg("asset.missing"), found=repr(target),
                                 hint=msg("asset.missing-hint")))
        else:
            refusal = check_attachment(path)
            if refusal is not None:
                problems.add(Problem(*where, refusal.message, refusal.expected,
                                     msg("asset.found-in", found=refusal.found,
                                         target=repr(target[:80])), refusal.hint))
                continue
            found.append((target, path.relative_to(real_root).as_posix()))
    return found


def _english_body(path: Path, layout: Layout, problems: Problems,
                  assets: list[tuple[str, str]], texts: list[privacy.PublicText],
                  looked: list[Path]) -> str:
    translation = path.with_name(path.stem + TRANSLATION_SUFFIX + path.suffix)
    if not translation.exists() and not translation.is_symlink():
        return ""
    shown = shown_path(translation, layout.root)
    if translation.is_symlink():
        problems.add(linked_file_problem(shown))
        return ""
    try:
        doc = load_markdown_file(translation, shown)
    except SourceError as error:
        problems.add(error.problem)
        return ""
    _check_body(doc, problems)
    texts.extend(privacy.body_texts(shown, doc.body, doc.body_line))
    assets.extend(_assets(doc, layout.root, problems, looked))
    if doc.data:
        problems.add(Problem(shown, 1, "", msg("translation.fields"),
                             expected=msg("translation.markdown-only"),
                             found=msg("translation.front-matter"),
                             hint=msg("translation.fields-hint",
                                      file=shown_path(path, layout.root))))
    return doc.body.strip()


@dataclass
class PrivacyGuard:
    """What the guard needs across entries: every contact person's private routes, and
    each published entry's free text, checked against them once all are known."""

    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    texts: list[tuple[list[privacy.PublicText], str | None, set[str]]] = field(
        default_factory=list)

    def add(self, other: PrivacyGuard) -> None:
        self.emails.update(other.emails)
        self.phones.update(other.phones)
        self.texts.extend(other.texts)

    def check(self, problems: Problems) -> None:
        private = privacy.Private(frozenset(self.emails), frozenset(self.phones))
        for texts, country, names in self.texts:
            for item in texts:
                privacy.check_text(item, private, country, names, problems)


def _guard(spec: f.KindSpec, ctx: Context, values: dict[str, Any],
           taxonomies: dict[str, Taxonomy], guard: PrivacyGuard) -> list[privacy.PublicText]:
    """The privacy rules of one entry; returns its free text for the cross-entry check."""
    country = country_of(values, taxonomies["regions"])
    private = privacy.private_routes(values, country)
    guard.emails.update(private.emails)
    guard.phones.update(private.phones)
    if "withdrawn" in values:  # published nowhere: only its private routes matter
        return []
    names = privacy.own_names(values)
    privacy.check_contact(ctx, values, country, names)
    found = [*privacy.public_texts(ctx, spec.fields, values),
             *privacy.body_texts(ctx.doc.path, ctx.doc.body, ctx.doc.body_line)]
    texts = [item for item in found if privacy.may_hold_route(item.text)]
    guard.texts.append((texts, country, names))
    return texts


def _check_guide(shown: str, values: dict[str, Any], body: dict[str, str],
                 problems: Problems) -> None:
    if not any(body.values()) and "files" not in values and "link" not in values:
        problems.add(Problem(shown, 1, "files", msg("guide.no-text"),
                             expected=msg("guide.text-or-files"), found=msg("guide.none"),
                             hint=msg("guide.no-text-hint")))
    if "authors" not in values and "author_names" not in values:
        problems.add(Problem(shown, 1, "authors", msg("guide.no-authors"),
                             expected=msg("guide.authors-form"), found=msg("nothing"),
                             hint=msg("guide.no-authors-hint")))


def read_entry(spec: f.KindSpec, path: Path, layout: Layout, taxonomies: dict[str, Taxonomy],
           problems: Problems, today: dt.date, refs: list[PendingRef],
           guard: PrivacyGuard | None = None, looked: list[Path] | None = None,
           by_name: list[str] | None = None) -> Entry | None:
    """One entry file, validated.  `looked` gets the other files looked at (linked
    images, attachments), `by_name` the terms not written by id (see Context.by_name):
    what else decides what the file gives."""
    looked = [] if looked is None else looked
    shown = shown_path(path, layout.root)
    ident = path.stem
    if not SLUG.match(ident):
        problems.add(Problem(shown, 1, "", msg("entry.bad-name"), expected=msg("entry.slug"),
                             found=repr(path.name), hint=msg("entry.bad-name-hint")))
        return None
    try:
        doc: Document = (load_markdown_file(path, shown) if path.suffix == ".md"
                         else load_yaml_file(path, shown))
    except SourceError as error:
        problems.add(error.problem)
        return None
    problems.extend(doc.warnings)
    _check_body(doc, problems)
    ctx = Context(doc, taxonomies, problems, today, layout.root, owner=Ref(spec.kind, ident))
    if doc.data is None:
        problems.add(Problem(shown, 1, "", msg("entry.no-fields"),
                             hint=msg("entry.no-fields-hint", kind=spec.kind)))
        return None
    if not isinstance(doc.data, dict):
        problems.add(_not_a_mapping(doc, spec))
        return None
    values = check_fields(spec.fields, doc.data, (), ctx)
    refs.extend(ctx.refs)
    looked.extend(ctx.looked)
    if by_name is not None:
        by_name.extend(ctx.by_name)
    texts = _guard(spec, ctx, values, taxonomies, guard or PrivacyGuard())
    assets = _assets(doc, layout.root, problems, looked)
    english = _english_body(path, layout, problems, assets, texts, looked)
    body = {"es": doc.body.strip(), "en": english}
    if spec.kind == "guide":
        _check_guide(shown, values, body, problems)
    required = [x.name for x in spec.fields if x.required]
    if any(name not in values for name in required):
        return None
    title = values[spec.title_field]
    if isinstance(title, str):
        title = {lang: title for lang in f.LANGUAGES}
    return Entry(
        ref=Ref(spec.kind, ident), source=shown, title=title,
        summary=values["summary"], themes=values.get("themes", ()),
        regions=values.get("regions", ()), sdgs=values.get("sdgs", ()),
        populations=values.get("populations", ()), last_verified=values.get("last_verified"),
        links=_links(spec, values),
        values=values, body={k: v for k, v in body.items() if v},
        assets=tuple(dict.fromkeys(assets)),
    )


def _not_a_mapping(doc: Document, spec: f.KindSpec) -> Problem:
    """A document that is one text or a list: usually a missing ':' or a stray '- '."""
    listed = isinstance(doc.data, list)
    front = msg("entry.between-dashes") if doc.path.endswith(".md") else ""
    return Problem(doc.path, doc.line(()), "", msg("entry.not-fields"),
                   expected=msg("entry.name-lines"),
                   found=msg("entry.a-list" if listed else "entry.a-value"),
                   hint=msg("entry.not-fields-hint", kind=spec.kind, front=front,
                            start=msg("entry.starts-dash" if listed else "entry.starts-text")))


INTERNAL = msg("entry.internal")


def internal_error(shown: str, error: Exception) -> Problem:
    return Problem(shown, 1, "", INTERNAL, found=type(error).__name__,
                   hint=msg("entry.internal-hint"))

