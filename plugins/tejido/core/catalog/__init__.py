"""The catalog: every valid entry, indexed once, and what is derived from it.

The immutable `Catalog` with its indexes and derived relations (`catalog.py`), likely
allies (`allies/`), the theme × region matrix, how fresh each entry is, the entries due
for verification and the maintainers' report.  Nothing here writes a page: it computes
what the outputs show.
"""
