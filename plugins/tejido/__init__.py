"""Tejido: a bilingual catalog of civil society, built on MkDocs."""

__version__ = "0.1.0"
