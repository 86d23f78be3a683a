"""Thin MkDocs glue around the pure core."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from tejido.core import DEFAULT_LANGUAGE


def building_language(config: MkDocsConfig) -> str:
    """The language mkdocs-static-i18n is building now (it builds once per language)."""
    i18n = config.plugins.get("i18n")
    current = getattr(i18n, "current_language", None) if i18n else None
    return str(current or DEFAULT_LANGUAGE)
