"""Reading a spreadsheet into rows of text: CSV in any delimiter and the encodings
spreadsheets export (UTF-8 with or without BOM, Windows-1252, Latin-1), XLSX and ODS."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes
from python_calamine import CalamineWorkbook

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
DELIMITERS = ",;\t|"


class TableError(Exception):
    """The file cannot be read as a table; the message says why and what to do."""


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    """(row number as the spreadsheet shows it, cells); empty rows left out."""
    encoding: str = ""
    """For a CSV: the encoding found (reported, since it is a guess)."""
    delimiter: str = ""

    def column(self, header: str) -> int:
        return self.headers.index(header)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # spreadsheets store 2009 and phone numbers as floats
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def _decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "UTF-8 with BOM"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw[:200_000], cp_isolation=["cp1252", "latin_1", "utf_16", "mac_roman"]
                      ).best()
    encoding = best.encoding if best else "cp1252"
    if encoding in ("latin_1", "iso8859_15"):
        encoding = "cp1252"  # a superset in practice: the curly quotes and dashes Excel writes
    return raw.decode(encoding, errors="replace"), encoding.replace("cp", "Windows-")


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in DELIMITERS}
        return max(counts, key=lambda d: counts[d])


def _table(grid: Sequence[Sequence[str]], encoding: str = "", delimiter: str = "") -> Table:
    numbered = [(n, tuple(r)) for n, r in enumerate(grid, start=1) if any(c for c in r)]
    if not numbered:
        raise TableError("the file has no rows")
    headers = numbered[0][1]
    names = [h.strip() or f"column {i + 1}" for i, h in enumerate(headers)]
    width = len(names)
    rows = tuple((n, tuple((*cells, *[""] * width)[:width])) for n, cells in numbered[1:])
    return Table(tuple(names), rows, encoding, delimiter)


def read_table(path: Path, sheet: int = 0) -> Table:
    if not path.is_file():
        raise TableError(f"{path}: no such file")
    if path.suffix.lower() in SPREADSHEETS:
        try:
            book = CalamineWorkbook.from_path(str(path))
            grid = book.get_sheet_by_index(sheet).to_python(skip_empty_area=False)
        except Exception as error:  # the reader's errors have no common base class
            raise TableError(f"{path.name}: cannot be read as a spreadsheet ({error})") from None
        return _table([[_cell(v) for v in row] for row in grid])
    text, encoding = _decode(path.read_bytes())
    delimiter = _delimiter(text)
    rows = [[_cell(v) for v in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return _table(rows, encoding, delimiter)
