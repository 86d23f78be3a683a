"""`catalog.jsonld`: a DCAT description of the downloads, so data portals (CKAN, the
European and national portals) can harvest them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from tejido.core.model.fields import LANGUAGES
from tejido.core.outputs.data.settings import DATA_FOLDER, Publication

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
DCAT_FILE = "catalog.jsonld"


def _texts(by_lang: dict[str, str]) -> list[dict[str, str]]:
    return [{"@value": by_lang[lang], "@language": lang} for lang in LANGUAGES if lang in by_lang]


def _distribution(download: Any, site: Publication) -> dict[str, Any]:
    url = site.absolute(f"{DATA_FOLDER}/{download.path}")
    return {
        "@id": url, "@type": "dcat:Distribution",
        "dct:title": download.title_en, "dct:format": download.format,
        "dcat:mediaType": download.media_type, "dcat:downloadURL": {"@id": url},
        "dcat:byteSize": {"@value": str(download.size), "@type": "xsd:nonNegativeInteger"},
        "dct:license": {"@id": site.licence.url},
    }


def dcat(downloads: Iterable[Any], modified: str, site: Publication) -> str:
    """`downloads`: the data page's list (path, format, media type, size, dataset)."""
    by_dataset: dict[str, list[Any]] = {}
    for download in downloads:
        by_dataset.setdefault(download.dataset, []).append(download)
    home = site.absolute("") if site.site_url else "./"
    datasets = [{
        "@id": site.absolute(f"{DATA_FOLDER}/#{name}"), "@type": "dcat:Dataset",
        "dct:identifier": name,
        "dct:title": _texts({lang: f"{site.name}: {items[0].dataset_title[lang]}"
                             for lang in LANGUAGES}),
        "dct:description": _texts({lang: site.describe(lang) for lang in LANGUAGES}),
        "dct:license": {"@id": site.licence.url}, "dct:modified": {
            "@value": modified, "@type": "xsd:date"},
        "dct:language": [{"@id": f"http://id.loc.gov/vocabulary/iso639-1/{lang}"}
                         for lang in LANGUAGES],
        "dcat:keyword": ["sociedad civil", "civil society", "directorio", "directory"],
        "dcat:landingPage": {"@id": site.absolute(f"{DATA_FOLDER}/index.html")},
        "dcat:distribution": [_distribution(d, site) for d in items],
    } for name, items in by_dataset.items()]
    catalog = {
        "@context": CONTEXT, "@id": site.absolute(f"{DATA_FOLDER}/{DCAT_FILE}"),
        "@type": "dcat:Catalog", "dct:title": site.name,
        "dct:description": _texts({lang: site.describe(lang) for lang in LANGUAGES}),
        "foaf:homepage": {"@id": home}, "dct:license": {"@id": site.licence.url},
        "dct:modified": {"@value": modified, "@type": "xsd:date"},
        "dcat:dataset": datasets,
    }
    return json.dumps(catalog, ensure_ascii=False, indent=1) + "\n"
