"""An Open Referral HSDS 3 export: organizations and networks, their registered
identifiers, the places they serve, their public contact routes and their themes, as the
specification's tabular data package.

HSDS hangs service areas on a service, so each entry's work is one service. Ids are
UUIDs derived (uuid5) from Tejido ids, so they stay the same from build to build. The
table schemas are the specification's own (`data/hsds-3-tables.json`, field names,
types, formats, constraints and keys copied from its datapackage.json)."""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tejido.core.catalog.catalog import Catalog
from tejido.core.model import contact
from tejido.core.model.model import Entry, pick
from tejido.core.outputs.data.package import write_csv
from tejido.core.outputs.data.settings import Publication
from tejido.core.outputs.urls import Urls
from tejido.core.validate.identifiers import schemes

SPEC_FILE = Path(__file__).parents[2] / "data" / "hsds-3-tables.json"
EXPORTED_KINDS = ("organization", "network")
ATTRIBUTE_TAXONOMIES = ("themes", "sdgs", "populations", "organization-types")
Row = dict[str, Any]


@functools.cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    return loaded


def table_fields(table: str) -> list[str]:
    resource = next(r for r in spec()["resources"] if r["name"] == table)
    return [field["name"] for field in resource["schema"]["fields"]]


class Ids:
    """uuid5 in a namespace of the catalog's own (its address, when known)."""

    def __init__(self, site: Publication) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, site.site_url or "urn:tejido")
        self.known: dict[str, str] = {}

    def __call__(self, *parts: str) -> str:
        name = ":".join(parts)
        if name not in self.known:  # both languages and every reference reuse an id
            self.known[name] = str(uuid.uuid5(self.namespace, name))
        return self.known[name]


