"""The content model in one place: every kind, its fields, their types and docs.

Validation, the contributor documentation and (later) JSON Schemas are all
derived from these definitions, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import relations as rel

LANGUAGES: tuple[str, ...] = ("es", "en")
DEFAULT_LANGUAGE = "es"

LICENCES: tuple[str, ...] = (
    "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0",
    "CC-BY-NC-ND-4.0", "CC0-1.0", "all-rights-reserved",
)
COST_BANDS: tuple[str, ...] = ("low", "medium", "high")


@dataclass(frozen=True)
class Text:
    max_length: int = 300


@dataclass(frozen=True)
class Bilingual:
    markdown: bool = False
    max_length: int = 20_000


@dataclass(frozen=True)
class Year:
    pass


@dataclass(frozen=True)
class Date:
    pass


@dataclass(frozen=True)
class Url:
    pass


@dataclass(frozen=True)
class Email:
    pass


@dataclass(frozen=True)
class Phone:
    pass


@dataclass(frozen=True)
class Flag:
    pass


@dataclass(frozen=True)
class Choice:
    values: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    taxonomy: str


@dataclass(frozen=True)
class Terms:
    taxonomy: str


@dataclass(frozen=True)
class Ref:
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Refs:
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class FilePath:
    suffixes: tuple[str, ...] = (".pdf",)


@dataclass(frozen=True)
class Record:
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class ListOf:
    item: Record


FieldType = (
    Text | Bilingual | Year | Date | Url | Email | Phone | Flag | Choice | Term | Terms
    | Ref | Refs | FilePath | Record | ListOf
)


@dataclass(frozen=True)
class Relation:
    """A relation this field declares; its inverse is derived, never written.

    For a list of records, `ref_field` names the record field holding the
    reference and `year_field` the one holding its year."""

    name: str
    inverse: str
    ref_field: str = ""
    year_field: str = ""


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    es: str
    en: str
    required: bool = False
    relation: Relation | None = None
    example: str = ""


@dataclass(frozen=True)
class KindSpec:
    kind: str
    folder: str
    pattern: str
    title_field: str
    fields: tuple[Field, ...]
    es: str
    en: str


# Fields several kinds share.  Each kind lists them explicitly so the model
# reads top to bottom without indirection.
SUMMARY = Field(
    "summary", Bilingual(max_length=300), "Una frase que dice qué hace.",
    "One sentence saying what it does.", required=True,
    example="{es: Acompaña a jóvenes…, en: Supports young people…}",
)
DESCRIPTION = Field(
    "description", Bilingual(markdown=True), "Descripción larga, en Markdown.",
    "Longer description, in Markdown.",
)
THEMES = Field(
    "themes", Terms("themes"), "Temas de trabajo (ids de taxonomies/themes.yml).",
    "Themes of work (ids from taxonomies/themes.yml).", required=True,
    example="[participacion-ciudadana, liderazgo-juvenil]",
)
REGIONS = Field(
    "regions", Terms("regions"),
    "Dónde trabaja (ids o códigos ISO de taxonomies/regions.yml).",
    "Where it works (ids or ISO codes from taxonomies/regions.yml).", required=True,
    example="[oaxaca, MX-PUE]",
)
SDGS = Field(
    "sdgs", Terms("sdgs"), "Objetivos de Desarrollo Sostenible, números del 1 al 17.",
    "Sustainable Development Goals, numbers 1 to 17.", example="[16, 17]",
)
POPULATIONS = Field(
    "populations", Terms("populations"), "Poblaciones con las que trabaja.",
    "Populations it works with.", example="[juventudes, mujeres]",
)
NAME = Field("name", Text(200), "Nombre completo.", "Full name.", required=True)
ACRONYM = Field("acronym", Text(40), "Siglas.", "Acronym.")
FOUNDED = Field("founded", Year(), "Año de fundación.", "Year founded.", example="2009")
WEBSITE = Field("website", Url(), "Sitio web (https://…).", "Website (https://…).")
SOCIAL = Field(
    "social",
    Record(tuple(
        Field(network, Url(), f"Enlace a {label}.", f"Link to {label}.")
        for network, label in (
            ("facebook", "Facebook"), ("instagram", "Instagram"), ("x", "X (Twitter)"),
            ("youtube", "YouTube"), ("linkedin", "LinkedIn"), ("tiktok", "TikTok"),
        )
    )),
    "Redes sociales.", "Social media links.",
)
CONTACT = Field(
    "contact",
    Record((
        Field("email", Email(), "Correo institucional.", "Organization's e-mail."),
        Field("phone", Phone(), "Teléfono institucional.", "Organization's phone."),
        Field("form", Url(), "Formulario de contacto.", "Contact form."),
    )),
    "Vías de contacto públicas de la organización.", "The organization's public contact routes.",
)
LAST_VERIFIED = Field(
    "last_verified", Date(),
    "Fecha en que se verificaron los datos (AAAA-MM-DD): hoy, si los acabas de revisar.",
    "Date the data was last checked (YYYY-MM-DD): today, if you just checked them.",
)

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
        Field(
            "contact_person",
            Record((
                Field("name", Text(120), "Nombre.", "Name.", required=True),
                Field("role", Bilingual(max_length=120), "Cargo.", "Role."),
                Field("email", Email(), "Correo.", "E-mail."),
                Field("phone", Phone(), "Teléfono.", "Phone."),
                Field("public", Flag(), "¿Puede publicarse? (true/false; por omisión no).",
                      "May it be published? (true/false; not by default)."),
            )),
            "Persona de contacto; sólo se publica con `public: true`.",
            "Contact person; published only with `public: true`.",
        ),
        WEBSITE,
        SOCIAL,
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
        LAST_VERIFIED,
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
        LAST_VERIFIED,
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
        LAST_VERIFIED,
    ),
    "Buenas prácticas", "Good practices",
)

GUIDE = KindSpec(
    "guide", "content/guides", "*.md", "title",
    (
        Field("title", Bilingual(max_length=200), "Título.", "Title.", required=True),
        SUMMARY,
        Field("authors", Refs(("organization", "network")), "Autoras y autores (entradas).",
              "Authors (entries).", required=True,
              relation=Relation(rel.AUTHORED_BY, rel.AUTHORED)),
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
        LAST_VERIFIED,
    ),
    "Guías y manuales", "Guides and manuals",
)

KINDS: dict[str, KindSpec] = {spec.kind: spec for spec in (ORGANIZATION, NETWORK, PRACTICE, GUIDE)}

TAXONOMIES: tuple[str, ...] = ("themes", "regions", "sdgs", "populations", "organization-types")

SPANISH_FIELD_NAMES: dict[str, str] = {
    "nombre": "name", "siglas": "acronym", "tipo": "type", "figura_juridica": "legal_form",
    "fundacion": "founded", "fundada": "founded", "fundado": "founded", "resumen": "summary",
    "descripcion": "description", "temas": "themes", "ods": "sdgs", "poblaciones": "populations",
    "regiones": "regions", "region": "regions", "direccion": "address", "domicilio": "address",
    "contacto": "contact", "correo": "email", "telefono": "phone", "sitio_web": "website",
    "sitio": "website", "web": "website", "pagina_web": "website", "redes_sociales": "social",
    "alianzas": "alliances", "verificado": "last_verified", "convoca": "convenor",
    "miembros": "members", "desde": "since", "titulo": "title", "organizaciones": "organizations",
    "red": "network", "proyecto": "project", "anos": "years", "problema": "problem",
    "resultados": "results", "aprendizajes": "lessons", "guias": "guides", "autores": "authors",
    "autoras": "authors", "ano": "year", "licencia": "licence", "archivos": "files",
    "idioma": "lang", "ruta": "path", "ciudad": "city", "calle": "street", "cargo": "role",
    "publico": "public", "costo": "cost", "duracion": "duration",
}
"""Field names a Spanish speaker may write (accents removed), for 'did you mean'."""
