"""The printed monthly plan (issue #17), read back out of the PDF as text: the demo month's
pages and content, an empty month, a crowded month that paginates without cutting rows, the
`report` command headless, and File → Print monthly plan…."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

import pytest
from pypdf import PdfReader

from core.money import format_fen, format_rate
from core.report import Month, PromotionLine, TaskLine, build_plan
from tests.conftest import DEMO_END
from ui.report.render import write_pdf

NOV = Month(2026, 11)


# Qt's PDF text layer maps a glyph back to the lowest code point the font gives it, so with
# Noto Sans CJK some characters come back as the look-alike radicals (README, known limits):
# Kangxi radicals NFKC undoes, the CJK Radicals Supplement ones this table does.
RADICALS = str.maketrans("⻓⻚⻝⻋⻔⻅⻛⻢⻥⻦⻄⻉⻜⻨⻩⻬⻰⻳⻘⻆⻈", "长页食车门见风马鱼鸟西贝飞麦黄齐龙龟青角讠")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(RADICALS)


def page_texts(path) -> list[str]:
    """Each page's text without whitespace (the text layer splits runs where the font changes)."""
    return [squash(p.extract_text()) for p in PdfReader(path).pages]


def test_demo_month_pdf_has_its_sections_promotions_goals_and_owners(qapp, demo_db, tmp_path):
    plan = build_plan(demo_db, NOV, DEMO_END)
    path = tmp_path / "plan.pdf"
    pages = write_pdf(plan, path)
    texts = page_texts(path)
    assert len(texts) == pages >= 8
    whole = "".join(texts)
    for title in ("Goalsofthemonth", "Calendar2026-11", "Promotionsofthemonth", "Goalsbychannelandcategory",
                  "Inventoryactions", "Team:eachperson'stasks", "Members"):
        assert title in whole
    for p in plan.promotions:
        assert squash(p.name) in whole
    for g in plan.goals:
        assert format_fen(g.target_fen) in whole
    # The members page's repurchase trend: each month's rate as the plan computed it.
    assert "Repurchaserate,last6months" in whole
    for m, repeat, known in plan.repurchase:
        assert squash(f"{m:%Y-%m}{known:,}{repeat:,}{format_rate(repeat / known)}") in whole
    # The last page is the KPI charts page, with every channel's share.
    assert "KPIcharts" in texts[-1] and "Taobao/Tmall" in texts[-1]
    assert sum(v for _, v in plan.channel_gmv) == sum(v for _, v in plan.daily_gmv)
    owners = {x.owner for x in plan.tasks if x.owner}
    assert owners and all(squash(o) in whole for o in owners)
    # Header and footer on every page: shop name, month, "Page n of m".
    for n, text in enumerate(texts, 1):
        assert f"Page{n}of{pages}" in text
        assert squash(plan.shop_name) in text and "2026-11" in text


def test_chinese_plan_says_page_n_of_m_and_section_titles_in_chinese(qapp, demo_db, tmp_path, chinese):
    plan = build_plan(demo_db, NOV, DEMO_END)
    path = tmp_path / "plan.pdf"
    pages = write_pdf(plan, path)
    texts = page_texts(path)
    assert f"第1页/共{pages}页" in texts[0]
    whole = "".join(texts)
    assert squash("库存行动") in whole and squash("团队：每人的任务") in whole and "环比" in whole


def test_a_month_without_data_still_prints_one_line_per_empty_section(qapp, db, tmp_path, chinese):
    plan = build_plan(db, Month(2027, 2), dt.date(2026, 12, 1))
    path = tmp_path / "empty.pdf"
    assert write_pdf(plan, path) >= 1
    whole = "".join(page_texts(path))
    for line in ("本月无促销活动", "本月未设目标", "本月无任务", "现在无需下单", "本月没有其他需下单的 SKU", "本月尚未开始，暂无指标", "本月暂无销售"):
        assert squash(line) in whole


