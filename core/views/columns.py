"""What the export views share: a column (its header translated when the export runs) and the labels
that turn a stored code into the words the tab shows (.xlsx and .csv; JSON keeps the code)."""
from __future__ import annotations

from core.i18n import t
from core.views.base import ViewColumn


def column(key: str, header: str, kind: str = "text", source: str = "", label=None) -> ViewColumn:
    """A column of a view; its header is translated when the export runs (t() looked up then, not at import)."""
    if kind == "money" and not source and key.endswith("_fen"):
        key, source = key[: -len("_fen")], key  # JSON says "budget" (yuan), the row holds fen
    return ViewColumn(key, lambda: t(header), kind, source, label)


def channel(code: str) -> str:
    from core.kpi.output import channel_label

    return channel_label(code)


def channel_or_all(code: str) -> str:
    """A goal's or a plan's channel: none means all of them."""
    return channel(code) if code else t("All channels")


def period_kind(code: str) -> str:
    return {"year": t("Year"), "half": t("Half-year"), "quarter": t("Quarter"), "month": t("Month")}.get(code, code)


def stock_status(code: str) -> str:
    return {"out": t("Out of stock"), "reorder": t("Reorder now"), "low": t("Running low"), "slow": t("Slow-moving"),
            "ok": t("OK"), "below_safety": t("Below safety stock"), "overstock": t("Overstock"),
            "dead": t("Dead stock")}.get(code, code)


def promotion_kind(code: str) -> str:
    return {"festival": t("Platform festival"), "platform": t("Platform event"), "own": t("Own promotion")}.get(code, code)


def promotion_status(code: str) -> str:
    return {"planned": t("Planned"), "running": t("Running"), "done": t("Done"),
            "cancelled": t("Cancelled")}.get(code, code)


def cost_basis(code: str) -> str:
    return {"measured": t("Measured"), "prorated": t("Budget, prorated to the days run"),
            "budget": t("Whole budget")}.get(code, code)


def order_status(code: str) -> str:
    return {"pending_payment": t("Awaiting payment"), "paid": t("Paid, not shipped"), "shipped": t("Shipped"),
            "completed": t("Completed"), "closed": t("Closed"), "refunded": t("Refunded")}.get(code, code)


def priority(level: int) -> str:
    return {1: t("High"), 2: t("Normal"), 3: t("Low")}.get(level, str(level))


def task_status(code: str) -> str:
    return {"todo": t("To do"), "doing": t("In progress"), "done": t("Done"), "cancelled": t("Cancelled")}.get(code, code)


def yes_no(value: bool) -> str:
    return t("yes") if value else t("no")


def phase_text(phase: dict[str, str]) -> str:
    # One phase as the promotion form takes it: 预热 11-01~11-03 (a sheet lists them with 、)
    return f"{phase['name']} {phase['start'][5:]}~{phase['end'][5:]}"
