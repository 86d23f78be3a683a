"""Peer corpora: the same number of pages as a Tejido site, hand-written, for plain
MkDocs + Material + mkdocs-static-i18n and for Hugo.

Each page is what an entry page says, as Markdown: a heading, a summary, a
description of a few paragraphs (words from the sample catalog, as `synthetic.py`
draws them), a list of facts and links to five other pages.  The navigation has the
same thirteen sections as the sample catalog; the other pages are out of it (as
Tejido's entry pages are), so neither peer renders a navigation of thousands of
items.  Both languages: Spanish at `/`, English at `/en/`.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

from synthetic import WORDS_EN, WORDS_ES, _sentence

SECTIONS = ["directorio", "organizaciones", "redes", "practicas", "guias", "temas",
            "regiones", "ods", "poblaciones", "tipos", "contribuir", "acerca"]
FOLDERS = ["organizaciones", "redes", "practicas", "temas", "regiones"]


def _page(rng: random.Random, number: int, total: int, english: bool) -> str:
    words = WORDS_EN if english else WORDS_ES
    title = _sentence(rng, words, 4)[:-1]
    links = []
    for other in rng.sample(range(total), min(5, total)):
        folder = FOLDERS[other % len(FOLDERS)]
        links.append(f"- [{_sentence(rng, words, 3)[:-1]}](../{folder}/p{other:06d}.md)")
    paragraphs = "\n\n".join(" ".join(_sentence(rng, words, 14) for _ in range(2))
                             for _ in range(3))
    facts = "\n".join(f"- **{_sentence(rng, words, 1)[:-1]}**: {_sentence(rng, words, 3)}"
                      for _ in range(5))
    return (f"# {title} {number}\n\n{_sentence(rng, words, 18)}\n\n## "
            f"{'About' if english else 'Acerca de'}\n\n{paragraphs}\n\n## "
            f"{'Facts' if english else 'Datos'}\n\n{facts}\n\n## "
            f"{'Related' if english else 'Relacionadas'}\n\n" + "\n".join(links) + "\n")


def _pages(pages: int, seed: int) -> dict[str, tuple[str, str]]:
    """Source path (no language suffix) → (Spanish text, English text)."""
    rng = random.Random(seed)
    found: dict[str, tuple[str, str]] = {}
    for section in SECTIONS:
        name = f"{section}/index.md" if section not in ("contribuir", "acerca") else f"{section}.md"
        found[name] = (f"# {section.title()}\n\n{_sentence(rng, WORDS_ES, 20)}\n",
                       f"# {section.title()}\n\n{_sentence(rng, WORDS_EN, 20)}\n")
    found["index.md"] = ("# Inicio\n\n" + _sentence(rng, WORDS_ES, 30) + "\n",
                         "# Home\n\n" + _sentence(rng, WORDS_EN, 30) + "\n")
    rest = max(0, pages - len(found))
    for number in range(rest):
        folder = FOLDERS[number % len(FOLDERS)]
        found[f"{folder}/p{number:06d}.md"] = (_page(rng, number, rest, False),
                                               _page(rng, number, rest, True))
    return found


MKDOCS_YML = """\
site_name: Peer
site_url: https://peer.example.org/
docs_dir: docs
use_directory_urls: false
theme:
  name: material
  language: es
  font: false
  features: [navigation.tabs, navigation.top]
plugins:
  - search:
      lang: [es, en]
  - i18n:
      docs_structure: suffix
      reconfigure_search: false
      languages:
        - {locale: es, name: Español, default: true, build: true}
        - {locale: en, name: English, build: true}
not_in_nav: |
  /organizaciones/p*.md
  /redes/p*.md
  /practicas/p*.md
  /temas/p*.md
  /regiones/p*.md
markdown_extensions: [admonition, attr_list, md_in_html, tables, {toc: {permalink: true}}]
nav:
  - Inicio: index.md
"""


def make_material(target: Path, pages: int, seed: int = 11) -> Path:
    """A plain MkDocs + Material + static-i18n project with `pages` pages per language."""
    docs = target / "docs"
    for path, (spanish, english) in _pages(pages, seed).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(spanish, encoding="utf-8")
        (docs / path).with_suffix(".en.md").write_text(english, encoding="utf-8")
    nav = "".join(f"  - {s.title()}: {s}/index.md\n" if s not in ("contribuir", "acerca")
                  else f"  - {s.title()}: {s}.md\n" for s in SECTIONS)
    (target / "mkdocs.yml").write_text(MKDOCS_YML + nav, encoding="utf-8")
    return target


HUGO_TOML = """\
baseURL = "https://peer.example.org/"
title = "Peer"
defaultContentLanguage = "es"
disableKinds = ["taxonomy", "term"]
[markup.goldmark.renderer]
unsafe = false
[languages.es]
contentDir = "content/es"
languageName = "Español"
weight = 1
[languages.en]
contentDir = "content/en"
languageName = "English"
weight = 2
"""

BASEOF = """\
<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}"
 href="{{ .Permalink }}">{{ end }}
</head>
<body>
<nav><ul>{{ range .Site.Menus.main }}<li><a href="{{ .URL | relLangURL }}">{{ .Name }}</a></li>
{{ end }}</ul></nav>
<main>{{ block "main" . }}{{ end }}</main>
<aside>{{ .TableOfContents }}</aside>
</body></html>
"""


def make_hugo(target: Path, pages: int, seed: int = 11) -> Path:
    """The same pages as `make_material`, for Hugo (layouts of its own, no theme)."""
    for path, texts in _pages(pages, seed).items():
        for lang, text in zip(("es", "en"), texts, strict=True):
            title, _, body = text.partition("\n")
            path_out = path.replace("index.md", "_index.md") if path.endswith("index.md") else path
            body = body.replace(".md)", "/)").replace("](../", "](../../")
            file = target / "content" / lang / path_out
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(f'---\ntitle: "{title.lstrip("# ")}"\n---\n{body}', encoding="utf-8")
    menu = "".join(f'[[languages.{lang}.menus.main]]\nname = "{s.title()}"\nurl = "/{s}/"\n'
                   f"weight = {n}\n" for lang in ("es", "en")
                   for n, s in enumerate(SECTIONS))
    (target / "hugo.toml").write_text(HUGO_TOML + menu, encoding="utf-8")
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    (layouts / "baseof.html").write_text(BASEOF, encoding="utf-8")
    main = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n'
    (layouts / "single.html").write_text(main, encoding="utf-8")
    (layouts / "list.html").write_text(textwrap.dedent("""\
        {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
        <ul>{{ range first 20 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
        {{ end }}</ul>
        {{ end }}
        """), encoding="utf-8")
    return target
