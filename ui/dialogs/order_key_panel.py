"""The "Match columns" step's rule for a file without an order number (issue #18, trimmed exports).

Shown when the file holds orders and no column is chosen for the order number: instead of an
order number, the owner picks the rule that identifies orders from columns the file has (buyer +
order created time by default, else buyer + payment time, ``core.imports.order_key``). The rule is
said in words with the file's column names, and the order number ShopDesk makes for the file's
first row is shown, so the owner sees what the orders will be called.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.imports.order_key import RULES, default_rule, key_text, order_number, rule_words

RULE_STYLE = "QFrame#importMappingOrderKey { background:#f4f8fc; border:1px solid #c9d9ea; border-radius:4px; }"


class OrderKeyPanel(QFrame):
    """Visible while the order-number field has no column; ``rule()`` is the chosen rule, or None
    when the columns it needs are not chosen (the order number then stays required)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingOrderKey")
        self.setStyleSheet(RULE_STYLE)
        self.title = QLabel(self.tr("No order number column: identify the orders by"), self)
        self.title.setStyleSheet("font-weight:600; border:none; background:transparent;")
        self.combo = QComboBox(self)
        self.combo.setObjectName("import.mapping.order_key")
        self.combo.addItem(self.tr("Buyer and order created time"), RULES[0])
        self.combo.addItem(self.tr("Buyer and payment time"), RULES[1])
        self.combo.currentIndexChanged.connect(lambda _i: self._explain())
        self.words = QLabel(self)
        self.words.setObjectName("import.mapping.order_key_rule")
        self.words.setWordWrap(True)
        self.words.setStyleSheet("border:none; background:transparent; color:#1f2a37;")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.words)
        self._chosen: dict[str, str] = {}
        self._samples: dict[str, list[str]] = {}
        self._user_rule: tuple[str, ...] | None = None
        self.active = False
        self.combo.activated.connect(lambda i: setattr(self, "_user_rule", self.combo.itemData(i)))
        self.hide()

    def update_for(self, kind: str, chosen: dict[str, str], samples: dict[str, list[str]]) -> None:
        """``chosen``: field → header of the mapping table; ``samples``: header → its first cells, row by row."""
        self._chosen, self._samples = dict(chosen), samples
        active = self.active = kind == "orders" and not chosen.get("order_no")
        self.setVisible(active)
        if not active:
            return
        possible = [r for r in RULES if all(chosen.get(f) for f in r)]
        model = self.combo.model()
        for i in range(self.combo.count()):
            model.item(i).setEnabled(self.combo.itemData(i) in possible)  # type: ignore[attr-defined]
        wanted = self._user_rule if self._user_rule in possible else default_rule(k for k, v in chosen.items() if v)
        self.combo.blockSignals(True)
        if wanted is not None:
            self.combo.setCurrentIndex(self.combo.findData(wanted))
        self.combo.setEnabled(bool(possible))
        self.combo.blockSignals(False)
        self._explain()

    def rule(self) -> tuple[str, ...] | None:
        if not self.active:
            return None
        rule = self.combo.currentData()
        return tuple(rule) if rule and all(self._chosen.get(f) for f in rule) else None

    def _explain(self) -> None:
        rule = self.rule()
        if rule is None:
            self.words.setText(self.tr(
                "Choose the order number column above; or, if the file has none, the columns of the buyer (Buyer "
                "account) and of the order created time or payment time: each row is then one order, identified by them."))
            return
        text = rule_words(rule, self._chosen)
        example = self._example(rule)
        self.words.setText(text + " " + (self.tr(
            "ShopDesk numbers each order from them, the first row as %1, so importing this file again, or one that "
            "overlaps it, updates these orders and never adds them twice.").replace("%1", example) if example else self.tr(
            "ShopDesk numbers each order from them, so importing this file again, or one that overlaps it, updates "
            "these orders and never adds them twice.")))

    def _example(self, rule: tuple[str, ...]) -> str:
        """The order number of the file's first row with both key cells."""
        columns = [self._samples.get(self._chosen[f], []) for f in rule]
        for cells in zip(*columns):
            try:
                texts = [key_text(f, c or None) for f, c in zip(rule, cells)]
            except (ValueError, OverflowError, ArithmeticError):
                continue
            if all(texts):
                return order_number(rule, texts)  # type: ignore[arg-type]
        return ""
