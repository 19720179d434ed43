"""Trimmed and partial exports (issue #18 item 4): recognised by id + amount + time, --platform
lowers the bar, refusals name the columns, saved and --mapping FILE mappings in the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.errors import BadInputError
from core.imports import import_file, inspect_file, save_mapping
from tests.core.imports.conftest import count, orders
from tests.helpers import exports as X
from tests.helpers.real_exports import real_export

ROOT = Path(__file__).resolve().parents[3]


def _cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=180, env={**__import__("os").environ, "LANG": "C.UTF-8"})


def test_trimmed_tmall_report_is_recognised_with_its_confidence(db):
    insp = inspect_file(real_export("taobao/tmall_order_report.csv"), db=db)
    assert (insp.platform, insp.kind, insp.needs_mapping) == ("taobao", "orders", False)
    assert insp.confidence == 0.6  # 3 of the 订单报表's 5 signature columns
    assert insp.mapping["paid"] == "总金额" and insp.mapping["paid_net"] == "买家实际支付金额"


def _id_and_amount_only(path):
    rows = [{"订单编号": "5001", "总金额": "12.00", "买家会员名": "amy"}]
    return X.write_csv(path, list(rows[0]), rows)


def test_platform_option_lowers_the_bar_to_the_layouts_required_fields(db, files):
    path = _id_and_amount_only(files / "o.csv")
    with pytest.raises(BadInputError) as refused:
        import_file(db, path)
    message = refused.value.message
    assert "Taobao/Tmall order report (订单报表)" in message
    assert "lacks: Order created at (订单创建时间)" in message
    assert "订单编号 (Order number)" in message and "总金额 (Paid amount (per order))" in message
    assert count(db, "orders") == 0
    result = import_file(db, path, platform="taobao")
    assert (result.platform, result.orders_added) == ("taobao", 1)
    assert orders(db)["5001"]["paid_fen"] == 1200


def test_taobao_xls_without_order_numbers_is_refused_naming_what_it_has_and_lacks(db):
    for name in ("taobao/TB2018.xls", "taobao/mingribooks.xls", "taobao/mrbooks.xls"):
        with pytest.raises(BadInputError) as refused:
            import_file(db, real_export(name))
        message = refused.value.message
        assert "lacks: Order number (订单编号)" in message, message
        assert "买家实际支付金额 (Paid amount after refunds (per order))" in message
        assert "map its columns with File → Import…" in message and "--mapping FILE" in message
    assert count(db, "orders") == 0 and count(db, "import_batches") == 0


def _custom(files):
    rows = [{"单号": "A-1", "下单": "2026-05-01 10:00", "实收": "88.80"}, {"单号": "A-2", "下单": "2026-05-02 11:00", "实收": "9.90"}]
    return X.write_csv(files / "自建.csv", list(rows[0]), rows)


def test_cli_uses_the_mapping_saved_in_the_wizard(tmp_path, files):
    from core.db import open_database

    path = _custom(files)
    shop = tmp_path / "shop.db"
    db = open_database(shop)
    insp = inspect_file(path, db=db)
    save_mapping(db, insp.signature, "offline", "orders", {"order_no": "单号", "created_at": "下单", "paid": "实收"})
    db.close()
    done = _cli("--db", str(shop), "import", str(path), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)[0]
    assert (report["platform"], report["orders_added"]) == ("offline", 2)


def test_cli_mapping_file(tmp_path, files):
    path = _custom(files)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"platform": "offline", "kind": "orders",
                                   "columns": {"order_no": "单号", "created_at": "下单", "paid": "实收"}}), encoding="utf-8")
    shop = tmp_path / "shop.db"
    done = _cli("--db", str(shop), "import", str(path), "--mapping", str(mapping), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["orders_added"] == 2
    # a mapping naming a column the file lacks: refused, naming it
    mapping.write_text(json.dumps({"order_no": "单号", "created_at": "下单", "paid": "合计"}), encoding="utf-8")
    done = _cli("--db", str(shop), "import", str(path), "--mapping", str(mapping), "--dry-run")
    assert done.returncode == 2 and "lacks: Paid amount (per order) (合计)" in done.stderr
    mapping.write_text("{not json", encoding="utf-8")
    done = _cli("--db", str(shop), "import", str(path), "--mapping", str(mapping))
    assert done.returncode == 2 and "mapping.json: the mapping file is not valid JSON." in done.stderr
    assert "Traceback" not in done.stderr
