"""What a value of each field type looks like, in the contributor's language: the
'expected …' of messages and the comments of the templates `tejido new` writes."""

from __future__ import annotations

from tejido.core.i18n.messages import Part, Translated, alternatives, msg, words
from tejido.core.model import fields as f


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
