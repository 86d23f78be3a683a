"""Sources: reading what contributors wrote, keeping file and line for every value.

YAML and Markdown front matter with line numbers (`source.py`), finding and loading a whole
project into a catalog (`load.py`), the rules and layout of contributor Markdown, attached
files and stray site files, new entries from a name (`scaffold.py`), and spreadsheets
turned into entry files (`importer/`).
"""
