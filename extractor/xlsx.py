"""``--format xlsx``: one workbook with a Facts, a Cases and an Articles sheet (the rows of
:mod:`extractor.tables`), numbers stored as numbers and text as text (openpyxl, the ``xlsx``
extra)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from .extras import require
from .models import Document
from .tables import (
    ARTICLE_COLUMNS,
    CASE_COLUMNS,
    FACT_COLUMNS,
    Row,
    article_records,
    case_records,
    fact_records,
)

__all__ = ["XlsxWriter", "excel_value"]

SHEETS = ("Facts", "Cases", "Articles")


def excel_value(value: object) -> object:
    """A typed cell as openpyxl stores it: ``Decimal`` → ``int`` or ``float``.

    >>> excel_value(Decimal("1.5E+7")), excel_value(Decimal("43.9")), excel_value("元")
    (15000000, 43.9, '元')
    """
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class XlsxWriter:
    """Rows of every document into three sheets, saved to ``path`` on :meth:`close`."""

    wants_text = True

    def __init__(self, path: Path) -> None:
        openpyxl = require("openpyxl", "xlsx", "--format xlsx")
        self._cell_module = require("openpyxl.cell", "xlsx", "--format xlsx")
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        self._illegal = ILLEGAL_CHARACTERS_RE
        self.path = path
        self.book = openpyxl.Workbook(write_only=True)
        self.sheets = {name: self.book.create_sheet(name) for name in SHEETS}
        for name, columns in zip(
            SHEETS, (FACT_COLUMNS, CASE_COLUMNS, ARTICLE_COLUMNS), strict=True
        ):
            self.sheets[name].append(list(columns))

    def _cell(self, sheet: Any, value: object) -> object:
        value = excel_value(value)
        if not isinstance(value, str):
            return value
        text = self._illegal.sub("", value)  # control characters cannot be stored in xlsx
        cell = self._cell_module.WriteOnlyCell(sheet, text)
        cell.data_type = "s"  # text, even when it starts with '=' (never a formula)
        return cell

    def _append(self, name: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        sheet = self.sheets[name]
        for row in rows:
            sheet.append([self._cell(sheet, row[c]) for c in columns])

    def write(self, document: Document, text: str | None = None) -> None:
        self._append("Facts", FACT_COLUMNS, list(fact_records(document, text)))
        self._append("Cases", CASE_COLUMNS, list(case_records(document)))
        self._append("Articles", ARTICLE_COLUMNS, list(article_records(document)))

    def close(self) -> None:
        self.book.save(self.path)
