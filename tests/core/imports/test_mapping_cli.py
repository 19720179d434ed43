"""Unknown layouts through a column mapping (remembered), and the `import` command."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from core.imports import fields_for, import_file, inspect_file, save_mapping
from tests.core.imports.conftest import orders
from tests.helpers import exports as X

ROOT = Path(__file__).resolve().parents[3]


def _custom(files):
    rows = [{"单号": "A-1", "下单": "2026-01-02 10:00", "实收": "88.8", "状态": "已完成", "货品": "茶"},
            {"单号": "A-2", "下单": "2026-01-03 10:00", "实收": "10", "状态": "待发货", "货品": "杯"}]
    return X.write_csv(files / "erp.csv", ["单号", "下单", "实收", "状态", "货品"], rows)


def test_fields_for_marks_required():
    fields = {f.key: f for f in fields_for("orders")}
    assert fields["order_no"].required and fields["paid"].required and not fields["status"].required
    assert fields["order_no"].label == "Order number"


def test_unknown_layout_mapped_and_remembered(db, files):
    path = _custom(files)
    insp = inspect_file(path, db=db)
    assert insp.needs_mapping and insp.headers == ["单号", "下单", "实收", "状态", "货品"]
    assert insp.samples["单号"][:2] == ["A-1", "A-2"]
    mapping = {"order_no": "单号", "created_at": "下单", "paid": "实收", "status": "状态", "title": "货品"}
    save_mapping(db, insp.signature, "offline", "orders", mapping)
    again = inspect_file(path, db=db)
    assert (again.needs_mapping, again.platform, again.kind) == (False, "offline", "orders")
    result = import_file(db, path)
    assert (result.platform, result.orders_added) == ("offline", 2)
    got = orders(db, "offline")
    assert (got["A-1"]["paid_fen"], got["A-1"]["status"], got["A-2"]["status"]) == (8880, "completed", "paid")


def test_import_with_explicit_mapping(db, files):
    result = import_file(db, _custom(files), platform="other",
                         mapping={"order_no": "单号", "created_at": "下单", "paid": "实收"})
    assert (result.platform, result.kind, result.orders_added) == ("other", "orders", 2)


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_cli_json_and_exit_codes(tmp_path, files):
    db = tmp_path / "cli.db"
    good = X.taobao_orders_csv(files / "ExportOrderList1.csv", [X.taobao_order_row("1001"), X.taobao_order_row("1002", paid="1.50")])
    bad = files / "notes.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    run = _cli("--db", str(db), "import", str(good), "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report == [{
        "file": "ExportOrderList1.csv", "platform": "taobao", "kind": "orders", "rows_read": 2, "orders_added": 2,
        "orders_updated": 0, "orders_unchanged": 0, "lines_added": 2, "rows_skipped": 0, "lines_matched_by_title": 0,
        "lines_without_sku": 2, "errors": [], "warnings": [],
        "batch_id": 1,
    }]
    run = _cli("--db", str(db), "import", str(good), str(bad), "--json")
    assert run.returncode == 2
    report = json.loads(run.stdout)
    assert report[0]["orders_unchanged"] == 2 and "error" in report[1] and "notes.csv" in report[1]["error"]["message"]
    run = _cli("--db", str(db), "import", str(good), "--dry-run")
    assert run.returncode == 0 and "Dry run" in run.stdout and "2 unchanged" in run.stdout
    run = _cli("--db", str(db), "import", str(tmp_path / "missing.csv"))
    assert run.returncode == 2 and "missing.csv" in run.stderr
