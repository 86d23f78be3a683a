"""Sources: reading what contributors wrote, keeping file and line for every value.

Files read and refused whole when unreadable (`source.py`), YAML to data with the line of
every value (`yaml_lines.py`, giving a `document.py` `Document`), finding and loading a
whole project into a catalog (`load.py`), what validating each file gave kept on disk
between runs (`entry_store.py`), the rules and layout of contributor Markdown,
attached files (`attachments/`) and stray site files, new entries from a name
(`scaffold.py`), and spreadsheets turned into entry files (`importer/`).
"""
