"""The core must stay usable without MkDocs (another engine could host it)."""

import subprocess
import sys


def test_importing_the_core_loads_no_mkdocs_module() -> None:
    code = (
        "import importlib, pkgutil, sys, tejido.core, tejido.cli\n"
        "for m in pkgutil.walk_packages(tejido.core.__path__, 'tejido.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('mkdocs', 'material', 'mkdocs_static_i18n'))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
