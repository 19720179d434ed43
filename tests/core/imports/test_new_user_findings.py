"""Found by a new user (issue #18 item 6): SKU matching by title, no empty shop left behind."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.imports import import_file
from tests.core.imports.conftest import lines
from tests.helpers import exports as X

ROOT = Path(__file__).resolve().parents[3]


def _skus(db, rows):
    from core.models import Sku

    with db.transaction() as s:
        for code, title, spec in rows:
            s.add(Sku(code=code, title=title, spec=spec))


def test_lines_without_sku_codes_are_matched_by_unique_title_and_the_rest_counted(db, files):
    _skus(db, [("FW-1", "洗面奶", ""), ("TS-W", "T恤", "白"), ("TS-B", "T恤", "黑")])
    rows = [X.taobao_order_row("1930679858170647", title="洗面奶"),
            X.taobao_order_row("1930679858170648", title="T恤"),  # two SKUs have this title: not guessed
            X.taobao_order_row("1930679858170649", title="毛巾")]
    result = import_file(db, X.taobao_orders_csv(files / "o.csv", rows))
    assert (result.lines_matched_by_title, result.lines_without_sku) == (1, 2)
    assert [ln["sku_code"] for ln in lines(db, "1930679858170647")] == ["FW-1"]
    assert [ln["sku_code"] for ln in lines(db, "1930679858170648")] == [""]
    assert any(w.message.startswith("2 order lines have no SKU code") for w in result.warnings)
    assert result.to_json()["lines_without_sku"] == 2


def test_a_refused_import_leaves_no_new_database_behind(tmp_path, files):
    bad = X.write_csv(files / "x.csv", ["甲", "乙"], [{"甲": "1", "乙": "2"}])
    shop = tmp_path / "new" / "shop.db"
    shop.parent.mkdir()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(shop), "import", str(bad)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and "Nothing was imported" in done.stderr
    assert list(shop.parent.iterdir()) == []
    good = X.taobao_orders_csv(files / "o.csv", [X.taobao_order_row("1930679858170647")])
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(shop), "import", str(good), str(bad)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and shop.exists()  # one file was imported: the shop stays
