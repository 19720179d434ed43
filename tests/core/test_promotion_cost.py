"""A running promotion's cost is its budget prorated to the days run, so ROAS compares the GMV of
those days with what they cost (issue #14, Effect); finished and measured ones keep theirs."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import insert

from core.models import Order, Promotion, PromotionResult
from core.orders import derive_payment
from core.promotions import prorated_fen, promotion_rows
from core.views import ViewParams, export_view

D = dt.date


def _order(s, no: str, day: dt.date, paid: int, platform: str = "taobao", status: str = "completed") -> None:
    paid_at = dt.datetime.combine(day, dt.time(10))
    is_paid, pay_date = derive_payment(status, paid_at if status != "unpaid" else None, paid_at)
    s.execute(insert(Order).values(platform=platform, order_no=no, status=status, paid_at=paid_at, created_at=paid_at,
                                   paid_fen=paid, is_paid=is_paid, pay_date=pay_date))


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.add(Promotion(id=1, name="双12", kind="festival", platforms=["taobao"], start=D(2026, 12, 1),
                        end=D(2026, 12, 12), budget_fen=2_700_000, status="running", phases=[], rules=[], scope={}))
        s.add(Promotion(id=2, name="会员周", kind="own", platforms=[], start=D(2026, 11, 30), end=D(2026, 12, 6),
                        budget_fen=100_001, status="running", phases=[], rules=[], scope={}))
        s.add(Promotion(id=3, name="店庆", kind="own", platforms=["taobao"], start=D(2026, 11, 20),
                        end=D(2026, 11, 25), budget_fen=60_000, status="done", phases=[], rules=[], scope={}))
        s.add(Promotion(id=4, name="黑五", kind="platform", platforms=["taobao"], start=D(2026, 11, 27),
                        end=D(2026, 11, 28), budget_fen=80_000, status="done", phases=[], rules=[], scope={}))
        s.add(PromotionResult(promotion_id=4, gmv_fen=400_000, cost_fen=90_000, baseline_gmv_fen=100_000))
        s.add(Promotion(id=5, name="年货节", kind="festival", platforms=[], start=D(2027, 1, 5), end=D(2027, 1, 20),
                        budget_fen=500_000, status="planned", phases=[], rules=[], scope={}))
        s.add(Promotion(id=6, name="今日收官", kind="own", platforms=["jd"], start=D(2026, 11, 29), end=D(2026, 12, 2),
                        budget_fen=40_000, status="running", phases=[], rules=[], scope={}))
        _order(s, "a", D(2026, 11, 30), 500_000)  # before 双12
        _order(s, "b", D(2026, 12, 1), 300_000)
        _order(s, "c", D(2026, 12, 2), 150_000)
        _order(s, "d", D(2026, 12, 2), 99_999, platform="jd")  # not a 双12 channel
        _order(s, "e", D(2026, 12, 2), 77_777, status="unpaid")  # never paid
        _order(s, "f", D(2026, 11, 22), 120_000)  # 店庆
    return db


TODAY = D(2026, 12, 2)


def by_id(db):
    with db.session() as s:
        return {r.id: r for r in promotion_rows(s, TODAY)}


def test_day_two_of_a_twelve_day_festival_sets_two_days_of_gmv_against_two_twelfths_of_the_budget(shop):
    r = by_id(shop)[1]
    assert r.gmv_fen == 300_000 + 150_000  # Taobao, paid, 1–2 December
    assert (r.days_run, r.cost_basis) == (2, "prorated")
    assert r.cost_fen == 450_000  # ¥27,000.00 × 2 / 12 = ¥4,500.00
    assert r.roas == pytest.approx(1.0)  # not 450,000 / 2,700,000 = 0.17×
    assert r.incremental_roi is None  # no baseline while it runs


def test_proration_is_exact_to_the_fen_and_counts_today(shop):
    r = by_id(shop)[2]  # 30 Nov – 6 Dec, every channel: day 3 of 7
    assert r.gmv_fen == 500_000 + 300_000 + 150_000 + 99_999
    assert (r.days_run, r.cost_fen) == (3, 42_858)  # 100,001 × 3 / 7 = 42,857.57 → 42,858
    assert r.roas == pytest.approx(1_049_999 / 42_858)
    assert prorated_fen(100, 1, 3) == 33 and prorated_fen(100, 2, 3) == 67 and prorated_fen(5, 1, 2) == 3
    assert prorated_fen(100, 9, 3) == 100 and prorated_fen(100, 0, 3) == 0


def test_the_last_day_finished_measured_and_future_promotions_are_not_prorated(shop):
    rows = by_id(shop)
    last_day = rows[6]  # ends today: every day has run, so the whole budget
    assert (last_day.cost_fen, last_day.cost_basis, last_day.days_run, last_day.gmv_fen) == (40_000, "budget", None, 99_999)
    over = rows[3]  # ended without a recorded result
    assert (over.gmv_fen, over.cost_fen, over.cost_basis, over.roas) == (120_000, 60_000, "budget", 2.0)
    measured = rows[4]
    assert (measured.cost_fen, measured.cost_basis, measured.roas, measured.incremental_roi) == (90_000, "measured", 400_000 / 90_000, 300_000 / 90_000)
    future = rows[5]
    assert (future.gmv_fen, future.cost_fen, future.cost_basis, future.roas) == (None, None, None, None)


def test_the_export_says_how_each_cost_was_reached(shop, tmp_path):
    path, _ = export_view(shop, "promotions", tmp_path / "p.json", ViewParams(TODAY))
    got = {r["id"]: (r["cost"], r["cost_basis"], r["days_run"], r["roas"]) for r in json.loads(path.read_text("utf-8"))}
    assert got[1] == (4500.0, "prorated", 2, 1.0)
    assert got[3] == (600.0, "budget", None, 2.0)
    assert got[4][1] == "measured" and got[5] == (None, None, None, None)
