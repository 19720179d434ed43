"""What the owner does to promotions from any of the Promotions tab's views: new (a click on a day),
edit (a double click), move or resize (a drag; its SOP tasks may follow), copy to next year, tasks
from an SOP, delete, and the right-click menu. Each is a core edit (``core.edits.promotions``) run on the one editing path, so Ctrl+Z takes
it back. A mixin of ``PromotionsTab`` (which provides ``ctx``, ``banner``, ``plan`` and ``_row``).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from ui.tabs.promotions_form import PromotionForm, edit_values, fields


class PromotionActions:
    def new_promotion(self, day: dt.date | None = None) -> PromotionForm:
        from core.edits.promotions import AddPromotion

        day = day or self.ctx.today()
        form = PromotionForm(self.ctx, QCoreApplication.translate("PromotionsTab", "New promotion"), fields(self, None, day, self.plan),
                             lambda values: AddPromotion(**edit_values(values)), self, self.plan, None)
        form.open()
        return form

    def edit_promotion(self, key: int) -> PromotionForm | None:
        from core.edits.promotions import SetPromotionFields

        r = self._row(key)
        if r is None:
            return None
        form = PromotionForm(self.ctx, QCoreApplication.translate("PromotionsTab", "Edit promotion"), fields(self, r, r.start, self.plan),
                             lambda values: SetPromotionFields.of(key, **edit_values(values)), self, self.plan, key)
        form.open()
        return form

    def _report(self, exc) -> None:
        self.banner.show_message(exc.message, "error")

    def _run_move(self, key: int, days: int, edge: str) -> None:
        from ui.dialogs.sop_move import run_promotion_move  # asks whether its SOP tasks move too

        self.banner.clear_message()
        run_promotion_move(self.ctx, self, key, days, edge, on_error=self._report)

    def create_sop_tasks(self, key: int):
        from ui.dialogs.sop_dialog import open_sop_dialog

        return open_sop_dialog(self.ctx, self, promotion_id=key)

    def duplicate_to_next_year(self, key: int) -> None:
        from core.edits.promotions import DuplicatePromotionToNextYear

        self.banner.clear_message()
        self.ctx.edits.run(DuplicatePromotionToNextYear(key), parent=self, on_error=self._report)

    def delete_promotions(self, keys: list[int]) -> None:
        from core.edits.promotions import DeletePromotions

        self.banner.clear_message()
        self.ctx.edits.run(DeletePromotions(tuple(keys)), parent=self, on_error=self._report)

    def _calendar_menu(self, key, day: dt.date, where) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("promotions.menu")
        if key is not None:
            menu.addAction(QCoreApplication.translate("PromotionsTab", "Edit…"), lambda: self.edit_promotion(key))
            menu.addAction(QCoreApplication.translate("PromotionsTab", "Effect…"), lambda: self.show_effect(key))
            menu.addAction(QCoreApplication.translate("PromotionsTab", "Copy to next year"),
                           lambda: self.duplicate_to_next_year(key))
            menu.addAction(QCoreApplication.translate("PromotionsTab", "Create tasks from SOP…"),
                           lambda: self.create_sop_tasks(key))
            menu.addSeparator()
            menu.addAction(QCoreApplication.translate("PromotionsTab", "Delete"), lambda: self.delete_promotions([key]))
            menu.addSeparator()
        menu.addAction(QCoreApplication.translate("PromotionsTab", "New promotion on %1…").replace("%1", day.isoformat()), lambda: self.new_promotion(day))
        menu.popup(where)
        return menu

    def edit_festivals(self):
        """Promotions → Festivals…: the festivals shown per platform and the owner's own presets."""
        from core.festival_choices import FestivalChoices
        from core.festivals import presets
        from core.i18n import language
        from ui.dialogs.festival_dialog import FestivalDialog

        dialog = FestivalDialog(self.ctx, self, presets(), self.plan.festival_choices or FestivalChoices(),
                                zh=language() == "zh_CN")
        dialog.open()
        return dialog
