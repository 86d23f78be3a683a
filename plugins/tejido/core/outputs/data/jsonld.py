"""schema.org structured data of an entry page: the type by organization type, networks
and members with their years, places served, themes, registered identifiers, guides with
their files, practices with the organizations that ran them.

Links to other entries use their page address (absolute when the site's address is
known) as `@id`, so a harvester can join pages into one graph."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tejido.core.catalog.catalog import Catalog
from tejido.core.model import relations as rel
from tejido.core.model.licences import licence
from tejido.core.model.model import Entry, Link, Ref, pick
from tejido.core.outputs.pdf.published import NO_PDFS, Published
from tejido.core.outputs.urls import Urls
from tejido.core.validate.identifiers import WIKIDATA, page, schemes

ORGANIZATION_TYPES = {
    "cso": "NGO", "collective": "NGO", "academic": "EducationalOrganization",
    "local-authority": "GovernmentOrganization", "foundation": "NGO",
    "international": "Organization", "company": "Corporation",
}
"""schema.org type by term of taxonomies/organization-types.yml; others: Organization."""
KIND_TYPES = {"network": "Organization", "practice": "CreativeWork", "guide": "DigitalDocument"}


class Graph:
    def __init__(self, catalog: Catalog, lang: str, urls: Urls, site_url: str) -> None:
        self.catalog, self.lang, self.urls, self.site_url = catalog, lang, urls, site_url

    def url(self, site_relative: str) -> str:
        return self.site_url.rstrip("/") + "/" + site_relative if self.site_url else (
            "/" + site_relative)

    def node(self, ref: Ref) -> dict[str, Any]:
        target = self.catalog.entries[ref]
        return {"@type": schema_type(target), "@id": self.url(self.urls.entry(ref, self.lang)),
                "name": target.name(self.lang)}

    def role(self, link: Link, prop: str) -> dict[str, Any]:
        """A membership with its year: schema.org's Role wraps the member or network."""
        node = self.node(link.target)
        if link.year is None:
            return node
        return {"@type": "OrganizationRole", prop: node, "startDate": str(link.year)}

    def term_names(self, taxonomy: str, ids: tuple[str, ...]) -> list[str]:
        terms = self.catalog.taxonomies[taxonomy].terms
        return [terms[i].label(self.lang) for i in ids]


def schema_type(entry: Entry) -> str:
    if entry.kind == "organization":
        return ORGANIZATION_TYPES.get(str(entry.values.get("type")), "Organization")
    return KIND_TYPES[entry.kind]


def _identifiers(values: Mapping[str, Any]) -> dict[str, Any]:
    items = values.get("identifiers", ())
    if not items:
        return {}
    ids = [{"@type": "PropertyValue", "propertyID": item["scheme"], "value": item["id"],
            "name": schemes()[item["scheme"]].name} for item in items]
    same = [page(item["scheme"], item["id"]) for item in items if item["scheme"] == WIKIDATA]
    found: dict[str, Any] = {"identifier": ids}
    if same:
        found["sameAs"] = same
    return found


def _organization(g: Graph, entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {}
    members = g.catalog.related(entry.ref, rel.HAS_MEMBER)
    if members:
        data["member"] = [g.role(link, "member") for link in members]
    member_of = g.catalog.related(entry.ref, rel.MEMBER_OF)
    if member_of:
        data["memberOf"] = [g.role(link, "memberOf") for link in member_of]
    if entry.regions:
        data["areaServed"] = [{"@type": "Place", "name": name}
                              for name in g.term_names("regions", entry.regions)]
    if entry.themes:
        data["knowsAbout"] = g.term_names("themes", entry.themes)
    data.update(_identifiers(entry.values))
    return data


def _practice(g: Graph, entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {}
    ran = g.catalog.related(entry.ref, rel.RUN_BY)
    if ran:
        data["creator"] = [g.node(link.target) for link in ran]
    if entry.themes:
        data["about"] = g.term_names("themes", entry.themes)
    if entry.regions:
        data["spatialCoverage"] = [{"@type": "Place", "name": name}
                                   for name in g.term_names("regions", entry.regions)]
    return data


def _guide(g: Graph, entry: Entry, root: Path, published: Published) -> dict[str, Any]:
    data: dict[str, Any] = {}
    authors = g.catalog.related(entry.ref, rel.AUTHORED_BY)
    if authors:
        data["author"] = [g.node(link.target) for link in authors]
    url = licence(str(entry.values.get("licence", ""))).url
    if url:
        data["license"] = url
    files = [{"@type": "MediaObject", "contentUrl": g.url(pdf.url),
              "encodingFormat": "application/pdf", "contentSize": f"{pdf.size_kb} KB",
              "inLanguage": pdf.lang} for pdf in published.of(str(entry.ref))]
    for item in entry.values.get("files", ()):
        from tejido.core.outputs.pages.entry_page import attachment_url

        path = root / item["path"]
        size = max(1, round(path.stat().st_size / 1024)) if path.is_file() else 0
        files.append({"@type": "MediaObject",
                      "contentUrl": g.url(attachment_url(g.urls, entry, item["path"])),
                      "encodingFormat": "application/pdf", "contentSize": f"{size} KB",
                      "inLanguage": item["lang"]})
    if files:
        data["encoding"] = files
    return data


def structured_data(catalog: Catalog, entry: Entry, lang: str, urls: Urls, site_url: str = "",
                    root: Path = Path(), published: Published = NO_PDFS) -> str:
    """The JSON-LD of the entry's page, ready to sit inside a <script> element."""
    g = Graph(catalog, lang, urls, site_url)
    description, used = pick(entry.summary, lang)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": schema_type(entry),
        "@id": g.url(urls.entry(entry.ref, lang)),
        "name": entry.name(lang),
        "description": description,
        "inLanguage": used,  # the language of the text actually shown
    }
    for source, target in (("website", "url"), ("founded", "foundingDate"),
                           ("acronym", "alternateName"), ("year", "datePublished")):
        if source in entry.values:
            data[target] = str(entry.values[source])
    if entry.kind in ("organization", "network"):
        data.update(_organization(g, entry))
    elif entry.kind == "practice":
        data.update(_practice(g, entry))
    else:
        data.update(_guide(g, entry, root, published))
    return script_safe(json.dumps(data, ensure_ascii=False, sort_keys=True))


def script_safe(text: str) -> str:
    # Inside <script>, only these characters could end the element or open a comment.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

