"""A kanban board: one column per status, a card per record, cards dragged between columns.

The board knows nothing of tasks or the database: it is given columns (status code, heading)
and cards (``Card``), and says what the owner did with signals: a card dropped on another
column (``sig_moved(key, status)``) or double-clicked (``sig_opened(key)``). The tab turns
those into edits; the board shows the saved state on the next reload, so a refused move never
leaves a card where it was not saved.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MIME = "application/x-shopdesk-card"


@dataclass(frozen=True)
class Card:
    key: Hashable
    status: str
    title: str
    lines: tuple[str, ...] = ()  # owner · due, checklist · promotion …
    alert: bool = False  # overdue: stands out in red
    tooltip: str = ""


class KanbanColumn(QListWidget):
    """One status's cards; accepts cards dragged from the other columns."""

    def __init__(self, board: KanbanBoard, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board, self.status = board, status
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(4)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setStyleSheet("QListWidget{background:#f4f5f7;border:none;} QListWidget::item{"
                           "border:1px solid #dfe1e6;border-radius:4px;padding:6px;}"
                           "QListWidget::item:selected{border:2px solid #1f6fb2;}")
        self.itemDoubleClicked.connect(lambda item: board.sig_opened.emit(item.data(KEY_ROLE)))

    def mimeData(self, items) -> QMimeData:  # noqa: N802
        data = super().mimeData(items)
        if items:
            data.setData(MIME, repr(items[0].data(KEY_ROLE)).encode())
            data.setProperty("card_key", items[0].data(KEY_ROLE))
        return data

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME) and event.source() is not self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        key = event.mimeData().property("card_key")
        if key is None or event.source() is self:
            event.ignore()
            return
        # The card is not moved here by Qt: the board asks for the change, and the reload
        # after it is saved puts the card where the database says.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.board.drop_card(key, self.status)


class KanbanBoard(QWidget):
    sig_moved = Signal(object, str)  # card key, the status of the column it was dropped on
    sig_opened = Signal(object)  # card key

    def __init__(self, columns: Sequence[tuple[str, str]], parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self._headings = dict(columns)
        self.columns: dict[str, KanbanColumn] = {}
        self.heading_labels: dict[str, QLabel] = {}
        self._cards: dict[Hashable, Card] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for status, heading in columns:
            box = QVBoxLayout()
            label = QLabel(heading, self)
            label.setStyleSheet("font-weight:bold;padding:4px;")
            column = KanbanColumn(self, status, self)
            if name:
                column.setObjectName(f"{name}.{status}")
            box.addWidget(label)
            box.addWidget(column, 1)
            row.addLayout(box, 1)
            self.columns[status], self.heading_labels[status] = column, label

    def set_cards(self, cards: Sequence[Card]) -> None:
        self._cards = {c.key: c for c in cards}
        selected = self.current_key()
        for column in self.columns.values():
            column.clear()
        counts = dict.fromkeys(self.columns, 0)
        for card in cards:
            column = self.columns.get(card.status)
            if column is None:
                continue
            counts[card.status] += 1
            item = QListWidgetItem("\n".join((card.title, *card.lines)))
            item.setData(KEY_ROLE, card.key)
            item.setToolTip(card.tooltip or item.text())
            item.setSizeHint(QSize(0, 22 + 18 * (1 + len(card.lines))))
            # colours per item, not in the style sheet, which would paint over them
            item.setForeground(QBrush(QColor("#b71c1c" if card.alert else "#172b4d")))
            item.setBackground(QBrush(QColor("#fdecea" if card.alert else "#ffffff")))
            if card.alert:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            column.addItem(item)
            if card.key == selected:
                column.setCurrentItem(item)
        for status, label in self.heading_labels.items():
            label.setText(f"{self._headings[status]} ({counts[status]})")

    def cards_in(self, status: str) -> list[Hashable]:
        column = self.columns[status]
        return [column.item(i).data(KEY_ROLE) for i in range(column.count())]

    def card(self, key: Hashable) -> Card | None:
        return self._cards.get(key)

    def current_key(self) -> Hashable | None:
        for column in self.columns.values():
            item = column.currentItem()
            if item is not None and item.isSelected():
                return item.data(KEY_ROLE)
        return None

    def drop_card(self, key: Hashable, status: str) -> None:
        """A card was dropped on ``status``'s column (what the drag ends in; tests call it)."""
        card = self._cards.get(key)
        if card is not None and card.status != status:
            self.sig_moved.emit(key, status)
