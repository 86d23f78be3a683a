"""Page producers: each generated page of one language, as a view object.

An entry's page (`entry_page.py`, its facts `entry_facts.py`), taxonomy and kind listings
and the home summary (`browse.py`, `listing.py`), the directory with its facets
(`directory.py`), what a reader must know about the catalog (`about.py`) and the
contributors' field reference.
"""
