"""Checking a mapping of fields against their definitions, records and lists of
records (with their checks across fields), and the table of every type's check."""

from __future__ import annotations

from collections.abc import Callable
from difflib import get_close_matches
from typing import Any

from tejido.core.i18n.messages import Part, joined, msg
from tejido.core.i18n.text import fold
from tejido.core.model import fields as f
from tejido.core.model.model import Ref
from tejido.core.sources.source import Location
from tejido.core.validate import identifiers
from tejido.core.validate.context import MISSING, Checker, Context, is_blank
from tejido.core.validate.forms import described, expected
from tejido.core.validate.problems import describe, did_you_mean
from tejido.core.validate.references import REFERENCE_CHECKERS
from tejido.core.validate.values import VALUE_CHECKERS


def check_fields(spec_fields: tuple[f.Field, ...], data: Any, here: Location,
                 ctx: Context) -> dict[str, Any]:
    """Check a mapping against field definitions; returns the valid, normalized fields."""
    if not isinstance(data, dict):
        ctx.fail(here, msg("not-fields"), expected=msg("field-lines"), found=describe(data))
        return {}
    known = {spec.name: spec for spec in spec_fields}
    result: dict[str, Any] = {}
    for key in data:
        if key in known:
            continue
        if key in f.LANGUAGES:
            ctx.fail((*here, key), msg("language-not-a-field", key=key),
                     expected=msg("a-field-name"), found=repr(key),
                     hint=msg("language-goes-under", key=key))
            continue
        ctx.fail((*here, key), msg("unknown-field"), expected=msg("documented-field"),
                 found=repr(key), hint=did_you_mean(fold(str(key)), known,
                                                    f.SPANISH_FIELD_NAMES))
    for spec in spec_fields:
        raw = data.get(spec.name)
        if is_blank(raw):
            if spec.required and spec.name in data:
                ctx.fail((*here, spec.name), msg("required-empty", name=spec.name),
                         expected=expected(spec.type), found=msg("nothing"),
                         hint=msg("required-empty-hint", name=spec.name,
                                  about=described(spec)))
            elif spec.required:
                example = spec.example or "…"
                ctx.fail(here, msg("required-missing", name=spec.name),
                         expected=expected(spec.type), found=msg("nothing"),
                         hint=msg("required-missing-hint", name=spec.name, example=example,
                                  about=described(spec)))
            continue
        value = check_value(spec.type, raw, (*here, spec.name), ctx)
        if value is not MISSING:
            result[spec.name] = value
    return result


def check_value(kind: f.FieldType, raw: Any, here: Location, ctx: Context) -> Any:
    checker = CHECKERS[type(kind)]
    return checker(kind, raw, here, ctx)


def _identifier_form(values: dict[str, Any], here: Location, ctx: Context) -> Any:
    """The register must be known (its org-id.guide code, in any case) and the identifier
    in its form where the form is known."""
    scheme, ident = values.get("scheme"), values.get("id")
    if not isinstance(scheme, str) or not isinstance(ident, str):
        return values
    codes = identifiers.scheme_codes()
    if scheme.upper() not in codes:
        return ctx.fail((*here, "scheme"), msg("unknown-register"),
                        expected=msg("register-code"), found=describe(scheme),
                        hint=joined(_closest_scheme(scheme, codes), msg("register-hint"),
                                    separator=" "))
    scheme = values["scheme"] = scheme.upper()
    wrong = identifiers.form_problem(scheme, ident)
    if wrong is None:
        return values
    return ctx.fail((*here, "id"), msg("not-an-identifier", scheme=scheme), expected=wrong,
                    found=describe(ident), hint=msg("identifier-hint", scheme=scheme))


def _closest_scheme(scheme: str, codes: tuple[str, ...]) -> Part:
    # Codes are upper-case: did_you_mean folds the word to lower case and would miss them.
    close = get_close_matches(scheme.upper(), codes, n=1, cutoff=0.6)
    return msg("did-you-mean", choice=close[0]) if close else ""


RECORD_POLICIES: dict[str, Callable[[dict[str, Any], Location, Context], Any]] = {
    "identifier": _identifier_form,
}


def _checked_record(kind: f.Record, raw: Any, here: Location, ctx: Context) -> dict[str, Any]:
    """Its fields one by one, then its policy across them (empty when that fails)."""
    values = check_fields(kind.fields, raw, here, ctx)
    if kind.policy and values and RECORD_POLICIES[kind.policy](values, here, ctx) is MISSING:
        return {}
    return values


def _record(kind: f.Record, raw: Any, here: Location, ctx: Context) -> Any:
    values = _checked_record(kind, raw, here, ctx)
    start, end = values.get("start"), values.get("end")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        return ctx.fail((*here, "end"), msg("years-reversed"),
                        expected=msg("or-later", limit=start), found=str(end))
    return values or MISSING


def _list_of(kind: f.ListOf, raw: Any, here: Location, ctx: Context) -> Any:
    if not isinstance(raw, list):
        return ctx.fail(here, msg("wrong-type"), expected=expected(kind), found=describe(raw))
    valid: list[dict[str, Any]] = []
    seen: dict[Ref, int] = {}
    for i, item in enumerate(raw):
        if is_blank(item):
            continue
        checked = _checked_record(kind.item, item, (*here, i), ctx)
        target = next((v for v in checked.values() if isinstance(v, Ref)), None)
        if target is not None and target in seen:
            ctx.fail((*here, i), msg("listed-twice"), expected=msg("each-entry-once"),
                     found=msg("also-item", ref=str(target), number=seen[target] + 1),
                     hint=msg("listed-twice-hint"))
            continue
        if target is not None:
            seen[target] = i
        if checked:
            valid.append(checked)
    return tuple(valid) or MISSING


CHECKERS: dict[type, Checker] = {
    **VALUE_CHECKERS,
    **REFERENCE_CHECKERS,
    f.Record: _record,
    f.ListOf: _list_of,
}
