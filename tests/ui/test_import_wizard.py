"""The import wizard as the owner uses it: files → (columns) → preview → import → report → undo."""
from __future__ import annotations

import warnings

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import func, select

from core.models import Order
from core.settings import Settings
from tests.ui.import_files import random_bytes, taobao_orders_csv, unknown_layout_csv
from ui.context import AppContext
from ui.dialogs.import_wizard import open_import_wizard
from ui.dialogs.import_wizard.files_page import COL_DETECTED, COL_PLATFORM, COL_STATUS
from ui.dialogs.import_wizard.report_page import COL_ADDED, COL_FILE, COL_SKIPPED, COL_UNCHANGED, COL_UNDO, COL_UPDATED
from ui.dialogs.import_wizard.wizard import FILES, MAPPING, PREVIEW, REPORT
from ui.main_window import MainWindow


def order_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Order))


@pytest.fixture
def window(qtbot, db):
    w = MainWindow(AppContext(db, Settings()))
    qtbot.addWidget(w)
    return w


def wizard_for(window, qtbot, files):
    wizard = open_import_wizard(window, [str(f) for f in files])
    qtbot.waitUntil(lambda: wizard.entries and not any(e.busy for e in wizard.entries), timeout=20_000)
    return wizard


def go_to_report(wizard, qtbot):
    assert wizard.current() == PREVIEW
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == REPORT, timeout=30_000)


def test_taobao_file_is_recognised_previewed_imported_and_undone(window, qtbot, db, tmp_path, monkeypatch):
    path = taobao_orders_csv(tmp_path / "ExportOrderList202606181230.csv", 3)
    wizard = wizard_for(window, qtbot, [path])

    detected = wizard.files_page.table.item(0, COL_DETECTED).text()
    assert detected.startswith("Taobao/Tmall · orders · ") and detected.endswith("%")
    assert wizard.files_page.table.item(0, COL_STATUS).text() == "Ready"
    assert wizard.next_button.text() == "Preview >"

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == PREVIEW
    assert wizard.preview_page.tabs.count() == 1
    assert wizard.preview_page.preview(0).model.rowCount() == 3
    assert wizard.next_button.text() == "Import 1 file(s)"

    with qtbot.waitSignal(window.ctx.sig_data_changed, timeout=30_000):
        go_to_report(wizard, qtbot)
    report = wizard.report_page
    assert [report.files.item(0, c).text() for c in (COL_ADDED, COL_UPDATED, COL_UNCHANGED, COL_SKIPPED)] == ["3", "0", "0", "0"]
    assert "1 file(s) imported" in report.banner.text()
    assert order_count(db) == 3

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    undo = report.files.cellWidget(0, COL_UNDO)
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: order_count(db) == 0, timeout=20_000)
    qtbot.waitUntil(lambda: report.files.cellWidget(0, COL_UNDO).text() == "Undone", timeout=20_000)
    assert asked and "Undo the import of ExportOrderList202606181230.csv?" in asked[0]
    assert not report.files.cellWidget(0, COL_UNDO).isEnabled()


def test_reimport_counts_unchanged(window, qtbot, db, tmp_path):
    path = taobao_orders_csv(tmp_path / "orders.csv", 4)
    for expected in (["4", "0", "0"], ["0", "0", "4"]):
        wizard = wizard_for(window, qtbot, [path])
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        go_to_report(wizard, qtbot)
        report = wizard.report_page
        assert [report.files.item(0, c).text() for c in (COL_ADDED, COL_UPDATED, COL_UNCHANGED)] == expected
        wizard.close()
    assert order_count(db) == 4


