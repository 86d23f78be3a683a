"""A corpus of hostile and broken input, each case with the outcome it must have.

A case is a few files written into a project.  Its outcome is either

- `refused`: `tejido check` reports a problem at `where` (file:line) whose text
  contains `says`, with a hint; and nothing is published (the build fails once,
  with the same report, and leaves the site folder as it was); or
- `inert`: `tejido check` accepts it, `mkdocs build --strict` builds it, and the
  published pages and files run no script (a browser test opens every one).

Large inputs (60 KB of nesting, a 30,000 × 30,000 PNG, a zip bomb) are generated
here rather than kept in the repository.  `write_cases` lays cases out in a project;
`test_hostile.py` runs the whole corpus with one check and one build per outcome.
"""

from __future__ import annotations

import io
import json
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

ORG = "directory/organizations"
SECRET = "SECRETO-DEL-SISTEMA-7f3a"
"""Written in files outside the repository that links point at: no message may show it."""


@dataclass(frozen=True)
class Link:
    """A symbolic link to `target`; `outside` targets are made in a folder beside the
    project (the machine's own files, as far as the project knows)."""

    target: str
    outside: bool = True


Content = str | bytes | Link


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, Content]
    outcome: str  # "refused" or "inert"
    where: str = ""
    """file:line of the problem, for refused cases."""
    says: str = ""
    """Part of the problem's message or found value."""
    alone: bool = False
    """Checked in a project of its own (it would drown or break the others)."""
    published: tuple[str, ...] = ()
    """Site paths an inert case must publish (besides its entry's pages)."""


# -- templates ----------------------------------------------------------------------

def org(name: str = "Casa Abierta", extra: str = "") -> str:
    return (f"name: {name}\ntype: cso\nsummary:\n  es: Una organización de prueba.\n"
            f"  en: A test organization.\nthemes: [educacion]\nregions: [oaxaca]\n{extra}")


def practice(body: str = "Texto.", front_extra: str = "") -> str:
    return ("---\ntitle:\n  es: Una práctica\n  en: A practice\nsummary:\n"
            "  es: Una práctica de prueba.\n  en: A test practice.\n"
            "organizations: [organization:base]\nthemes: [educacion]\nregions: [oaxaca]\n"
            f"{front_extra}---\n{body}\n")


PRACTICE_BODY_LINE = 12
"""The first body line of `practice()` (the line after the closing ---)."""


def guide(body: str = "## Capítulo\n\nTexto.", front_extra: str = "") -> str:
    return ("---\ntitle:\n  es: Una guía\n  en: A guide\nsummary:\n  es: Una guía de prueba.\n"
            "  en: A test guide.\nauthors: [organization:base]\nyear: 2021\n"
            f"licence: CC-BY-4.0\n{front_extra}---\n{body}\n")


GUIDE_BODY_LINE = 12

# -- generated files -----------------------------------------------------------------


def png(width: int = 4, height: int = 3, colour: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def huge_png(side: int = 30_000) -> bytes:
    """A valid 1-bit PNG of side × side pixels: about 110 KB on disk, 900 million pixels
    (3.6 GB) once decoded.  Written row by row, never held whole."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    packer = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + \
        chunk(b"IEND", b"")


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "orange").save(out, "JPEG")
    return out.getvalue()


def svg(inner: str, attrs: str = "") -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40" {attrs}>'
            f"{inner}</svg>\n")


CLEAN_SVG = svg('<circle cx="20" cy="20" r="15" fill="teal"/><text x="5" y="38">Mapa</text>')
DOCX_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
              '2006/content-types"><Override PartName="/word/document.xml" ContentType="'
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
              '/></Types>')


def docx(extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("word/document.xml", "<w:document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A .docx whose one part unpacks 20 MB of zeros from about 20 KB (ratio ~1,000)."""
    return docx({"word/media/bomba.bin": b"\x00" * (20 * 1024 * 1024)})


def pdf(with_script: bool = False) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if with_script:  # runs when the PDF opens, in viewers that run scripts
        action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                   NameObject("/JS"): TextStringObject("app.alert('hola');")})
        writer._root_object[NameObject("/OpenAction")] = action
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def many_problems(count: int = 40_000) -> str:
    return org() + "".join(f"k{i:05d}: 1\n" for i in range(count))


