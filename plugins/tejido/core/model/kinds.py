"""The four kinds of entry, each with all its fields in order: organizations, networks,
good practices and guides."""

from __future__ import annotations

from tejido.core.model import relations as rel
from tejido.core.model.field_types import (
    LANGUAGES,
    Bilingual,
    Choice,
    Count,
    Field,
    FilePath,
    KindSpec,
    ListOf,
    Names,
    Record,
    Ref,
    Refs,
    Relation,
    Term,
    Terms,
    Text,
    Url,
    Year,
)
from tejido.core.model.licences import LICENCES as KNOWN_LICENCES
from tejido.core.model.shared_fields import (
    ACRONYM,
    CONTACT,
    CONTACT_PERSON,
    DESCRIPTION,
    DISTINCT_FROM,
    FOUNDED,
    FRESHNESS_FIELDS,
    IDENTIFIERS,
    NAME,
    POPULATIONS,
    REGIONS,
    SDGS,
    SOCIAL,
    SUMMARY,
    THEMES,
    WEBSITE,
)

LICENCES: tuple[str, ...] = tuple(code for code in KNOWN_LICENCES if code != "ODbL-1.0")
"""What a guide may be published under (ODbL is a licence for data, not for texts)."""
COST_BANDS: tuple[str, ...] = ("low", "medium", "high")
DOCUMENT_FORMATS: tuple[str, ...] = (
    "pdf", "html", "doc", "docx", "odt", "epub", "xlsx", "ods", "pptx", "video", "audio")


ORGANIZATION = KindSpec(
    "organization", "directory/organizations", "*.yml", "name",
    (
        NAME,
        ACRONYM,
        Field("type", Term("organization-types"), "Tipo de organización.",
              "Type of organization.", required=True, example="cso"),
        Field("legal_form", Text(80), "Figura jurídica (A.C., I.A.P., …).",
              "Legal form (A.C., I.A.P., …)."),
        FOUNDED,
        SUMMARY,
        DESCRIPTION,
        THEMES,
        SDGS,
        POPULATIONS,
        REGIONS,
        Field(
            "address",
            Record((
                Field("street", Text(200), "Calle y número.", "Street and number."),
                Field("city", Text(100), "Ciudad o localidad.", "City or town."),
                Field("postal_code", Text(12), "Código postal.", "Postal code."),
                Field("region", Term("regions"), "Estado o región.", "State or region."),
            )),
            "Domicilio.", "Address.",
        ),
        CONTACT,
        CONTACT_PERSON,
        WEBSITE,
        SOCIAL,
        IDENTIFIERS,
        Field(
            "alliances",
            ListOf(Record((
                Field("with", Ref(("organization", "network")), "Con quién.", "With whom.",
                      required=True, example="organization:actionaid-el-salvador"),
                Field("year", Year(), "Año del acuerdo.", "Year of the agreement."),
                Field("note", Bilingual(max_length=300), "Qué acordaron.", "What they agreed."),
            ))),
            "Alianzas o convenios con otras entradas.",
            "Alliances or agreements with other entries.",
            relation=Relation(rel.ALLIANCE, rel.ALLIANCE, ref_field="with", year_field="year"),
        ),
        DISTINCT_FROM,
        *FRESHNESS_FIELDS,
    ),
    "Organizaciones", "Organizations",
)

NETWORK = KindSpec(
    "network", "directory/networks", "*.yml", "name",
    (
        NAME,
        ACRONYM,
        FOUNDED,
        SUMMARY,
        DESCRIPTION,
        THEMES,
        SDGS,
        REGIONS,
        Field("convenor", Ref(("organization",)), "Organización que la convoca o coordina.",
              "Organization that convenes or coordinates it.",
              relation=Relation(rel.CONVENED_BY, rel.CONVENES), example="organization:comunalia"),
        Field(
            "members",
            ListOf(Record((
                Field("organization", Ref(("organization",)), "Organización miembro.",
                      "Member organization.", required=True, example="organization:fesac"),
                Field("since", Year(), "Año de ingreso.", "Year it joined.", required=True),
            ))),
            "Miembros, con su año de ingreso.", "Members, with the year they joined.",
            relation=Relation(rel.HAS_MEMBER, rel.MEMBER_OF, ref_field="organization",
                              year_field="since"),
        ),
        WEBSITE,
        SOCIAL,
        CONTACT,
        CONTACT_PERSON,
        IDENTIFIERS,
        DISTINCT_FROM,
        *FRESHNESS_FIELDS,
    ),
    "Redes", "Networks",
)

