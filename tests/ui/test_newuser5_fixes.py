"""What a fifth new owner (a Taobao + Pinduoduo + Shopify shop of three) ran into before 双12 and 年货节
(newuser5): the promotion form, the Goals grid's paste, the stock count's paste."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.models import Promotion
from tests.ui.helpers import open_tab, wait_saved


def test_a_promotion_across_new_year_takes_its_phases_typed_without_the_year(qtbot, window, demo_db):
    """2028's 年货节 runs 2027-12-27 – 2028-01-19 (春节 is 2028-01-26). Typed as the form's hint says,
    `正式 12-30~01-19` was read as 2027-12-30 – 2027-01-19 and refused: "Phase 正式 ends before it starts"."""
    page = open_tab(qtbot, window, "promotions")
    form = page.new_promotion(dt.date(2027, 12, 27))
    form.widgets["name"].setText("2028 年货节")
    form.widgets["end"].setDate(dt.date(2028, 1, 19))
    form.widgets["phases"].setText("预热 12-27~12-29; 正式 12-30~01-19")
    form.submit()
    qtbot.waitUntil(lambda: form.saved is not None or form.buttons.isEnabled(), timeout=60_000)
    assert [e.text() for e in form.errors.values() if not e.isHidden()] == []
    wait_saved(qtbot, window)
    with demo_db.session() as s:
        promotion = s.scalars(select(Promotion).where(Promotion.name == "2028 年货节")).one()
        phases = [(p["name"], p["start"], p["end"]) for p in promotion.phases]
    assert phases == [("预热", "2027-12-27", "2027-12-29"), ("正式", "2027-12-30", "2028-01-19")]
