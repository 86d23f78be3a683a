"""What every open-data file says about the catalog as a whole: its name, description,
address and the licence of the data.

The licence is the plugin's `data_licence` setting (`core/model/licences.py` names it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tejido.core.model.fields import LANGUAGES
from tejido.core.model.licences import Licence, licence

DATA_LICENCE = licence("CC-BY-4.0")

DATA_FOLDER = "datos"
"""Where the downloads are published, below the site root (one copy for both languages)."""
DATA_ALIASES = {"en": "data"}
"""Every page keeps one path below the language prefix (the language switcher relies on
it), so the English data page is /en/datos/; /en/data/ leads there too."""


@dataclass(frozen=True)
class Publication:
    name: str = "Tejido"
    description: Mapping[str, str] = field(default_factory=dict)
    """The catalog's description by language."""
    site_url: str = ""
    """Where the site is published; empty when unknown (links then stay relative)."""
    licence: Licence = DATA_LICENCE

    def absolute(self, url: str) -> str:
        """A site-relative URL made absolute where the site's address is known."""
        return self.site_url.rstrip("/") + "/" + url if self.site_url else url

    def describe(self, lang: str) -> str:
        return self.description.get(lang) or next(
            (self.description[other] for other in LANGUAGES if other in self.description),
            self.name)
