"""Staff KPI and bonus: the goal split to the fen, band edges, band validation, the month's rows."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from sqlalchemy import select

from core.edits import FieldError, History, apply_edit
from core.edits.staff_kpi import SetBonusBands, SetStaffKpi, SplitStaffTargets, parse_shares
from core.models import Goal, Order, Staff, StaffTarget, Task
from core.staff_kpi import (
    DEFAULT_BANDS,
    Band,
    KpiInputError,
    Measure,
    band_index,
    bonus_fen,
    kpi_row,
    kpi_rows,
    parse_bands,
    parse_measures,
)

D = dt.date
NOV = D(2026, 11, 1)


@pytest.fixture
def team(db):
    with db.transaction() as s:
        s.add_all([Staff(id=1, name="林晓", role="店长", kpi={}), Staff(id=2, name="陈默", role="运营", kpi={}),
                   Staff(id=3, name="周小雨", role="客服", kpi={})])
        # ¥1,000.00 split three ways by 1/3 each: 33,333.33… fen each, one odd fen
        s.add(Goal(id=1, period_kind="month", period_start=NOV, period_end=D(2026, 11, 30), target_gmv_fen=100_000))
    return db


def targets(db) -> dict[int, int | None]:
    with db.session() as s:
        return {r.staff_id: r.target_fen for r in s.scalars(select(StaffTarget).where(StaffTarget.month == NOV))}


def test_split_of_the_month_goal_is_exact_to_the_fen_and_undoes(team):
    history = History()
    history.apply(team, SplitStaffTargets(NOV, ((1, "33.33"), (2, "33.33"), (3, "33.34"))))
    got = targets(team)
    assert got == {1: 33_330, 2: 33_330, 3: 33_340} and sum(got.values()) == 100_000
    history.apply(team, SplitStaffTargets(D(2026, 11, 17), ((1, "50"), (2, "25"), (3, "25"))))
    assert targets(team) == {1: 50_000, 2: 25_000, 3: 25_000}
    history.undo(team)
    assert targets(team) == {1: 33_330, 2: 33_330, 3: 33_340}
    history.undo(team)
    assert targets(team) == {}


def test_thirds_give_the_odd_fen_to_the_earliest_person(team):
    with team.transaction() as s:
        s.get(Goal, 1).target_gmv_fen = 100_001
    third = "33.333333333333333333333333333333"
    apply_edit(team, SplitStaffTargets(NOV, ((1, third), (2, third), (3, "33.333333333333333333333333333334"))))
    got = targets(team)
    assert sum(got.values()) == 100_001 and sorted(got.values()) == [33_333, 33_334, 33_334]


@pytest.mark.parametrize("shares, message", [
    (((1, "50"), (2, "40")), "total 90"),
    (((1, "50"), (1, "50")), "listed twice"),
    ((), "share"),
])
def test_bad_splits_are_refused_and_nothing_is_written(team, shares, message):
    with pytest.raises(FieldError) as err:
        apply_edit(team, SplitStaffTargets(NOV, shares))
    assert message in err.value.message and err.value.field == "shares"
    assert targets(team) == {}


def test_a_month_without_a_goal_says_to_set_it_first(team):
    with pytest.raises(FieldError, match="Goals tab"):
        apply_edit(team, SplitStaffTargets(D(2026, 12, 1), ((1, "100"),)))


def test_shares_are_read_by_name():
    people = [(1, "林晓"), (2, "陈默")]
    assert parse_shares("林晓 40%，陈默: 60", people) == ((1, "40"), (2, "60"))
    with pytest.raises(FieldError, match="not on the team"):
        parse_shares("王五 100", people)


# ---------------------------------------------------------------- bands


@pytest.mark.parametrize("achievement, band, bonus", [
    (Fraction(7999, 10000), 0, 0),  # 79.99 %
    (Fraction(79995, 100000), 0, 0),  # 79.995 % is still below 80 %: compared unrounded
    (Fraction(8, 10), 1, 500_00),  # 80 % exactly: the 80 % band (lower edge inclusive)
    (Fraction(9999, 10000), 1, 500_00),
    (Fraction(1), 2, 800_00),  # 100 %
    (Fraction(12, 10), 3, 1200_00),  # 120 %
    (Fraction(11999, 10000), 2, 800_00),
    (Fraction(3), 3, 1200_00),
    (Fraction(0), 0, 0),
])
def test_band_edges(achievement, band, bonus):
    i = band_index(achievement, DEFAULT_BANDS)
    assert i == band
    assert bonus_fen(10_000_00, DEFAULT_BANDS[i].bonus_bp) == bonus


def test_bonus_rounds_half_up_to_the_fen():
    assert bonus_fen(12_345, 500) == 617  # 617.25
    assert bonus_fen(12_350, 500) == 618  # 617.5 → 618
    assert bonus_fen(1, 5000) == 1  # half a fen rounds up


def test_bands_are_read_and_checked():
    assert parse_bands("0: 0; 80: 5; 100: 8; 120: 12") == DEFAULT_BANDS
    assert parse_bands("0→0，≥80→5.5%") == (Band(0, 0), Band(8000, 550))
    for text, needle in [("80: 5; 100: 8", "start at 0 %"), ("0: 0; 100: 8; 80: 5", "must rise"),
                         ("0: 0; 80: 5; 80: 8", "must rise"), ("0: 0; 80: 150", "between 0 % and 100 %"),
                         ("0: -1", "between 0 % and 100 %"), ("0: 0; eighty: 5", "not a band"), ("", "at least one"),
                         ("0: 0; 80: 5.555", "not a band")]:
        with pytest.raises(KpiInputError, match=needle):
            parse_bands(text)


def test_bad_bands_are_refused_by_the_edit_and_nothing_is_written(team):
    with pytest.raises(FieldError) as err:
        apply_edit(team, SetBonusBands((1,), "0: 0; 100: 8; 90: 5"))
    assert err.value.field == "bonus_bands"
    with team.session() as s:
        assert s.get(Staff, 1).kpi == {}
    change = apply_edit(team, SetBonusBands((1, 2), "0: 0; 90: 6"))
    with team.session() as s:
        assert s.get(Staff, 2).kpi["bonus_bands"] == [{"from_bp": 0, "bonus_bp": 0}, {"from_bp": 9000, "bonus_bp": 600}]
    from core.edits import undo_change

    undo_change(team, change)
    with team.session() as s:
        assert s.get(Staff, 2).kpi == {}


# ---------------------------------------------------------------- measures and the whole row


def test_measures_are_read_and_refused_with_the_reason():
    assert parse_measures("好评率: 98 / 95；上新款数：- / 10") == (
        Measure("好评率", Decimal("95"), Decimal("98")), Measure("上新款数", Decimal("10"), None))
    for text, needle in [("好评率 98", "not a measure"), ("好评率: 98 / 0", "above 0"), ("a: 1/2; a: 2/3", "twice")]:
        with pytest.raises(KpiInputError, match=needle):
            parse_measures(text)


def _row(shop_actual, goal=100_000_00, target=40_000_00, tasks=(0, 0), measures=(), base=2_000_00):
    return kpi_row(1, "林晓", "店长", NOV, goal, shop_actual, target, base, measures, tasks, DEFAULT_BANDS)


def test_gmv_share_actual_and_bonus_at_the_band_edges():
    # the shop sold 79.99 % of its goal: this person's share is 40 %, their actual 40 % of the shop's
    r = _row(79_990_00)
    assert (r.share, r.actual_fen, r.achievement, r.band_text, r.bonus_fen) == (0.4, 31_996_00, 0.7999, "< 80 %", 0)
    r = _row(80_000_00)
    assert (r.band_text, r.bonus_pct, r.bonus_fen) == ("80–100 %", 0.05, 100_00)
    r = _row(100_000_00)
    assert (r.band_text, r.bonus_fen) == ("100–120 %", 160_00)
    r = _row(120_000_00)
    assert (r.band_text, r.bonus_fen) == ("≥ 120 %", 240_00)


def test_achievement_averages_gmv_tasks_and_own_measures_exactly():
    # GMV 90 %, tasks 3 of 4 on time (75 %), 好评率 98/95 → (0.9 + 0.75 + 98/95) / 3 = 0.8937… → 80–100 %
    m = parse_measures("好评率: 98 / 95")
    r = _row(90_000_00, tasks=(4, 3), measures=m)
    expected = (Fraction(9, 10) + Fraction(3, 4) + Fraction(98, 95)) / 3
    assert r.achievement == float(expected) and r.on_time_rate == 0.75 and r.band == 1
    # no goal, no tasks, no measures: nothing measured, no band, no bonus
    r = _row(None, goal=None)
    assert (r.achievement, r.band, r.bonus_fen, r.share) == (None, None, None, None)


def test_month_rows_count_tasks_on_time_and_attribute_the_shop_actual(team):
    with team.transaction() as s:
        s.add(StaffTarget(staff_id=1, month=NOV, target_fen=60_000, base_fen=1_000_00, measures=[]))
        s.add(Order(platform="taobao", order_no="A1", status="paid", paid_fen=50_000, is_paid=True, pay_date=D(2026, 11, 3),
                    paid_at=dt.datetime(2026, 11, 3, 10), created_at=dt.datetime(2026, 11, 3, 9)))
        s.add_all([
            Task(title="on time", owner_id=2, due=D(2026, 11, 5), status="done", done_at=dt.datetime(2026, 11, 5, 20)),
            Task(title="late", owner_id=2, due=D(2026, 11, 6), status="done", done_at=dt.datetime(2026, 11, 7, 9)),
            Task(title="overdue", owner_id=2, due=D(2026, 11, 8), status="doing"),
            Task(title="not due yet", owner_id=2, due=D(2026, 11, 20), status="todo"),
            Task(title="cancelled", owner_id=2, due=D(2026, 11, 4), status="cancelled"),
            Task(title="October", owner_id=2, due=D(2026, 10, 31), status="done", done_at=dt.datetime(2026, 10, 1)),
        ])
    with team.session() as s:
        rows = {r.name: r for r in kpi_rows(s, NOV, D(2026, 11, 10))}
    lin, chen = rows["林晓"], rows["陈默"]
    assert (lin.target_fen, lin.share, lin.actual_fen) == (60_000, 0.6, 30_000)  # ¥500 sold × 60 %
    assert lin.achievement == 0.5 and lin.bonus_fen == 0
    assert (chen.tasks_counted, chen.tasks_on_time) == (3, 1) and chen.achievement == pytest.approx(1 / 3)
    assert chen.target_fen is None and rows["周小雨"].achievement is None


def test_typed_kpi_values_are_checked_and_undo_exactly(team):
    history = History()
    history.apply(team, SetStaffKpi.of(2, D(2026, 11, 9), target_fen=12_345_67))
    history.apply(team, SetStaffKpi.of(2, NOV, base_fen=3_000_00, measures="好评率: 98 / 95"))
    with team.session() as s:
        row = s.get(StaffTarget, (2, NOV))
        assert (row.target_fen, row.base_fen, row.measures) == (12_345_67, 3_000_00,
                                                                [{"name": "好评率", "target": "95", "actual": "98"}])
    with pytest.raises(FieldError) as err:
        apply_edit(team, SetStaffKpi.of(2, NOV, measures="好评率 98"))
    assert err.value.field == "measures" and err.value.row == 2
    with pytest.raises(FieldError, match="below ¥0"):
        apply_edit(team, SetStaffKpi.of(2, NOV, base_fen=-1))
    history.undo(team)
    history.undo(team)
    with team.session() as s:
        assert s.get(StaffTarget, (2, NOV)) is None


def test_export_staff_kpi_reads_back_in_every_format(team, tmp_path, capsys):
    import csv
    import json

    from openpyxl import load_workbook

    from core.cli import build_parser, run_command

    apply_edit(team, SplitStaffTargets(NOV, ((1, "40"), (2, "60"))))
    apply_edit(team, SetStaffKpi.of(1, NOV, base_fen=2_000_00, measures="好评率: 100 / 125"))
    with team.transaction() as s:  # the shop sold ¥800 of its ¥1,000 goal
        s.add(Order(platform="taobao", order_no="A1", status="paid", paid_fen=80_000, is_paid=True,
                    pay_date=D(2026, 11, 3), paid_at=dt.datetime(2026, 11, 3, 10)))

    def run(*argv: str) -> int:
        return run_command(build_parser().parse_args(["--db", str(team.path), "export", *argv]))

    out = tmp_path / "kpi.json"
    assert run("staff-kpi", str(out), "--month", "2026-11", "--as-of", "2026-11-10") == 0
    records = {r["name"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    lin = records["林晓"]
    assert list(lin) == ["name", "role", "month", "goal", "target", "share", "actual", "gmv_achievement", "tasks_due",
                         "tasks_on_time", "on_time_rate", "measures", "achievement", "band", "bonus_rate",
                         "bonus_base", "bonus", "bands"]
    # GMV 80 %, 好评率 100/125 = 80 % → 80 % exactly: the 80–100 % band, 5 % of ¥2,000
    assert (lin["month"], lin["goal"], lin["target"], lin["actual"], lin["achievement"], lin["band"], lin["bonus"]) == \
        ("2026-11", 1000.0, 400.0, 320.0, 0.8, "80–100 %", 100.0)
    assert records["陈默"]["target"] == 600.0 and records["周小雨"]["target"] is None
    assert run("staff-kpi", str(tmp_path / "kpi.csv"), "--month", "2026-11", "--as-of", "2026-11-10") == 0
    with open(tmp_path / "kpi.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1 + 3 and "80–100 %" in rows[1 + [r[0] for r in rows[1:]].index("林晓")]
    assert run("staff-kpi", str(tmp_path / "kpi.xlsx"), "--month", "2026-11", "--as-of", "2026-11-10") == 0
    ws = load_workbook(tmp_path / "kpi.xlsx").active
    header = [c.value for c in ws[2]]
    lin_row = next(dict(zip(header, [c.value for c in r])) for r in ws.iter_rows(min_row=3) if r[0].value == "林晓")
    assert lin_row["Bonus"] == 100 and lin_row["GMV target"] == 400
    assert run("staff-kpi", str(tmp_path / "x.json"), "--month", "2026-13") == 2
    assert "YYYY-MM" in capsys.readouterr().err
    assert run("staff-kpi", str(tmp_path / "x.json"), "--from", "2026-11-01", "--to", "2026-12-31") != 0
    assert not (tmp_path / "x.json").exists()