# -- the cases -----------------------------------------------------------------------

def _refused(name: str, files: dict[str, Content], where: str, says: str,
             **kw: bool) -> Case:
    return Case(name, files, "refused", where, says, **kw)  # type: ignore[arg-type]


def _inert(name: str, files: dict[str, Content], published: tuple[str, ...] = ()) -> Case:
    return Case(name, files, "inert", published=published)


def _yaml_cases() -> list[Case]:
    o = f"{ORG}/"
    deep_map = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x: 1\n"
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    return [
        _refused("block sequences nested 30,000 deep (segfaulted libyaml)",
                 {o + "seq-profunda.yml": "- " * 30_000 + "x\n"},
                 o + "seq-profunda.yml:1", "nest too deeply"),
        _refused("block mappings nested 200 deep",
                 {o + "mapa-profundo.yml": deep_map}, o + "mapa-profundo.yml:41",
                 "nest too deeply"),
        _refused("flow brackets nested 100,000 deep",
                 {o + "corchetes.yml": "name: [" + "[" * 100_000 + "\n"},
                 o + "corchetes.yml:1", "nest too deeply"),
        _refused("block nesting inside front matter",
                 {"practices/frente-profundo.md": "---\ntitle:\n" + "- " * 20_000 + "x\n---\n"},
                 "practices/frente-profundo.md:3", "nest too deeply"),
        _refused("file over 512 KB",
                 {o + "enorme.yml": org(extra="description:\n  es: " + "x" * 600_000 + "\n")},
                 o + "enorme.yml:1", "too large"),
        _refused("billion laughs (aliases)", {o + "risas.yml": laughs}, o + "risas.yml:2",
                 "aliases"),
        _refused("python object tag",
                 {o + "etiqueta.yml": org(extra="acronym: !!python/object/apply:os.system "
                                                "['echo hola']\n")},
                 o + "etiqueta.yml:8", "tags"),
        _refused("impossible date (crashed the loader)",
                 {o + "fecha.yml": org(extra="last_verified: 2026-13-45\n")},
                 o + "fecha.yml:8", "not a date"),
        _refused("NUL byte", {o + "nulo.yml": org(extra="acronym: a\x00b\n")},
                 o + "nulo.yml:8", "NUL byte"),
        _refused("invalid UTF-8 on line 8",
                 {o + "latin1.yml": org().encode() + "acronym: Educación\n".encode("latin-1")},
                 o + "latin1.yml:8", "not UTF-8"),
        _refused("UTF-16 file", {o + "utf16.yml": org().encode("utf-16")},
                 o + "utf16.yml:1", "not UTF-8"),
        _refused("bell control character",
                 {o + "campana.yml": org(extra="acronym: a\x07b\n")}, o + "campana.yml:8",
                 "control character"),
        _refused("a bare scalar document", {o + "escalar.yml": "solo un texto\n"},
                 o + "escalar.yml:1", "must be fields"),
        _refused("a list document", {o + "lista.yml": "- name: Casa\n- type: cso\n"},
                 o + "lista.yml:1", "must be fields"),
        _refused("unclosed front matter",
                 {"practices/sin-cierre.md": "---\ntitle:\n  es: Hola\n"},
                 "practices/sin-cierre.md:1", "never ends"),
        _refused("name written twice",
                 {o + "doble.yml": org(extra="name: Otra Casa\n")}, o + "doble.yml:8",
                 "lines 1 and 8"),
        _refused("es written twice under summary",
                 {o + "doble-es.yml": org().replace("  en: A test", "  es: Otra\n  en: A test")},
                 o + "doble-es.yml:5", "lines 4 and 5"),
        _refused("title written twice in front matter",
                 {"practices/doble-titulo.md": practice(front_extra="title:\n  es: Otro\n")},
                 "practices/doble-titulo.md:11", "lines 2 and 11"),
        _refused("a problem inside an es: | block, on its own line",
                 {o + "bloque.yml": org(extra="description:\n  es: |\n    Texto.\n\n"
                                              "    <div>abierto\n")},
                 o + "bloque.yml:12", "HTML <div>"),
        _refused("an alliance with itself",
                 {o + "sola.yml": org(extra="alliances:\n  - with: organization:sola\n")},
                 o + "sola.yml:9", "refer to itself"),
        _refused("a web address with spaces",
                 {o + "espacios.yml": org(extra="website: https://casa abierta.org\n")},
                 o + "espacios.yml:8", "not a valid web address"),
        _refused("a web address with a stray bracket (crashed the URL parser)",
                 {o + "corchete-url.yml": org(extra="website: https://ca]sa.example.org\n")},
                 o + "corchete-url.yml:8", "not a valid web address"),
        _refused("a web address without a host",
                 {o + "sin-host.yml": org(extra="website: https://\n")},
                 o + "sin-host.yml:8", "not a valid web address"),
        _refused("right-to-left override in a name",
                 {o + "rtl.yml": org(name="Casa \u202eacibA")}, o + "rtl.yml:1",
                 "direction"),
        _refused("right-to-left override in a file name",
                 {o + "casa\u202elmy.yml": org()}, o + "casa\u202elmy.yml:1", "not a valid id"),
        _refused("Cyrillic homoglyph in a file name",
                 {o + "c\u0430sa.yml": org()}, o + "c\u0430sa.yml:1", "not a valid id"),
        _refused("40,000 problems in one file", {o + "muchos.yml": many_problems()},
                 o + "muchos.yml:8", "unknown field", alone=True),
    ]


