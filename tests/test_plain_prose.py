"""Plain prose made without Markdown (`core/outputs/plain_prose.py`) is exactly the HTML
Markdown makes of it, and anything that is not plain is left to Markdown."""

from __future__ import annotations

import random

import markdown
import pytest

from tejido.core.outputs.plain_prose import plain_extensions, plain_html
from tejido.core.outputs.render import MARKER

EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html"]
WORDS = ["agua", "Oaxaca", "Ñuu", "defensoras", "2026", "A.C.", "50 %", "socio-ambiental",
         "¿quién?", "¡sí!", "(red)", '"cita"', "l'eau", "«así»", "https://ejemplo.org/x",
         "correo:", "x=y", "~", "^", "$", "@", "—", "…", "\u00a0", "Ko’tantik", "n.º 3"]
STARTS = ["Agua", "¿Qué", "¡Hola", "(Nota", '"Dijo', "'Así", "«Texto", "Éxito", "Ñuu"]


def markdown_html(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS,
                             extension_configs={"toc": {"permalink": True}}).convert(text)


def document(pieces: list[str]) -> str:
    return "\n\n".join(f"{MARKER.format(n)}\n\n{text}" for n, text in enumerate(pieces))


def piece(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(0, 3)):
        lines = [" ".join([rng.choice(STARTS), *rng.choices(WORDS, k=rng.randint(0, 8))])
                 for _ in range(rng.randint(1, 3))]
        paragraphs.append("\n".join(line.rstrip("\u00a0 ") for line in lines))
    return ("\n" * rng.randint(2, 3)).join(paragraphs)


def test_plain_prose_is_what_markdown_makes_of_it() -> None:
    rng = random.Random(7)
    made = 0
    for _ in range(3000):
        text = document([piece(rng) for _ in range(rng.randint(1, 4))])
        html = plain_html(text)
        if html is not None:
            made += 1
            assert html == markdown_html(text), text
    assert made > 2500  # most of them were plain


@pytest.mark.parametrize("text", [
    "- una lista", "+ otra", "* y otra", "1. primero", "2026. un año", "# Título",
    "Título\n======", "Título\n------", "> cita", "    código", "\tcódigo", "```\nx\n```",
    "~~~\nx\n~~~", "!!! note\n    aviso", "a  \nb", " sangría", "fin ", "a | b\n--|--\n1 | 2",
    "*énfasis*", "_énfasis_", "`código`", "[enlace](https://x.org)", "<b>html</b>",
    "AT&T", "&amp;", "{: .clase}", "escape \\*", "línea\r\notra", "a\u2028b", "[TOC]",
    f"a\n\n{MARKER.format(2)}\n\nb",
])
def test_anything_not_plain_is_left_to_markdown(text: str) -> None:
    assert plain_html(document([text])) is None


def test_a_document_without_markers_or_with_text_before_them_is_left_to_markdown() -> None:
    assert plain_html("Agua") is None
    smuggled = document([f"a\n\n{MARKER.format(1)}\n\nb"])  # the next marker, in order
    assert plain_html(smuggled) == markdown_html(smuggled)
    assert plain_html("Agua\n\n" + document(["Oaxaca"])) is None
    assert plain_html(document(["Agua", "", "Oaxaca"])) == markdown_html(
        document(["Agua", "", "Oaxaca"]))


def test_only_extensions_that_leave_plain_text_alone_allow_it() -> None:
    assert plain_extensions(EXTENSIONS)
    assert plain_extensions(["markdown.extensions.toc", "attr_list"])
    for other in ("smarty", "nl2br", "abbr", "footnotes", "pymdownx.magiclink",
                  "pymdownx.smartsymbols", "def_list"):
        assert not plain_extensions([*EXTENSIONS, other])
    assert not plain_extensions([object()])


def test_the_sanitizer_leaves_plain_paragraphs_as_they_are() -> None:
    """`sanitize` returns plain paragraphs without asking nh3: for every character such
    paragraphs may hold, nh3 gives them back unchanged (every one of the Basic
    Multilingual Plane, and one in 97 beyond it)."""
    import nh3 as sanitizer

    from tejido.core.outputs.html import PLAIN_PARAGRAPHS, sanitize

    def by_nh3(fragment: str) -> str:
        return str(sanitizer.clean(fragment, strip_comments=False))

    checked = 0
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF or (code > 0xFFFF and code % 97):
            continue
        fragment = f"<p>a{chr(code)}b</p>\n<p>c</p>"
        if PLAIN_PARAGRAPHS.fullmatch(fragment):
            assert by_nh3(fragment) == fragment, hex(code)
            checked += 1
    assert checked > 60_000
    for hostile in ("<p>a</p><script>x</script>", "<p onclick=x>a</p>", "<p>a&lt;b</p>",
                    "<p>a</p>\n<img src=x>", "<p>a\u00a0b</p>", "<p>a\rb</p>"):
        assert not PLAIN_PARAGRAPHS.fullmatch(hostile)  # so nh3 cleans it
        assert "<script" not in sanitize(hostile) and "onclick" not in sanitize(hostile)
