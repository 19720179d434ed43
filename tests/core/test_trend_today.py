"""The GMV trend on a range that ends today: today's unfinished day is not drawn as a ¥0 drop,
while a past day without orders is a real 0 (issue #11, item 9)."""
from __future__ import annotations

import datetime as dt

from kpi_shop import add_order
from matplotlib.figure import Figure

from core.charts import draw_gmv_trend
from core.kpi import DateRange
from core.kpi import series

TODAY = dt.date(2026, 11, 20)
ZERO_DAY = dt.date(2026, 11, 17)  # a past day without any order
RANGE = DateRange(dt.date(2026, 11, 14), TODAY)


def _fill(db, today_fen: int = 0) -> None:
    with db.transaction() as s:
        for day in range(14, 20):
            if day != ZERO_DAY.day:
                add_order(s, "taobao", f"T{day}", "alice", "completed", dt.datetime(2026, 11, day, 10), 10000,
                          lines=[("A", 1, 10000, None)])
        if today_fen:
            add_order(s, "taobao", "TODAY", "bob", "paid", dt.datetime(2026, 11, 20, 9), today_fen,
                      lines=[("A", 1, today_fen, None)])


def _lines(points) -> dict[str, object]:
    fig = Figure()
    draw_gmv_trend(fig, points)
    return {line.get_label(): line for line in fig.axes[0].get_lines()}


def _xy(line) -> dict[dt.date, float]:
    return {(x if isinstance(x, dt.date) else x.date()): y for x, y in zip(line.get_xdata(), line.get_ydata())}


def test_today_without_orders_yet_is_left_out_of_the_gmv_line(db):
    _fill(db)
    points = series.gmv_trend(db, RANGE, "day", today=TODAY)
    gmv = _lines(points)["GMV"]
    ys = list(gmv.get_ydata())
    assert ys[-1] != 0  # the line ends on yesterday's 100.00, not on a ¥0 "drop" today
    assert _xy(gmv) == {dt.date(2026, 11, d): (0 if d == ZERO_DAY.day else 100) for d in range(14, 20)}
    assert _xy(gmv)[ZERO_DAY] == 0  # the past day without orders stays a real 0


def test_today_so_far_is_drawn_apart_from_the_finished_days(db):
    _fill(db, today_fen=2500)
    points = series.gmv_trend(db, RANGE, "day", today=TODAY)
    lines = _lines(points)
    assert max(_xy(lines["GMV"])) == dt.date(2026, 11, 19)
    so_far = lines["Today so far"]
    assert so_far.get_linestyle() == "--"
    assert _xy(so_far) == {dt.date(2026, 11, 19): 100, TODAY: 25}  # dashed on from yesterday


def test_a_range_in_the_past_keeps_its_last_zero(db):
    _fill(db)
    points = series.gmv_trend(db, DateRange(RANGE.start, ZERO_DAY), "day", today=TODAY)
    gmv = _lines(points)["GMV"]
    assert list(gmv.get_ydata())[-1] == 0
    assert "Today so far" not in _lines(points)


def test_the_current_week_is_marked_as_so_far(db):
    _fill(db)
    weeks = series.gmv_trend(db, DateRange(dt.date(2026, 11, 2), TODAY), "week", today=TODAY)
    assert [p.so_far for p in weeks] == [False, False, True]  # 2–8, 9–15, 16–20 Nov


def test_without_a_day_given_today_is_the_computers_date(db):
    today = dt.date.today()
    with db.transaction() as s:
        for back in (1, 2):
            add_order(s, "taobao", f"B{back}", "alice", "completed",
                      dt.datetime.combine(today - dt.timedelta(days=back), dt.time(10)), 10000,
                      lines=[("A", 1, 10000, None)])
    points = series.gmv_trend(db, DateRange(today - dt.timedelta(days=2), today), "day")
    assert list(_lines(points)["GMV"].get_ydata()) == [100, 100]  # not [100, 100, 0]
