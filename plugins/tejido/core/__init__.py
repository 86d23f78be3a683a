"""Tejido's pure core: load, validate and index a catalog.  Never imports MkDocs."""

from tejido.core.catalog.catalog import Catalog
from tejido.core.model.fields import DEFAULT_LANGUAGE, KINDS, LANGUAGES
from tejido.core.model.model import Entry, Link, Ref
from tejido.core.sources.load import Layout, LoadResult, load_project
from tejido.core.validate.problems import Problem, Problems

__all__ = [
    "DEFAULT_LANGUAGE",
    "KINDS",
    "LANGUAGES",
    "Catalog",
    "Entry",
    "Layout",
    "Link",
    "LoadResult",
    "Problem",
    "Problems",
    "Ref",
    "load_project",
]