def test_forty_promotions_and_two_hundred_tasks_paginate_without_cutting_rows(qapp, db, tmp_path):
    plan = build_plan(db, NOV, DEMO_END)
    promos = tuple(PromotionLine(f"长名字的促销活动第{i:02d}号冬季焕新全店满减大促 Winter sale {i:02d}", "own", ("taobao",),
                                 dt.date(2026, 11, 1 + i % 28), dt.date(2026, 11, 2 + i % 28), 100_000 * i, "planned", ())
                   for i in range(40))
    tasks = tuple(TaskLine(f"任务{i:03d} 准备详情页和主图 task {i:03d}", f"员工{i % 7}", dt.date(2026, 11, 1),
                           dt.date(2026, 11, 1 + i % 30), "todo", 2, "") for i in range(200))
    plan = dataclasses.replace(plan, promotions=promos, tasks=tasks)
    path = tmp_path / "busy.pdf"
    write_pdf(plan, path)
    texts = page_texts(path)
    for name in [p.name for p in promos] + [x.title for x in tasks]:
        # Each row whole on exactly one page's table (the calendar shows promotions too, but
        # task titles only on their due day's cell, so look in the list pages).
        hits = [i for i, text in enumerate(texts) if squash(name) in text]
        assert hits, name
    # The calendar stays one page: names are shortened there and the overflow counted.
    assert sum("MonTueWedThuFriSatSun" in text for text in texts) == 1
    team_pages = [text for text in texts if "任务" in text and "Due" in text and "Promotion" in text]
    assert len(team_pages) >= 4  # 200 tasks need several pages, each with the table's header row


def test_report_command_writes_the_pdf_headless(qapp, demo_db, tmp_path, capsys):
    from core.cli import build_parser
    from core.cli.report_cmd import run

    path = tmp_path / "plan.pdf"
    args = build_parser().parse_args(["report", "--month", "2026-11", "--pdf", str(path), "--as-of", "2026-11-20"])
    assert run(args, demo_db) == 0
    assert str(len(PdfReader(path).pages)) in capsys.readouterr().out
    assert not (tmp_path / "plan.pdf.part").exists()


@pytest.mark.parametrize("month, pdf, message", [
    ("2026-13", "x.pdf", "is not a month"),
    ("2026-11", "x.txt", "must end in .pdf"),
])
def test_report_command_rejects_bad_input_and_writes_nothing(demo_db, tmp_path, month, pdf, message):
    from core.cli import build_parser
    from core.cli.report_cmd import run
    from core.errors import BadInputError

    args = build_parser().parse_args(["report", "--month", month, "--pdf", str(tmp_path / pdf)])
    with pytest.raises(BadInputError, match=message):
        run(args, demo_db)
    assert list(tmp_path.iterdir()) == [tmp_path / "demo.db"] or not (tmp_path / pdf).exists()


def test_file_menu_print_monthly_plan_opens_a_preview_of_the_chosen_month(qtbot, demo_db):
    from core.settings import Settings
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.report.dialog import MonthDialog, preview_dialog

    win = MainWindow(AppContext(demo_db, Settings(), today=DEMO_END))
    qtbot.addWidget(win)
    action = next(a for a in win.file_menu.actions() if a.objectName() == "report.print_plan")
    assert action.text() == "Print monthly plan…"
    chooser = MonthDialog(DEMO_END, win)
    qtbot.addWidget(chooser)
    assert chooser.month.text() == "2026-11" and chooser.chosen() == NOV
    dlg = preview_dialog(win, build_plan(demo_db, NOV, DEMO_END))
    qtbot.addWidget(dlg)
    dlg.show()  # paints the pages into the dialog's printer (which must outlive this function)
    qtbot.waitExposed(dlg)
    assert dlg.windowTitle() == "Monthly plan 2026-11"


def test_the_team_page_lists_the_weekly_meetings_and_each_persons_tasks(qapp, demo_db, tmp_path):
    plan = build_plan(demo_db, Month(2026, 12), DEMO_END)
    path = tmp_path / "dec.pdf"
    write_pdf(plan, path)
    text = "".join(page_texts(path))
    team = text[text.index("Team:eachperson'stasks"):]
    assert "Weeklymeetingsandrepeatingtasks(4)" in team
    for day in ("12-07Mon", "12-14Mon", "12-21Mon", "12-28Mon"):
        assert day in team
    assert team.count(squash("周例会：上周数据复盘与本周计划")) == 4 and "notplannedyet" in team
    for owner, tasks in plan.tasks_by_owner():
        assert squash(f"{owner} ({len(tasks)})") in team


