"""Promotions → Festivals…: which festivals the calendars show on each platform, and the owner's own
festival presets (name, platforms, date rules, phases). Saved as one edit
(``core.edits.festivals.SetFestivalChoices``) on the one editing path; what cannot be saved is said
in the dialog, which stays open, and nothing is written.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserFacingError
from ui.labels import platform_name
from ui.widgets.banner import Banner
from ui.widgets.check_list import CheckList, Choice
from ui.widgets.screen_fit import resize_within_screen

PLATFORMS = ("taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify", "wechat", "xiaohongshu")
NAME, CHANNELS, START, END, PHASES = range(5)


def _platform_codes(text: str) -> list[str]:
    by_name = {platform_name(p).casefold(): p for p in PLATFORMS}
    return [by_name.get(tok.casefold(), tok.casefold()) for tok in re.split(r"[,，、;；\s]+", text or "") if tok]


class FestivalDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None, presets: Sequence[Mapping[str, Any]], choices, *,
                 zh: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("promotions.festivals")
        self.setWindowTitle(self.tr("Festival calendar"))
        self.ctx, self.saved = ctx, None
        self._presets, self._zh = list(presets), zh
        self.hidden: dict[str, set[str]] = {p: set(k) for p, k in choices.hidden.items()}
        self.banner = Banner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        intro = QLabel(self.tr("Choose the festivals the calendars show for each platform, and add your own (a shop "
                               "anniversary, a member day …). Dates are rules that work for any year: 08-16, lunar "
                               "08-15 (the lunar calendar), 11-thu4 (the 4th Thursday of November), each with an "
                               "optional +N or -N days, e.g. lunar 01-01 -30."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show on:"), self))
        self.platform = QComboBox(self)
        self.platform.setObjectName("promotions.festivals.platform")
        for p in PLATFORMS:
            self.platform.addItem(platform_name(p), p)
        top.addWidget(self.platform)
        top.addStretch(1)
        layout.addLayout(top)
        self.shown = CheckList(self, name="promotions.festivals.shown")
        layout.addWidget(self.shown, 2)
        layout.addWidget(QLabel("<b>" + self.tr("Your own festivals") + "</b>", self))
        self.own = QTableWidget(0, 5, self)
        self.own.setObjectName("promotions.festivals.own")
        self.own.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Platforms"), self.tr("Start"), self.tr("End"),
                                            self.tr("Phases")])
        self.own.horizontalHeader().setStretchLastSection(True)
        for preset in choices.own:
            self.add_row(preset)
        layout.addWidget(self.own, 1)
        rows = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add festival"), self)
        self.add_button.setObjectName("promotions.festivals.add")
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.setObjectName("promotions.festivals.remove")
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        layout.addLayout(rows)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda: self.add_row({}))
        self.remove_button.clicked.connect(self._remove)
        self._platform_shown = self.platform.currentData()
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self._fill_shown()
        resize_within_screen(self, 760, 640)

    # -- which festivals show on the platform chosen
    def _fill_shown(self) -> None:
        p = self.platform.currentData()
        on = [f for f in self._presets if p in f["platforms"]]
        self.shown.set_choices([Choice(f["name_zh"] if self._zh else f["name_en"], f["key"],
                                       f"{f['name_zh']} · {f['name_en']} · {f['start']} – {f['end']}") for f in on],
                               [f["key"] for f in on if f["key"] not in self.hidden.get(p, set())])

    def _remember_shown(self) -> None:
        p = self._platform_shown
        on = {f["key"] for f in self._presets if p in f["platforms"]}
        self.hidden[p] = on - set(self.shown.checked())

    def _platform_changed(self) -> None:
        self._remember_shown()
        self._platform_shown = self.platform.currentData()
        self._fill_shown()

    # -- own presets
    def add_row(self, preset: Mapping[str, Any]) -> int:
        from core.festival_choices import phases_text

        row = self.own.rowCount()
        self.own.insertRow(row)
        values = [preset.get("name_zh", ""), "、".join(platform_name(p) for p in preset.get("platforms", ())),
                  preset.get("start", ""), preset.get("end", ""), phases_text(preset.get("phases", ()))]
        for col, value in enumerate(values):
            self.own.setItem(row, col, QTableWidgetItem(value))
        return row

    def _remove(self) -> None:
        for row in sorted({i.row() for i in self.own.selectedIndexes()}, reverse=True):
            self.own.removeRow(row)

    def own_presets(self) -> list[dict[str, Any]]:
        from core.festival_choices import parse_phases

        out = []
        for row in range(self.own.rowCount()):
            cell = [(self.own.item(row, c).text().strip() if self.own.item(row, c) else "") for c in range(5)]
            if not any(cell):
                continue
            out.append({"name": cell[NAME], "platforms": _platform_codes(cell[CHANNELS]), "start": cell[START],
                        "end": cell[END] or cell[START], "phases": parse_phases(cell[PHASES])})
        return out

    def make_edit(self):
        from core.edits.festivals import SetFestivalChoices

        self._remember_shown()
        hidden = tuple((p, tuple(sorted(k))) for p, k in sorted(self.hidden.items()) if k)
        return SetFestivalChoices(hidden=hidden, own=tuple(self.own_presets()))

    def submit(self) -> None:
        self.banner.clear_message()
        try:
            edit = self.make_edit()
        except UserFacingError as exc:
            self._refused(exc)
            return
        self.buttons.setEnabled(False)

        def done(change) -> None:
            self.saved = change
            self.accept()

        self.ctx.edits.run(edit, parent=self, on_done=done, on_error=self._refused)

    def _refused(self, exc: UserFacingError) -> None:
        self.buttons.setEnabled(True)
        self.banner.show_message(exc.message, "error")
