"""Checking one document's fields against its kind's definition.

Each field type has a small checker that returns the normalized value or
MISSING, adding a Problem (with file, line, field, expected, found and a
hint) for every mistake.  Nothing raises: one run reports everything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from tejido.core.i18n.messages import Part, Translated, alternatives, joined, msg, words
from tejido.core.i18n.text import fold
from tejido.core.model import fields as f
from tejido.core.model.model import Ref
from tejido.core.model.regions import countries_of, place_hint, resolve_place
from tejido.core.model.taxonomy import Taxonomy
from tejido.core.sources.attachments import check_attachment
from tejido.core.sources.markdown_check import markdown_issues
from tejido.core.sources.source import Document, Location
from tejido.core.validate import identifiers
from tejido.core.validate.problems import Problem, Problems, describe, did_you_mean


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

EMAIL = re.compile(r"^[^@\s<>\"'(),;:]+@[^@\s<>\"'(),;:]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9(][0-9 ()\-.]{5,24}$")
SAFE_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class PendingRef:
    """A reference seen in a document, checked once every entry is known."""

    ref: Ref
    path: str
    line: int
    field: str
    kinds: tuple[str, ...]


@dataclass
class Context:
    doc: Document
    taxonomies: dict[str, Taxonomy]
    problems: Problems
    today: dt.date
    root: Path
    refs: list[PendingRef] = field(default_factory=list)
    owner: Ref | None = None
    """The entry being checked (to refuse references to itself)."""
    countries: tuple[str, ...] = ()
    """Countries of the places the entry names: what a place name is resolved and
    'did you mean' is looked for in."""

    def fail(self, here: Location, message: Part, *, expected: Part = "", found: Part = "",
             hint: Part = "", line: int | None = None) -> Any:
        self.problems.add(Problem(self.doc.path, line or self.doc.line(here), dotted(here),
                                  message, expected, found, hint))
        return MISSING


def dotted(here: Location) -> str:
    text = ""
    for part in here:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def form(kind: f.FieldType) -> Part:
    """What a value of this type looks like (for messages and the comments of templates)."""
    match kind:
        case f.Choice(values=values):
            return msg("form.choice", values=", ".join(values))
        case f.Term(taxonomy=name):
            return msg("form.term", taxonomy=name)
        case f.Terms(taxonomy=name):
            return msg("form.terms", taxonomy=name)
        case f.Ref(kinds=kinds):
            return msg("form.ref", kinds=alternatives(kinds), kind=kinds[0])
        case f.Refs(kinds=kinds):
            return msg("form.refs", kind=kinds[0])
    return msg(FORMS[type(kind)])


FORMS: dict[type, str] = {
    f.Text: "form.text", f.Bilingual: "form.bilingual", f.Year: "form.year",
    f.Date: "form.date", f.Url: "form.url", f.Email: "form.email", f.Phone: "form.phone",
    f.Flag: "form.flag", f.Count: "form.count", f.Names: "form.names",
    f.FilePath: "form.file", f.Record: "form.record", f.ListOf: "form.list",
}
"""Keys of the forms of the types that have no parameters."""


def forms(kind: f.FieldType) -> tuple[str, str]:
    """What a value of this type looks like, in Spanish and English (the comments of the
    templates `tejido new` writes)."""
    return words(form(kind), "es"), words(form(kind), "en")


def expected(kind: f.FieldType) -> Part:
    """What a value of this type looks like, as messages give it."""
    return form(kind)


def described(spec: f.Field) -> Translated:
    """What the field holds, in the words of the content model (both languages)."""
    return Translated(spec.es.rstrip("."), spec.en.rstrip("."))


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


def is_blank(raw: Any) -> bool:
    """Nothing written: empty, or a mapping/list of nothing (as a fresh template has)."""
    if raw is None or raw == "":
        return True
    if isinstance(raw, dict):
        return all(is_blank(value) for value in raw.values())
    if isinstance(raw, list):
        return all(is_blank(item) for item in raw)
    return False


def check_value(kind: f.FieldType, raw: Any, here: Location, ctx: Context) -> Any:
    checker = CHECKERS[type(kind)]
    return checker(kind, raw, here, ctx)


def _text(kind: f.Text, raw: Any, here: Location, ctx: Context) -> Any:
    if isinstance(raw, (bool, dict, list)):
        return ctx.fail(here, msg("wrong-type"), expected=msg("form.text"), found=describe(raw),
                        hint=msg("plain-text-hint"))
    text = str(raw).strip()
    if len(text) > kind.max_length:
        return ctx.fail(here, msg("too-long"), expected=msg("at-most-chars", count=kind.max_length),
                        found=msg("chars", count=len(text)))
    return text


def _bilingual(kind: f.Bilingual, raw: Any, here: Location, ctx: Context) -> Any:
    if not isinstance(raw, dict):
        return ctx.fail(here, msg("needs-language"), expected=expected(kind),
                        found=describe(raw), hint=msg("needs-language-hint", name=here[-1]))
    result: dict[str, str] = {}
    for lang, text in raw.items():
        if lang not in f.LANGUAGES:
            ctx.fail((*here, lang), msg("unknown-language"), expected=alternatives(f.LANGUAGES),
                     found=repr(lang), hint=did_you_mean(str(lang), f.LANGUAGES))
            continue
        if text is None or str(text).strip() == "":
            continue
        if isinstance(text, (bool, dict, list)):
            ctx.fail((*here, lang), msg("wrong-type"), expected=msg("form.text"),
                     found=describe(text), hint=msg("quote-the-text"))
            continue
        value = str(text).strip()
        if kind.markdown:
            skipped = str(text)[:len(str(text)) - len(str(text).lstrip())].count("\n")
            for issue in markdown_issues(value):
                ctx.fail((*here, lang), issue.message, expected=msg("markdown-text"),
                         found=issue.found, hint=issue.hint,
                         line=ctx.doc.text_line((*here, lang), skipped + issue.line))
        if len(value) > kind.max_length:
            ctx.fail((*here, lang), msg("too-long"),
                     expected=msg("at-most-chars", count=kind.max_length),
                     found=msg("chars", count=len(value)))
            continue
        result[lang] = value
    if not result:
        return MISSING
    if f.DEFAULT_LANGUAGE not in result:
        return ctx.fail(here, msg("spanish-missing"), expected=msg("es-and-en"),
                        found=msg("only", languages=", ".join(result)),
                        hint=msg("spanish-missing-hint"))
    return result


def _year(kind: f.Year, raw: Any, here: Location, ctx: Context) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not str(raw).isdigit():
        return ctx.fail(here, msg("wrong-type"), expected=expected(kind), found=describe(raw))
    year = int(raw)
    if year > ctx.today.year:
        return ctx.fail(here, msg("year-in-future"),
                        expected=msg("or-earlier", limit=ctx.today.year), found=str(year),
                        hint=msg("year-in-future-hint"))
    if year < 1800:
        return ctx.fail(here, msg("year-too-early"), expected=msg("or-later", limit=1800),
                        found=str(year))
    return year


def _date(kind: f.Date, raw: Any, here: Location, ctx: Context) -> Any:
    value = raw
    if isinstance(raw, str):
        try:
            value = dt.date.fromisoformat(raw.strip())
        except ValueError:
            return ctx.fail(here, msg("not-a-date"), expected=expected(kind), found=describe(raw),
                            hint=msg("not-a-date-hint"))
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return ctx.fail(here, msg("not-a-date"), expected=expected(kind), found=describe(raw))
    if value > ctx.today:
        return ctx.fail(here, msg("date-in-future"),
                        expected=msg("or-earlier", limit=ctx.today.isoformat()),
                        found=value.isoformat())
    return value


def _url(kind: f.Url, raw: Any, here: Location, ctx: Context) -> Any:
    text = str(raw).strip() if isinstance(raw, str) else ""
    if not text:
        return ctx.fail(here, msg("wrong-type"), expected=expected(kind), found=describe(raw))
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme and scheme not in SAFE_SCHEMES:
        return ctx.fail(here, msg("scheme-not-allowed", scheme=scheme), expected=expected(kind),
                        found=describe(text), hint=msg("only-web-links"))
    try:
        parts = urlsplit(text)
    except ValueError:  # an unclosed '[' after https:// reads as a broken IPv6 address
        return ctx.fail(here, msg("not-a-url"), expected=expected(kind),
                        found=describe(text), hint=msg("url-brackets-hint"))
    spaced = any(c.isspace() for c in text)
    if parts.scheme not in SAFE_SCHEMES or "." not in parts.netloc or spaced:
        hint: Part = msg("did-you-mean", choice=f"https://{text}") if not parts.scheme else ""
        if spaced:
            hint = msg("url-spaces-hint")
        elif parts.scheme in SAFE_SCHEMES and "." not in parts.netloc:
            hint = msg("url-site-name-hint")
        return ctx.fail(here, msg("not-a-url"), expected=expected(kind),
                        found=describe(text), hint=hint)
    return text


def _email(kind: f.Email, raw: Any, here: Location, ctx: Context) -> Any:
    text = str(raw).strip() if isinstance(raw, str) else ""
    if not EMAIL.match(text):
        return ctx.fail(here, msg("not-an-email"), expected=expected(kind),
                        found=describe(raw), hint=msg("email-hint"))
    return text


def _phone(kind: f.Phone, raw: Any, here: Location, ctx: Context) -> Any:
    text = str(raw).strip() if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
    if not PHONE.match(text):
        return ctx.fail(here, msg("not-a-phone"), expected=expected(kind),
                        found=describe(raw), hint=msg("phone-hint"))
    return text


def _flag(kind: f.Flag, raw: Any, here: Location, ctx: Context) -> Any:
    if not isinstance(raw, bool):
        return ctx.fail(here, msg("wrong-type"), expected=expected(kind), found=describe(raw))
    return raw


def _count(kind: f.Count, raw: Any, here: Location, ctx: Context) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not str(raw).isdigit():
        return ctx.fail(here, msg("wrong-type"), expected=expected(kind), found=describe(raw))
    number = int(raw)
    if not 1 <= number <= kind.maximum:
        return ctx.fail(here, msg("out-of-range"),
                        expected=msg("range", least=1, most=kind.maximum), found=str(number))
    return number


def _name(kind: f.Names, raw: Any, here: Location, ctx: Context) -> Any:
    return _text(f.Text(kind.max_length), raw, here, ctx)


def _names(kind: f.Names, raw: Any, here: Location, ctx: Context) -> Any:
    return _each(_name, kind, raw, here, ctx)


def _choice(kind: f.Choice, raw: Any, here: Location, ctx: Context) -> Any:
    text = str(raw).strip()
    if text not in kind.values:
        return ctx.fail(here, msg("not-allowed"), expected=expected(kind), found=describe(raw),
                        hint=did_you_mean(text, kind.values))
    return text


def _term(kind: f.Term | f.Terms, raw: Any, here: Location, ctx: Context) -> Any:
    taxonomy = ctx.taxonomies[kind.taxonomy]
    if isinstance(raw, (bool, dict, list)) or raw is None:
        return ctx.fail(here, msg("wrong-type"), expected=msg("form.term", taxonomy=taxonomy.name),
                        found=describe(raw))
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


def _each(check: Callable[[Any, Any, Location, Context], Any], kind: Any, raw: Any,
          here: Location, ctx: Context) -> Any:
    """A list of values (or a lone value) checked one by one; duplicates dropped."""
    items = raw if isinstance(raw, list) else [raw]
    found = [check(kind, item, (*here, i) if isinstance(raw, list) else here, ctx)
             for i, item in enumerate(items)]
    valid = [value for value in found if value is not MISSING]
    return tuple(dict.fromkeys(valid)) if valid else MISSING


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
    return _each(_term, kind, raw, here, ctx)


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
    return _each(_ref, kind, raw, here, ctx)


def _file_path(kind: f.FilePath, raw: Any, here: Location, ctx: Context) -> Any:
    if not isinstance(raw, str) or not raw.strip():
        return ctx.fail(here, msg("wrong-type"), expected=expected(kind), found=describe(raw))
    relative = PurePosixPath(raw.strip())
    base = (ctx.root / ctx.doc.path).parent
    target = (base / relative).resolve()
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


CHECKERS: dict[type, Callable[[Any, Any, Location, Context], Any]] = {
    f.Text: _text,
    f.Bilingual: _bilingual,
    f.Year: _year,
    f.Date: _date,
    f.Url: _url,
    f.Email: _email,
    f.Phone: _phone,
    f.Flag: _flag,
    f.Count: _count,
    f.Names: _names,
    f.Choice: _choice,
    f.Term: _term,
    f.Terms: _terms,
    f.Ref: _ref,
    f.Refs: _refs,
    f.FilePath: _file_path,
    f.Record: _record,
    f.ListOf: _list_of,
}
