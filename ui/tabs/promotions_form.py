"""The promotion form (new and edit): name, kind, channels, dates, phases, tiers, scope, budget
(discount cost and ad spend), target GMV,
expected uplift, status, note, and the plan's warnings under them, updated as the owner types.

The scope (whole shop, categories, SKUs) is picked in a searchable check list
(``ui.widgets.check_list``). The warnings (``core.promotion_warnings``: another promotion on the
same goods and channel at the same time, stacked rules that sell a SKU below its cost) are computed
from what the tab loaded, so they follow each keystroke without a query; they never block saving.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from core.i18n import list_text

from ui.labels import platform_name, promotion_kind_name, promotion_status_name
from ui.widgets.check_list import CheckListDialog, Choice
from ui.widgets.editors import CellEditor
from ui.widgets.record_form import FormField, RecordForm

if TYPE_CHECKING:
    from core.promotion_warnings import PlannedPromotion, SkuPrice
    from core.promotions import PromotionRow

KINDS = ("festival", "platform", "own")  # core.edits.promotions.KINDS (no SQLAlchemy here)
STATUSES = ("planned", "running", "done", "cancelled")
PLATFORM_IDS = ("taobao", "jd", "pdd", "douyin", "kuaishou", "youzan", "shopify", "wechat", "xiaohongshu",
                "offline", "other")  # core.orders.PLATFORMS
WARNING_STYLE = "background:#fff4cc; border:1px solid #f2b705; border-radius:3px; padding:4px; color:#3a2a00;"


def parse_channels(text: str) -> list[str]:
    """Channels as typed in the form: names in the UI language, the usual names (淘宝, 天猫, 京东 …)
    or ids, separated by commas, ``、`` or spaces; each once. An unknown one is passed on as it is,
    for core to refuse by name."""
    from core.orders import platform_id

    by_name = {platform_name(p).casefold(): p for p in PLATFORM_IDS}
    out: list[str] = []
    for token in re.split(r"[,，、;；\s]+", text or ""):
        if token:
            code = by_name.get(token.casefold()) or platform_id(token) or token
            if code not in out:
                out.append(code)
    return out


@dataclass
class PlanData:
    """What the form needs besides the promotion: the others (for overlaps), the SKUs (prices,
    costs, categories: for the scope list and below-cost checks) and each promotion's scope."""

    planned: list[PlannedPromotion] = field(default_factory=list)
    skus: list[SkuPrice] = field(default_factory=list)
    scopes: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    warnings: dict[int, list[str]] = field(default_factory=dict)
    festival_choices: Any = None  # core.festival_choices.FestivalChoices (None before the first load)

    def categories(self) -> list[str]:
        return sorted({s.category for s in self.skus if s.category})


