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

    def fail(self, here: Location, message: str, *, expected: str = "", found: str = "",
             hint: str = "", line: int | None = None) -> Any:
        self.problems.add(Problem(self.doc.path, line or self.doc.line(here), dotted(here),
                                  message, expected, found, hint))
        return MISSING


def dotted(here: Location) -> str:
    text = ""
    for part in here:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def forms(kind: f.FieldType) -> tuple[str, str]:
    """What a value of this type looks like, in Spanish and English (for messages and
    the comments of templates)."""
    match kind:
        case f.Text():
            return "texto", "text"
        case f.Bilingual():
            return ("texto por idioma, como {es: …, en: …}",
                    "text by language, like {es: …, en: …}")
        case f.Year():
            return "un año, como 2019", "a year like 2019"
        case f.Date():
            return "una fecha año-mes-día, como 2026-03-15", "a date like 2026-03-15"
        case f.Url():
            return ("una dirección web que empieza con https://",
                    "a web address starting with https://")
        case f.Email():
            return ("un correo, como nombre@ejemplo.org",
                    "an e-mail address like nombre@ejemplo.org")
        case f.Phone():
            return "un teléfono, como +52 951 123 4567", "a phone number like +52 951 123 4567"
        case f.Flag():
            return "true o false", "true or false"
        case f.Count():
            return "un número entero, como 48", "a whole number like 48"
        case f.Names():
            return ('una lista de nombres entre corchetes, como ["Ana Pérez"]',
                    'a list of names like ["Ana Pérez"]')
        case f.Choice(values=values):
            return "uno de: " + ", ".join(values), "one of " + ", ".join(values)
        case f.Term(taxonomy=name):
            return (f"un término de taxonomies/{name}.yml",
                    f"a term from taxonomies/{name}.yml")
        case f.Terms(taxonomy=name):
            return (f"una lista de términos de taxonomies/{name}.yml, entre corchetes",
                    f"a list of terms from taxonomies/{name}.yml")
        case f.Ref(kinds=kinds):
            return ("una referencia, como " + " o ".join(f"{k}:id-del-archivo" for k in kinds),
                    "a reference like " + " or ".join(f"{k}:some-id" for k in kinds))
        case f.Refs(kinds=kinds):
            return (f"una lista de referencias, como [{kinds[0]}:id-del-archivo]",
                    f"a list of references like [{kinds[0]}:some-id]")
        case f.FilePath():
            return "la ruta de un archivo junto a la entrada", "a path to a file next to the entry"
        case f.Record():
            return "campos con sangría", "a mapping of fields"
        case f.ListOf():
            return ("una lista de elementos que empiezan con '- '",
                    "a list of items starting with '- '")
    raise AssertionError(kind)


def expected(kind: f.FieldType) -> str:
    """The English form, as messages give it."""
    return forms(kind)[1]


def check_fields(spec_fields: tuple[f.Field, ...], data: Any, here: Location,
                 ctx: Context) -> dict[str, Any]:
    """Check a mapping against field definitions; returns the valid, normalized fields."""
    if not isinstance(data, dict):
        ctx.fail(here, "expected a mapping of fields", expected="'field: value' lines",
                 found=describe(data))
        return {}
    known = {spec.name: spec for spec in spec_fields}
    result: dict[str, Any] = {}
    for key in data:
        if key in known:
            continue
        if key in f.LANGUAGES:
            ctx.fail((*here, key), f"'{key}:' is not a field here", expected="a field name",
                     found=repr(key), hint=f"'{key}:' goes under the field it translates, "
                     "indented by two spaces (for example under 'summary:')")
            continue
        ctx.fail((*here, key), "unknown field", expected="one of the documented fields",
                 found=repr(key), hint=did_you_mean(fold(str(key)), known,
                                                    f.SPANISH_FIELD_NAMES))
    for spec in spec_fields:
        raw = data.get(spec.name)
        if is_blank(raw):
            if spec.required and spec.name in data:
                ctx.fail((*here, spec.name), f"the required field '{spec.name}' is empty",
                         expected=expected(spec.type), found="nothing",
                         hint=f"write the value after '{spec.name}:' ({spec.en}); text in "
                              "two languages goes on the next lines, indented: '  es: …'")
            elif spec.required:
                example = spec.example or "…"
                ctx.fail(here, f"the required field '{spec.name}' is missing",
                         expected=expected(spec.type), found="nothing",
                         hint=f"add a line '{spec.name}: {example}' ({spec.en})")
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
        return ctx.fail(here, "wrong type", expected="text", found=describe(raw),
                        hint="write plain text; put it in quotes if it looks like yes/no")
    text = str(raw).strip()
    if len(text) > kind.max_length:
        return ctx.fail(here, "text is too long", expected=f"at most {kind.max_length} characters",
                        found=f"{len(text)} characters")
    return text


