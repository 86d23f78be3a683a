"""What of each entry is searchable, in one language (with fallback)."""

from __future__ import annotations

from collections.abc import Iterator

from tejido.core.catalog.catalog import Catalog
from tejido.core.i18n.labels import label
from tejido.core.model.fields import KINDS, Bilingual
from tejido.core.model.model import Entry, pick
from tejido.core.outputs.search.index import SearchDoc
from tejido.core.outputs.urls import Urls

TAXONOMY_FIELDS = ("themes", "regions", "populations")


def _labels(catalog: Catalog, entry: Entry, lang: str) -> str:
    words = [label(lang, f"kind.{entry.kind}"), str(entry.values.get("acronym", ""))]
    for name in TAXONOMY_FIELDS:
        taxonomy = catalog.taxonomies[name]
        for term in getattr(entry, name):
            words += [taxonomy.terms[t].label(lang) for t in (term, *taxonomy.ancestors(term))]
    sdgs = catalog.taxonomies["sdgs"]
    words += [f"{label(lang, 'sdg')} {n} {sdgs.terms[n].label(lang)}" for n in entry.sdgs]
    org_type = entry.values.get("type")
    if isinstance(org_type, str):
        words.append(catalog.taxonomies["organization-types"].terms[org_type].label(lang))
    return " ".join(dict.fromkeys(w for w in words if w))


def _long_text(entry: Entry, lang: str) -> str:
    texts = [pick(entry.body, lang)[0]] if entry.body else []
    for spec in KINDS[entry.kind].fields:
        value = entry.values.get(spec.name)
        if isinstance(spec.type, Bilingual) and spec.type.markdown and value:
            texts.append(pick(value, lang)[0])
    return "\n".join(texts)


def entry_docs(catalog: Catalog, lang: str, urls: Urls) -> Iterator[SearchDoc]:
    """One doc per entry, in catalog order (the directory's facet data uses the same order)."""
    for entry in catalog.entries.values():
        yield SearchDoc(
            title=entry.name(lang), kind=entry.kind, url=urls.entry(entry.ref, lang),
            summary=pick(entry.summary, lang)[0], labels=_labels(catalog, entry, lang),
            body=_long_text(entry, lang), fresh=catalog.freshness(entry).state,
        )
