"""The monthly plan's promotions page with each promotion's budget split (discount cost + ad spend)
and its target GMV, as built from the shop and as printed (read back out of the PDF)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from core.money import format_fen
from core.report import PromotionLine, build_plan
from tests.conftest import DEMO_END
from tests.ui.test_report import NOV, page_texts, squash
from ui.report.render import _promotions, write_pdf


def test_the_promotions_table_shows_the_split_under_the_budget_and_the_target(qapp, db):
    plan = build_plan(db, NOV, DEMO_END)
    promos = (PromotionLine("双11 大促", "festival", ("taobao",), dt.date(2026, 10, 20), dt.date(2026, 11, 11), 500_000,
                            "planned", (), (), "", 300_000, 200_000, 8_000_000),
              PromotionLine("会员日", "own", (), dt.date(2026, 11, 18), dt.date(2026, 11, 18), 0, "planned", ()))
    page = _promotions(dataclasses.replace(plan, promotions=promos))
    assert "<th" in page and "Target GMV" in page
    assert "¥5,000.00<br>" in page and "discount ¥3,000.00 + ads ¥2,000.00" in page and "¥80,000.00" in page
    # no split and no target: the budget alone and a dash
    row = page[page.index("会员日"):]
    assert "¥0.00" in row and "discount" not in row and "—" in row


def test_the_demo_months_printed_plan_has_each_promotions_target(qapp, demo_db, tmp_path):
    plan = build_plan(demo_db, NOV, DEMO_END)
    with_target = [p for p in plan.promotions if p.target_gmv_fen]
    assert with_target and all(p.discount_budget_fen + p.ad_budget_fen == p.budget_fen for p in plan.promotions)
    path = tmp_path / "plan.pdf"
    write_pdf(plan, path)
    whole = "".join(page_texts(path))
    assert "TargetGMV" in whole
    for p in with_target:
        assert squash(format_fen(p.target_gmv_fen)) in whole
        assert squash(f"discount{format_fen(p.discount_budget_fen)}+ads{format_fen(p.ad_budget_fen)}") in whole