def _bilingual(kind: f.Bilingual, raw: Any, here: Location, ctx: Context) -> Any:
    if not isinstance(raw, dict):
        return ctx.fail(here, "the text needs its language", expected=expected(kind),
                        found=describe(raw),
                        hint="put the text on the next line after 'es:', indented by two "
                             "spaces, and the English (if you have it) after 'en:':\n"
                             f"      {here[-1]}:\n        es: <texto en español>\n"
                             "        en: <English text>")
    result: dict[str, str] = {}
    for lang, text in raw.items():
        if lang not in f.LANGUAGES:
            ctx.fail((*here, lang), "unknown language", expected=" or ".join(f.LANGUAGES),
                     found=repr(lang), hint=did_you_mean(str(lang), f.LANGUAGES))
            continue
        if text is None or str(text).strip() == "":
            continue
        if isinstance(text, (bool, dict, list)):
            ctx.fail((*here, lang), "wrong type", expected="text", found=describe(text),
                     hint="put the text in quotes")
            continue
        value = str(text).strip()
        if kind.markdown:
            skipped = str(text)[:len(str(text)) - len(str(text).lstrip())].count("\n")
            for issue in markdown_issues(value):
                ctx.fail((*here, lang), issue.message, expected="Markdown text",
                         found=issue.found, hint=issue.hint,
                         line=ctx.doc.text_line((*here, lang), skipped + issue.line))
        if len(value) > kind.max_length:
            ctx.fail((*here, lang), "text is too long",
                     expected=f"at most {kind.max_length} characters",
                     found=f"{len(value)} characters")
            continue
        result[lang] = value
    if not result:
        return MISSING
    if f.DEFAULT_LANGUAGE not in result:
        return ctx.fail(here, "the Spanish text is missing", expected="es: and en:",
                        found="only " + ", ".join(result),
                        hint="Spanish is the catalog's main language: add 'es: …' "
                             "(English may be left out; readers then see the Spanish text)")
    return result


def _year(kind: f.Year, raw: Any, here: Location, ctx: Context) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not str(raw).isdigit():
        return ctx.fail(here, "wrong type", expected=expected(kind), found=describe(raw))
    year = int(raw)
    if year > ctx.today.year:
        return ctx.fail(here, "the year is in the future", expected=f"{ctx.today.year} or earlier",
                        found=str(year), hint="use the year it actually happened")
    if year < 1800:
        return ctx.fail(here, "the year is too early", expected="1800 or later", found=str(year))
    return year


def _date(kind: f.Date, raw: Any, here: Location, ctx: Context) -> Any:
    value = raw
    if isinstance(raw, str):
        try:
            value = dt.date.fromisoformat(raw.strip())
        except ValueError:
            return ctx.fail(here, "not a date", expected=expected(kind), found=describe(raw),
                            hint="write year-month-day, like 2026-03-15")
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return ctx.fail(here, "not a date", expected=expected(kind), found=describe(raw))
    if value > ctx.today:
        return ctx.fail(here, "the date is in the future",
                        expected=f"{ctx.today.isoformat()} or earlier", found=value.isoformat())
    return value