class Export:
    def __init__(self, catalog: Catalog, lang: str, urls: Urls, site: Publication,
                 ids: Ids) -> None:
        self.catalog, self.lang, self.urls, self.site = catalog, lang, urls, site
        self.id = ids
        self.tables: dict[str, list[Row]] = {}

    def add(self, table: str, **values: Any) -> None:
        self.tables.setdefault(table, []).append(values)

    def entries(self) -> Iterator[Entry]:
        for kind in EXPORTED_KINDS:
            yield from self.catalog.of_kind(kind)

    def run(self) -> dict[str, list[Row]]:
        self._taxonomies()
        for entry in self.entries():
            self._organization(entry)
        return self.tables

    def _organization(self, entry: Entry) -> None:
        ref, values = str(entry.ref), entry.values
        org, service = self.id("organization", ref), self.id("service", ref)
        public = contact.public_contact(entry, self.catalog.taxonomies["regions"])
        emails = [r for r in public.routes if r.kind == "email"]
        summary = pick(entry.summary, self.lang)[0]
        page = self.site.absolute(self.urls.entry(entry.ref, self.lang))
        self.add("organization", id=org, name=entry.name(self.lang),
                 alternate_name=values.get("acronym"), description=summary,
                 email=emails[0].shown if emails else None, website=values.get("website"),
                 year_incorporated=values.get("founded"), legal_status=values.get("legal_form"),
                 uri=page if self.site.site_url else None)
        self.add("service", id=service, organization_id=org, name=entry.name(self.lang),
                 description=summary, status="active", url=values.get("website"))
        self._identifiers(org, ref, values.get("identifiers", ()))
        self._routes(org, ref, public)
        for region in entry.regions:
            place = self.catalog.taxonomies["regions"].terms[region]
            self.add("service_area", id=self.id("service_area", ref, region), service_id=service,
                     name=place.label(self.lang), extent_type=None, description=place.iso,
                     uri=self.site.absolute(self.urls.page("regions", region, self.lang))
                     if self.site.site_url else None)
        for taxonomy, term in self._terms(entry):
            self.add("attribute", id=self.id("attribute", ref, taxonomy, term), link_id=org,
                     taxonomy_term_id=self.id("taxonomy_term", taxonomy, term),
                     link_type=taxonomy, link_entity="organization", value=None)

    def _terms(self, entry: Entry) -> Iterator[tuple[str, str]]:
        lists = {"themes": entry.themes, "sdgs": entry.sdgs, "populations": entry.populations}
        for taxonomy in ATTRIBUTE_TAXONOMIES:
            terms = lists.get(taxonomy)
            if terms is None:
                org_type = entry.values.get("type")
                terms = (org_type,) if isinstance(org_type, str) else ()
            for term in terms:
                yield taxonomy, term

    def _identifiers(self, org: str, ref: str, items: Any) -> None:
        for item in items:
            scheme, ident = item["scheme"], item["id"]
            self.add("organization_identifier", id=self.id("identifier", ref, scheme, ident),
                     organization_id=org, identifier_scheme=scheme,
                     identifier_type=schemes()[scheme].name, identifier=ident)

    def _routes(self, org: str, ref: str, public: contact.PublicContact) -> None:
        """Phones in `phone`; the first e-mail is the organization's own (`email`), any
        other goes in `contact` with its label as title."""
        first_email = next((r for r in public.routes if r.kind == "email"), None)
        for i, route in enumerate(public.routes):
            if route.kind == "phone":
                extension = route.extension if route.extension.isdigit() else None
                self.add("phone", id=self.id("phone", ref, str(i)), organization_id=org,
                         number=route.shown, extension=extension, type="voice",
                         description=route.label or None)
            elif route.kind == "email" and route is not first_email:
                self.add("contact", id=self.id("contact", ref, str(i)), organization_id=org,
                         title=route.label or None, email=route.shown)
        shown = public.person
        if shown is not None:
            person = self.id("contact", ref, "person")
            role = pick(shown.role, self.lang)[0] if shown.role else None
            email = next((r.shown for r in shown.routes if r.kind == "email"), None)
            self.add("contact", id=person, organization_id=org, name=shown.name or None,
                     title=role, email=email)
            for i, route in enumerate(r for r in shown.routes if r.kind == "phone"):
                self.add("phone", id=self.id("phone", ref, "person", str(i)), contact_id=person,
                         organization_id=org, number=route.shown, type="voice")

    def _taxonomies(self) -> None:
        for name in ATTRIBUTE_TAXONOMIES:
            taxonomy = self.catalog.taxonomies[name]
            tax_id = self.id("taxonomy", name)
            self.add("taxonomy", id=tax_id, name=f"tejido-{name}",
                     description=f"Tejido {name} (taxonomies/{name}.yml)")
            for term in taxonomy:
                label = term.label(self.lang)
                self.add("taxonomy_term", id=self.id("taxonomy_term", name, term.id),
                         code=term.id, name=label, description=label,
                         parent_id=self.id("taxonomy_term", name, term.parent)
                         if term.parent else None,
                         taxonomy=f"tejido-{name}", language=self.lang, taxonomy_id=tax_id)


def hsds_files(catalog: Catalog, lang: str, urls: Urls, site: Publication,
               ids: Ids | None = None) -> dict[str, str]:
    """File name -> text: one CSV per HSDS table and the package's datapackage.json."""
    tables = Export(catalog, lang, urls, site, ids or Ids(site)).run()
    files: dict[str, str] = {}
    resources = []
    for resource in spec()["resources"]:
        name = resource["name"]
        header = table_fields(name)
        rows = tables.get(name, [])
        files[resource["path"]] = write_csv(header, ([row.get(c) for c in header] for row in rows))
        resources.append({"name": name, "path": resource["path"],
                          "profile": "tabular-data-resource", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8",
                          "schema": {**resource["schema"], "missingValues": [""]}})
    package = {
        "profile": "tabular-data-package", "name": f"tejido-hsds-{lang}",
        "title": f"{site.name}: Open Referral HSDS {spec()['version']} ({lang})",
        "description": site.describe(lang), "version": spec()["version"],
        "licenses": [{"name": site.licence.id, "path": site.licence.url,
                      "title": site.licence.title}],
        "resources": resources,
    }
    files["datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=1) + "\n"
    return files
