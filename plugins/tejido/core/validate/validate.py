"""Checking one document's fields against its kind's definition.

Each field type has a small checker that returns the normalized value or MISSING,
adding a Problem (with file, line, field, expected, found and a hint) for every
mistake.  Nothing raises: one run reports everything.  The parts live by what they
check: the context every check carries (`context.py`), what a value looks like
(`forms.py`), single values (`values.py`), terms, references and files
(`references.py`), and fields, records and lists of them (`records.py`); this module
gives their names to the rest of the core.
"""

from __future__ import annotations

from tejido.core.validate.context import (
    EMAIL,
    MISSING,
    PHONE,
    SAFE_SCHEMES,
    Checker,
    Context,
    PendingRef,
    dotted,
    is_blank,
)
from tejido.core.validate.forms import FORMS, described, expected, form, forms
from tejido.core.validate.records import CHECKERS, RECORD_POLICIES, check_fields, check_value

__all__ = [
    "CHECKERS",
    "EMAIL",
    "FORMS",
    "MISSING",
    "PHONE",
    "RECORD_POLICIES",
    "SAFE_SCHEMES",
    "Checker",
    "Context",
    "PendingRef",
    "check_fields",
    "check_value",
    "described",
    "dotted",
    "expected",
    "form",
    "forms",
    "is_blank",
]
