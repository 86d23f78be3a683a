"""Validation: every problem in the content, collected, never raised.

Problems and their `file:line: field: message` form (`problems.py`), checking one document
against its kind (`validate.py`), the privacy guard that refuses personal data and the
masking of anything printed (`privacy.py`, `mask.py`), registered identifiers, likely
duplicates (warnings only) and the JSON Schemas derived from the same definitions.
"""
