"""The weekly task sheet: one page per person, read back out of the PDF (names, task titles,
overdue tasks carried over), in Chinese too, the `report --week` command headless, and the Team
tab's “Print week…” preview."""
from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from core.edits import apply_edit
from core.edits.team import AddStaff
from core.task_sheet import Week, build_sheet
from tests.conftest import DEMO_END
from tests.ui.test_report import squash
from ui.report.task_sheet import write_pdf

WEEK = Week.of(DEMO_END)  # 2026-W47: Monday 2026-11-16 … Sunday 2026-11-22


def page_texts(path) -> list[str]:
    return [squash(p.extract_text()) for p in PdfReader(path).pages]


def test_weeks_parse_as_iso_weeks_across_a_year_end():
    assert str(WEEK) == "2026-W47" and WEEK.start == dt.date(2026, 11, 16) and WEEK.end == dt.date(2026, 11, 22)
    week = Week.parse("2026-w53")
    assert (week.start, week.end) == (dt.date(2026, 12, 28), dt.date(2027, 1, 3))
    assert Week.of(dt.date(2027, 1, 1)) == week
    from core.errors import BadInputError

    for bad in ("2026-48", "2026-W54", "W48"):
        with pytest.raises(BadInputError, match="not a week"):
            Week.parse(bad)


def test_each_person_gets_a_page_with_the_weeks_tasks(qapp, demo_db, tmp_path):
    sheet = build_sheet(demo_db, WEEK, DEMO_END)
    assert [p.name for p in sheet.people] == sorted(p.name for p in sheet.people)
    wang = next(p for p in sheet.people if p.name == "王强")
    titles = [x.title for x in wang.tasks]
    assert "2026 双12年终盛典：备货下单" in titles and "盘点茶具仓库" in titles  # Nov 13–17 and Nov 18–23 touch the week
    assert "年货礼盒打样" not in titles  # Nov 30 – Dec 2
    path = tmp_path / "week.pdf"
    pages = write_pdf(sheet, path)
    texts = page_texts(path)
    assert pages == len(texts) == len(sheet.people)  # a short week: one page each
    for person, text in zip(sheet.people, texts, strict=True):
        assert text.startswith(squash(f"{sheet.shop_name} · Weekly task sheet 2026-W47"))
        assert squash(person.name) in text and squash("Tasks of week 2026-W47 (2026-11-16 – 2026-11-22)") in text
        for task in person.tasks:
            assert squash(task.title)[:12] in text
        others = [x.title for p in sheet.people if p is not person for x in p.tasks if x.title not in
                  {y.title for y in person.tasks}]
        assert not any(squash(t) in text for t in others)  # nobody else's task on this page
        assert f"Page{texts.index(text) + 1}of{len(texts)}" in text


def test_an_open_task_due_before_the_week_is_carried_over_and_marked(qapp, demo_db, tmp_path):
    later = Week.of(DEMO_END + dt.timedelta(days=14))
    sheet = build_sheet(demo_db, later, DEMO_END + dt.timedelta(days=14))
    carried = [(p.name, x.title) for p in sheet.people for x in p.tasks if x.carried_over]
    assert carried and all(x.overdue for p in sheet.people for x in p.tasks if x.carried_over)
    path = tmp_path / "later.pdf"
    write_pdf(sheet, path)
    text = "".join(page_texts(path))
    assert "carriedoverfrombeforethisweek" in text and "⚠" in text


def test_the_chinese_sheet_and_a_person_without_tasks(qapp, demo_db, tmp_path, chinese):
    apply_edit(demo_db, AddStaff("新来的实习生", "客服"))
    sheet = build_sheet(demo_db, WEEK, DEMO_END)
    assert next(p for p in sheet.people if p.name == "新来的实习生").tasks == ()
    path = tmp_path / "zh.pdf"
    write_pdf(sheet, path)
    texts = page_texts(path)
    assert len(texts) == len(sheet.people)
    intern = next(text for text in texts if "新来的实习生" in text)
    assert "本周没有任务" in intern and "2026-W47周的任务" in intern
    assert all("每周任务单2026-W47" in text for text in texts)
    assert all(f"共{len(texts)}页" in text for text in texts)


def test_report_week_command_writes_the_pdf_headless(qapp, demo_db, tmp_path, capsys):
    from core.cli import build_parser
    from core.cli.report_cmd import run
    from core.errors import BadInputError

    path = tmp_path / "w47.pdf"
    args = build_parser().parse_args(["report", "--week", "2026-W47", "--pdf", str(path), "--as-of", "2026-11-20"])
    assert run(args, demo_db) == 0
    out = capsys.readouterr().out
    pages = len(PdfReader(path).pages)
    assert f"{pages} pages" in out and "2026-W47" in out and not (tmp_path / "w47.pdf.part").exists()
    assert "林晓" in "".join(page_texts(path))
    bad = build_parser().parse_args(["report", "--week", "2026-W99", "--pdf", str(tmp_path / "x.pdf")])
    with pytest.raises(BadInputError, match="not a week"):
        run(bad, demo_db)
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(SystemExit):  # a month and a week at once is a usage error
        build_parser().parse_args(["report", "--week", "2026-W47", "--month", "2026-11", "--pdf", "x.pdf"])


def test_print_week_opens_a_preview_of_the_chosen_week(qtbot, demo_db):
    from PySide6.QtWidgets import QWidget

    from core.settings import Settings
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.tabs.team_print import WeekDialog, preview_dialog

    win = MainWindow(AppContext(demo_db, Settings(), today=DEMO_END))
    qtbot.addWidget(win)
    win.page("team")  # tabs are built when first needed (ui/lazy_tabs.py)
    assert win.findChild(QWidget, "team.print_week").text() == "Print week…"
    chooser = WeekDialog(DEMO_END, win)
    qtbot.addWidget(chooser)
    assert chooser.chosen() == WEEK and "2026-W47" in chooser.week.text()
    chooser.day.setDate(chooser.day.date().addDays(7))
    assert str(chooser.chosen()) == "2026-W48" and "2026-11-23" in chooser.week.text()
    dlg = preview_dialog(win.ctx, win, WEEK)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.windowTitle().endswith("Weekly task sheet 2026-W47") and dlg.sheet.task_count > 0
