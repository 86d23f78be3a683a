"""Field names a Spanish speaker may write instead of the English ones, for the 'did you
mean' of an unknown field."""

from __future__ import annotations

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