def _url(kind: f.Url, raw: Any, here: Location, ctx: Context) -> Any:
    text = str(raw).strip() if isinstance(raw, str) else ""
    if not text:
        return ctx.fail(here, "wrong type", expected=expected(kind), found=describe(raw))
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme and scheme not in SAFE_SCHEMES:
        return ctx.fail(here, f"'{scheme}:' links are not allowed", expected=expected(kind),
                        found=describe(text), hint="only http:// and https:// links are published")
    try:
        parts = urlsplit(text)
    except ValueError:  # an unclosed '[' after https:// reads as a broken IPv6 address
        return ctx.fail(here, "not a valid web address", expected=expected(kind),
                        found=describe(text), hint="check the address for '[' or ']' and "
                        "copy it again from the browser's address bar")
    spaced = any(c.isspace() for c in text)
    if parts.scheme not in SAFE_SCHEMES or "." not in parts.netloc or spaced:
        hint = f"did you mean 'https://{text}'?" if not parts.scheme else ""
        if spaced:
            hint = "a web address has no spaces: copy it again from the browser's address bar"
        elif parts.scheme in SAFE_SCHEMES and "." not in parts.netloc:
            hint = ("after https:// comes the site's name, like https://www.ejemplo.org/…; "
                    "copy the address again from the browser's address bar")
        return ctx.fail(here, "not a valid web address", expected=expected(kind),
                        found=describe(text), hint=hint)
    return text


def _email(kind: f.Email, raw: Any, here: Location, ctx: Context) -> Any:
    text = str(raw).strip() if isinstance(raw, str) else ""
    if not EMAIL.match(text):
        return ctx.fail(here, "not a valid e-mail address", expected=expected(kind),
                        found=describe(raw),
                        hint="check for spaces, a missing '@' or a missing dot")
    return text


def _phone(kind: f.Phone, raw: Any, here: Location, ctx: Context) -> Any:
    text = str(raw).strip() if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
    if not PHONE.match(text):
        return ctx.fail(here, "not a valid phone number", expected=expected(kind),
                        found=describe(raw), hint="use digits, spaces and an optional leading +")
    return text


def _flag(kind: f.Flag, raw: Any, here: Location, ctx: Context) -> Any:
    if not isinstance(raw, bool):
        return ctx.fail(here, "wrong type", expected=expected(kind), found=describe(raw))
    return raw


def _count(kind: f.Count, raw: Any, here: Location, ctx: Context) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not str(raw).isdigit():
        return ctx.fail(here, "wrong type", expected=expected(kind), found=describe(raw))
    number = int(raw)
    if not 1 <= number <= kind.maximum:
        return ctx.fail(here, "out of range", expected=f"1 to {kind.maximum}", found=str(number))
    return number


def _name(kind: f.Names, raw: Any, here: Location, ctx: Context) -> Any:
    return _text(f.Text(kind.max_length), raw, here, ctx)


def _names(kind: f.Names, raw: Any, here: Location, ctx: Context) -> Any:
    return _each(_name, kind, raw, here, ctx)


def _choice(kind: f.Choice, raw: Any, here: Location, ctx: Context) -> Any:
    text = str(raw).strip()
    if text not in kind.values:
        return ctx.fail(here, "not an allowed value", expected=expected(kind), found=describe(raw),
                        hint=did_you_mean(text, kind.values))
    return text


def _term(kind: f.Term | f.Terms, raw: Any, here: Location, ctx: Context) -> Any:
    taxonomy = ctx.taxonomies[kind.taxonomy]
    if isinstance(raw, (bool, dict, list)) or raw is None:
        return ctx.fail(here, "wrong type", expected=f"a term from taxonomies/{taxonomy.name}.yml",
                        found=describe(raw))
    if taxonomy.name == "regions":
        return _place(taxonomy, str(raw), here, ctx)
    term = taxonomy.resolve(str(raw))
    if term is None:
        return ctx.fail(here, f"unknown {taxonomy.name} term",
                        expected=f"a term from taxonomies/{taxonomy.name}.yml",
                        found=describe(str(raw)),
                        hint=did_you_mean(str(raw), taxonomy.terms) + (
                            "" if taxonomy.name == "sdgs" else
                            f" (to add a new term to taxonomies/{taxonomy.name}.yml, ask the "
                            "catalog's maintainers)"))
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
        return ctx.fail(here, "unknown regions term",
                        expected="a term from taxonomies/regions.yml", found=describe(written),
                        hint=place_hint(taxonomy, written, ctx.countries)
                        + " (to add a new term to taxonomies/regions.yml, ask the catalog's "
                          "maintainers)")
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
        return ctx.fail(here, "not a reference", expected=expected(f.Ref(kind.kinds)),
                        found=describe(raw),
                        hint=f"did you mean '{example}'?" if example else "")
    if ref.kind not in kind.kinds:
        return ctx.fail(here, f"a {ref.kind} cannot go here", expected=expected(f.Ref(kind.kinds)),
                        found=str(ref), hint=did_you_mean(ref.kind, kind.kinds))
    if ref == ctx.owner:
        return ctx.fail(here, "an entry cannot refer to itself", expected="another entry",
                        found=str(ref),
                        hint="an alliance or relation joins two different entries: write the "
                             "other entry's reference, or delete this item")
    ctx.refs.append(PendingRef(ref, ctx.doc.path, ctx.doc.line(here), dotted(here), kind.kinds))
    return ref


