"""``tools/screenshots.py OUT --no-order-id [--db COPY.db]``: the import wizard's "Match columns" step
with the real TB2018.xls (no 订单编号), showing the rule that identifies its orders; the step when the
buyer column is cleared (no rule possible); and, with ``--db`` (it saves the mapping there), the
preview with the made order numbers (README "Importing exports", "Files without an order number")."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _real_file(name: str) -> Path:
    for folder in (ROOT / ".." / "shared" / "real-exports", Path("/work/shared/real-exports")):
        path = (folder / name).resolve()
        if path.is_file():
            return path
    raise SystemExit(f"{name} not found beside the clone (../shared/real-exports)")


def no_order_id(window, args, wait) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.dialogs.import_wizard import open_import_wizard
    from ui.dialogs.import_wizard.wizard import MAPPING, PREVIEW

    lang = args.lang
    wizard = open_import_wizard(window, [str(_real_file("taobao/TB2018.xls"))])
    wizard.resize(1100, 760)
    while not wizard.entries or any(e.busy for e in wizard.entries):
        wait(100)
    wait(300)
    wizard.grab().save(str(args.out / f"{lang}_import_no_order_id_files.png"))
    QTest.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    wait(300)
    assert wizard.current() == MAPPING
    page = wizard.mapping_page
    page.platform_combo.setCurrentIndex(page.platform_combo.findData("taobao"))  # the owner says where it is from
    wait(300)
    wizard.grab().save(str(args.out / f"{lang}_import_no_order_id_rule.png"))
    # a wrong choice: without the buyer's column no rule can identify the orders
    buyer = page._combos["buyer_account"]
    header = buyer.currentData()
    buyer.setCurrentIndex(0)
    QTest.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    wait(300)
    wizard.grab().save(str(args.out / f"{lang}_import_no_order_id_no_buyer.png"))
    page.set_choice("buyer_account", header)
    if args.db:
        QTest.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        while wizard.current() != PREVIEW:
            wait(100)
        wait(400)
        wizard.grab().save(str(args.out / f"{lang}_import_no_order_id_preview.png"))
    wizard.close()


def trimmed_exports(window, args, wait) -> None:
    """The wizard's first step with four real-world files: the 7-column Tmall 订单报表 (recognised, 60 %),
    the trimmed Shopify export without payment or status columns (a warning), TB2018.xls without
    订单编号 (orders identified by a rule) and ShopDesk's own stock template (README "Trimmed exports")."""
    import tempfile

    from core.imports import write_template
    from ui.dialogs.import_wizard import open_import_wizard

    template = write_template("stock", Path(tempfile.mkdtemp()) / "ShopDesk-stock.xlsx")
    files = [_real_file("taobao/tmall_order_report.csv"), _real_file("shopify/au_trimmed_orders_export.csv"),
             _real_file("taobao/TB2018.xls"), template]
    wizard = open_import_wizard(window, [str(f) for f in files])
    wizard.resize(1100, 560)
    while len(wizard.entries) < len(files) or any(e.busy for e in wizard.entries):
        wait(100)
    wait(300)
    wizard.grab().save(str(args.out / f"{args.lang}_import_trimmed_exports.png"))
    wizard.close()
