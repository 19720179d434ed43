"""The monthly plan's cover and KPI page (issue #17): the cover holds the shop, the month, the
goals by channel and category beside last month's, and the headline KPIs on page 1 even with
seven channels and long names; the KPI page covers the headline KPIs' days and adds up to them."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from core.money import format_fen, format_rate
from core.report import GoalLine, Month, build_plan
from tests.conftest import DEMO_END
from tests.ui.test_report import page_texts, squash
from ui.report.render import write_pdf

NOV = Month(2026, 11)
CHANNELS = ("taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify")
CATEGORIES = tuple(f"{name}（长名称类目，包含很多很多的字以测试换行）" for name in
                   ("明前特级龙井绿茶", "手工紫砂茶具套装", "节日限定礼盒", "云南古树普洱熟茶", "休闲茶点零食", "棉麻茶服"))


def test_cover_holds_goals_last_month_and_kpis_on_page_one_with_seven_channels_and_long_names(qapp, demo_db,
                                                                                              tmp_path):
    plan = build_plan(demo_db, NOV, DEMO_END)
    goals = [GoalLine("", "", 50_000_000, 30_000_000, 0.6, 1_000_000, "on_track")]
    goals += [GoalLine(c, "", 7_000_000 + i, 4_000_000 + i, 0.57, 100_000, "at_risk") for i, c in enumerate(CHANNELS)]
    goals += [GoalLine("", c, 3_000_000 + i, 2_000_000, 0.66, 50_000, "on_track") for i, c in enumerate(CATEGORIES)]
    last = [dataclasses.replace(g, target_fen=g.target_fen + 11, actual_fen=g.target_fen - 7, progress=0.99,
                                status="missed") for g in goals]
    plan = dataclasses.replace(plan, shop_name="山野茶舍 · 一家名字特别特别长的茶叶与茶具旗舰店（淘宝天猫京东拼多多抖音快手有赞）",
                               goals=tuple(goals), last_month_goals=tuple(last))
    path = tmp_path / "cover.pdf"
    pages = write_pdf(plan, path)
    texts = page_texts(path)
    assert len(texts) == pages
    cover = texts[0]
    assert "Monthlyplan2026-11" in cover and "Lastmonth2026-10" in cover
    for g, p in zip(goals, last, strict=True):
        # each row whole on the cover: this month's target and achievement, last month's target
        assert f"¥{round(g.target_fen / 100):,}" in cover and f"¥{round(p.target_fen / 100):,}" in cover
    for name in CATEGORIES:
        assert squash(name) in cover
    for k in plan.kpis:  # every headline KPI, the last one too, is on page 1
        assert f"vslastyear{k.change_year * 100:+.1f}" in cover
    # Nothing of the cover spills onto page 2, which begins the calendar.
    assert "Calendar2026-11" in texts[1]
    assert "Goalsofthemonth" not in texts[1] and "HeadlineKPIs" not in texts[1]


def test_demo_cover_says_the_months_goals_and_last_months_results(qapp, demo_db, tmp_path):
    plan = build_plan(demo_db, NOV, DEMO_END)
    path = tmp_path / "plan.pdf"
    write_pdf(plan, path)
    cover = page_texts(path)[0]
    whole_shop = plan.goals[0]
    assert f"Wholeshop¥{round(whole_shop.target_fen / 100):,}" in cover
    assert format_rate(whole_shop.progress) in cover
    assert all(f"¥{round(g.target_fen / 100):,}" in cover for g in plan.last_month_goals)
    assert "HeadlineKPIs2026-11-01–2026-11-19" in cover


def test_kpi_page_covers_the_headline_kpis_days_and_its_charts_add_up_to_their_gmv(qapp, demo_db, tmp_path):
    plan = build_plan(demo_db, NOV, DEMO_END)
    gmv = next(k.value for k in plan.kpis if k.key == "gmv")
    # The headline KPIs cover the finished days (not today, half sold); so do the charts.
    assert plan.kpi_period == (dt.date(2026, 11, 1), dt.date(2026, 11, 19))
    assert plan.daily_gmv[-1][0] == dt.date(2026, 11, 19)
    assert sum(v for _, v in plan.daily_gmv) == sum(v for _, v in plan.channel_gmv) == gmv
    path = tmp_path / "plan.pdf"
    write_pdf(plan, path)
    last = page_texts(path)[-1]
    assert "KPIcharts2026-11-01–2026-11-19" in last
    assert squash(f"GMV share by channel (together {format_fen(gmv)})") in last


def test_a_heading_at_a_pages_foot_moves_to_the_next_page_with_its_table(qapp, tmp_path):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from ui.report.html_parts import html_table
    from ui.report.render import keep_headings_with_next, page_layout, pdf_writer

    device = pdf_writer(tmp_path / "x.pdf", "x")
    device.setPageLayout(page_layout())
    table = html_table(["SKU", "Product"], [[f"SKU{i}", f"产品 {i}"] for i in range(5)])

    def laid_out(lines: int) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setPageSize(QSizeF(device.width(), 1000))
        doc.setHtml("<p>" + "<br>".join(f"line {i}" for i in range(lines)) + "</p><h3>Slow movers to clear</h3>" + table
                    + "<h3>Later</h3>")
        return doc

    def heading(doc):
        block = doc.begin()
        while block.text() != "Slow movers to clear":
            block = block.next()
        return doc.documentLayout().blockBoundingRect(block)

    # The number of lines that leaves the heading as the first page's last line.
    lines = next(n for n in range(1, 200) if 1000 - heading(laid_out(n)).bottom() < 40)
    doc = laid_out(lines)
    assert heading(doc).top() < 1000  # without help, the heading ends page 1 and its table starts page 2
    assert keep_headings_with_next(doc, device) == 1
    assert heading(doc).top() >= 1000  # now it heads page 2, above its table
    later = doc.lastBlock()
    assert doc.documentLayout().blockBoundingRect(later).top() > heading(doc).bottom()  # what follows moved along


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_cover_says_whether_its_figures_are_final_so_far_or_not_there_yet(qapp, demo_db, lang):
    from PySide6.QtGui import QTextDocument

    from core import i18n
    from ui.report.cover import cover_html

    def cover(month: Month) -> str:
        doc = QTextDocument()
        doc.setHtml(cover_html(build_plan(demo_db, month, DEMO_END)))
        return doc.toPlainText()

    i18n.set_language(lang)
    try:
        october, november, december = cover(Month(2026, 10)), cover(NOV), cover(Month(2026, 12))
        closed = i18n.t("Month closed: final results for the whole month ({start} – {end})", start="2026-10-01",
                        end="2026-10-31")
        running = i18n.t("Month in progress: figures so far, as of {day}", day="2026-11-20")
        future = i18n.t("Not started yet: targets only, no actual figures (planned on {day})", day="2026-11-20")
        as_of = i18n.t("As of {day}", day="2026-11-20")
    finally:
        i18n.set_language("en")
    if lang == "zh_CN":
        assert closed == "本月已结束：整月最终结果（2026-10-01 – 2026-10-31）" and running == "本月进行中：数据截至 2026-11-20"
    assert closed in october and running not in october and as_of not in october
    assert running in november and closed not in november
    assert future in december and running not in december
    # The closed month's KPIs cover all its days; the future month names no KPI days.
    assert "2026-10-01 – 2026-10-31" in october.split(closed)[1]
    assert "2026-12-01 – 2026-12-01" not in december


def test_on_a_months_first_day_the_cover_says_it_runs_and_its_kpis_start_tomorrow(qapp, demo_db):
    from PySide6.QtGui import QTextDocument

    from ui.report.cover import cover_html

    doc = QTextDocument()
    doc.setHtml(cover_html(build_plan(demo_db, NOV, dt.date(2026, 11, 1))))
    text = doc.toPlainText()
    assert "Month in progress: figures so far, as of 2026-11-01" in text
    assert "No whole day of the month yet: KPIs from tomorrow" in text and "has not started" not in text
