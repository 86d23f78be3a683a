"""`tejido import`: a spreadsheet of organizations (CSV, XLSX, ODS) into entry files.

`table.py` reads the file, `mapping.py` reads (or suggests) the mapping that says which
column goes to which field, `rows.py` turns rows into entries (translating values,
resolving places, merging rows with the same name), `files.py` writes them next to what
contributors edited by hand, and `report.py` says what happened and what is left to do.
"""
