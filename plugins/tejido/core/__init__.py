"""Tejido's pure core: load, validate and index a catalog.  Never imports MkDocs."""

from .catalog import Catalog
from .fields import DEFAULT_LANGUAGE, KINDS, LANGUAGES
from .load import Layout, LoadResult, load_project
from .messages import Msg, choose_language, msg, say
from .model import Entry, Link, Ref
from .problems import Problem, Problems

__all__ = [
    "DEFAULT_LANGUAGE",
    "KINDS",
    "LANGUAGES",
    "Catalog",
    "Entry",
    "Layout",
    "Link",
    "LoadResult",
    "Msg",
    "Problem",
    "Problems",
    "Ref",
    "choose_language",
    "load_project",
    "msg",
    "say",
]