def test_calendar_draws_promotions_as_bars_across_their_days_and_lists_rules_and_scope(qapp, db, tmp_path):
    from ui.report.render import CAL_BORDER, _calendar, _promotions

    plan = build_plan(db, NOV, DEMO_END)
    promos = (PromotionLine("双11 大促", "festival", ("taobao",), dt.date(2026, 10, 20), dt.date(2026, 11, 11), 500_000,
                            "planned", (("预售", dt.date(2026, 10, 20), dt.date(2026, 11, 3)),
                                        ("正式", dt.date(2026, 11, 4), dt.date(2026, 11, 11))),
                            ("满300减30", "3人团 ¥59"), "Categories: 茶叶"),)
    plan = dataclasses.replace(plan, promotions=promos)
    html_text = _calendar(plan).replace(f' style="{CAL_BORDER}"', "")  # each cell's border: test_report_calendar_borders
    # Week of 2–8 Nov: one bar, its 预售 part over Mon–Tue (2 days), 正式 over Wed–Sun (5 days); it began in
    # October, so its name carries ◂
    assert '<td colspan="2" bgcolor="#fbe7e3">◂ 双11 大促 · 预售</td><td colspan="5" bgcolor="#f6cfc8">正式</td>' in html_text
    # 9–11 Nov: 正式 over Mon–Wed, then four empty days
    assert '<td colspan="3" bgcolor="#f6cfc8">◂ 双11 大促 · 正式</td><td></td><td></td><td></td><td></td>' in html_text
    page = _promotions(plan)
    assert "满300减30; 3人团 ¥59" in page and "Categories: 茶叶" in page


SECTIONS = ("Calendar 2026-11", "Promotions of the month", "Goals by channel and category", "Inventory actions",
            "Team: each person's tasks", "Members")


def _bodies(texts: list[str], plan) -> list[str]:
    """Each page's text after its header and footer (drawn before the body)."""
    footer = squash(f"{plan.shop_name} · {plan.month}")
    return [text.split(footer, 1)[1] for text in texts]


def test_each_section_title_is_in_the_text_of_the_page_it_heads_and_no_other(qapp, demo_db, tmp_path):
    # The promotions title's page break puts its block's top exactly on the page boundary: it used
    # to be painted (clipped, invisible, but in the PDF's text layer) below the calendar page's
    # foot too, so its text came out of page 2 as well as page 3.
    plan = build_plan(demo_db, NOV, DEMO_END)
    path = tmp_path / "plan.pdf"
    write_pdf(plan, path)
    bodies = _bodies(page_texts(path), plan)
    for title in map(squash, SECTIONS):
        pages = [n for n, body in enumerate(bodies) if title in body]
        assert len(pages) == 1, (title, pages)
        assert bodies[pages[0]].startswith(title), title  # it starts its page, its content under it


def test_no_page_of_a_crowded_plan_ends_with_a_heading_or_repeats_the_next_pages_lines(qapp, db, tmp_path):
    plan = build_plan(db, NOV, DEMO_END)
    tasks = tuple(TaskLine(f"任务{i:03d} 准备详情页 task {i:03d}", f"员工{i % 9}", dt.date(2026, 11, 1),
                           dt.date(2026, 11, 1 + i % 30), "todo", 2, "") for i in range(150))
    plan = dataclasses.replace(plan, tasks=tasks)
    path = tmp_path / "busy.pdf"
    write_pdf(plan, path)
    bodies = _bodies(page_texts(path), plan)
    owners = [squash(f"{owner} ({len(mine)})") for owner, mine in plan.tasks_by_owner()]
    for owner in owners:
        assert sum(owner in body for body in bodies) == 1, owner
    for body in bodies:
        assert not any(body.endswith(owner) for owner in owners)
    team = [n for n, body in enumerate(bodies) if "Task" in body and "Promotion" in body]
    for title in (x.title for x in tasks):  # a task's row is on one team page, never also at the foot of the one before
        assert sum(squash(title) in bodies[n] for n in team) == 1, title