def test_unreadable_file_shows_its_message_and_is_left_out(window, qtbot, db, tmp_path):
    junk = random_bytes(tmp_path / "orders-2026-06.xlsx")
    good = taobao_orders_csv(tmp_path / "good.csv", 2)
    wizard = wizard_for(window, qtbot, [junk, good])

    page = wizard.files_page
    assert page.table.item(0, COL_STATUS).text() == "Cannot be imported"
    assert page.table.item(0, COL_DETECTED).text() == "—"
    message = wizard.entries[0].error
    assert message and "orders-2026-06.xlsx" in page.banner.text()
    assert page.table.item(0, COL_STATUS).toolTip() == message
    assert [e.name for e in wizard.importable()] == ["good.csv"]

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.preview_page.tabs.count() == 1
    go_to_report(wizard, qtbot)
    assert wizard.report_page.files.rowCount() == 1
    assert order_count(db) == 2


def test_only_unreadable_files_cannot_go_on(window, qtbot, tmp_path):
    wizard = wizard_for(window, qtbot, [random_bytes(tmp_path / "a.csv")])
    assert not wizard.next_button.isEnabled()


def test_unknown_layout_asks_for_columns_and_remembers_them(window, qtbot, db, tmp_path):
    path = unknown_layout_csv(tmp_path / "my own order list.csv", 4)
    wizard = wizard_for(window, qtbot, [path])
    assert wizard.files_page.table.item(0, COL_STATUS).text() == "Columns to match"
    assert wizard.next_button.text() == "Match columns >"

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == MAPPING
    mapping = wizard.mapping_page
    assert mapping.kind_combo.currentData() == "orders"
    labels = [mapping.table.item(r, 0).text() for r in range(mapping.table.rowCount())]
    assert labels[:3] == ["Order number *", "Order created at *", "Paid amount (per order) *"]

    # A required field left out is refused with a message, and nothing moves on.
    for key in list(mapping._combos):
        mapping._combos[key].setCurrentIndex(0)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == MAPPING
    assert "Order number" in mapping.banner.text()

    mapping.set_choice("order_no", "单号")
    assert mapping.table.item(0, 2).text().startswith("X-1000")  # sample values of the chosen column
    mapping.set_choice("created_at", "下单日期")
    mapping.set_choice("paid", "收款")
    mapping.set_choice("buyer_account", "客户")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == PREVIEW, timeout=20_000)
    assert wizard.preview_page.preview(0).model.rowCount() == 4
    go_to_report(wizard, qtbot)
    assert wizard.report_page.files.item(0, COL_ADDED).text() == "4"
    assert order_count(db) == 4
    wizard.close()

    # The same layout is recognised the next time, without the column step.
    again = wizard_for(window, qtbot, [unknown_layout_csv(tmp_path / "next month.csv", 2)])
    # no payment time or status mapped: said, never a silent zero
    assert again.files_page.table.item(0, COL_STATUS).text() == "Ready · 1 warning(s)"
    assert again.next_button.text() == "Preview >"


def test_cancel_leaves_nothing_imported(window, qtbot, db, tmp_path, monkeypatch):
    import core.imports
    from core.errors import Cancelled

    started = []

    def slow_import(db_, path, *, cancelled=None, progress=None, **_kw):
        started.append(path)
        while not cancelled():
            pass
        raise Cancelled()

    monkeypatch.setattr(core.imports, "import_file", slow_import)
    wizard = wizard_for(window, qtbot, [taobao_orders_csv(tmp_path / "a.csv", 2), taobao_orders_csv(tmp_path / "b.csv", 2)])
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    qtbot.mouseClick(wizard.run_page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == REPORT, timeout=10_000)
    assert wizard.report_page.title.text() == "Import cancelled"
    assert wizard.report_page.banner.text() == "Cancelled; nothing was imported."
    assert len(started) == 1  # the second file was never started
    assert order_count(db) == 0


