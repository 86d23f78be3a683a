"""The content model: what an entry is, before any file is read.

Every kind and its fields (`fields.py`, the single source of the validator, the JSON
Schemas and the contributor reference), the immutable entry envelope (`model.py`), the
taxonomies and places entries are tagged with (`taxonomy.py`, `places.py`, `regions.py`),
relation names (`relations.py`), licences, and an entry's contact routes with what of them
may be published (`contact.py`, the only place that decides it).
"""
