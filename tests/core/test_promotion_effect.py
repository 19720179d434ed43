"""What a promotion earned (issue #14, Effect), on a small shop whose every figure is computed by
hand in the comments below — never by the code under test.

SKUs (unit cost): A 茶叶 ¥40, B 茶叶 ¥30, C 茶具 ¥100, D 茶具 no cost. Today is 2026-03-12.
"""
from __future__ import annotations

import datetime as dt

import pytest

from core.models import Promotion
from core.promotion_effect import festival_of, promotion_effect
from tests.core.effect_shop import TODAY, build_effect_shop

D = dt.date


@pytest.fixture
def shop(db):
    return build_effect_shop(db)


def effect(db, pid):
    with db.session() as s:
        return promotion_effect(s, pid, TODAY)


def test_a_scoped_promotion_counts_only_the_lines_of_its_categories_against_the_days_before(shop):
    e = effect(shop, 1)  # 茶叶 (A, B), every channel, 10–12 March; o4 (建盏) and o7 (茶盘) are outside
    w = e.window
    # o1's A line ¥200 (not its 建盏 ¥150), o2 ¥80, o3 ¥100
    assert (w.gmv_fen, w.orders, w.units, w.buyers) == (38000, 3, 4, 2)  # u1 bought twice: one buyer
    assert w.aov_fen == 19000
    assert w.gross_profit_fen == 38000 - 3 * 4000 - 1 * 3000  # 23,000
    # the three days before (7–9 March): o5's 龙井 ¥100; o6 sold only a 建盏
    b = e.before
    assert (b.start, b.end, b.gmv_fen, b.orders, b.units, b.buyers) == (D(2026, 3, 7), D(2026, 3, 9), 10000, 1, 1, 1)
    assert e.uplift == pytest.approx((38000 - 10000) / 10000)  # +280 %
    # over (ends today) without a recorded result: the whole budget; ROI on incremental gross profit
    assert (e.cost_fen, e.cost_basis) == (30000, "budget")
    assert e.incremental_gross_profit_fen == 23000 - (10000 - 4000)  # 17,000
    assert e.roi == pytest.approx(17000 / 30000)
    assert w.daily_gmv_fen == (20000, 8000, 10000) and b.daily_gmv_fen == (0, 10000, 0)
    assert [(s.sku_code, s.units, s.gmv_fen) for s in w.top] == [("A", 3, 30000), ("B", 1, 8000)]
    assert e.last_year is None and e.last_year_name == ""  # an own promotion of no festival


def test_a_channel_limited_promotion_counts_only_its_channel_and_takes_the_recorded_cost(shop):
    e = effect(shop, 2)  # JD only, 11–12 March, the whole shop
    assert (e.window.gmv_fen, e.window.orders, e.window.units, e.window.buyers) == (8000, 1, 1, 1)  # o2
    assert (e.before.start, e.before.end, e.before.gmv_fen) == (D(2026, 3, 9), D(2026, 3, 10), 0)  # nothing on JD
    assert e.uplift is None  # from nothing: no rate
    assert (e.cost_fen, e.cost_basis) == (4000, "measured")
    assert e.roi == pytest.approx((8000 - 3000) / 4000)  # gross profit ¥50 against ¥0 before
    assert e.roas == pytest.approx(2.0)


def test_a_running_promotion_is_prorated_and_roi_is_unknown_while_a_sku_has_no_cost(shop):
    e = effect(shop, 3)  # 茶具, 12–13 March: day 1 of 2
    assert e.running and e.days_run == 1
    assert (e.window.start, e.window.end) == (TODAY, TODAY)
    assert (e.window.gmv_fen, e.window.orders, e.window.units, e.window.buyers) == (35000, 2, 3, 2)  # o4 + o7, no keys
    assert (e.cost_fen, e.cost_basis) == (10000, "prorated")  # ¥200 × 1/2
    assert (e.before.start, e.before.end, e.before.gmv_fen) == (D(2026, 3, 11), D(2026, 3, 11), 0)  # as many days
    assert e.window.gross_profit_fen is None and e.skus_without_cost == 1  # D (茶盘)
    assert e.window.skus_without_cost == ("D",) and e.roi is None


def test_the_same_festival_last_year_is_last_years_promotion_on_the_same_channels(shop):
    e = effect(shop, 4)  # 38节 2026 on Taobao: o0 + o5
    assert e.window.gmv_fen == 20000
    assert (e.last_year_name, e.last_year_source) == ("2025 38女王节", "promotion")
    ly = e.last_year
    assert (ly.start, ly.end, ly.gmv_fen, ly.orders) == (D(2025, 3, 1), D(2025, 3, 8), 16000, 1)  # o8, not JD's o9
    assert e.uplift_last_year == pytest.approx((20000 - 16000) / 16000)
    assert (e.before.start, e.before.end, e.before.gmv_fen) == (D(2026, 2, 21), D(2026, 2, 28), 0)


