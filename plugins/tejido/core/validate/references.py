"""Checks of what points elsewhere: taxonomy terms and places, references to other
entries (checked once every entry is known) and attached files."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from tejido.core.i18n.messages import alternatives, joined, msg
from tejido.core.model import fields as f
from tejido.core.model.model import Ref
from tejido.core.model.regions import countries_of, place_hint, resolve_place
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.sources.attachments import check_attachment
from tejido.core.sources.source import Location
from tejido.core.validate.context import Checker, Context, PendingRef, dotted, each
from tejido.core.validate.forms import expected
from tejido.core.validate.problems import describe, did_you_mean


def _term(kind: f.Term | f.Terms, raw: Any, here: Location, ctx: Context) -> Any:
    taxonomy = ctx.taxonomies[kind.taxonomy]
    if isinstance(raw, (bool, dict, list)) or raw is None:
        return ctx.fail(here, msg("wrong-type"), expected=msg("form.term", taxonomy=taxonomy.name),
                        found=describe(raw))
    key = str(raw).strip().lower()
    if key not in taxonomy.terms and key not in taxonomy.aliases:
        ctx.by_name.append(str(raw))
    if taxonomy.name == "regions":
        return _place(taxonomy, str(raw), here, ctx)
    term = taxonomy.resolve(str(raw))
    if term is None:
        return ctx.fail(here, msg("unknown-term", taxonomy=taxonomy.name),
                        expected=msg("form.term", taxonomy=taxonomy.name),
                        found=describe(str(raw)),
                        hint=joined(did_you_mean(str(raw), taxonomy.terms), (
                            "" if taxonomy.name == "sdgs" else
                            msg("new-term-hint", taxonomy=taxonomy.name))))
    return term


def _place(taxonomy: Taxonomy, written: str, here: Location, ctx: Context) -> Any:
    term = resolve_place(taxonomy, written, ctx.countries)
    if term is None:
        return ctx.fail(here, msg("unknown-term", taxonomy="regions"),
                        expected=msg("form.term", taxonomy="regions"), found=describe(written),
                        hint=joined(place_hint(taxonomy, written, ctx.countries),
                                    msg("new-term-hint", taxonomy="regions")))
    return term


def _terms(kind: f.Terms, raw: Any, here: Location, ctx: Context) -> Any:
    if kind.taxonomy == "regions":  # the places it names give the country for the others
        taxonomy = ctx.taxonomies["regions"]
        items = raw if isinstance(raw, list) else [raw]
        known = [taxonomy.resolve(str(item)) for item in items if isinstance(item, (str, int))]
        ctx.countries = countries_of(taxonomy, [k for k in known if k])
    return each(_term, kind, raw, here, ctx)


def _ref(kind: f.Ref | f.Refs, raw: Any, here: Location, ctx: Context) -> Any:
    ref = Ref.parse(raw) if isinstance(raw, str) else None
    if ref is None:
        example = f"{kind.kinds[0]}:{raw}" if isinstance(raw, str) and raw else ""
        return ctx.fail(here, msg("not-a-reference"), expected=expected(f.Ref(kind.kinds)),
                        found=describe(raw),
                        hint=msg("did-you-mean", choice=example) if example else "")
    if ref.kind not in kind.kinds:
        return ctx.fail(here, msg("kind-not-here", kind=ref.kind),
                        expected=expected(f.Ref(kind.kinds)),
                        found=str(ref), hint=did_you_mean(ref.kind, kind.kinds))
    if ref == ctx.owner:
        return ctx.fail(here, msg("refers-to-itself"), expected=msg("another-entry"),
                        found=str(ref), hint=msg("refers-to-itself-hint"))
    ctx.refs.append(PendingRef(ref, ctx.doc.path, ctx.doc.line(here), dotted(here), kind.kinds))
    return ref


def _refs(kind: f.Refs, raw: Any, here: Location, ctx: Context) -> Any:
    return each(_ref, kind, raw, here, ctx)


def _file_path(kind: f.FilePath, raw: Any, here: Location, ctx: Context) -> Any:
    if not isinstance(raw, str) or not raw.strip():
        return ctx.fail(here, msg("wrong-type"), expected=expected(kind), found=describe(raw))
    relative = PurePosixPath(raw.strip())
    base = (ctx.root / ctx.doc.path).parent
    target = (base / relative).resolve()
    ctx.looked.append(target)
    if relative.is_absolute() or not target.is_relative_to(ctx.root.resolve()):
        return ctx.fail(here, msg("path-leaves-repository"), expected=expected(kind),
                        found=describe(raw), hint=msg("path-leaves-repository-hint"))
    if ".." in relative.parts or not target.is_relative_to(base.resolve()):
        return ctx.fail(here, msg("path-leaves-folder"), expected=expected(kind),
                        found=describe(raw), hint=msg("path-leaves-folder-hint"))
    if target.suffix.lower() not in kind.suffixes:
        return ctx.fail(here, msg("unsupported-file-type"),
                        expected=alternatives(kind.suffixes),
                        found=target.suffix or msg("no-extension"))
    if not target.is_file():
        return ctx.fail(here, msg("file-does-not-exist"), expected=expected(kind),
                        found=describe(raw), hint=msg("file-does-not-exist-hint"))
    try:
        refusal = check_attachment(target)
    except OSError as error:
        return ctx.fail(here, msg("file-unreadable"), found=error.strerror or msg("an-error"))
    if refusal is not None:
        return ctx.fail(here, refusal.message, expected=refusal.expected, found=refusal.found,
                        hint=refusal.hint)
    return target.relative_to(ctx.root.resolve()).as_posix()


REFERENCE_CHECKERS: dict[type, Checker] = {
    f.Term: _term,
    f.Terms: _terms,
    f.Ref: _ref,
    f.Refs: _refs,
    f.FilePath: _file_path,
}
