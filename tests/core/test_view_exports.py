"""`export NAME FILE`: every view as .xlsx/.csv/.json, the same rows the tab shows, safe text."""
from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from core.cli import build_parser, run_command
from core.goals import goal_rows
from core.inventory import inventory_rows
from core.models import Sku, StockLevel
from core.views import ViewParams, export_view, view, view_names, view_rows
from tests.conftest import DEMO_END

KEYS = {
    "goals": ["period_kind", "start", "end", "platform", "category", "target", "actual", "achievement", "gap",
              "needed_per_day", "forecast_run_rate", "forecast_seasonal", "status", "reason", "pace", "elapsed",
              "breakdown_differences"],
    "inventory-alerts": ["status", "flags", "sku", "title", "spec", "category", "on_hand", "in_transit",
                         "avg_daily_sales", "sigma", "days_of_cover", "stockout_date", "order_by", "lead_time_days",
                         "safety_stock", "reorder_point", "suggested_qty", "order_multiple", "min_order_qty", "abc",
                         "xyz", "last_sale", "supplier", "cost", "stock_value", "cogs", "turnover",
                         "days_of_inventory", "uplift_source"],
    "purchase-list": ["supplier", "sku", "title", "spec", "order_by", "stockout_date", "on_hand", "in_transit",
                      "qty", "unit_cost", "cost", "status"],
    "members": ["platform", "buyer_key", "name", "tier", "segment", "r", "f", "m", "orders", "spend", "refunds",
                "first_order", "last_order", "recency_days", "next_tier", "tier_rule", "amount_to_next_tier",
                "lists", "categories", "tags", "note", "points"],
    "member-cohorts": ["cohort", "customers", *(f"month_{k}" for k in range(1, 13))],
    "points-ledger": ["platform", "buyer_key", "name", "at", "change", "kind", "reason", "order_no", "expires_at",
                      "balance"],
}