def _markdown_cases() -> list[Case]:
    p, line = "practices/", PRACTICE_BODY_LINE
    return [
        _refused("emphasis bomb (recursion in the table of contents)",
                 {p + "enfasis.md": practice("*" * 2000 + "z" + "*" * 2000)},
                 f"{p}enfasis.md:{line}", "in a row"),
        _refused("underscore bomb",
                 {p + "guiones.md": practice("_" * 2000 + "z" + "_" * 2000)},
                 f"{p}guiones.md:{line}", "in a row"),
        _refused("nested mixed emphasis",
                 {p + "mezcla.md": practice(" ".join(["**a *b _c __d"] * 300))},
                 f"{p}mezcla.md:{line}", "too many * or _"),
        _refused("5,000 nested brackets (a minute of Markdown)",
                 {p + "corchetes.md": practice("[" * 5000 + "z" + "]" * 5000)},
                 f"{p}corchetes.md:{line}", "nest too deeply"),
        _refused("an <svg onload> in a body",
                 {p + "svg-en-texto.md": practice("Hola\n\n<svg onload=alert(1)>")},
                 f"{p}svg-en-texto.md:{line + 2}", "<svg"),
        _refused("a link with a stray bracket (crashed MkDocs' URL parser)",
                 {p + "url-rota.md": practice("Ver [esto](http://[casa.org/x) hoy")},
                 f"{p}url-rota.md:{line}", "cannot be read"),
        _refused("a link to a page by its file name (MkDocs warns, strict fails)",
                 {p + "enlace-md.md": practice("Ver [la otra](otra-practica.md).")},
                 f"{p}enlace-md.md:{line}", "page by its file name"),
        _refused("a file link in a field (never published; MkDocs warns)",
                 {f"{ORG}/campo-archivo.yml": org(
                     extra="description:\n  es: Ver [mapa](mapa.png)\n")},
                 f"{ORG}/campo-archivo.yml:9", "cannot be linked from this field"),
        _refused("a body with a direction override",
                 {p + "rtl-texto.md": practice("Pague en \u202egnp.exe")},
                 f"{p}rtl-texto.md:{line}", "direction"),
    ]


