"""The `kpi` command through the real entry point (`python main.py --db X kpi …`)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from kpi_shop import build_shop

ROOT = Path(__file__).resolve().parents[2]


def run_kpi(db_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", "--db", str(db_path), "kpi", *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


@pytest.fixture
def shop_path(db):
    build_shop(db)
    return db.path


def test_json_matches_the_spec_shape(shop_path):
    out = run_kpi(shop_path, "--from", "2026-03-01", "--to", "2026-03-31", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert list(doc) == [
        "gmv", "orders", "paying_buyers", "aov", "refund_amount", "net_sales", "refund_rate",
        "repurchase_rate", "visitors", "conversion_rate", "units", "from", "to", "channel", "currency", "by_channel",
        "excluded",
    ]
    assert doc["currency"] == "CNY" and doc["excluded"] == {}
    assert doc["gmv"] == 920.0 and doc["aov"] == 92.0 and doc["net_sales"] == 840.0 and doc["refund_amount"] == 80.0
    assert (doc["orders"], doc["paying_buyers"], doc["units"], doc["visitors"]) == (12, 10, 17, 3200)
    assert doc["refund_rate"] == pytest.approx(0.086957, abs=1e-6)
    assert doc["repurchase_rate"] == pytest.approx(0.333333, abs=1e-6)
    assert doc["conversion_rate"] == 0.00125
    assert (doc["from"], doc["to"], doc["channel"]) == ("2026-03-01", "2026-03-31", None)
    assert set(doc["by_channel"]) == {"taobao", "jd", "douyin", "shopify"}
    douyin = doc["by_channel"]["douyin"]
    assert douyin["visitors"] is None and douyin["conversion_rate"] is None and douyin["repurchase_rate"] is None
    assert douyin["gmv"] == 100.0


def test_channel_filter(shop_path):
    out = run_kpi(shop_path, "--from", "2026-03-01", "--to", "2026-03-31", "--channel", "jd", "--json")
    doc = json.loads(out.stdout)
    assert (doc["channel"], doc["gmv"], doc["orders"], doc["conversion_rate"]) == ("jd", 460.0, 5, 0.01)
    assert list(doc["by_channel"]) == ["jd"]


def test_human_table(shop_path):
    out = run_kpi(shop_path, "--from", "2026-03-01", "--to", "2026-03-31")
    assert out.returncode == 0, out.stderr
    gmv_line = next(line for line in out.stdout.splitlines() if line.startswith("GMV"))
    assert "¥920.00" in gmv_line and "¥460.00" in gmv_line  # total and the jd column
    assert "Conversion rate" in out.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-02-30", "--to", "2026-03-31"), "is not a date"),
        (("--from", "2026-03-31", "--to", "2026-03-01"), "before --from"),
        (("--from", "2026-03-01", "--to", "2026-03-31", "--channel", "ebay"), "Unknown channel"),
    ],
)
def test_bad_input_exits_2(shop_path, args, message):
    out = run_kpi(shop_path, *args)
    assert out.returncode == 2
    assert message in out.stderr
    assert out.stdout == ""


def test_table_headers_are_channel_names_in_the_users_language(shop_path):
    import os

    en = run_kpi(shop_path, "--from", "2026-03-01", "--to", "2026-03-31")
    header = en.stdout.splitlines()[1]
    assert "Taobao/Tmall" in header and "JD" in header and "taobao" not in header
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    zh = subprocess.run(
        [sys.executable, "main.py", "--db", str(shop_path), "kpi", "--from", "2026-03-01", "--to", "2026-03-31"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, env=env,
    )
    header = zh.stdout.splitlines()[1]
    assert "淘宝/天猫" in header and "京东" in header and "抖音" in header and "jd" not in header
    # JSON keeps the ids (spec/cli.md)
    doc = json.loads(run_kpi(shop_path, "--from", "2026-03-01", "--to", "2026-03-31", "--json").stdout)
    assert set(doc["by_channel"]) == {"taobao", "jd", "douyin", "shopify"}


@pytest.mark.parametrize("name", ["京东", "JD"])
def test_channel_by_its_usual_name(shop_path, name):
    """A new owner typed `--channel 京东` (the name they use) and was told it is unknown."""
    out = run_kpi(shop_path, "--from", "2026-03-01", "--to", "2026-03-31", "--channel", name, "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert (doc["channel"], doc["gmv"], doc["orders"]) == ("jd", 460.0, 5)