def test_without_last_years_promotion_the_festival_preset_dates_of_last_year_are_the_baseline(shop):
    e = effect(shop, 6)  # 年货节 2026 (preset 18 Jan – 10 Feb); 春节 2025 was 29 Jan: 30 to 7 days before it
    assert e.last_year_source == "preset" and e.last_year_name == "New Year Goods Festival 2025"
    assert (e.last_year.start, e.last_year.end) == (D(2024, 12, 30), D(2025, 1, 22))
    assert (e.last_year.gmv_fen, e.window.gmv_fen) == (30000, 15000)  # o12; o13
    assert e.uplift_last_year == pytest.approx(-0.5)
    assert e.cost_fen is None and e.roi is None  # no budget, no result: nothing to divide by


def test_before_it_starts_there_is_nothing_to_measure_and_unknown_history_is_not_zero(shop, tmp_path):
    planned = effect(shop, 7)
    assert planned.window is None and planned.roi is None and planned.uplift is None
    with shop.session() as s:
        e = promotion_effect(s, 5, D(2025, 3, 8))  # 38节 2025: its 8 days before are after the first order
        assert (e.before.start, e.before.gmv_fen) == (D(2025, 2, 21), 0)
        assert e.last_year is None  # 38节 2024 is before the shop's first paid day: unknown, not ¥0
        opening = promotion_effect(s, 8, TODAY)  # began 3 days before the first order: its GMV is not known
        assert opening.window is None and opening.roi is None and opening.cost_fen == 1000
    from core.db import open_database

    empty = open_database(tmp_path / "empty.db")
    try:
        with empty.transaction() as s:
            s.add(Promotion(id=9, name="x", kind="own", platforms=[], start=TODAY, end=TODAY, scope={}, phases=[],
                            rules=[]))
        with empty.session() as s:
            e = promotion_effect(s, 9, TODAY)
        assert e.window is None and e.before is None and e.uplift is None and e.roi is None
    finally:
        empty.close()


def test_a_promotion_belongs_to_the_festival_of_its_dates_or_its_name():
    assert festival_of("自定义", D(2026, 11, 1), D(2026, 11, 11)) is None  # partial overlap, no name
    assert festival_of("双11 返场", D(2026, 11, 1), D(2026, 11, 11)).key == "double11"
    assert festival_of("大促", D(2026, 10, 20), D(2026, 11, 11)).key == "double11"  # exact preset dates
    assert festival_of("中秋茶礼季", D(2026, 9, 1), D(2026, 9, 23)).key == "mid_autumn"  # most of both
    assert festival_of("店庆", D(2026, 8, 16), D(2026, 8, 18)) is None  # 3 of 七夕's 7 days


# ---------------------------------------------------------------- exports


def _cli(argv: list[str]) -> int:
    from core.cli import build_parser, run_command

    return run_command(build_parser().parse_args(argv))