def test_every_view_writes_the_same_rows_in_each_format(demo_db, tmp_path):
    params = ViewParams(DEMO_END)
    for name in view_names():
        rows = view_rows(demo_db, name, params)
        assert rows, name  # the demo shop has something in every view
        v = view(name)
        path, count = export_view(demo_db, name, tmp_path / f"{name}.json", params)
        records = json.loads(path.read_text(encoding="utf-8"))
        assert count == len(rows) == len(records)
        assert list(records[0]) == [c.key for c in v.columns]
        if name in KEYS:
            assert list(records[0]) == KEYS[name]
        _, n_csv = export_view(demo_db, name, tmp_path / f"{name}.csv", params)
        with open(tmp_path / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
            assert len(list(csv.reader(fh))) == n_csv + 1  # header + rows
        export_view(demo_db, name, tmp_path / f"{name}.xlsx", params)
        if name == "promotion-calendar":  # a sheet per month drawn as a calendar, then the list
            assert load_workbook(tmp_path / f"{name}.xlsx").sheetnames[-1] == "List"
            continue
        ws = load_workbook(tmp_path / f"{name}.xlsx").active
        assert ws.max_row == len(rows) + 2  # the title line (view, parameters, time), the header, the rows


def test_goal_and_inventory_exports_match_the_tabs_numbers(demo_db, tmp_path):
    params = ViewParams(DEMO_END)
    with demo_db.session() as s:
        goals = goal_rows(s, DEMO_END)
        stock = {r.sku_code: r for r in inventory_rows(s, DEMO_END)}
    path, _ = export_view(demo_db, "goals", tmp_path / "g.json", params)
    records = json.loads(path.read_text(encoding="utf-8"))
    assert [round(r["target"] * 100) for r in records] == [g.target_gmv_fen for g in goals]
    assert records[0]["start"] == goals[0].period_start.isoformat()
    export_view(demo_db, "inventory-alerts", tmp_path / "i.xlsx", params)
    ws = load_workbook(tmp_path / "i.xlsx").active
    header = [c.value for c in ws[2]]
    first = [c.value for c in ws[3]]
    row = dict(zip(header, first))
    sku = stock[row["SKU code"]]
    assert row["On hand"] == sku.on_hand and row["Stock value"] == pytest.approx(sku.stock_value_fen / 100)
    assert row["Status"] in ("Out of stock", "Below safety stock", "Reorder now", "Running low", "Overstock",
                             "Dead stock", "Slow-moving", "OK")
    assert ws.cell(3, header.index("Stock value") + 1).number_format == '"¥"#,##0.00'


def test_a_formula_in_a_title_stays_text(db, tmp_path):
    with db.transaction() as s:
        s.add(Sku(code="X-1", title='=HYPERLINK("http://x","点我")', cost_fen=100))
        s.add(StockLevel(sku_code="X-1", on_hand=3, as_of=dt.datetime(2026, 11, 1)))
    export_view(db, "products", tmp_path / "p.xlsx", ViewParams(DEMO_END))
    cell = load_workbook(tmp_path / "p.xlsx").active.cell(3, 2)
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x","点我")'
    export_view(db, "products", tmp_path / "p.csv", ViewParams(DEMO_END))
    text = (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text


def cli_main(argv: list[str]) -> int:
    return run_command(build_parser().parse_args(argv))


def test_cli_export_by_festival_and_the_errors_it_explains(demo_db, tmp_path, capsys):
    db_arg = ["--db", str(demo_db.path)]
    out = tmp_path / "double11.json"
    assert cli_main([*db_arg, "export", "promotions", str(out), "--festival", "双11", "--year", "2026",
                     "--as-of", "2026-11-20"]) == 0
    names = [r["name"] for r in json.loads(out.read_text(encoding="utf-8"))]
    assert names and all("11" in n or "双" in n for n in names)
    assert cli_main([*db_arg, "export", "nothing", str(tmp_path / "x.xlsx")]) == 2
    assert "goals, inventory-alerts" in capsys.readouterr().err
    assert cli_main([*db_arg, "export", "goals", str(tmp_path / "x.txt")]) == 2
    assert ".xlsx, .csv or .json" in capsys.readouterr().err
    assert cli_main([*db_arg, "export", "goals", str(tmp_path / "g.xlsx"), "--from", "2026-11-01",
                     "--to", "2026-11-30"]) == 2
    assert "not a view over dates" in capsys.readouterr().err
    assert cli_main([*db_arg, "export", "orders", str(tmp_path / "o.csv"), "--from", "2026-11-30",
                     "--to", "2026-11-01"]) == 2
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "g.xlsx").exists()


def test_kpi_export_gives_the_numbers_of_the_kpi_command(demo_db, tmp_path):
    from core.kpi import compute_kpis, kpi_json

    start, end = dt.date(2026, 11, 1), DEMO_END
    path, _ = export_view(demo_db, "kpi", tmp_path / "k.json", ViewParams(DEMO_END, start, end))
    shop, *channels = json.loads(path.read_text(encoding="utf-8"))
    expected = kpi_json(compute_kpis(demo_db, start, end))
    assert shop["channel"] == "" and shop["from"] == "2026-11-01" and shop["to"] == "2026-11-20"
    assert {k: shop[k] for k in ("gmv", "orders", "aov", "refund_rate", "units")} == \
        {k: expected[k] for k in ("gmv", "orders", "aov", "refund_rate", "units")}
    assert {c["channel"]: c["gmv"] for c in channels} == {p: n["gmv"] for p, n in expected["by_channel"].items()}


def test_codes_read_as_people_say_them_in_a_chinese_csv_and_stay_codes_in_json(demo_db, tmp_path):
    from core import i18n

    params = ViewParams(DEMO_END)
    i18n.set_language("zh_CN")
    try:
        export_view(demo_db, "orders", tmp_path / "orders.csv", params)
        export_view(demo_db, "tasks", tmp_path / "tasks.csv", params)
    finally:
        i18n.set_language("en")
    with open(tmp_path / "orders.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    statuses = {r["状态"] for r in rows}
    assert "已完成" in statuses and not statuses & {"completed", "closed", "refunded"}
    with open(tmp_path / "tasks.csv", encoding="utf-8-sig", newline="") as fh:
        assert {r["优先级"] for r in csv.DictReader(fh)} <= {"高", "普通", "低"}
    export_view(demo_db, "orders", tmp_path / "orders.json", params)
    assert "completed" in {r["status"] for r in json.loads((tmp_path / "orders.json").read_text(encoding="utf-8"))}


def test_the_orders_csv_keeps_19_digit_order_numbers_whole_for_excel_and_json_keeps_them_bare(demo_db, tmp_path):
    params = ViewParams(DEMO_END, dt.date(2026, 11, 1), dt.date(2026, 11, 20))
    export_view(demo_db, "orders", tmp_path / "o.csv", params)
    export_view(demo_db, "orders", tmp_path / "o.json", params)
    numbers = [r["order_no"] for r in json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))]
    assert sum(len(n) == 19 and n.isdigit() for n in numbers) > 100  # Taobao/JD/Douyin order numbers
    with open(tmp_path / "o.csv", encoding="utf-8-sig", newline="") as fh:
        column = [r[2] for r in csv.reader(fh)][1:]
    assert [c.rstrip("\t") for c in column] == numbers
    assert all(c == n + "\t" for c, n in zip(column, numbers, strict=True) if n.isdigit())