def test_error_rows_are_listed_with_excel_row_numbers_and_exported(window, qtbot, db, tmp_path, monkeypatch):
    path = taobao_orders_csv(tmp_path / "orders.csv", 3, bad_rows=1)
    wizard = wizard_for(window, qtbot, [path])
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    preview = wizard.preview_page.preview(0)
    model = preview.model
    assert model.rowCount() == 4  # three orders and the ruined row, in file order
    assert [model.index(r, 0).data() for r in range(4)] == ["2", "3", "4", "5"]
    assert [model.severity(r) for r in range(4)] == [None, None, None, "error"]
    assert "damaged by Excel" in model.index(3, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(3, 1).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fdecea"
    assert "1 row(s) with errors will be skipped" in preview.summary.text()
    go_to_report(wizard, qtbot)
    report = wizard.report_page
    assert report.files.item(0, COL_ADDED).text() == "3"
    assert report.files.item(0, COL_SKIPPED).text() == "1"
    rows = report.problems.visible_rows()
    assert rows[0][0] == 5 and rows[0][2] == "订单编号" and rows[0][3] == "Error"
    assert "damaged by Excel" in rows[0][4]  # header row 1, bad row 5

    out = tmp_path / "to fix.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(report.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=20_000)
    from openpyxl import load_workbook

    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c is not None]
    assert any("3.201E+15" in str(c) for c in cells)


def test_template_is_saved_where_the_owner_chose(window, qtbot, tmp_path, monkeypatch):
    wizard = wizard_for(window, qtbot, [taobao_orders_csv(tmp_path / "a.csv", 1)])
    out = tmp_path / "stock template.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu = wizard.files_page.template_menu
    menu.aboutToShow.emit()
    assert len(menu.actions()) >= 2
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: str(out) in wizard.files_page.banner.text(), timeout=20_000)
    from openpyxl import load_workbook

    assert "商家编码" in [c.value for c in load_workbook(out).active[1]]


def test_file_menu_and_dropping_files_open_the_wizard(window, qtbot, tmp_path, monkeypatch):
    actions = window.file_menu.actions()
    assert actions[0] is window.action_import and actions[1] is window.action_import_history
    assert window.action_import.shortcut().toString() == "Ctrl+I"

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    window.action_import.trigger()
    assert window.import_wizard.isVisible() and window.import_wizard.entries == []
    window.import_wizard.close()

    path = taobao_orders_csv(tmp_path / "dropped.csv", 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # QDragEnterEvent only takes a QPoint
        enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, mods))
    wizard = window.import_wizard
    assert wizard.isVisible()
    assert [e.name for e in wizard.entries] == ["dropped.csv"]
    assert wizard.files_page.table.item(0, 0).text() == "dropped.csv"


def test_platform_override_reads_the_file_again(window, qtbot, tmp_path):
    wizard = wizard_for(window, qtbot, [taobao_orders_csv(tmp_path / "orders.csv", 2)])
    table = wizard.files_page.table

    def choose(code: str) -> None:
        combo = table.cellWidget(0, COL_PLATFORM)
        combo.setCurrentIndex(combo.findData(code))
        qtbot.waitUntil(lambda: not wizard.entries[0].busy, timeout=20_000)

    choose("jd")
    assert table.item(0, COL_DETECTED).text().startswith("JD · orders")
    assert table.item(0, COL_STATUS).text() == "Columns to match"
    assert table.cellWidget(0, COL_PLATFORM).currentText() == "JD"
    choose("taobao")
    assert table.item(0, COL_DETECTED).text() == "Taobao/Tmall · orders · 100%"
    assert table.item(0, COL_STATUS).text() == "Ready"


def test_cancel_after_a_finished_file_keeps_it_and_says_so(window, qtbot, db, tmp_path, monkeypatch):
    import core.imports
    from core.errors import Cancelled

    real = core.imports.import_file
    calls = []

    def second_waits(db_, path, *, cancelled=None, progress=None, **kw):
        calls.append(path)
        if len(calls) == 1:
            return real(db_, path, cancelled=cancelled, progress=progress, **kw)
        while not cancelled():
            pass
        raise Cancelled()

    monkeypatch.setattr(core.imports, "import_file", second_waits)
    wizard = wizard_for(window, qtbot, [taobao_orders_csv(tmp_path / "first.csv", 2), taobao_orders_csv(tmp_path / "second.csv", 3)])
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=20_000)
    wizard.reject()  # Esc / the window's Cancel while importing cancels the import
    qtbot.waitUntil(lambda: wizard.current() == REPORT, timeout=10_000)
    report = wizard.report_page
    assert report.title.text() == "Import cancelled"
    assert report.banner.text().startswith("Cancelled. ") and "1 file(s) imported" in report.banner.text()
    assert report.files.item(0, COL_ADDED).text() == "2"
    assert report.files.item(1, 1).text() == "Not imported"
    assert order_count(db) == 2


