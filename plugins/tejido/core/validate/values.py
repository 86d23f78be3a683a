"""Checks of single values: text, text in two languages, years, dates, web and e-mail
addresses, phones, yes/no, counts, names and choices."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from tejido.core.i18n.messages import Part, alternatives, msg
from tejido.core.model import fields as f
from tejido.core.sources.markdown_check import markdown_issues
from tejido.core.sources.source import Location
from tejido.core.validate.context import (
    EMAIL,
    MISSING,
    PHONE,
    SAFE_SCHEMES,
    Checker,
    Context,
    each,
)
from tejido.core.validate.forms import expected
from tejido.core.validate.problems import describe, did_you_mean


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
    return each(_name, kind, raw, here, ctx)


def _choice(kind: f.Choice, raw: Any, here: Location, ctx: Context) -> Any:
    text = str(raw).strip()
    if text not in kind.values:
        return ctx.fail(here, msg("not-allowed"), expected=expected(kind), found=describe(raw),
                        hint=did_you_mean(text, kind.values))
    return text


VALUE_CHECKERS: dict[type, Checker] = {
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
}
