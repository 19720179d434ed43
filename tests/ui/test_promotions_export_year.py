"""The promotions tab's calendar export (.ics over the month or year on screen) and its year timeline."""
from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from tests.ui.test_promotions_calendar import dates, open_promotions, window  # noqa: F401 - the fixture

D = dt.date


def uids(path):
    return {str(e["UID"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def test_ics_button_writes_the_promotions_of_the_month_on_screen(qtbot, window, demo_db, tmp_path):  # noqa: F811
    page = open_promotions(qtbot, window)
    button = window.findChild(type(page.export_ics_button), "promotions.export_ics")
    assert button is page.export_ics_button and button.text() == "Calendar (.ics)…"
    assert page.ics_range() == (D(2026, 11, 1), D(2026, 11, 30))  # the month, not the grid's 26 Oct – 6 Dec
    assert page._ics_name() == "promotions-2026-11.ics"
    d11, _s, _e = dates(demo_db, "2026 双11全球狂欢节")
    d12, _s, _e = dates(demo_db, "2026 双12年终盛典")
    out = tmp_path / "nov.ics"
    button.export(str(out))
    qtbot.waitUntil(lambda: button.last_written is not None, timeout=20_000)
    got = uids(out)
    assert f"promotion-{d11}@shopdesk" in got and f"promotion-{d11}-phase-2@shopdesk" in got
    assert f"promotion-{d12}@shopdesk" not in got  # starts 1 December
    assert "exported to" in page.banner.text()
