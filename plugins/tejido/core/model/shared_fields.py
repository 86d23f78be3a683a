"""Fields several kinds share (summary, themes, places, contact routes, freshness…).
Each kind lists them explicitly, so a kind reads top to bottom without indirection."""

from __future__ import annotations

from tejido.core.model.field_types import (
    Bilingual,
    Choice,
    Date,
    Email,
    Field,
    Flag,
    ListOf,
    Phone,
    Record,
    Refs,
    Terms,
    Text,
    Url,
    Year,
)

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
