"""Outputs: what the site, its data files and its PDFs are made of, as data.

One url mapping (`urls.py`), view objects for the theme's Jinja templates (`views.py`,
`render.py`), the page producers (`pages/`), the plan of every generated page
(`plan.py`), search records and index (`search/`), open data exports (`data/`), printable
documents (`pdf/`), sitemaps and `catalog.json`.  Producers return text or view objects;
the glue only writes them.
"""
