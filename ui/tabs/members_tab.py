"""会员 Members: customers by tier and RFM segment, the recall lists, the tier rules and their log."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QTabWidget,
)

from core.money import format_fen
from ui.labels import platform_name
from ui.tabs.base import Part, TabPage
from ui.tabs.members_charts import CohortCharts, SegmentCharts
from ui.tabs.members_points import PointsPanel
from ui.tasks import run_task
from ui.widgets.banner import Banner
from ui.widgets.editors import CellEditor
from ui.widgets.export_button import ExportButton
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.lazy_table import PAGE, LazyRecordModel, SourceSortProxy
from ui.widgets.record_form import FormField, RecordForm
from ui.widgets.record_table import RecordTable
from ui.widgets.table_model import CellEdit, Column

if TYPE_CHECKING:  # core.members loads SQLAlchemy: only in load(), after the window is shown
    from sqlalchemy.orm import Session

SLEEPING_DAYS = 180  # core.members.SLEEPING_DAYS (no SQLAlchemy here)
# core.rfm segment ids in the owner's reading order, for the filter (labels come with the rows).
SEGMENT_IDS = ("champions", "cant_lose", "big_spenders", "at_risk", "loyal_small", "needs_attention", "new", "lost")


class MembersTab(TabPage):
    key = "members"
    topics = frozenset({"customers", "tiers", "points", "orders", "imports"})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("members.summary")
        self.segments = QLabel(self)
        self.segments.setWordWrap(True)
        self.segments.setObjectName("members.segments")
        self.currency_note = Banner(self)  # channels in other currencies: converted, or months without a rate
        self.currency_note.setObjectName("members.currency")
        self.currency_note.hide()
        self.tier_filter = FilterCombo(self.tr("All tiers"), self)
        self.tier_filter.setObjectName("members.tier_filter")
        self.platform_filter = FilterCombo(self.tr("All channels"), self)
        self.platform_filter.setObjectName("members.channel_filter")
        self.segment_filter = FilterCombo(self.tr("All segments"), self)
        self.segment_filter.setObjectName("members.segment_filter")
        self.list_filter = FilterCombo(self.tr("All customers"), self)
        self.list_filter.setObjectName("members.recall_list")
        self.list_filter.set_choices([
            (self.tr("Sleeping (no order for %1 days)").replace("%1", str(SLEEPING_DAYS)), "sleeping"),
            (self.tr("At-risk high-value"), "at_risk"),
            (self.tr("Close to the next tier"), "near_tier"),
        ])
        columns = self._columns()
        self.table = RecordTable(columns, self, name="members.table", model=self._lazy(columns),
                                 proxy=SourceSortProxy(self))
        # 200,000 customers: rows are read a page at a time; sorting and filtering are done over
        # arrays or by the database (core.member_pages), the first page comes with the load.
        header = self.table.view.horizontalHeader()
        header.setResizeContentsPrecision(PAGE)
        header.setSortIndicator(6, Qt.SortOrder.DescendingOrder)  # highest spend first
        self._rule = "spend"
        self.log = RecordTable(
            [
                Column(self.tr("When"), "datetime", field="at"),
                Column(self.tr("Customer"), field="customer"),
                Column(self.tr("Channel"), field="platform", fmt=platform_name),
                Column(self.tr("From tier"), field="from_tier", fmt=lambda v: v or "—"),
                Column(self.tr("To tier"), field="to_tier"),
                Column(self.tr("Why"), field="why"),
                Column(self.tr("By"), field="by"),
            ],
            self, key=lambda r: r.id, name="members.tier_log",
        )
        self.rules_button = QPushButton(self.tr("Tier rules…"), self)
        self.rules_button.setObjectName("members.tier_rules_button")
        self.rules_button.clicked.connect(self.edit_tier_rules)
        self.recompute_button = QPushButton(self.tr("Recompute tiers and points"), self)
        self.recompute_button.setObjectName("members.recompute")
        self.recompute_button.setToolTip(self.tr("Upgrade whoever reached a higher tier; downgrade, one tier, those "
                                                 "whose validity ended below the retention (保级) threshold; earn points on new paid "
                                                 "orders and let lapsed points expire"))
        self.recompute_button.clicked.connect(self.recompute)
        self.rebuild_button = QPushButton(self.tr("Rebuild from orders"), self)
        self.rebuild_button.setObjectName("members.rebuild")
        self.rebuild_button.clicked.connect(self.rebuild)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:"), self))
        for w in (self.list_filter, self.segment_filter, self.tier_filter, self.platform_filter):
            bar.addWidget(w)
        bar.addStretch(1)
        actions = QHBoxLayout()  # on the summary's line, as on the Team tab: the window fits a 1024-pixel screen
        actions.addWidget(self.summary, 1)
        for w in (self.rules_button, self.recompute_button, self.rebuild_button):
            actions.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        self.points = PointsPanel(self, self)
        self.lower = QTabWidget(self)
        self.lower.setObjectName("members.lower")
        self.lower.addTab(self.log, self.tr("Tier changes"))
        self.lower.addTab(self.points, self.tr("Points ledger"))
        self.charts = SegmentCharts(self.show_segment, self)
        self.lower.addTab(self.charts, self.tr("Tiers and segments"))
        self.cohorts = CohortCharts(self, self)
        self.lower.addTab(self.cohorts, self.tr("Repurchase and cohorts"))
        # The panel's charts need 300 px; in a small window it scrolls rather than squeezing the list.
        lower = QScrollArea(self)
        lower.setWidget(self.lower)
        lower.setWidgetResizable(True)
        lower.setFrameShape(QFrame.Shape.NoFrame)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.body.addWidget(self.currency_note)
        self.body.addLayout(actions)
        self.body.addWidget(self.segments)
        self.body.addLayout(bar)
        self.body.addWidget(split, 1)
        self.export_button = ExportButton(ctx, "members", self)  # the same rows as `export members FILE`
        self.table.toolbar.addWidget(self.export_button)
        # The recall lists for an SMS / WeChat campaign: one sheet per list (`export member-lists FILE`).
        self.lists_button = ExportButton(ctx, "member-lists", self, name="export_lists")
        self.lists_button.setText(self.tr("Export lists…"))
        self.lists_button.setToolTip(self.tr("Write the recall lists (sleeping, at-risk high-value, close to the next "
                                             "tier) for an SMS or WeChat campaign: one sheet per list, phone and name "
                                             "as the shop's exports gave them"))
        self.table.toolbar.addWidget(self.lists_button)
        self.tier_filter.currentIndexChanged.connect(lambda: self.table.proxy.set_exact("tier", self.tier_filter.value()))
        self.platform_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact("platform", self.platform_filter.value()))
        self.segment_filter.currentIndexChanged.connect(
            lambda: self.table.proxy.set_exact("segment", self.segment_filter.value()))
        self.list_filter.currentIndexChanged.connect(self._on_list)
        self.table.sig_edits.connect(self.save_cells)
        self.table.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.sig_problem.connect(lambda text: self.banner.show_message(text, "error"))
        self._tiers: list[dict] = []
        self._selecting = False
        self._sized = False
        self._cohorts_stale = True
        self._cohorts_asked = 0
        self.lower.currentChanged.connect(self._load_cohorts_if_shown)

    def _columns(self) -> list[Column]:
        return [
                Column(self.tr("Buyer"), get=lambda r: r.name or r.buyer_key),
            Column(self.tr("Channel"), field="platform", fmt=platform_name),
            Column(self.tr("Tier"), field="tier"),
            Column(self.tr("Segment (RFM)"), field="segment_label",
                   tooltip=self.tr("R, F and M scored 1–5 by quintiles; 4 or 5 counts as high")),
            Column(self.tr("R-F-M"), get=lambda r: f"{r.r}-{r.f}-{r.m}" if r.r is not None else None),
            Column(self.tr("Orders"), "int", field="orders"),
            Column(self.tr("Spend"), "money", field="spend_fen", tooltip=self.tr("Paid minus successful refunds")),
            Column(self.tr("Refunds"), "money", field="refund_fen"),
            Column(self.tr("First order"), "datetime", field="first_order"),
            Column(self.tr("Last order"), "datetime", field="last_order"),
            Column(self.tr("Days since last order"), "int", field="days_since_last",
                   colour=lambda v, _r: "#c62828" if v is not None and v > SLEEPING_DAYS else None),
            Column(self.tr("Next tier"), field="next_tier"),
            Column(self.tr("Still needed"), "int", get=lambda r: r.to_next_tier,
                   fmt=lambda v: "—" if v is None else format_fen(v) if self._rule == "spend" else f"{v:,}"),
            Column(self.tr("Favourite categories"), field="categories"),
            Column(self.tr("Tags"), field="tags", editor=CellEditor("text", optional=True, max_length=300),
                   tooltip=self.tr("Your own tags, separated by commas; Ctrl+Z undoes")),
            Column(self.tr("Note"), field="note", editor=CellEditor("text", optional=True, max_length=2000)),
            Column(self.tr("Points"), "int", field="points"),
        ]

    def _lazy(self, columns: list[Column]) -> LazyRecordModel:
        # Sort keys of the computed columns (core.member_index.MemberIndex.order).
        model = LazyRecordModel(columns, self, sort_keys={0: "buyer", 4: "rfm", 12: "to_next_tier"})
        model.set_sort("spend_fen", True)
        return model

    def _on_list(self) -> None:
        wanted = self.list_filter.value()
        self.table.model.set_filters({f"on_{name}": True if name == wanted else None
                                      for name in ("sleeping", "at_risk", "near_tier")})

    def _on_current(self, *_args) -> None:
        if self._selecting:
            return
        rows = self.table.selected_records()
        self.points.show_customer(rows[0] if rows else None)

    def title(self) -> str:
        return self.tr("Members")

    def parts(self) -> list[Part]:
        # The cohorts (a pass over every paid order) load when their pane is opened, so they never
        # compete with the first screen.
        return [Part("main", self.load, self.show_data), Part("points_check", self.load_check, self.points.show_check)]

    def _load_cohorts_if_shown(self) -> None:
        if self.lower.currentWidget() is not self.cohorts or not self._cohorts_stale:
            return
        self._cohorts_stale = False
        self._cohorts_asked += 1
        asked, db, today = self._cohorts_asked, self.ctx.db, self.view_params()

        def work(_task_ctx):
            with db.session() as session:
                return self.load_cohorts(session, today)

        def done(data) -> None:
            if asked == self._cohorts_asked:  # else a newer load was asked for meanwhile
                self.cohorts.show_data(data)

        run_task(self, work, on_done=done)

    @staticmethod
    def load_cohorts(session: Session, today: dt.date):
        from core.cohorts import activity, cohort_rows, cohorts, repurchase_by_month

        buyers = activity(session.connection(), today)
        return repurchase_by_month(buyers, today), cohort_rows(cohorts(buyers, today))

    def show_segment(self, segment: str) -> None:
        """A click on a segment in the chart: its members in the table."""
        self.list_filter.setCurrentIndex(0)
        self.segment_filter.setCurrentIndex(max(self.segment_filter.findData(segment), 0))

    @staticmethod
    def load_check(session: Session, _today: dt.date):
        from core.points import ledger_mismatches

        return ledger_mismatches(session.connection(), limit=5)

    def load(self, session: Session, today: dt.date):
        from sqlalchemy import select

        from core.members import currency_note
        from core.member_index import build_index
        from core.member_pages import MemberPages
        from core.members import tier_distribution, tier_log_rows
        from core.models import Tier
        from core.points import ledger_rows

        conn = session.connection()
        index = build_index(conn, today)
        # The first page in the table's current order and filters, read here, off the GUI thread;
        # later pages are read as the owner scrolls (core.member_pages).
        pages = MemberPages(self.ctx.db, index)
        arranged = self.table.model.arrangement()
        pages.arrange(*arranged, conn=conn)
        first = pages.fetch(0, min(PAGE, pages.count), conn=conn)
        tiers = [{"name": t.name, "threshold": t.threshold, "retention": t.retention_threshold, "rule": t.rule,
                  "window_days": t.window_days, "validity_days": t.validity_days, "benefits": t.benefits,
                  "multiplier": t.points_multiplier, "per_yuan": t.points_per_yuan,
                  "expiry_months": t.points_expiry_months}
                 for t in session.scalars(select(Tier).order_by(Tier.rank))]
        # The points ledger of the customer shown (after an adjustment or a recompute), else of the
        # top spender: the ledger is never an empty pane after a load.
        shown = self.points.customer.id if self.points.customer is not None else None
        pick = shown if shown is not None and index.position_of(shown) is not None else index.top_spender()
        picked = index.rows(conn, [index.position_of(pick)]) if pick is not None else []
        ledger = (picked[0] if picked else None, ledger_rows(conn, pick) if picked else [])
        summary = index.segment_summary()
        counts = index.tier_counts()
        figures = {"customers": index.count, "tiers": counts, "repeat": index.repeat_buyers(),
                   "sleeping": index.sleeping_count(), "platforms": sorted(set(index.platform.tolist())),
                   "currency": currency_note(conn)}
        return (pages, first, arranged, figures, tiers, summary, tier_log_rows(session),
                tier_distribution(session, today, counts), ledger)

    def show_data(self, data) -> None:
        pages, first, arranged, figures, tiers, summary, log, distribution, (row, ledger) = data
        self.charts.show_data(distribution, summary)
        self._tiers = tiers
        self._rule = tiers[0]["rule"] if tiers else "spend"
        total = figures["customers"]
        note = figures.get("currency")
        if note is not None:
            self.currency_note.show_message(note[1], note[0])
        else:
            self.currency_note.clear_message()
        if not total:
            self.banner.show_message(self.tr("No members yet. Customers appear here once orders with a buyer account (or a member export) are imported."))
        self.tier_filter.set_choices([(t["name"], t["name"]) for t in tiers])
        self.platform_filter.set_choices(sorted((platform_name(p), p) for p in figures["platforms"]))
        self.segment_filter.set_choices([(s.label, s.segment) for s in sorted(summary, key=lambda s: SEGMENT_IDS.index(s.segment))])
        self.table.model.set_source(pages, first, arranged)
        if not self._sized and total:
            self._sized = True  # widths follow the first page; after that they are the owner's
            self.table.view.resizeColumnsToContents()
            for col in range(self.table.model.columnCount()):
                self.table.view.setColumnWidth(col, min(self.table.view.columnWidth(col), 360))
            # Sized on the first page only: leave room for the longer names further down.
            self.table.view.setColumnWidth(0, max(self.table.view.columnWidth(0), 140))
        at = self.table.model.row_of(row.id) if row is not None else None
        if at is not None:
            row = self.table.model.row(at)  # the table's own record of it
            self._selecting = True
            try:
                self.table.view.setCurrentIndex(self.table.proxy.mapFromSource(self.table.model.index(at, 0)))
            finally:
                self._selecting = False
        self.points.show_loaded(row, ledger)
        self._cohorts_stale = True
        self._load_cohorts_if_shown()
        self.log.set_rows(log, sort_column=0, order=Qt.SortOrder.DescendingOrder)
        self.summary.setVisible(bool(total))
        self.segments.setVisible(bool(summary))
        self.segments.setText("　".join(
            self.tr("%1: %2 (%3, %4 days)").replace("%1", s.label).replace("%2", f"{s.customers:,}")
            .replace("%3", format_fen(s.spend_fen))
            .replace("%4", "—" if s.average_recency_days is None else f"{s.average_recency_days:,.0f}")
            for s in summary))
        if not total:
            self.summary.clear()
            return
        by_tier = figures["tiers"]
        tier_text = self.tr(", ").join(f"{t['name']} {by_tier[t['name']]:,}" for t in tiers if by_tier.get(t["name"]))
        if tier_text:
            text = self.tr("%1 customers (%2). %3 bought more than once; %4 have not bought for over %5 days.")
        else:  # no customer is in a tier yet: no empty brackets
            text = self.tr("%1 customers. %3 bought more than once; %4 have not bought for over %5 days.")
        self.summary.setText(
            text.replace("%1", f"{total:,}").replace("%2", tier_text).replace("%3", f"{figures['repeat']:,}")
            .replace("%4", f"{figures['sleeping']:,}").replace("%5", str(SLEEPING_DAYS))
        )

    # -- editing (the one editing path)
    def save_cells(self, cells: list[CellEdit]) -> None:
        from core.edits import Batch
        from core.edits.members import SetCustomerFields

        edits = tuple(SetCustomerFields.of(c.key, **{c.field: c.value}) for c in cells)
        self.run_cell_edits(self.table, cells, edits[0] if len(edits) == 1 else Batch(edits, cells=len(cells)))

    def recompute(self) -> None:
        from core.edits.members import RecomputeTiers

        self.banner.clear_message()
        self.ctx.edits.run(RecomputeTiers(self.ctx.today()), parent=self)

    def rebuild(self) -> None:
        from core.edits.members import RebuildCustomers

        self.banner.clear_message()
        self.ctx.edits.run(RebuildCustomers(), parent=self)

    def edit_tier_rules(self) -> RecordForm:
        from core.edits.members import SetTierRules, TierSpec
        from core.tiers import DEFAULT_TIERS

        tiers = self._tiers or [{"name": n, "threshold": th, "retention": keep, "benefits": b, "rule": "spend",
                                 "window_days": 365, "validity_days": 365, "multiplier": 100, "per_yuan": 1,
                                 "expiry_months": 12} for n, th, keep, b in DEFAULT_TIERS]
        tiers = (tiers + [dict(tiers[-1], name="")] * 4)[:4]
        rule = tiers[0]["rule"]
        amount = CellEditor("money") if rule == "spend" else CellEditor("int")
        fields = [
            FormField("rule", self.tr("Tiers follow"), CellEditor("choice", choices=lambda: [
                (self.tr("Spend in the window"), "spend"), (self.tr("Paid orders in the window"), "orders")]), rule,
                hint=self.tr("Reopen this form after changing it: thresholds are yuan for spend, a count for orders")),
            FormField("window_days", self.tr("Rolling window (days)"), CellEditor("int"), tiers[0]["window_days"]),
            FormField("validity_days", self.tr("Validity (days)"), CellEditor("int"), tiers[0]["validity_days"],
                      hint=self.tr("A member below the retention (保级) threshold when this ends drops one tier")),
            FormField("points_per_yuan", self.tr("Points per yuan paid"), CellEditor("int"), tiers[0]["per_yuan"],
                      hint=self.tr("Times each tier's multiplier below; 0 turns earning off")),
            FormField("points_expiry_months", self.tr("Points valid (months)"), CellEditor("int"),
                      tiers[0]["expiry_months"], hint=self.tr("Unspent points lapse this many months after earning")),
        ]
        for i, t in enumerate(tiers):
            fields.append(FormField(f"name_{i}", self.tr("Tier %1 name").replace("%1", str(i + 1)),
                                    CellEditor("text", max_length=40), t["name"]))
            if i:
                fields.append(FormField(f"threshold_{i}", self.tr("  upgrade at"), amount, t["threshold"]))
                fields.append(FormField(f"retention_{i}", self.tr("  retention (保级) at"), amount, t["retention"]))
            fields.append(FormField(f"multiplier_{i}", self.tr("  points multiplier (%)"), CellEditor("int"),
                                    t["multiplier"], hint=self.tr("100 = ×1, 150 = ×1.5") if i == 0 else ""))
            fields.append(FormField(f"benefits_{i}", self.tr("  benefits"), CellEditor("text", optional=True, max_length=2000),
                                    t["benefits"]))

        def make(v: dict) -> SetTierRules:
            specs = tuple(TierSpec(v[f"name_{i}"] or "", v.get(f"threshold_{i}", 0), v.get(f"retention_{i}", 0),
                                   v[f"benefits_{i}"] or "", v[f"multiplier_{i}"]) for i in range(4))
            return SetTierRules(v["rule"], v["window_days"], v["validity_days"], specs, v["points_per_yuan"],
                                v["points_expiry_months"], today=self.ctx.today())  # members follow at once

        form = RecordForm(self.ctx, "members.tier_rules", self.tr("Tier rules"), fields, make, self)
        form.setMinimumSize(600, 900)  # 23 fields with hints and errors under them: narrower clips them
        form.open()
        return form
