"""When a promotion moves on the calendar, its open SOP tasks offer to move with it.

The promotion calendar calls ``run_promotion_move`` for a drag (move or resize): when the start
moves and the promotion has open tasks made from an SOP (core.sop.open_sop_tasks), the owner is
asked; yes moves the promotion and those tasks by the same days as one undoable edit
(core.edits.sop.MovePromotionWithTasks), no moves the promotion alone."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.tasks import run_task


def ask_move_tasks(parent: QWidget | None, count: int, days: int) -> bool:
    text = QCoreApplication.translate(
        "SopMove", "This promotion has %n open task(s) made from an SOP. Move (it|them) by %1 too?", "", count) \
        .replace("%1", QCoreApplication.translate("SopMove", "%n day(s)", "", days).replace(str(days), f"{days:+d}", 1))
    title = QCoreApplication.translate("SopMove", "Move its tasks too?")
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def run_promotion_move(ctx, parent: QWidget, promotion_id: int, days: int, edge: str,
                       on_error: Callable | None = None) -> None:
    from core.edits.promotions import MovePromotion

    if edge == "end" or days == 0:  # tasks are dated from the start: a later end moves none
        ctx.edits.run(MovePromotion(promotion_id, days, edge), parent=parent, on_error=on_error)
        return
    db = ctx.db

    def count(_task) -> int:
        from core.sop import open_sop_tasks

        with db.session() as s:
            return len(open_sop_tasks(s, promotion_id))

    def done(n: int) -> None:
        from core.edits.sop import MovePromotionWithTasks

        with_tasks = n > 0 and ask_move_tasks(parent, n, days)
        edit = MovePromotionWithTasks(promotion_id, days, edge) if with_tasks else MovePromotion(promotion_id, days, edge)
        ctx.edits.run(edit, parent=parent, on_error=on_error)

    run_task(parent, count, on_done=done)
