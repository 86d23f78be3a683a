"""Where a reader can fix an entry: its source file, and a prefilled correction.

Both are templates set in the plugin configuration, with `{path}` (the entry's
file in the repository), `{title}` and `{body}` (URL-encoded, in the reader's
language) filled in.  Examples:
  edit_url:   https://github.com/ORG/REPO/edit/main/{path}
  correction: https://github.com/ORG/REPO/issues/new?title={title}&body={body}
  correction: mailto:datos@example.org?subject={title}&body={body}
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from tejido.core.i18n.labels import label
from tejido.core.model.model import Entry


@dataclass(frozen=True)
class FixLinks:
    edit: str | None
    correction: str | None


def fix_links(entry: Entry, lang: str, page_url: str, edit_template: str | None,
              correction_template: str | None) -> FixLinks:
    title, body = label(lang, "fix.correction.title"), label(lang, "fix.correction.body")
    values = {"name": entry.name(lang), "ref": str(entry.ref), "path": entry.source,
              "page": page_url}
    edit = edit_template.replace("{path}", quote(entry.source)) if edit_template else None
    correction = None
    if correction_template:
        correction = (correction_template
                      .replace("{path}", quote(entry.source))
                      .replace("{title}", quote(title.format(**values), safe=""))
                      .replace("{body}", quote(body.format(**values), safe="")))
    return FixLinks(edit, correction)
