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
    edit_url = opt.Optional(opt.Type(str))
    """'Edit this entry' link, with {path}; default: {repo_url}/edit/main/{path}."""
    correction_url = opt.Optional(opt.Type(str))
    """'Suggest a correction' link, with {title} and {body} (and {path}); an issue form
    or a mailto: address; default: {repo_url}/issues/new?title={title}&body={body}."""
    report = opt.Type(bool, default=True)
    """Publish the maintainers' report at /informe/ (never linked from the navigation)."""
    report_max_age_days = opt.Type(int, default=365)
    """Entries whose last_verified is older than this are listed as stale."""
    listing_page_size = opt.Type(int, default=100)
    """Entries per page on the organizations, networks, practices and guides pages."""
    fresh_months = opt.Type(int, default=12)
    """An entry verified within this many months is shown as verified."""
    due_months = opt.Type(int, default=24)
    """Up to this many months it is 'due for checking'; older, or never, 'not verified'."""
    publisher = opt.Type(str, default="")
    """Who runs the catalog, for the About page (a network, a collective, a foundation)."""
    contact_email = opt.Optional(opt.Type(str))
    """Where readers write to correct or withdraw an entry (the About page shows it)."""
    data_licence = opt.Type(str, default="CC-BY-4.0")
    """The licence of the catalog's data: on every page's footer and in the open data."""
