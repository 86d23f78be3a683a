"""Parts of Material's page rendered once per folder for Tejido's pages (`glue/shared_nav.py`):
shared where every page gets the same text, and rendered for a page where it would not."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import Environment
from mkdocs.structure.nav import Navigation
from mkdocs.structure.toc import AnchorLink

from tejido.glue.shared_nav import SharedFragments

OURS = {"organizaciones/a.md", "organizaciones/b.md", "organizaciones/index.md",
        "datos/index.md", "temas/agua/index.md"}


def page(source: str, url: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=source), url=url)


class Renders:
    """A fragment's renderer that says which page it was rendered for."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.page = ""

    def __call__(self) -> str:
        self.calls.append(self.page)
        return f"made for {self.page}"


def rendering(template: str) -> tuple[Renders, object]:
    env = Environment(autoescape=False)
    env.globals["tejido_shared"] = SharedFragments(lambda: OURS)
    nav = Navigation([], [])
    renders = Renders()
    compiled = env.from_string(template)

    def render(source: str, url: str, **context: object) -> str:
        renders.page = url
        return compiled.render(page=page(source, url), nav=nav, config=SimpleNamespace(
            extra={}), render=renders, **context)
    return renders, render


def test_the_pages_of_sibling_folders_share_one_rendering() -> None:
    renders, render = rendering('{{ tejido_shared("f", render) }}')
    assert render("organizaciones/a.md", "organizaciones/a/index.html") == (
        "made for organizaciones/a/index.html")
    assert render("organizaciones/b.md", "organizaciones/b/index.html") == (
        "made for organizaciones/a/index.html")
    render("organizaciones/index.md", "organizaciones/index.html")  # one folder up
    render("temas/agua/index.md", "temas/agua/index.html")  # the same depth, elsewhere
    render("about.md", "about.html")  # a hand-written page: never shared
    render("about.md", "about.html")
    assert renders.calls == ["organizaciones/a/index.html", "organizaciones/index.html",
                             "temas/agua/index.html", "about.html", "about.html"]


def test_a_page_inside_a_folder_its_links_lead_into_gets_its_own() -> None:
    renders, render = rendering('{{ tejido_shared("f", render, links=links) }}')
    links = ["acerca.html", "datos/index.html", "https://example.org/licencia"]
    render("organizaciones/index.md", "organizaciones/index.html", links=links)
    render("datos/index.md", "datos/index.html", links=links)  # "index.html" there
    assert renders.calls == ["organizaciones/index.html", "datos/index.html"]
    render("datos/index.md", "datos/index.html", links=["/absolute/page.html"])
    assert renders.calls[-1] == "datos/index.html"  # not a plain relative address


def test_a_table_of_contents_is_part_of_the_key() -> None:
    renders, render = rendering('{{ tejido_shared("toc", render, toc) }}')
    contact, allies = AnchorLink("Contacto", "contacto", 2), AnchorLink("Aliados", "aliados", 2)
    render("organizaciones/a.md", "organizaciones/a/index.html", toc=[contact, allies])
    render("organizaciones/b.md", "organizaciones/b/index.html", toc=[contact, allies])
    assert len(renders.calls) == 1
    render("organizaciones/b.md", "organizaciones/b/index.html", toc=[contact])
    allies.children.append(AnchorLink("Por tema", "por-tema", 3))
    render("organizaciones/b.md", "organizaciones/b/index.html", toc=[contact, allies])
    assert len(renders.calls) == 3