def _attachment_cases() -> list[Case]:
    p, line = "practices/", PRACTICE_BODY_LINE

    def linked(ident: str, target: str, content: Content, image: bool = True) -> Case:
        mark = "!" if image else ""
        return _refused(f"linked {target}", {
            f"{p}{ident}.md": practice(f"{mark}[archivo]({target})"),
            f"{p}{target}": content}, f"{p}{ident}.md:{line}", "")

    cases = [
        linked("svg-onload", "a/onload.svg", svg("", 'onload="alert(1)"')),
        linked("svg-script", "a/script.svg", svg("<script>alert(1)</script>")),
        linked("svg-foreign", "a/foreign.svg",
               svg('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml">'
                   "<script>alert(1)</script></body></foreignObject>")),
        linked("svg-js-link", "a/enlace.svg",
               svg('<a xlink:href="javascript:alert(1)"><text y="20">clic</text></a>')),
        linked("svg-remote", "a/remota.svg",
               svg('<image href="https://rastreo.example.org/pixel.png"/>')),
        linked("svg-animate", "a/anima.svg",
               svg('<a><animate attributeName="href" to="javascript:alert(1)"/>'
                   '<text y="20">x</text></a>')),
        linked("svg-entities", "a/entidades.svg",
               '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>'
               + svg("<text>&a;</text>")),
        linked("svg-style", "a/estilo.svg",
               svg("<style>@import url(https://rastreo.example.org/x.css);</style>")),
        linked("pagina-htm", "a/pagina.htm", "<script>alert(1)</script>", image=False),
        linked("pagina-xhtml", "a/pagina.xhtml",
               '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
               image=False),
        linked("html-as-png", "a/falsa.png", "<html><script>alert(1)</script></html>"),
        linked("png-polyglot", "a/poliglota.png", png() + b"<script>alert(1)</script>"),
        linked("gif-polyglot", "a/poliglota.gif", b"GIF89a/*\x00\x00*/=alert(1)//;"),
        linked("jpeg-as-png", "a/foto.png", jpeg()),
        linked("huge-png", "a/enorme.png", huge_png()),
        linked("truncated-png", "a/cortada.png", png(200, 200)[:-40]),
        linked("zip-bomb", "a/bomba.docx", zip_bomb_docx(), image=False),
        linked("macros", "a/macros.docx", docx({"word/vbaProject.bin": b"x" * 100}),
               image=False),
        linked("pdf-script", "a/script.pdf", pdf(with_script=True), image=False),
        linked("pdf-fake", "a/falso.pdf", "no soy un PDF", image=False),
        linked("exe", "a/programa.exe", b"MZ\x90\x00", image=False),
        linked("zip", "a/archivo.zip", docx(), image=False),
        _refused("image without a suffix", {
            p + "sin-sufijo.md": practice("![mapa](a/mapa)"), p + "a/mapa": png()},
            f"{p}sin-sufijo.md:{line}", "no type"),
        _refused("missing image", {p + "falta.md": practice("Texto.\n\n![mapa](a/falta.png)")},
                 f"{p}falta.md:{line + 2}", "does not exist"),
        _refused("text that is not an image", {
            p + "no-imagen.md": practice("![mapa](a/texto.png)"), p + "a/texto.png": "hola"},
            f"{p}no-imagen.md:{line}", "not a PNG"),
        _refused("NFD accents in a linked file name", {
            p + "nfd.md": practice("![m](a/" + unicodedata.normalize("NFD", "mapá.png") + ")"),
            p + "a/" + unicodedata.normalize("NFD", "mapá.png"): png()},
            f"{p}nfd.md:{line}", "accents"),
        _refused("guide image missing (failed inside the PDF)", {
            "content/guides/guia-falta.md": guide("## Uno\n\n![mapa](img/falta.png)")},
            f"content/guides/guia-falta.md:{GUIDE_BODY_LINE + 2}", "does not exist"),
        _refused("guide image without suffix", {
            "content/guides/guia-sufijo.md": guide("![mapa](img/mapa)"),
            "content/guides/img/mapa": png()},
            f"content/guides/guia-sufijo.md:{GUIDE_BODY_LINE}", "no type"),
        _refused("guide image that is not an image", {
            "content/guides/guia-texto.md": guide("![mapa](img/texto.png)"),
            "content/guides/img/texto.png": "hola"},
            f"content/guides/guia-texto.md:{GUIDE_BODY_LINE}", "not a PNG"),
        _refused("guide image 30,000 × 30,000", {
            "content/guides/guia-enorme.md": guide("![mapa](img/enorme.png)"),
            "content/guides/img/enorme.png": huge_png()},
            f"content/guides/guia-enorme.md:{GUIDE_BODY_LINE}", "too large"),
        _refused("guide attachment that is a script PDF", {
            "content/guides/guia-js.md": guide(front_extra="files:\n  - path: js.pdf\n"
                                                           "    lang: es\n"),
            "content/guides/js.pdf": pdf(with_script=True)},
            "content/guides/guia-js.md:12", "JavaScript"),
        _refused("stray web page in content/", {"content/pagina.html": "<script>alert(1)</script>"},
                 "content/pagina.html:1", ".html files are not published"),
        _refused("stray SVG with a script in content/",
                 {"content/logo.svg": svg("<script>alert(1)</script>")},
                 "content/logo.svg:1", "SVG drawing"),
    ]
    return cases