# -- the column-matching step -------------------------------------------------------------

OWN_HEADERS = ["订单号", "实付金额", "创建时间", "付款时间", "状态", "昵称", "数量", "标题", "SKU"]


def own_order_list(path, headers=OWN_HEADERS):
    """A home-made order list whose headers are obvious to a person but match no platform layout."""
    rows = [
        ["A-1", "12.50", "2026-05-01 09:30", "2026-05-01 09:31", "已付款", "小王", "2", "手工皂", "SOAP-1"],
        ["A-2", "8.00", "2026-05-02 10:00", "", "待付款", "小李", "1", "香薰", "AROMA-2"],
    ]
    path.write_text("\n".join(",".join(r[:len(headers)]) for r in [headers, *rows]) + "\n", encoding="utf-8")
    return path


def to_mapping(wizard, qtbot):
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == MAPPING
    return wizard.mapping_page


def row_of(page, key: str) -> int:
    return list(page._combos).index(key)


def test_obvious_headers_are_suggested_and_stay_editable(window, qtbot, tmp_path):
    wizard = wizard_for(window, qtbot, [own_order_list(tmp_path / "own.csv")])
    page = to_mapping(wizard, qtbot)
    assert page.kind_combo.currentData() == "orders"  # core's nearest layout was a refund export
    assert page.mapping() == {
        "order_no": "订单号", "paid": "实付金额", "created_at": "创建时间", "paid_at": "付款时间",
        "status": "状态", "buyer_account": "昵称", "qty": "数量", "title": "标题", "sku_code": "SKU",
    }
    assert all(page.is_suggested(k) for k in page.mapping())
    assert "filled in 9 column(s)" in page.suggested_note.text() and page.suggested_note.isVisibleTo(page)
    combo = page._combos["paid"]
    assert combo.styleSheet() and "Suggested" in combo.toolTip()

    page.set_choice("paid", "数量")  # the owner overrides a suggestion
    assert not page.is_suggested("paid") and combo.styleSheet() == "" and combo.toolTip() == ""
    assert page.mapping()["paid"] == "数量"
    assert "filled in 8 column(s)" in page.suggested_note.text()


