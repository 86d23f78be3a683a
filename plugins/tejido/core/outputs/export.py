"""Machine-readable exports.  `catalog.json` lists every entry in one language.

Published at `/catalog.json` (Spanish) and `/en/catalog.json` (English):
{"language", "licence", "count", "entries": [{"id", "ref", "kind", "name", "summary",
"url", "themes", "regions", "sdgs", "populations", "languages"}]}.
URLs are relative to the site root.  The output is deterministic.
"""

from __future__ import annotations

import json

from tejido.core.catalog.catalog import Catalog
from tejido.core.model.model import pick
from tejido.core.outputs.urls import Urls

CATALOG_JSON = "catalog.json"


def catalog_records(catalog: Catalog, lang: str, urls: Urls) -> list[dict[str, object]]:
    return [
        {
            "id": entry.id,
            "ref": str(entry.ref),
            "kind": entry.kind,
            "name": pick(entry.title, lang)[0],
            "summary": pick(entry.summary, lang)[0],
            "url": urls.entry(entry.ref, lang),
            "themes": list(entry.themes),
            "regions": list(entry.regions),
            "sdgs": [int(s) for s in entry.sdgs],
            "populations": list(entry.populations),
            "languages": list(entry.languages()),
        }
        for entry in catalog.entries.values()
    ]


def catalog_json(catalog: Catalog, lang: str, urls: Urls, licence: str = "CC-BY-4.0") -> str:
    records = catalog_records(catalog, lang, urls)
    document = {"language": lang, "licence": licence, "count": len(records), "entries": records}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
