"""The `tejido` command: `check`, `new`, `import`, `schema`, `report`, `serve`.

It uses the same core as the MkDocs plugins, so a file that `tejido check` accepts builds,
and one it rejects fails the build with the same message.  `commands.py` parses the command
line and runs each command; `formats.py` prints problems for people, GitHub or JSON.
"""