def test_samples_show_for_suggested_columns_and_in_the_header_list(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QStyleOptionViewItem

    from ui.dialogs.column_mapping import COL_SAMPLE, SAMPLE_ROLE

    wizard = wizard_for(window, qtbot, [own_order_list(tmp_path / "own.csv")])
    page = to_mapping(wizard, qtbot)
    assert page.table.item(row_of(page, "order_no"), COL_SAMPLE).text() == "A-1  ·  A-2"
    assert page.table.item(row_of(page, "title"), COL_SAMPLE).text() == "手工皂  ·  香薰"
    assert page.table.item(row_of(page, "line_no"), COL_SAMPLE).text() == ""  # nothing chosen

    combo = page._combos["line_no"]
    i = combo.findData("昵称")
    assert combo.itemData(i, SAMPLE_ROLE) == "小王  ·  小李"
    assert combo.itemData(i, Qt.ItemDataRole.ToolTipRole) == "昵称\n小王\n小李"
    option = QStyleOptionViewItem()
    combo.itemDelegate().initStyleOption(option, combo.model().index(i, 0))
    assert option.text.startswith("昵称") and option.text.endswith("小王  ·  小李")  # as the popup lists it

    page.set_choice("line_no", "付款时间")
    assert page.table.item(row_of(page, "line_no"), COL_SAMPLE).text() == "2026-05-01 09:31"


def test_unrecognised_file_is_not_called_a_jd_export(window, qtbot, tmp_path):
    path = own_order_list(tmp_path / "own.csv", ["订单号", "创建时间", "实付金额", "昵称", "数量"])
    # JD's order id and amount, but no JD time column: not enough to be a (trimmed) JD export
    path.write_text("订单号,日期,应付金额,买家,数量\nA-1,2026-05-01 09:30,12.50,小王,2\n", encoding="utf-8")
    wizard = wizard_for(window, qtbot, [path])
    assert wizard.entries[0].inspection.platform == "jd"  # core's nearest partial match
    files = wizard.files_page.table
    assert files.item(0, COL_DETECTED).text() == "Layout not recognised"
    assert files.cellWidget(0, COL_PLATFORM).currentData() is None  # "Choose…"
    page = to_mapping(wizard, qtbot)
    assert page.platform_combo.currentData() == "other"
    assert page.mapping() == {"order_no": "订单号", "created_at": "日期", "paid": "应付金额",
                              "buyer_account": "买家", "qty": "数量"}


def test_trimmed_export_with_a_platforms_id_amount_and_time_is_recognised_with_its_confidence(window, qtbot, tmp_path):
    path = tmp_path / "trimmed.csv"
    path.write_text("订单号,下单时间,应付金额\nA-1,2026-05-01 09:30,12.50\n", encoding="utf-8")
    wizard = wizard_for(window, qtbot, [path])
    assert wizard.files_page.table.item(0, COL_DETECTED).text() == "JD · orders · 40%"


def test_shopdesk_stock_template_is_named_not_called_unrecognised(window, qtbot, tmp_path):
    from core.imports import write_template

    path = write_template("stock", tmp_path / "库存模板.xlsx")
    wizard = wizard_for(window, qtbot, [path])
    assert wizard.files_page.table.item(0, COL_DETECTED).text() == "ShopDesk stock template · 100%"


def test_stock_template_says_all_platforms_in_the_preview_the_report_and_the_history(window, qtbot, db, tmp_path):
    """Products and stock belong to the whole shop: the imported template is not of an "Unknown platform"."""
    import openpyxl

    from core.imports import write_template
    from ui.dialogs.import_history import COL_PLATFORM as HISTORY_PLATFORM
    from ui.dialogs.import_history import ImportHistoryDialog
    from ui.dialogs.import_wizard.report_page import COL_WHAT

    path = write_template("stock", tmp_path / "库存模板.xlsx")
    book = openpyxl.load_workbook(path)
    book.active.append(["MUG-1", "Mug", "red", "kitchen", 10, 20, 5, 0, "Supplier", 7, 1])
    book.save(path)
    wizard = wizard_for(window, qtbot, [path])
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == PREVIEW
    assert wizard.preview_page.preview(0).summary.text().startswith("products and stock · All platforms")
    go_to_report(wizard, qtbot)
    assert wizard.report_page.files.item(0, COL_WHAT).text() == "All platforms · products and stock"
    history = ImportHistoryDialog(window.ctx)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitUntil(lambda: history.loaded, timeout=20_000)
    assert history.table.model.index(0, HISTORY_PLATFORM).data() == "All platforms"


def test_undo_question_names_what_the_file_added():
    from ui.dialogs.import_wizard.undo import undo_question

    assert undo_question("库存.xlsx", "products") == (
        "Undo the import of 库存.xlsx? The SKUs and stock levels it added are removed and the ones it changed are put back.")
    assert "The orders it added" in undo_question("o.csv", "orders")
    assert "The traffic days it added" in undo_question("t.xlsx", "traffic")


def test_skip_this_file_leaves_it_out_and_moves_on(window, qtbot, db, tmp_path):
    own = own_order_list(tmp_path / "own.csv")
    good = taobao_orders_csv(tmp_path / "good.csv", 2)
    wizard = wizard_for(window, qtbot, [own, good])
    page = to_mapping(wizard, qtbot)
    assert page.skip_button.isVisible()
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == PREVIEW
    assert [e.name for e in wizard.entries] == ["good.csv"]
    assert wizard.preview_page.tabs.count() == 1
    go_to_report(wizard, qtbot)
    assert wizard.report_page.files.rowCount() == 1 and order_count(db) == 2


def test_skipping_the_only_file_goes_back_to_the_files(window, qtbot, tmp_path):
    wizard = wizard_for(window, qtbot, [own_order_list(tmp_path / "own.csv")])
    page = to_mapping(wizard, qtbot)
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    assert wizard.current() == FILES
    assert wizard.entries == [] and not wizard.next_button.isEnabled()


def test_missing_fields_are_listed_in_the_screen_language(window, qtbot, tmp_path):
    from PySide6.QtCore import QLocale

    wizard = wizard_for(window, qtbot, [own_order_list(tmp_path / "own.csv")])
    page = to_mapping(wizard, qtbot)
    for combo in page._combos.values():
        combo.setCurrentIndex(0)
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("en_US"))
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        assert "Order number, Order created at, and Paid amount (per order)" in page.banner.text()
        assert "、" not in page.banner.text()
        QLocale.setDefault(QLocale("zh_CN"))
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        assert "Order number、Order created at和Paid amount (per order)" in page.banner.text()
    finally:
        QLocale.setDefault(previous)


