"""Thin MkDocs glue around the pure core."""
