"""Settings of the `tejido/catalog` plugin."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from tejido.core import LANGUAGES
from tejido.glue.settings import (
    Expect,
    Failed,
    check_folder,
    check_template,
    check_whole_number,
    every_failure,
    messages_language,
    wrong,
)

MESSAGE_LANGUAGES = LANGUAGES

EXPECTED = {  # the words are `msg.setting.what.*` in the text tables
    "enabled": Expect("setting.what.bool", "true"),
    "root": Expect("setting.what.root", "."),
    "edit_url": Expect("setting.what.edit-url",
                       "https://github.com/ORG/REPO/edit/main/{path}"),
    "correction_url": Expect(
        "setting.what.correction-url",
        "https://github.com/ORG/REPO/issues/new?title={title}&body={body}"),
    "report": Expect("setting.what.bool", "true"),
    "report_max_age_days": Expect("setting.what.days", "365"),
    "listing_page_size": Expect("setting.what.page-size", "100"),
    "fresh_months": Expect("setting.what.fresh-months", "12"),
    "due_months": Expect("setting.what.due-months", "24"),
    "publisher": Expect("setting.what.publisher", "Red de organizaciones de Oaxaca"),
    "contact_email": Expect("setting.what.contact-email", "datos@example.org"),
    "data_licence": Expect("setting.what.licence", "CC-BY-4.0"),
    "messages_language": Expect("setting.what.language", "en"),
    "fast_build": Expect("setting.what.bool", "true"),
    "workers": Expect("setting.what.workers", "0"),
}


class CatalogConfig(Config):  # type: ignore[no-untyped-call]
    enabled = opt.Type(bool, default=True)
    """Turn the whole plugin off (the site then has only the hand-written pages)."""
    root = opt.Optional(opt.Type(str))
    """The project folder holding directory/, practices/ and taxonomies/, relative to the
    folder of mkdocs.yml; default: the folder of mkdocs.yml."""
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
    messages_language = opt.Optional(opt.Choice(MESSAGE_LANGUAGES))
    """The language of the messages to contributors (build errors, and `tejido check`,
    `new` and `import`, which read it from here too); default: the locale's (LANG), else
    Spanish.  `tejido --lang` wins over it."""
    fast_build = opt.Type(bool, default=True)
    """Under `mkdocs build`, Tejido renders its generated pages itself and reuses those
    whose inputs did not change since the last build (`.cache/tejido/`); false: MkDocs'
    own loop renders every page (the same bytes, slower)."""
    workers = opt.Type(int, default=0)
    """Processes that make the generated pages at once under `mkdocs build` (the same
    bytes as one); 0: one per processor core, up to 8; 1: only the build's own."""

    def validate(self) -> tuple[Failed, list[tuple[str, str]]]:
        failed, warnings = super().validate()
        lang = messages_language(self)
        failed = every_failure(self, failed, EXPECTED, lang)
        seen = {name for name, _ in failed}
        for name in ("listing_page_size", "report_max_age_days", "fresh_months",
                     "due_months"):
            if name not in seen:
                check_whole_number(failed, name, self[name], 1, EXPECTED[name], lang)
        if "workers" not in seen:
            check_whole_number(failed, "workers", self.workers, 0, EXPECTED["workers"], lang)
        if "root" not in seen and self.root is not None:
            base = Path(self.config_file_path or ".").parent
            folder = check_folder(failed, "root", self.root, base, "taxonomies",
                                  EXPECTED["root"], lang)
            if folder is not None:
                self.root = str(folder)
        if "edit_url" not in seen and self.edit_url is not None:
            check_template(failed, "edit_url", self.edit_url, ("https://", "http://"),
                           ("path",), ("path",), EXPECTED["edit_url"], lang)
        if "correction_url" not in seen and self.correction_url is not None:
            check_template(failed, "correction_url", self.correction_url,
                           ("https://", "http://", "mailto:"), ("path", "title", "body"),
                           ("title", "body"), EXPECTED["correction_url"], lang)
        if not seen & {"fresh_months", "due_months"} and self.due_months <= self.fresh_months:
            failed.append(("due_months", wrong("due_months", EXPECTED["due_months"],
                                               self.due_months, lang)))
        return failed, warnings