PRACTICE = KindSpec(
    "practice", "practices", "*.md", "title",
    (
        Field("title", Bilingual(max_length=200), "Título.", "Title.", required=True),
        SUMMARY,
        Field("organizations", Refs(("organization",)), "Organizaciones que la realizaron.",
              "Organizations that carried it out.", required=True,
              relation=Relation(rel.RUN_BY, rel.RAN), example="[organization:seres]"),
        Field("network", Ref(("network",)), "Red o proyecto del que surgió.",
              "Network or project it came from.",
              relation=Relation(rel.FROM_NETWORK, rel.NETWORK_PRACTICE)),
        Field("project", Text(200), "Nombre del proyecto.", "Name of the project."),
        THEMES,
        REGIONS,
        SDGS,
        POPULATIONS,
        Field(
            "years",
            Record((
                Field("start", Year(), "Año de inicio.", "First year.", required=True),
                Field("end", Year(), "Año de cierre (vacío si sigue).",
                      "Last year (empty if ongoing)."),
            )),
            "Años en que se realizó.", "Years it ran.",
        ),
        Field("problem", Bilingual(markdown=True), "Problema que atiende.",
              "Problem it addresses."),
        Field("what_was_done", Bilingual(markdown=True), "Qué se hizo.", "What was done."),
        Field(
            "results",
            ListOf(Record((
                Field("figure", Text(40), "Cifra.", "Figure.", required=True, example="300"),
                Field("label", Bilingual(max_length=200), "Qué mide.", "What it measures.",
                      required=True),
            ))),
            "Resultados con cifras.", "Results, with figures.",
        ),
        Field("lessons", Bilingual(markdown=True), "Aprendizajes.", "Lessons learned."),
        Field(
            "replication",
            Record((
                Field("cost", Choice(COST_BANDS), "Costo: low, medium o high.",
                      "Cost band: low, medium or high."),
                Field("duration", Bilingual(max_length=120), "Duración.", "Duration."),
                Field("needs", Bilingual(markdown=True), "Qué se necesita.", "What it takes."),
            )),
            "Qué hace falta para replicarla.", "What it takes to replicate it.",
        ),
        Field("guides", Refs(("guide",)), "Guías relacionadas.", "Related guides.",
              relation=Relation(rel.USES_GUIDE, rel.USED_IN)),
        *FRESHNESS_FIELDS,
    ),
    "Buenas prácticas", "Good practices",
)

GUIDE = KindSpec(
    "guide", "content/guides", "*.md", "title",
    (
        Field("title", Bilingual(max_length=200), "Título.", "Title.", required=True),
        SUMMARY,
        Field("authors", Refs(("organization", "network")),
              "Autoras y autores que están en el catálogo (entradas).",
              "Authors that are in the catalog (entries).",
              relation=Relation(rel.AUTHORED_BY, rel.AUTHORED), example="[organization:seres]"),
        Field("author_names", Names(),
              "Autoras y autores que no están en el catálogo, por su nombre (con authors, o "
              "en su lugar).",
              "Authors that are not in the catalog, by name (with authors, or instead).",
              example='["Ana Pérez", "Colectivo Raíces"]'),
        Field("year", Year(), "Año de publicación.", "Year published.", required=True),
        Field("licence", Choice(LICENCES), "Licencia.", "Licence.", required=True,
              example="CC-BY-SA-4.0"),
        Field("themes", Terms("themes"), THEMES.es, THEMES.en),
        Field("regions", Terms("regions"), REGIONS.es, REGIONS.en),
        Field(
            "files",
            ListOf(Record((
                Field("path", FilePath(), "Ruta del archivo, relativa a la guía.",
                      "File path, relative to the guide.", required=True),
                Field("lang", Choice(LANGUAGES), "Idioma del archivo.", "File language.",
                      required=True),
                Field("title", Bilingual(max_length=200), "Título del archivo.", "File title."),
            ))),
            "Archivos adjuntos (PDF).", "Attached files (PDF).",
        ),
        Field(
            "link",
            Record((
                Field("url", Url(), "Dirección del documento.", "Address of the document.",
                      required=True),
                Field("lang", Choice(LANGUAGES), "Idioma del documento.",
                      "Language of the document.", required=True),
                Field("format", Choice(DOCUMENT_FORMATS), "Formato.", "Format.",
                      required=True, example="pdf"),
                Field("size", Text(20), "Tamaño, como 2,4 MB.", "Size, like 2.4 MB."),
                Field("pages", Count(), "Número de páginas.", "Number of pages."),
            )),
            "Documento publicado en otro sitio (en lugar de adjuntarlo).",
            "A document published elsewhere (instead of attaching it).",
        ),
        *FRESHNESS_FIELDS,
    ),
    "Guías y manuales", "Guides and manuals",
)

KINDS: dict[str, KindSpec] = {spec.kind: spec for spec in (ORGANIZATION, NETWORK, PRACTICE, GUIDE)}

TAXONOMIES: tuple[str, ...] = ("themes", "regions", "sdgs", "populations", "organization-types")