def test_export_promotion_effects_of_a_year_reads_back_in_every_format(shop, tmp_path, capsys):
    import csv
    import json

    from openpyxl import load_workbook

    db = ["--db", str(shop.path)]
    out = tmp_path / "effects.json"
    assert _cli([*db, "export", "promotion-effects", str(out), "--year", "2026", "--as-of", "2026-03-12"]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    # the promotions ending in 2026, by start; 2025's 38节 is not one of them
    assert [r["id"] for r in rows] == [6, 4, 1, 2, 3, 7]
    r = {row["id"]: row for row in rows}
    assert (r[1]["gmv"], r[1]["orders"], r[1]["buyers"], r[1]["units"], r[1]["aov"]) == (380.0, 3, 2, 4, 190.0)
    assert (r[1]["baseline"], r[1]["uplift"], r[1]["cost"], r[1]["cost_basis"]) == (100.0, 2.8, 300.0, "budget")
    assert (r[1]["incremental_gross_profit"], r[1]["roi"], r[1]["pays_back"]) == (170.0, 0.5667, False)
    assert r[1]["scope"] == ["茶叶"] and r[1]["platforms"] == [] and r[1]["kind"] == "own"
    assert (r[2]["roi"], r[2]["pays_back"], r[2]["platforms"]) == (1.25, True, ["jd"])
    assert (r[3]["cost"], r[3]["cost_basis"], r[3]["days_measured"], r[3]["roi"], r[3]["skus_without_cost"]) == \
        (100.0, "prorated", 1, None, 1)
    assert (r[4]["baseline_last_year"], r[4]["uplift_last_year"], r[4]["last_year_from"]) == (160.0, 0.25, "2025 38女王节")
    assert (r[7]["gmv"], r[7]["status"], r[7]["roi"]) == (None, "planned", None)
    assert _cli([*db, "export", "promotion-effects", str(tmp_path / "e.xlsx"), "--year", "2026",
                 "--as-of", "2026-03-12"]) == 0
    ws = load_workbook(tmp_path / "e.xlsx").active
    header = [c.value for c in ws[2]]
    row1 = [c.value for c in ws[5]]  # title, header, 年货节, 38节, 春茶节
    assert row1[header.index("Promotion")] == "春茶节" and row1[header.index("GMV")] == 380
    assert row1[header.index("Kind")] == "Own promotion" and row1[header.index("Pays back")] == "no"
    assert _cli([*db, "export", "promotion-effects", str(tmp_path / "e.csv"), "--year", "2025",
                 "--as-of", "2026-03-12"]) == 0
    with open(tmp_path / "e.csv", encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert [line[1] for line in lines[1:]] == ["2025 38女王节"]
    assert _cli([*db, "export", "promotion-effects", str(tmp_path / "x.json"), "--year", "2026",
                 "--from", "2026-01-01", "--to", "2026-02-01"]) == 2
    assert "either --year or --from/--to" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_export_promotions_fills_gmv_baseline_uplift_cost_and_roi_from_the_same_maths(shop, tmp_path):
    import json

    from core.views import ViewParams, export_view

    path, _ = export_view(shop, "promotions", tmp_path / "p.json", ViewParams(TODAY))
    rows = {r["id"]: r for r in json.loads(path.read_text(encoding="utf-8"))}
    one = rows[1]
    assert (one["gmv"], one["baseline"], one["uplift"], one["cost"], one["roi"]) == (380.0, 100.0, 2.8, 300.0, 0.5667)
    assert one["incremental_roi"] == pytest.approx((380 - 100) / 300, abs=1e-4)
    assert (rows[4]["baseline_last_year"], rows[3]["roi"], rows[3]["skus_without_cost"]) == (160.0, None, 1)
    assert (rows[2]["cost"], rows[2]["cost_basis"], rows[2]["measured"]) == (40.0, "measured", True)
    assert rows[7]["gmv"] is None and rows[7]["roi"] is None
    for key in ("gmv", "baseline", "baseline_last_year", "uplift", "cost", "roi", "roas", "incremental_roi"):
        assert key in one


def test_the_yearly_comparison_sums_up_each_kind(shop):
    from core.promotion_compare import compare_effects, kind_summaries, year_range

    with shop.session() as s:
        found = compare_effects(s, *year_range(2026), TODAY)
    festival, own = kind_summaries(found)
    # own: 春茶节 (ROI 17,000 / 30,000), 京东秒杀 (5,000 / 4,000), 茶具周 (unknown), 会员日 (not started)
    assert (own.kind, own.promotions, own.measured, own.with_roi, own.paid_back) == ("own", 4, 3, 2, 1)
    assert (own.gmv_fen, own.cost_fen, own.incremental_gross_profit_fen) == (38000 + 8000 + 35000, 34000, 22000)
    assert own.roi == pytest.approx(22000 / 34000) and own.average_uplift == pytest.approx(2.8)
    # festivals: 38节 (gross profit ¥200 − 2 × ¥40 against nothing the 8 days before, cost ¥100), 年货节 (no cost)
    assert (festival.promotions, festival.measured, festival.with_roi, festival.paid_back) == (2, 2, 1, 1)
    assert (festival.gmv_fen, festival.roi, festival.average_uplift) == (35000, pytest.approx(1.2), None)


def test_a_sku_scoped_promotion_counts_only_those_skus_lines_and_their_cost(shop):
    with shop.transaction() as s:
        s.add(Promotion(id=10, name="建盏专场", kind="own", platforms=[], start=D(2026, 3, 10), end=D(2026, 3, 12),
                        scope={"skus": ["C"]}, budget_fen=5000, status="done", phases=[], rules=[], note=""))
    e = effect(shop, 10)
    # o1's 建盏 line ¥150 (not its 龙井 ¥200) and o4's two 建盏 ¥300; o7's 茶盘 is another SKU of 茶具
    assert (e.window.gmv_fen, e.window.orders, e.window.units, e.window.buyers) == (45000, 2, 3, 2)
    assert e.window.gross_profit_fen == 45000 - 3 * 10000 and e.skus_without_cost == 0
    assert (e.before.start, e.before.gmv_fen, e.before.gross_profit_fen) == (D(2026, 3, 7), 15000, 5000)  # o6
    assert e.roi == pytest.approx((15000 - 5000) / 5000)