# -- language ------------------------------------------------------------------------------

class EnglishPlurals:
    """A stand-in for the English plural catalogue: only strings passed with a count (``%n``
    and n) get "file"/"files"; a number formatted into "file(s)" by hand stays as it is."""

    def __init__(self):
        from PySide6.QtCore import QTranslator

        class Translator(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802
                if n is None or n < 0 or "(s)" not in source:
                    return None
                return source.replace("y(s)", "y" if n == 1 else "ies").replace("(s)", "" if n == 1 else "s")

            def isEmpty(self):  # noqa: N802
                return False

        self.translator = Translator()

    def __enter__(self):
        QApplication.instance().installTranslator(self.translator)
        return self

    def __exit__(self, *exc):
        QApplication.instance().removeTranslator(self.translator)


def test_counts_use_plural_forms(window, qtbot, tmp_path):
    with EnglishPlurals():
        one = wizard_for(window, qtbot, [taobao_orders_csv(tmp_path / "a.csv", 2, bad_rows=1)])
        assert one.files_page.table.item(0, COL_STATUS).text() == "Ready · 1 row with errors"
        qtbot.mouseClick(one.next_button, Qt.MouseButton.LeftButton)
        assert one.next_button.text() == "Import 1 file"
        summary = one.preview_page.preview(0).summary.text()
        assert "3 rows in the file" in summary and "1 row with errors will be skipped" in summary
        go_to_report(one, qtbot)
        assert "1 file imported: 2 added, 0 updated, 0 unchanged, 1 row skipped." in one.report_page.banner.text()
        one.close()

        two = wizard_for(window, qtbot, [taobao_orders_csv(tmp_path / "b.csv", 2), taobao_orders_csv(tmp_path / "c.csv", 3)])
        qtbot.mouseClick(two.next_button, Qt.MouseButton.LeftButton)
        assert two.next_button.text() == "Import 2 files"
        two.close()

        wizard = wizard_for(window, qtbot, [own_order_list(tmp_path / "own.csv")])
        page = to_mapping(wizard, qtbot)
        assert page.suggested_note.text().startswith("ShopDesk filled in 9 columns from their names")


def test_mapping_page_and_preview_in_chinese(window, qtbot, tmp_path):
    from core import i18n

    i18n.set_language("zh_CN")
    wizard = wizard_for(window, qtbot, [own_order_list(tmp_path / "own.csv"), taobao_orders_csv(tmp_path / "t.csv", 2)])
    page = to_mapping(wizard, qtbot)
    labels = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert labels[:3] == ["订单编号 *", "下单时间 *", "实付金额（按订单） *"]
    assert page.mapping()["paid"] == "实付金额" and page.mapping()["sku_code"] == "SKU"  # suggested from Chinese labels
    page.set_choice("created_at", "创建时间")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == PREVIEW, timeout=20_000)
    model = wizard.preview_page.preview(1).model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "订单编号" in headers and "下单时间" in headers