def test_the_goals_grid_and_funnel_views_follow_the_tab(demo_db, tmp_path):
    from core.goal_grid import load_grid

    path, count = export_view(demo_db, "goals-grid", tmp_path / "grid.json", ViewParams(DEMO_END))
    records = json.loads(path.read_text(encoding="utf-8"))
    assert list(records[0]) == ["year", "breakdown", "period", "period_kind", "start", "end", "platform",
                                "category", "target", "locked"]
    with demo_db.session() as s:
        channels = load_grid(s, 2026, "channel")
        months = load_grid(s, 2026, "total")
    nov = next(r for r in records if r["breakdown"] == "channel" and r["period"] == "2026-11" and r["platform"] == "pdd")
    assert round(nov["target"] * 100) == channels.cells[10][channels.columns.index(("pdd", ""))].fen
    year = next(r for r in records if r["breakdown"] == "total" and r["period_kind"] == "year")
    assert year["period"] == "2026" and round(year["target"] * 100) == months.total()  # the sum row, to the fen
    path, _ = export_view(demo_db, "goals-funnel", tmp_path / "funnel.json",
                          ViewParams(DEMO_END, dt.date(2027, 1, 1), dt.date(2027, 12, 31)))
    months = json.loads(path.read_text(encoding="utf-8"))
    assert [m["month"][:7] for m in months] == [f"2027-{m:02d}" for m in range(1, 13)]
    assert months[0]["basis"] == "last_year" and months[0]["visitors_needed"] > 0 and months[0]["ad_spend"] > 0


def test_export_help_names_every_view(monkeypatch):
    from core.cli.export_cmd import EXPORT_NAMES

    monkeypatch.setenv("COLUMNS", "2000")  # argparse would wrap the list inside hyphenated names
    from core.views import LISTS_VIEW

    assert sorted(EXPORT_NAMES) == sorted([*view_names(), LISTS_VIEW])
    help_text = build_parser()._subparsers._group_actions[0].choices["export"].format_help()
    assert all(name in help_text for name in EXPORT_NAMES)


def test_the_goals_export_lists_a_year_before_its_months_as_the_tab_does(db, tmp_path):
    """`export goals goals.xlsx` had 2026's year goal between January's and February's months (sorted by kind's
    name: month < year); the tab lists 2026, 2026 H1, 2026 Q1, 2026-01 …"""
    import datetime as _dt
    import json as _json

    from core.models import Goal
    from core.views import export_view
    from core.views.base import ViewParams

    with db.transaction() as s:
        for kind, start, end in (("month", (2026, 2, 1), (2026, 2, 28)), ("month", (2026, 1, 1), (2026, 1, 31)),
                                 ("quarter", (2026, 1, 1), (2026, 3, 31)), ("year", (2026, 1, 1), (2026, 12, 31)),
                                 ("half", (2026, 1, 1), (2026, 6, 30)), ("year", (2027, 1, 1), (2027, 12, 31))):
            s.add(Goal(period_kind=kind, period_start=_dt.date(*start), period_end=_dt.date(*end), target_gmv_fen=100))
        s.add(Goal(period_kind="month", period_start=_dt.date(2026, 1, 1), period_end=_dt.date(2026, 1, 31),
                   platform="taobao", target_gmv_fen=50))
    path, _n = export_view(db, "goals", tmp_path / "goals.json", ViewParams(today=_dt.date(2026, 2, 10)))
    shown = [(r["period_kind"], r["start"], r["platform"]) for r in _json.loads(path.read_text(encoding="utf-8"))]
    assert shown == [("year", "2026-01-01", ""), ("half", "2026-01-01", ""), ("quarter", "2026-01-01", ""),
                     ("month", "2026-01-01", ""), ("month", "2026-01-01", "taobao"), ("month", "2026-02-01", ""),
                     ("year", "2027-01-01", "")]