def _path_cases() -> list[Case]:
    return [
        _refused("entry file linked to a system file", {
            f"{ORG}/enlace-sistema.yml": Link("secreto.yml")},
            f"{ORG}/enlace-sistema.yml:1", "symbolic link"),
        _refused("entry file linked to valid YAML elsewhere", {
            f"{ORG}/enlace-valido.yml": Link("valida.yml")},
            f"{ORG}/enlace-valido.yml:1", "symbolic link"),
        _refused("English text linked to a system file", {
            "practices/con-ingles.md": practice(),
            "practices/con-ingles.en.md": Link("secreto.yml")},
            "practices/con-ingles.en.md:1", "symbolic link"),
        _refused("practice's image folder linked outside", {
            "practices/carpeta.md": practice("![x](fotos/foto.png)"),
            "practices/fotos": Link("fotos")},
            f"practices/carpeta.md:{PRACTICE_BODY_LINE}", "outside the repository"),
        _refused("hand-written page linked to a system file", {
            "content/secreto.md": Link("secreto.yml")}, "content/secreto.md:1",
            "symbolic link"),
        _refused("a kind's folder linked outside the repository", {
            "directory/networks": Link("redes")}, "directory/networks:1", "symbolic link",
            alone=True),
        _refused("a folder of content/ linked outside the repository", {
            "content/privado": Link("redes")}, "content/privado:1", "symbolic link"),
        _refused("taxonomy linked to a system file", {
            "taxonomies/sdgs.yml": Link("secreto.yml")}, "taxonomies/sdgs.yml:1",
            "symbolic link", alone=True),
        _refused("../../etc/passwd in files:, inside the repository", {
            "content/guides/guia-passwd.md": guide(front_extra="files:\n  - path: "
                                                               "../../etc/passwd.pdf\n"
                                                               "    lang: es\n"),
            "etc/passwd.pdf": pdf()},
            "content/guides/guia-passwd.md:12", "leaves the entry's folder"),
        _refused("../../etc/passwd linked from a body, inside the repository", {
            "practices/passwd.md": practice("[x](../etc/passwd.pdf)"), "etc/passwd.pdf": pdf()},
            f"practices/passwd.md:{PRACTICE_BODY_LINE}", "leaves the entry's folder"),
    ]


HOSTILE_TEXT = '<script>alert("x")</script><img src="#x" onerror=alert(1)>"\'&'