def _refs(kind: f.Refs, raw: Any, here: Location, ctx: Context) -> Any:
    return _each(_ref, kind, raw, here, ctx)


def _file_path(kind: f.FilePath, raw: Any, here: Location, ctx: Context) -> Any:
    if not isinstance(raw, str) or not raw.strip():
        return ctx.fail(here, "wrong type", expected=expected(kind), found=describe(raw))
    relative = PurePosixPath(raw.strip())
    base = (ctx.root / ctx.doc.path).parent
    target = (base / relative).resolve()
    if relative.is_absolute() or not target.is_relative_to(ctx.root.resolve()):
        return ctx.fail(here, "the path leaves the repository", expected=expected(kind),
                        found=describe(raw), hint="put the file beside the guide and use its name")
    if ".." in relative.parts or not target.is_relative_to(base.resolve()):
        return ctx.fail(here, "the path leaves the entry's folder", expected=expected(kind),
                        found=describe(raw), hint="put the file beside the guide (or in a "
                        "folder below it) and write its name without '../'")
    if target.suffix.lower() not in kind.suffixes:
        return ctx.fail(here, "unsupported file type", expected=" or ".join(kind.suffixes),
                        found=target.suffix or "no extension")
    if not target.is_file():
        return ctx.fail(here, "the file does not exist", expected=expected(kind),
                        found=describe(raw), hint="check the spelling and the folder of the file")
    try:
        refusal = check_attachment(target)
    except OSError as error:
        return ctx.fail(here, "the file cannot be read", found=error.strerror or "an error")
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
        return ctx.fail((*here, "scheme"), "unknown register",
                        expected="an org-id.guide code such as MX-RFC, GT-NIT, SV-NIT or "
                                 "XI-WIKIDATA", found=describe(scheme),
                        hint=_closest_scheme(scheme, codes) + "the codes Tejido knows are in "
                        "plugins/tejido/core/data/identifier-schemes.yml; org-id.guide lists "
                        "every register")
    scheme = values["scheme"] = scheme.upper()
    wrong = identifiers.form_problem(scheme, ident)
    if wrong is None:
        return values
    return ctx.fail((*here, "id"), f"not a {scheme} identifier", expected=wrong,
                    found=describe(ident), hint=f"copy the identifier exactly as the {scheme} "
                    "register gives it, or check that 'scheme' names the right register")


def _closest_scheme(scheme: str, codes: tuple[str, ...]) -> str:
    # Codes are upper-case: did_you_mean folds the word to lower case and would miss them.
    close = get_close_matches(scheme.upper(), codes, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


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
        return ctx.fail((*here, "end"), "the last year is before the first",
                        expected=f"{start} or later", found=str(end))
    return values or MISSING


def _list_of(kind: f.ListOf, raw: Any, here: Location, ctx: Context) -> Any:
    if not isinstance(raw, list):
        return ctx.fail(here, "wrong type", expected=expected(kind), found=describe(raw))
    valid: list[dict[str, Any]] = []
    seen: dict[Ref, int] = {}
    for i, item in enumerate(raw):
        if is_blank(item):
            continue
        checked = _checked_record(kind.item, item, (*here, i), ctx)
        target = next((v for v in checked.values() if isinstance(v, Ref)), None)
        if target is not None and target in seen:
            ctx.fail((*here, i), "listed twice", expected="each entry once",
                     found=f"{target} (also item {seen[target] + 1})",
                     hint="delete one of the two items")
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