class ScopeField(QWidget):
    """The scope in the form: what it covers in words, and Choose… to pick from the lists."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None, data: PlanData) -> None:
        super().__init__(parent)
        self.data = data
        self.value: dict[str, list[str]] = {}
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.choose = QPushButton(self.tr("Choose…"), self)
        self.choose.setObjectName("promotions.form.scope.choose")
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary, 1)
        box.addWidget(self.choose)
        self.choose.clicked.connect(lambda: self.open_dialog().open())
        self.set_value({})

    def set_value(self, value: dict[str, list[str]] | None) -> None:
        from core.promotion_scope import scope_text

        self.value = {k: list(v) for k, v in (value or {}).items() if v}
        self.summary.setText(scope_text(self.value))
        self.sig_changed.emit()

    def open_dialog(self) -> CheckListDialog:
        categories = [Choice(c, c) for c in self.data.categories()]
        skus = [Choice(f"{s.code}  {s.title}", s.code, s.category) for s in self.data.skus]
        dialog = CheckListDialog(
            self, "promotions.scope", self.tr("Scope of the promotion"),
            [("categories", self.tr("Categories"), categories, self.value.get("categories", [])),
             ("skus", self.tr("SKUs"), skus, self.value.get("skus", []))],
            everything=(self.tr("Whole shop"), not self.value),
            intro=self.tr("Which goods does the promotion cover? A category covers all its SKUs. Type in a search "
                          "box to filter its list by name, code or category."))
        dialog.accepted.connect(lambda: self.set_value(dialog.result_values()))
        return dialog


class ScopeEditor(CellEditor):
    """The scope as a form field: a ``ScopeField``, read back as its JSON."""

    def __init__(self, data: PlanData) -> None:
        super().__init__("text", optional=True)
        object.__setattr__(self, "_data", data)

    def create_widget(self, parent: QWidget | None) -> QWidget:
        return ScopeField(parent, self._data)  # type: ignore[attr-defined]

    def set_widget_value(self, widget: QWidget, value: Any) -> None:
        if isinstance(widget, ScopeField):
            widget.set_value(value)

    def widget_text(self, widget: QWidget) -> str:
        return json.dumps(widget.value if isinstance(widget, ScopeField) else {}, ensure_ascii=False)

    def parse(self, text: str) -> Any:
        return json.loads(text or "{}")


def fields(tab, r: PromotionRow | None, day: dt.date, data: PlanData) -> list[FormField]:
    from core.edits.promotions import phases_text
    from core.promotion_tiers import tiers_text

    # The tab's translation context (QCoreApplication.translate spelled out, for lupdate): these strings
    # were the tab's own before the form moved here.
    kinds = CellEditor("choice", choices=lambda: [(promotion_kind_name(k), k) for k in KINDS])
    statuses = CellEditor("choice", choices=lambda: [(promotion_status_name(k), k) for k in STATUSES])
    return [
        FormField("name", QCoreApplication.translate("PromotionsTab", "Name"),
                  CellEditor("text", max_length=200, placeholder="会员日 / 店庆 / 双11"), r.name if r else ""),
        FormField("kind", QCoreApplication.translate("PromotionsTab", "Kind"), kinds, r.kind if r else "own"),
        FormField("platforms", QCoreApplication.translate("PromotionsTab", "Channels"), CellEditor("text", optional=True, max_length=300),
                  list_text(platform_name(p) for p in r.platforms) if r else "",
                  hint=QCoreApplication.translate("PromotionsTab", "Channel names separated by commas, e.g. Taobao/Tmall, Pinduoduo; "
                                           "empty: every channel")),
        FormField("start", QCoreApplication.translate("PromotionsTab", "Start"), CellEditor("date"), r.start if r else day),
        FormField("end", QCoreApplication.translate("PromotionsTab", "End"), CellEditor("date"), r.end if r else day),
        FormField("phases", QCoreApplication.translate("PromotionsTab", "Phases"), CellEditor("text", optional=True, max_length=1000),
                  phases_text(r.phases) if r else "",
                  hint=QCoreApplication.translate("PromotionsTab", "Optional: a name and two dates each, separated by ;  e.g. 预热 "
                                           "11-01~11-03; 正式 11-04~11-11")),
        FormField("rules", QCoreApplication.translate("PromotionsTab", "Tiers"), CellEditor("text", optional=True, max_length=1000),
                  tiers_text(r.rules) if r else "",
                  # what core.promotion_tiers.parse_tiers and validate_tiers accept
                  hint=QCoreApplication.translate("PromotionsTab", "Optional: from the lowest threshold up, separated by "
                                           "spaces, commas, 、 or ;  e.g. 满300减30 满500减60 — or 9折, 满500打8.5折, "
                                           "15% off, 满399送主人杯, 3人团 ¥59, 券 满199减20, 券 无门槛10, 秒杀 ¥39, 会员 "
                                           "9.5折. Each tier asks for more and gives more than the one before; at most "
                                           "10. For 每满300减30, type the tiers it gives: 满300减30 满600减60.")),
        FormField("scope", QCoreApplication.translate("PromotionsTab", "Scope"), ScopeEditor(data), data.scopes.get(r.id, {}) if r else {}),
        FormField("discount_budget_fen", QCoreApplication.translate("PromotionsTab", "Discount cost (yuan)"),
                  CellEditor("money", optional=True, placeholder="3000"), r.discount_budget_fen if r else 0,
                  hint=QCoreApplication.translate("PromotionsTab", "What the tiers, coupons and member prices give away")),
        FormField("ad_budget_fen", QCoreApplication.translate("PromotionsTab", "Ad spend (yuan)"),
                  CellEditor("money", optional=True, placeholder="2000"), r.ad_budget_fen if r else 0,
                  hint=QCoreApplication.translate("PromotionsTab", "Ads, platform fees, samples, influencers; the budget "
                                                  "is discount cost + ad spend")),
        FormField("target_gmv_fen", QCoreApplication.translate("PromotionsTab", "Target GMV (yuan)"),
                  CellEditor("money", optional=True, placeholder="200000"), r.target_gmv_fen if r else None,
                  hint=QCoreApplication.translate("PromotionsTab", "Optional: the GMV you aim at in its days and channels")),
        FormField("expected_uplift", QCoreApplication.translate("PromotionsTab", "Expected uplift"),
                  CellEditor("percent", optional=True, placeholder="30%"), r.expected_uplift if r else None,
                  hint=QCoreApplication.translate("PromotionsTab", "How much more than usual you expect to sell, e.g. 30%")),
        FormField("status", QCoreApplication.translate("PromotionsTab", "Status"), statuses, r.status if r else "planned"),
        FormField("note", QCoreApplication.translate("PromotionsTab", "Note"), CellEditor("text", optional=True, max_length=2000),
                  r.note if r else ""),
    ]


def edit_values(values: dict[str, Any]) -> dict[str, Any]:
    """The form's values as the promotion edits take them."""
    from core.edits.promotions import parse_phases
    from core.promotion_tiers import parse_tiers

    start, end = values["start"], values["end"]
    phases = parse_phases(values["phases"] or "", year=start.year, start=start, end=end)  # 12-30~01-19 across New Year
    return {
        "name": values["name"], "kind": values["kind"], "platforms": tuple(parse_channels(values["platforms"] or "")),
        "start": start, "end": end, "phases": tuple(phases),
        "rules": tuple(parse_tiers(values["rules"] or "")), "scope": values.get("scope") or {},
        "discount_budget_fen": values["discount_budget_fen"] or 0, "ad_budget_fen": values["ad_budget_fen"] or 0,
        "target_gmv_fen": values["target_gmv_fen"], "expected_uplift": values["expected_uplift"],
        "status": values["status"], "note": values["note"] or "",
    }


