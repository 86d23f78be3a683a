"""Settings of the `tejido/catalog` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class CatalogConfig(Config):  # type: ignore[no-untyped-call]
    enabled = opt.Type(bool, default=True)
    """Turn the whole plugin off (the site then has only the hand-written pages)."""
    root = opt.Optional(opt.Type(str))
    """The project folder holding directory/, practices/ and taxonomies/; default:
    the folder of mkdocs.yml."""
