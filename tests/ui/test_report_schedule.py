"""The promotions page of the monthly plan prints each promotion's SOP task schedule under the
promotions table (issue #17), read back out of the PDF."""
from __future__ import annotations

import datetime as dt

from core.report import Month, build_plan
from tests.conftest import DEMO_END
from tests.ui.test_report import page_texts, squash
from ui.report.render import write_pdf


def test_promotions_page_prints_each_promotions_sop_schedule(qapp, demo_db, tmp_path):
    plan = build_plan(demo_db, Month(2026, 11), DEMO_END)
    path = tmp_path / "plan.pdf"
    write_pdf(plan, path)
    texts = page_texts(path)
    # (the page whose table lists the promotions; the calendar page before it names them too)
    page = next(text for text in texts if "Promotionsofthemonth" in text and "StepOwner" in text)
    assert squash("2026 双11全球狂欢节: SOP schedule (T = 2026-10-20; 大促SOP)") in page
    assert squash("StepOwnerStartDueStatus") in page
    # step, owner, start and due as dates and days from T, status
    assert squash("选品与定价 陈默 09-16 · T-34 09-20 · T-30 Done") in page
    assert squash("活动开场盯盘 林晓 10-20 · T 10-20 · T Done") in page
    # 双12 starts in December: its schedule is here because its steps are November's work.
    assert squash("2026 双12年终盛典: SOP schedule (T = 2026-12-01; 大促SOP)") in "".join(texts)
    assert squash("备货下单 王强 11-13 · T-18") in "".join(texts)


def test_a_month_without_sop_tasks_says_so_in_one_line(qapp, db, tmp_path):
    plan = build_plan(db, Month(2026, 11), dt.date(2026, 11, 20))
    path = tmp_path / "plan.pdf"
    write_pdf(plan, path)
    assert "NoSOPtasksforthismonth'spromotions" in "".join(page_texts(path))
