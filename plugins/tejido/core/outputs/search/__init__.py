"""Search: what of each entry is searchable, and the index built from it.

`docs.py` picks each entry's searchable text in one language; `index.py` builds the index,
split so that a query loads only what it needs, with the stemmers and stop words of each
language.
"""
