"""The content model in one place: every kind, its fields, their types and docs.

Validation, the contributor documentation and (later) JSON Schemas are all
derived from these definitions, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from tejido.core.model import relations as rel
from tejido.core.model.licences import LICENCES as KNOWN_LICENCES

LANGUAGES: tuple[str, ...] = ("es", "en")
DEFAULT_LANGUAGE = "es"

LICENCES: tuple[str, ...] = tuple(code for code in KNOWN_LICENCES if code != "ODbL-1.0")
"""What a guide may be published under (ODbL is a licence for data, not for texts)."""
COST_BANDS: tuple[str, ...] = ("low", "medium", "high")
DOCUMENT_FORMATS: tuple[str, ...] = (
    "pdf", "html", "doc", "docx", "odt", "epub", "xlsx", "ods", "pptx", "video", "audio")


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
class Count:
    """A whole number from 1 (pages of a document)."""

    maximum: int = 100_000


@dataclass(frozen=True)
class Names:
    """A list of plain names (people or groups that are not entries)."""

    max_length: int = 120


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
    policy: str = ""
    """A check across the record's fields, by name (see validate.RECORD_POLICIES)."""


@dataclass(frozen=True)
class ListOf:
    item: Record


FieldType = (
    Text | Bilingual | Year | Date | Url | Email | Phone | Flag | Count | Names | Choice | Term
    | Terms | Ref | Refs | FilePath | Record | ListOf
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
CONSENT = Field(
    "consent",
    Record((
        Field("date", Date(), "Fecha del consentimiento.", "Date of the consent.",
              required=True, example="2026-03-01"),
        Field("source", Text(300), "Dónde consta (acta, correo, acuerdo); no se publica.",
              "Where it is recorded (minutes, e-mail, agreement); never published.",
              required=True, example='"Acta de asamblea, 1 de marzo de 2026"'),
    )),
    "La organización publica esta vía a propósito: fecha y fuente del consentimiento.",
    "The organization publishes this route on purpose: date and source of the consent.",
)
ROUTE_LABEL = Field("label", Text(60), "Etiqueta corta (oficina, WhatsApp).",
                    "Short label (office, WhatsApp).")
CONTACT = Field(
    "contact",
    Record((
        Field("email", Email(), "Correo institucional.", "Organization's e-mail."),
        Field("phone", Phone(), "Teléfono institucional.", "Organization's phone."),
        Field(
            "emails",
            ListOf(Record((
                Field("address", Email(), "Correo.", "E-mail address.", required=True,
                      example="coordinacion@org.mx"),
                ROUTE_LABEL,
                CONSENT,
            ))),
            "Varios correos de la organización, cada uno con su etiqueta.",
            "Several e-mails of the organization, each with its label.",
        ),
        Field(
            "phones",
            ListOf(Record((
                Field("number", Phone(), "Número, con lada internacional (+52 …).",
                      "Number, with the country code (+52 …).", required=True,
                      example='"+52 951 100 2000"'),
                Field("extension", Text(10), "Extensión.", "Extension."),
                ROUTE_LABEL,
                CONSENT,
            ))),
            "Varios teléfonos de la organización, cada uno con su etiqueta.",
            "Several phones of the organization, each with its label.",
        ),
        Field("form", Url(), "Formulario de contacto.", "Contact form."),
    )),
    "Vías de contacto públicas de la organización (nunca las de una persona).",
    "The organization's public contact routes (never a person's).",
)
CONTACT_PERSON = Field(
    "contact_person",
    Record((
        Field("name", Text(120), "Nombre (opcional: basta el cargo).",
              "Name (optional: a role is enough)."),
        Field("role", Bilingual(max_length=120), "Cargo.", "Role."),
        Field("email", Email(), "Correo.", "E-mail."),
        Field("phone", Phone(), "Teléfono.", "Phone."),
        Field("public", Flag(), "¿Puede publicarse? (true/false; por omisión no).",
              "May it be published? (true/false; not by default)."),
    )),
    "Persona de contacto; nunca se publica salvo con `public: true`.",
    "Contact person; never published unless `public: true`.",
)
DISTINCT_FROM = Field(
    "distinct_from", Refs(("organization", "network")),
    "Entradas que se parecen a esta pero son otras (así `tejido check` deja de avisar).",
    "Entries that look like this one but are others (so `tejido check` stops warning).",
    example="[organization:seres]",
)
IDENTIFIERS = Field(
    "identifiers",
    ListOf(Record((
        Field("scheme", Text(40),
              "Registro, con su código de org-id.guide (MX-RFC, GT-NIT, SV-NIT, XI-WIKIDATA…).",
              "Register, by its org-id.guide code (MX-RFC, GT-NIT, SV-NIT, XI-WIKIDATA…).",
              required=True, example="MX-RFC"),
        Field("id", Text(60), "El identificador en ese registro.",
              "The identifier in that register.", required=True, example="ABC680524P76"),
    ), policy="identifier")),
    "Identificadores registrados de la organización (RFC, NIT, Wikidata…).",
    "The organization's registered identifiers (tax numbers, Wikidata…).",
)
LAST_VERIFIED = Field(
    "last_verified", Date(),
    "Fecha en que se verificaron los datos (AAAA-MM-DD): hoy, si los acabas de revisar.",
    "Date the data was last checked (YYYY-MM-DD): today, if you just checked them.",
)
VERIFICATION_METHODS: tuple[str, ...] = ("phone", "email", "visit", "self")
VERIFIED_BY = Field(
    "verified_by", Bilingual(max_length=120),
    "Quién verificó: un cargo o una organización, nunca el nombre de una persona.",
    "Who checked: a role or an organization, never a person's name.",
    example="{es: coordinación de la Red Polo, en: Red Polo coordination}",
)
VERIFICATION_METHOD = Field(
    "verification_method", Choice(VERIFICATION_METHODS),
    "Cómo: phone (llamada), email (correo), visit (visita) o self (la propia organización).",
    "How: phone (a call), email, visit, or self (the organization itself).",
)
WITHDRAWN = Field(
    "withdrawn",
    Record((
        Field("date", Date(), "Fecha del retiro.", "Date it was withdrawn.", required=True,
              example="2026-03-01"),
        Field("reason", Choice(("request", "safety", "closed")),
              "request (lo pidió la organización), safety (por su seguridad) o closed (cerró); "
              "no se publica.",
              "request (the organization asked), safety (for its safety) or closed; "
              "never published."),
    )),
    "Retirada: el archivo se queda, pero la entrada no aparece en ninguna salida.",
    "Withdrawn: the file stays, but the entry appears in no output.",
)
FRESHNESS_FIELDS = (LAST_VERIFIED, VERIFIED_BY, VERIFICATION_METHOD, WITHDRAWN)

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
    "publico": "public", "costo": "cost", "duracion": "duration", "correos": "emails",
    "telefonos": "phones", "numero": "number", "extension": "extension",
    "etiqueta": "label", "consentimiento": "consent", "fuente": "source", "fecha": "date",
    "verificado_por": "verified_by", "metodo": "verification_method", "retirada": "withdrawn",
    "retirado": "withdrawn", "motivo": "reason",
    "enlace": "link", "formato": "format", "tamano": "size", "paginas": "pages",
    "autoria": "author_names",
    "identificadores": "identifiers", "esquema": "scheme", "registro": "scheme",
}
"""Field names a Spanish speaker may write (accents removed), for 'did you mean'."""
