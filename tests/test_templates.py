"""Templates a site owner overrides the MkDocs way (`theme.custom_dir`), with real builds."""

from __future__ import annotations

from pathlib import Path

import markupsafe
import pytest
from jinja2 import DictLoader, Environment
from markupsafe import Markup

from conftest import make_project, run_mkdocs
from tejido.core.outputs.render import THEME_DIR, Renderer
from tejido.core.outputs.template_class import (
    TejidoContext,
    TejidoMacro,
    TejidoTemplate,
    escape_html,
)
from tejido.core.outputs.views import CardView, LinkView, Local

OWNER_MAIN = """{% extends "base.html" %}
{#- As Material's documentation teaches: blocks replaced without super(). -#}
{% block extrahead %}<meta name="owner" content="main">{% endblock %}
{% block announce %}<p class="owner-announce">Aviso de la red</p>{% endblock %}
{% block scripts %}<script src="owner.js"></script>{% endblock %}
"""
OWNER_ORGANIZATION = """{% extends "tejido/entry.html" %}
{% block allies %}<p class="owner-allies">Aliadas elegidas por la red</p>{% endblock %}
"""
OWNER_CARD = """<li class="owner-card">{{ card.link.text.text }}</li>
"""


@pytest.fixture(scope="module")
def owner_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("owner"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n"))
    overrides = project / "overrides"
    (overrides / "tejido/entry").mkdir(parents=True)
    (overrides / "tejido/partials").mkdir(parents=True)
    (overrides / "main.html").write_text(OWNER_MAIN)
    (overrides / "tejido/entry/organization.html").write_text(OWNER_ORGANIZATION)
    (overrides / "tejido/partials/card.html").write_text(OWNER_CARD)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_an_owners_main_html_keeps_what_tejido_adds(owner_site: Path) -> None:
    for lang in ("", "en/"):
        page = (owner_site / lang / "organizaciones/casa-de-la-mixteca/index.html").read_text()
        assert '<meta name="owner" content="main">' in page
        assert 'class="owner-announce"' in page
        assert "assets/stylesheets/tejido.css" in page
        assert "assets/javascripts/tejido-search.js" in page  # kept with `scripts` replaced
        assert '<script src="owner.js"></script>' in page and "bundle." not in page
        assert 'id="tj-search-input"' in page
        assert '<script type="application/ld+json">' in page
        assert 'class="tj-fix"' in page


def test_a_kind_template_and_a_partial_override_the_theme(owner_site: Path) -> None:
    organization = (owner_site / "organizaciones/casa-de-la-mixteca/index.html").read_text()
    assert 'class="owner-allies"' in organization
    assert 'class="tj-allies"' not in organization
    assert 'class="tj-facts"' in organization  # the rest of the default template stays
    assert '<header class="tj-entry-head">' in organization
    network = (owner_site / "redes/red-sur/index.html").read_text()
    assert 'class="owner-allies"' not in network  # only organizations were overridden
    listing = (owner_site / "organizaciones/index.html").read_text()
    assert '<li class="owner-card">Casa de la Mixteca</li>' in listing
    assert 'class="tj-card ' not in listing


def test_templates_escape_every_value_once() -> None:
    hostile = '<script>alert("x")</script> & "quoted"'
    card = CardView("organization", hostile, LinkView("../x/index.html", Local(
        hostile, "es")), Local(hostile, "en", fallback=True))
    html = Renderer([THEME_DIR], None).fragment("tejido/partials/card.html", "es", card=card)
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quoted&#34;") == 3
    assert "&amp;lt;" not in html and "&amp;amp;" not in html
    assert '<span lang="en">' in html and "(aún sin traducir)" in html


class _Html:
    def __html__(self) -> str:
        return "<b>made</b>"


class _Text(str):
    pass


@pytest.mark.parametrize("value", [
    "", "plain", '<script>alert("x")</script> & \'quoted\'', "Ñuu Savi — ¿qué?", "\x00\u202e",
    Markup("<em>kept</em>"), _Text("<i>a str subclass</i>"), _Html(), 42, 3.5, None, True,
])
def test_escape_html_is_markupsafes_escape(value: object) -> None:
    made = escape_html(value)
    assert type(made) is Markup
    assert made == markupsafe.escape(value)


def test_macros_called_every_way_give_jinjas_html() -> None:
    """Tejido's quick way for macro calls (positional arguments, no caller) and Jinja's
    own for every other call (defaults, keywords, `caller`, varargs) give the same HTML
    as a plain Jinja environment."""
    source = (
        '{% macro pair(a, b="&") %}[{{ a }}{{ b }}]{% endmacro %}'
        '{% macro wrap(x) %}<{{ x }}|{{ caller() }}>{% endmacro %}'
        "{% macro rest() %}{{ varargs | join(',') }}{{ kwargs | dictsort }}{% endmacro %}"
        '{% for v in values %}{{ pair(v, v) }}{{ pair(v) }}{{ pair(b=v, a="<") }}'
        "{% call wrap(v) %}in {{ v }}{% endcall %}{{ rest(v, 1, k=v) }}{% endfor %}")
    values = ["<b>", "x & y", 3]
    plain = Environment(autoescape=True).from_string(source).render(values=values)
    env = Environment(autoescape=True)
    env.template_class, env.context_class = TejidoTemplate, TejidoContext
    template = env.from_string(source)
    assert isinstance(template.module.pair, TejidoMacro)
    assert template.render(values=values) == plain
    assert "[&lt;b&gt;&lt;b&gt;][&lt;b&gt;&amp;]" in plain and "<&lt;b&gt;|in &lt;b&gt;>" in plain


def test_a_template_keeps_the_environments_and_its_own_globals_as_one_dict() -> None:
    """Copied into each render's context at C speed, and none of them lost."""
    env = Environment(loader=DictLoader({"page.html": "{{ site }} {{ own }} {{ range(2)|list }}"}),
                      autoescape=True)
    env.template_class = TejidoTemplate
    env.globals["site"] = "Tejido & co"
    template = env.get_template("page.html", globals={"own": "<own>"})
    assert type(template.globals) is dict
    assert template.render() == "Tejido &amp; co &lt;own&gt; [0, 1]"