def _inert_cases() -> list[Case]:
    p = "practices/"
    return [
        _inert("BOM before a practice's ---", {p + "con-bom.md": "\ufeff" + practice()}),
        _inert("hostile text in every kind of field", {
            f"{ORG}/hostil.yml": org(name=json.dumps(HOSTILE_TEXT), extra=(
                "acronym: '<b>X</b>'\ndescription:\n  es: " + json.dumps(
                    "<img src='#x' onerror=alert(1)> <b onclick=alert(1)>b</b> "
                    "[clic](javascript:alert(1)) [d](data:text/html,x)") + "\n"))
        }),
        _inert("hostile Markdown in a practice body", {
            p + "markdown-hostil.md": practice(
                "Hola <img src='#x' onerror=alert(1)> <a href='javascript:alert(1)'>a</a>\n\n"
                "[clic](javascript:alert(1)) <span onclick=alert(1)>x</span>\n\n"
                "<b onmouseover=alert(1)>negrita</b> <a href=\"data:text/html,x\">d</a>\n")}),
        _inert("homoglyphs and invisible joiners in a name",
               {f"{ORG}/homoglifos.yml": org(name="Ｃasa Аbierta\u200d\u200b")}),
        _inert("a clean SVG, a PNG, a JPEG, a PDF and a docx beside a practice", {
            p + "adjuntos.md": practice(
                "![mapa](a/mapa.svg) ![foto](a/foto.png) ![otra](a/foto.jpg)\n\n"
                "[informe](a/informe.pdf) [acta](a/acta.docx)"),
            p + "a/mapa.svg": CLEAN_SVG, p + "a/foto.png": png(), p + "a/foto.jpg": jpeg(),
            p + "a/informe.pdf": pdf(), p + "a/acta.docx": docx()},
            published=("practicas/adjuntos/a/mapa.svg", "practicas/adjuntos/a/foto.png",
                       "practicas/adjuntos/a/acta.docx")),
        _inert("a guide with an SVG and a PNG in its PDF", {
            "content/guides/guia-ilustrada.md": guide(
                "## Mapa\n\n![mapa](img/mapa.svg)\n\n![foto](img/foto.png)"),
            "content/guides/img/mapa.svg": CLEAN_SVG, "content/guides/img/foto.png": png(60, 40)},
            published=("guias/guia-ilustrada/guia-ilustrada-es.pdf",)),
        _inert("a hand-written page with scripts (sanitized like entry pages)", {
            "content/hostil.md": "# Página\n\n<script>alert(1)</script>\n\n"
                                 "<img src=x onerror=alert(1)> [a](javascript:alert(1))\n",
            "content/hostil.en.md": "# Page\n\n<div onmouseover=alert(1)>hover</div>\n"},
            published=("hostil.html", "en/hostil.html")),
        _inert("emphasis and fill-in lines within the limits", {
            p + "enfasis-normal.md": practice(
                "***negrita y cursiva*** y __negrita__\n\nNombre: ______________\n\n***\n\n"
                + "* punto\n" * 150)}),
        _inert("a link to a page that is not a file",
               {p + "enlace-pagina.md": practice("[otra](otra) y [web](https://ejemplo.org)")}),
    ]


def cases() -> list[Case]:
    return [*_yaml_cases(), *_markdown_cases(), *_attachment_cases(), *_path_cases(),
            *_inert_cases()]


BASE: dict[str, Content] = {f"{ORG}/base.yml": org(name="Base")}
"""An organization the cases refer to."""
OUTSIDE: dict[str, Callable[[], bytes]] = {
    "secreto.yml": lambda: f"root:x:0:0:{SECRET}:/root:/bin/bash\n".encode(),
    "valida.yml": lambda: org(name=SECRET).encode(),
    "fotos/foto.png": png,
    "redes/red-ajena.yml": lambda: f"name: {SECRET}\n".encode(),
}


def write_cases(project: Path, chosen: list[Case], outside: Path) -> None:
    """Write `chosen` cases (and the base entry) into `project`; link targets go to
    `outside`, a folder that is not part of the project."""
    for name, make in OUTSIDE.items():
        (outside / name).parent.mkdir(parents=True, exist_ok=True)
        (outside / name).write_bytes(make())
    files: dict[str, Content] = dict(BASE)
    for case in chosen:
        files.update(case.files)
    for name, content in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir() and isinstance(content, Link):
            path.rmdir()  # an empty folder of the project template, replaced by a link
        if isinstance(content, Link):
            path.symlink_to(outside / content.target)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@dataclass
class Tally:
    """The counts the issue asks for."""

    cases: int = 0
    refused_with_line_and_hint: int = 0
    published_inert: int = 0
    tracebacks: int = 0
    signals: int = 0
    scripts_run: int = 0
    partial_sites: int = 0
    check_passes_build_fails: int = 0
    notes: list[str] = field(default_factory=list)
