"""`export promotions FILE.ics`: one all-day event per promotion and phase, read back with icalendar."""
from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from core.cli import build_parser, run_command
from core.errors import BadInputError
from core.models import Promotion
from core.views import ViewParams, export_view

D = dt.date


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.add(Promotion(id=7, name="2026 双11全球狂欢节", kind="festival", platforms=["taobao", "pdd"],
                        start=D(2026, 10, 20), end=D(2026, 11, 11), budget_fen=5_000_050, status="planned",
                        phases=[{"name": "预售", "start": "2026-10-20", "end": "2026-10-31"},
                                {"name": "正式", "start": "2026-11-01", "end": "2026-11-10"},
                                {"name": "巅峰日", "start": "2026-11-11", "end": "2026-11-11"}],
                        rules=[], scope={}, note="定金膨胀"))
        s.add(Promotion(id=8, name="会员日", kind="own", platforms=[], start=D(2026, 12, 18), end=D(2026, 12, 18),
                        phases=[], rules=[], scope={}, budget_fen=0, status="cancelled", note=""))
        s.add(Promotion(id=9, name="年货节", kind="festival", platforms=["jd"], start=D(2027, 1, 5),
                        end=D(2027, 1, 20), phases=[], rules=[], scope={}, budget_fen=100, status="planned"))
    return db


def events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_one_all_day_event_per_promotion_and_phase_with_exclusive_end(shop, tmp_path):
    path, count = export_view(shop, "promotions", tmp_path / "p.ics", ViewParams(D(2026, 11, 20)))
    assert count == 3
    got = events(path)
    assert sorted(got) == sorted(["promotion-7@shopdesk", "promotion-7-phase-0@shopdesk",
                                  "promotion-7-phase-1@shopdesk", "promotion-7-phase-2@shopdesk",
                                  "promotion-8@shopdesk", "promotion-9@shopdesk"])
    main = got["promotion-7@shopdesk"]
    assert str(main["SUMMARY"]) == "2026 双11全球狂欢节"
    # all-day: plain dates, the end the day after the last day
    assert main.decoded("DTSTART") == D(2026, 10, 20) and not isinstance(main.decoded("DTSTART"), dt.datetime)
    assert main.decoded("DTEND") == D(2026, 11, 12)
    desc = str(main["DESCRIPTION"])
    assert "Taobao/Tmall, Pinduoduo" in desc and "、" not in desc and "¥50,000.50" in desc and "定金膨胀" in desc
    peak = got["promotion-7-phase-2@shopdesk"]
    assert str(peak["SUMMARY"]) == "2026 双11全球狂欢节 · 巅峰日"
    assert (peak.decoded("DTSTART"), peak.decoded("DTEND")) == (D(2026, 11, 11), D(2026, 11, 12))
    assert "巅峰日" in str(peak["DESCRIPTION"])
    member = got["promotion-8@shopdesk"]
    assert "All channels" in str(member["DESCRIPTION"]) and "¥0.00" in str(member["DESCRIPTION"])
    assert str(member["STATUS"]) == "CANCELLED"
    assert "STATUS" not in main


def test_channels_are_listed_as_each_language_lists_them(shop, tmp_path):
    from core import i18n

    i18n.set_language("zh_CN")
    try:
        path, _count = export_view(shop, "promotions", tmp_path / "p.ics", ViewParams(D(2026, 11, 20)))
    finally:
        i18n.set_language("en")
    desc = str(events(path)["promotion-7@shopdesk"]["DESCRIPTION"])
    assert "淘宝/天猫、拼多多" in desc and ", " not in desc.split("\n")[1]


def test_uids_stay_the_same_from_one_export_to_the_next(shop, tmp_path):
    a, _ = export_view(shop, "promotions", tmp_path / "a.ics", ViewParams(D(2026, 11, 20)))
    with shop.transaction() as s:
        s.get(Promotion, 7).name = "双11 (renamed)"
    b, _ = export_view(shop, "promotions", tmp_path / "b.ics", ViewParams(D(2026, 11, 20)))
    assert sorted(events(a)) == sorted(events(b))
    assert str(events(b)["promotion-7@shopdesk"]["SUMMARY"]) == "双11 (renamed)"


def test_a_range_keeps_only_the_promotions_that_overlap_it(shop, tmp_path):
    path, count = export_view(shop, "promotions", tmp_path / "dec.ics",
                              ViewParams(D(2026, 11, 20), D(2026, 12, 1), D(2026, 12, 31)))
    assert count == 1 and sorted(events(path)) == ["promotion-8@shopdesk"]


def test_the_command_writes_ics_for_promotions_and_refuses_it_for_other_views(shop, tmp_path, capsys):
    def cli(*argv: str) -> int:
        return run_command(build_parser().parse_args(["--db", str(shop.path), *argv]))

    out = tmp_path / "双11.ics"
    assert cli("export", "promotions", str(out), "--from", "2026-10-01", "--to", "2026-11-30") == 0
    assert "promotions: 1 row written" in capsys.readouterr().out
    assert sorted(events(out)) == ["promotion-7-phase-0@shopdesk", "promotion-7-phase-1@shopdesk",
                                   "promotion-7-phase-2@shopdesk", "promotion-7@shopdesk"]
    assert cli("export", "members", str(tmp_path / "m.ics")) == 2
    err = capsys.readouterr().err
    assert "only the promotions view can be written as an .ics calendar" in err
    assert "members as .xlsx, .csv or .json" in err
    assert not (tmp_path / "m.ics").exists()
    with pytest.raises(BadInputError, match=r"\.xlsx, \.csv, \.json or \.ics"):
        export_view(shop, "promotions", tmp_path / "p.ical", ViewParams(D(2026, 11, 20)))
