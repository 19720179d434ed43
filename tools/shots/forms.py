"""Screenshots: the promotion form and the task form at their own size after a refused input, the
whole message under its field (run with --size 1024x640 for a small laptop screen)."""
from __future__ import annotations


def forms(window, args, wait) -> None:
    page = window.page("promotions")
    window.tabs.setCurrentWidget(page)
    wait(300)
    while page.loading:
        wait(100)
    form = page.new_promotion()
    form.widgets["name"].setText("店庆 Anniversary sale")
    form.widgets["rules"].setText("满300减30 满500减6x")
    form.submit()
    wait(500)
    form.grab().save(str(args.out / f"{args.lang}_promotion_form_message.png"))
    form.widgets["rules"].setText("每满300减30")
    form.submit()
    wait(500)
    form.grab().save(str(args.out / f"{args.lang}_promotion_form_per_every.png"))
    form.reject()
    team = window.page("team")
    window.tabs.setCurrentWidget(team)
    wait(300)
    while team.loading:
        wait(100)
    task = team.new_task()
    task.widgets["title"].setText("")
    task.submit()
    wait(500)
    task.grab().save(str(args.out / f"{args.lang}_task_form_message.png"))
    task.reject()
    team.kpi_button.click()
    while not team.kpi.rows:
        wait(100)
    bands = team.kpi.edit_bands()
    bands.widgets["who"].setCurrentIndex(0)  # "Everyone": the list's first entry, no blank line before it
    bands.widgets["bonus_bands"].setText("0: 0; 100: 8; 90: 5")  # bands that fall: refused under the field
    bands.submit()
    wait(500)
    bands.grab().save(str(args.out / f"{args.lang}_bands_form_message.png"))
    bands.reject()
