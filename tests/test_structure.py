"""The package's shape: the glue sees only the core's public API, the core never imports
MkDocs, and modules stay short enough to read in one sitting."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import tejido
import tejido.core

PACKAGE = Path(tejido.__file__).parent
CORE = PACKAGE / "core"
GLUE = ("glue", "preview", "cli")
"""Everything that uses the core from outside: only through `tejido.core`."""
BENCH = PACKAGE.parents[1] / "bench"
ENGINE = ("mkdocs", "material", "mkdocs_static_i18n")
MAX_LINES = 300

# Modules allowed over MAX_LINES, each with the reason; none today.  The test fails while a
# listed module is short, so the list only shrinks.
LONGER: set[str] = set()

# In __all__ without being imported by the glue, the preview, the command or a benchmark:
# the types of what load_project returns, which callers annotate with.
RESULT_TYPES = {"Entry", "LoadResult"}


def modules(*folders: str) -> Iterator[Path]:
    for folder in folders:
        yield from sorted((PACKAGE / folder).rglob("*.py"))


def imports(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line, absolute module, names) of every import in a module, nested ones too."""
    inside = path.is_relative_to(PACKAGE)
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts if inside else ()
    package = package if path.name == "__init__.py" else package[:-1]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            yield node.lineno, module, [alias.name for alias in node.names]


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(PACKAGE)}:{line}"


def test_the_glue_imports_the_core_only_through_its_public_names() -> None:
    public = set(tejido.core.__all__)
    found = []
    for path in modules(*GLUE):
        for line, module, names in imports(path):
            if module.startswith("tejido.core."):
                found.append(f"{where(path, line)}: from {module}: use `from tejido.core import`")
            elif module == "tejido.core":
                found += [f"{where(path, line)}: {name} is not in tejido.core.__all__"
                          for name in names if name not in public]
    assert found == [], "\n".join(found)


def test_every_public_name_exists_and_is_used_from_outside_the_core() -> None:
    public = tejido.core.__all__
    assert len(public) == len(set(public))
    missing = [name for name in public if not hasattr(tejido.core, name)]
    assert missing == []
    used = {name for path in [*modules(*GLUE), *sorted(BENCH.glob("*.py"))]
            for _, module, names in imports(path) if module == "tejido.core" for name in names}
    assert set(public) - used - RESULT_TYPES == set(), "public but used by no one"


def test_the_lazy_table_names_what_type_checkers_see() -> None:
    # core/__init__.py imports its public names for type checkers only and looks each up
    # at run time in _WHERE: both must name the same object under the same name.
    tree = ast.parse((CORE / "__init__.py").read_text("utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    seen = {alias.asname or alias.name: (node.module, alias.name)
            for node in ast.walk(block) if isinstance(node, ast.ImportFrom)
            for alias in node.names}
    assert seen == tejido.core._WHERE
    assert set(seen) == set(tejido.core.__all__)


def test_the_core_never_imports_mkdocs() -> None:
    found = [f"{where(path, line)}: {module}" for path in modules("core")
             for line, module, _ in imports(path) if module.split(".")[0] in ENGINE]
    assert found == []


def test_every_module_is_short_or_listed() -> None:
    lengths = {str(path.relative_to(PACKAGE)): len(path.read_text("utf-8").splitlines())
               for path in PACKAGE.rglob("*.py")}
    too_long = sorted(f"{name}: {n} lines" for name, n in lengths.items()
                      if n > MAX_LINES and name not in LONGER)
    assert too_long == [], f"over {MAX_LINES} lines: split by responsibility"
    short_now = sorted(name for name in LONGER if lengths.get(name, 0) <= MAX_LINES)
    assert short_now == [], "no longer over the limit (or gone): remove from LONGER"
