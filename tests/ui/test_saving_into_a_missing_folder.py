"""Saving a chart or the purchase list's PDF into a folder that is not there says so, as the exports
and backups do, and writes nothing (savefig raised a FileNotFoundError out of the menu; Qt's PDF
printer wrote nothing without a word)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.errors import BadInputError
from ui.widgets.chart_canvas import ChartCanvas


def test_a_chart_saved_into_a_missing_folder_is_refused_with_a_message(qtbot, tmp_path, monkeypatch):
    canvas = ChartCanvas(name="gmv")
    qtbot.addWidget(canvas)
    target = tmp_path / "no such folder" / "gmv.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a: warned.append((title, text)))
    canvas._save_dialog()
    assert warned and warned[0][0] == "Save chart"
    assert "does not exist" in warned[0][1] and "nothing was written" in warned[0][1]
    assert not target.parent.exists()


def test_the_purchase_list_pdf_into_a_missing_folder_is_refused(qapp, tmp_path):
    from ui.tabs.inventory_print import save_pdf

    with pytest.raises(BadInputError, match="does not exist"):
        save_pdf(tmp_path / "gone" / "po.pdf", "<p>TEA-001</p>", "po")
    assert not (tmp_path / "gone").exists()