class PromotionForm(RecordForm):
    """The record form plus the plan's warnings (objectName ``promotions.form.warnings``)."""

    def __init__(self, ctx, title: str, fields_: list[FormField], make_edit, parent: QWidget,
                 data: PlanData, promotion_id: int | None) -> None:
        super().__init__(ctx, "promotions.form", title, fields_, make_edit, parent)
        self.data, self.promotion_id = data, promotion_id
        self.warnings = QLabel(self)
        self.warnings.setObjectName("promotions.form.warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.warnings.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.body_layout.insertWidget(self.body_layout.count() - 1, self.warnings)  # above the spare room
        self.setMinimumWidth(560)
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit):
                widget.editingFinished.connect(self.refresh_warnings)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(lambda *_: self.refresh_warnings())
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda *_: self.refresh_warnings())
            elif isinstance(widget, ScopeField):
                widget.sig_changed.connect(self.refresh_warnings)
        self.refresh_warnings()

    def draft(self) -> PlannedPromotion | None:
        """The promotion as the fields now say, or None while one cannot be read."""
        from core.edits.base import FieldError
        from core.promotion_warnings import PlannedPromotion

        values = {}
        for f in self.fields:
            try:
                values[f.name] = f.editor.parse(f.editor.widget_text(self.widgets[f.name]))
            except ValueError:
                return None
        try:
            v = edit_values(values)
        except (FieldError, ValueError):
            return None
        return PlannedPromotion(self.promotion_id, v["name"] or "", v["start"], v["end"], v["platforms"],
                                v["rules"], v["scope"], v["status"] == "cancelled")

    def current_warnings(self) -> list[str]:
        from core.promotion_warnings import warnings_for

        draft = self.draft()
        if draft is None:
            return []
        return warnings_for(draft, self.data.planned, self.data.skus)

    def refresh_warnings(self) -> None:
        found = self.current_warnings()
        self.warnings.setText("<br>".join(f"⚠ {w}" for w in found))
        self.warnings.setVisible(bool(found))
        if found:
            self.fit_to_messages()
