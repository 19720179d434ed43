"""What a fourth new owner ran into in a first month (newuser4): the Team and Members tabs' forms."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication


def _team_tab(qtbot, window):
    page = window.page("team")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loads > 0 and not page.loading, timeout=60_000)
    return page


def _open_form(qtbot, name: str):
    found = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def test_a_repeating_task_whose_rule_is_not_a_built_in_choice_shows_it_in_words(qtbot, demo_db, window):
    """A meeting that repeats "FREQ=WEEKLY;BYDAY=MO" (no hour, as the demo's once did): its form's Repeats
    box showed that code, because it is neither "Every Monday at 10:00" nor "The last day of every month"."""
    import datetime as dt

    from core.edits import apply_edit
    from core.edits.team import AddTask

    day = dt.date(2026, 12, 7)
    apply_edit(demo_db, AddTask((("title", "站会"), ("start", day), ("due", day), ("recurrence", "FREQ=WEEKLY;BYDAY=MO"))))
    page = _team_tab(qtbot, window)
    meeting = next(r for r in page._rows if r.recurrence == "FREQ=WEEKLY;BYDAY=MO")
    page.open_task(meeting.id)
    form = _open_form(qtbot, "team.task_form")
    box = form.widgets["recurrence"]
    assert box.currentText() == "Every Monday"
    assert "FREQ" not in "".join(box.itemText(i) for i in range(box.count()))
    form.reject()


def test_the_tier_rules_form_fits_a_screen_shorter_than_its_fields(qtbot, window):
    """Members → Tier rules… was at least 900 px tall: on a 768-px laptop screen (the tests' screen is 800 px)
    its OK and Cancel were below the screen's edge. It is now no taller than the screen; its fields scroll."""
    page = window.page("members")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loads > 0 and not page.loading, timeout=60_000)
    form = page.edit_tier_rules()
    qtbot.waitUntil(form.isVisible, timeout=10_000)
    screen = form.screen().availableGeometry()
    assert screen.height() < 900  # the case this test is about
    assert form.frameGeometry().height() <= screen.height()
    ok = form.buttons.geometry()
    assert ok.bottom() <= form.height()
    assert form.scroll.verticalScrollBar().maximum() > 0  # the fields scroll instead
    form.reject()


def test_a_task_with_a_300_character_title_does_not_stretch_the_edit_menu_or_status_bar(qtbot, window):
    """A 300-character title (the form allows it) named the change: the Edit menu's "Undo “Add task …”" was
    thousands of pixels wide and the status bar's message ran under "Database: …"."""
    from core.edits.team import AddTask

    page = _team_tab(qtbot, window)
    title = "长" * 300
    page.ctx.edits.run(AddTask.of(title=title), parent=page)
    undo = window.action_undo
    qtbot.waitUntil(lambda: "长" in undo.text(), timeout=30_000)
    metrics = window.menuBar().fontMetrics()
    assert undo.text().startswith("&Undo “Add task “长长")
    assert "…" in undo.text()
    assert metrics.horizontalAdvance(undo.text()) < 600
    bar = window.statusBar()
    message = bar.currentMessage()
    assert message.startswith("Add task “长长") and message.endswith("— Ctrl+Z undoes it")
    assert bar.fontMetrics().horizontalAdvance(message) < bar.width() - window.db_label.width()


def test_a_new_shops_members_say_there_are_no_tier_rules_yet(qtbot, db):
    """A new shop's customers after its first import: the Tier column was empty for all, the tier log too,
    and nothing said that the shop has no tier rules yet."""
    import datetime as dt

    from core.models import Customer
    from core.settings import Settings
    from ui.context import AppContext
    from ui.tabs.members_tab import MembersTab

    with db.transaction() as s:
        s.add(Customer(platform="taobao", buyer_key="买家0749", orders_count=1, spend_fen=60400,
                       first_order_at=dt.datetime(2026, 11, 7, 12), last_order_at=dt.datetime(2026, 11, 7, 12)))
    tab = MembersTab(AppContext(db, Settings(), today=dt.date(2026, 12, 6)))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.sig_loaded, timeout=60_000):
        tab.show()
    qtbot.waitUntil(lambda: not tab.loading, timeout=60_000)
    assert "No tier rules yet: “Tier rules…” sets them" in tab.summary.text()


def test_add_step_after_a_day_typed_wrong_adds_the_step_and_save_names_the_wrong_day(qtbot, window):
    """Team → SOPs… → New template: "abc" typed as the first step's day, then "Add step": a ValueError went
    to the crash dialog. The step is added; Save says which day cannot be read."""
    from ui.dialogs.sop_dialog import SopDialog

    _team_tab(qtbot, window)
    dialog = SopDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=30_000)
    dialog.new_template()
    dialog.name.setText("上新检查")
    dialog.steps.item(0, 0).setText("备货")
    dialog.steps.item(0, 1).setText("abc")
    dialog.add_step()
    assert dialog.steps.rowCount() == 2
    assert dialog._text(1, 1) == "T"
    dialog.save()
    qtbot.waitUntil(dialog.banner.isVisible, timeout=10_000)
    assert "Step 1: “abc” is not a day" in dialog.banner.text()
    dialog.close()


def test_a_step_day_far_beyond_a_year_is_refused_in_the_preview_not_a_crash(qtbot, window):
    """Typing T+9999999 as a step's day: the preview computed its date, which overflowed (OverflowError
    into the crash dialog, while typing)."""
    from ui.dialogs.sop_dialog import SopDialog

    _team_tab(qtbot, window)
    dialog = SopDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() > 0 and dialog.promotion.count() > 0, timeout=30_000)
    dialog.steps.item(0, 1).setText("T+9999999")
    dialog._update_preview()
    assert dialog.preview.text() == ("Step 1 starts 9999999 days from the event; at most 366 days before or after "
                                     "fit.")
    dialog.close()


def test_a_year_such_as_9999_typed_in_the_team_kpi_month_stops_at_2100_and_the_table_loads(qtbot, window):
    """Team → KPI and bonus, month 9999-12 typed: the month's end overflowed Python's dates on load (the
    crash dialog). Date fields now offer the years ShopDesk plans for, 1900–2100."""
    from PySide6.QtCore import QDate

    page = _team_tab(qtbot, window)
    page.kpi_button.click()
    kpi = page.kpi
    kpi.month_edit.setDate(QDate(9999, 12, 1))
    assert kpi.month_edit.text() == "2100-12"
    qtbot.waitUntil(lambda: not page.loading and kpi.month().year == 2100, timeout=60_000)
    qtbot.waitUntil(lambda: kpi.table.model.rowCount() == 4, timeout=60_000)
    assert kpi.summary.text().startswith("2100-12 has no goal yet")
    for edit in (page.findChild(type(kpi.month_edit), "team.gantt.month"), window.page("kpi").from_edit):
        assert edit.maximumDate() == QDate(2100, 12, 31) and edit.minimumDate() == QDate(1900, 1, 1)
