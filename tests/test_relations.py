"""Relation names live in core/model/relations.py only; every one is declared and has its words."""

from __future__ import annotations

import ast
from pathlib import Path

from tejido.core.i18n.labels import label
from tejido.core.model import relations
from tejido.core.model.fields import KINDS

CORE = Path(relations.__file__).parents[1]
NAMES = {value for name, value in vars(relations).items()
         if name.isupper() and isinstance(value, str)}


def test_every_relation_is_declared_by_a_field_and_named_in_both_languages() -> None:
    declared = {name for spec in KINDS.values() for f in spec.fields if f.relation
                for name in (f.relation.name, f.relation.inverse)}
    assert declared == NAMES
    for name in NAMES:
        assert label("es", f"rel.{name}") and label("en", f"rel.{name}")


def test_no_module_spells_a_relation_name() -> None:
    # "alliance" is also the kind of an allies reason (core/catalog/allies/ranking.py),
    # so it is left out.
    spelled = NAMES - {relations.ALLIANCE}
    found = []
    for path in sorted(CORE.rglob("*.py")):
        if path.name == "relations.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in spelled:
                found.append(f"{path.relative_to(CORE)}:{node.lineno}: {node.value!r}")
    assert found == [], "use the constants of core/model/relations.py:\n" + "\n".join(found)
