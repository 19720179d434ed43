"""The demo shop: the `kpi` command prints what the dashboard computes, and every chart has data."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.kpi import compute_charts, compute_dashboard, compute_kpis, kpi_json, preset_range
from core.kpi.series import sku_sales

ROOT = Path(__file__).resolve().parents[2]
END = dt.date(2026, 11, 20)


@pytest.mark.parametrize("channel", [None, "taobao"])
def test_cli_equals_compute_kpis(demo_db, channel):
    start = dt.date(2025, 11, 21)
    args = [sys.executable, "main.py", "--db", demo_db.location, "kpi", "--from", str(start), "--to", str(END), "--json"]
    if channel:
        args += ["--channel", channel]
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert out.returncode == 0, out.stderr
    printed = json.loads(out.stdout)
    assert printed == json.loads(json.dumps(kpi_json(compute_kpis(demo_db, start, END, channel))))
    assert printed["gmv"] > 0 and printed["visitors"] is not None


def test_demo_dashboard_has_every_number_and_chart(demo_db):
    period = preset_range("last_30_days", END)
    dash = compute_dashboard(demo_db, period)
    for card in dash.cards:
        assert card.value is not None, card.key
        assert card.previous is not None, card.key
    assert dash.card("gmv").progress is not None  # the demo has monthly goals
    data = compute_charts(demo_db, period, "day")
    assert len(data.trend) == 30
    assert sum(p.gmv for p in data.trend) == dash.current.gmv
    for field in ("channel_share", "category_share", "top_skus", "refunds_by_sku", "refunds_by_reason", "turnover",
                  "channel_roi"):
        assert getattr(data, field), field
    # Sales shared out to SKUs add back up to GMV (to the fen, up to rounding per SKU).
    all_skus = sku_sales(demo_db, period)
    assert abs(sum(s.sales for s in all_skus) - dash.current.gmv) <= len(all_skus)
