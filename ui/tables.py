"""The staff pages' read-only tables, set up one way: no row numbers, no editing, the last
column taking the room left; a list to choose from selects one whole row at a time."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget


def read_only_table(columns: int, *, choose_rows: bool = False) -> QTableWidget:
    """A table of ``columns`` columns; ``choose_rows``: a list a person picks one row from
    (otherwise figures, with every other row shaded)."""
    table = QTableWidget(0, columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    if choose_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    else:
        table.setAlternatingRowColors(True)
    return table
