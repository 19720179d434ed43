"""Display names for the codes core stores (platform ids, statuses, kinds), translated."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def platform_name(code: str) -> str:
    names = {
        "taobao": _tr("Taobao/Tmall"), "jd": _tr("JD"), "pdd": _tr("Pinduoduo"), "douyin": _tr("Douyin"),
        "kuaishou": _tr("Kuaishou"), "youzan": _tr("Youzan"), "shopify": _tr("Shopify"),
        "wechat": _tr("WeChat Shop"), "xiaohongshu": _tr("Xiaohongshu"), "offline": _tr("Offline"),
        "other": _tr("Other"), "": _tr("All channels"),
    }
    return names.get(code, code)


def period_kind_name(code: str) -> str:
    return {"year": _tr("Year"), "half": _tr("Half-year"), "quarter": _tr("Quarter"), "month": _tr("Month")}.get(code, code)


def promotion_kind_name(code: str) -> str:
    return {"festival": _tr("Platform festival"), "platform": _tr("Platform event"), "own": _tr("Own promotion")}.get(code, code)


def promotion_status_name(code: str) -> str:
    return {"planned": _tr("Planned"), "running": _tr("Running"), "done": _tr("Done"), "cancelled": _tr("Cancelled")}.get(code, code)


def stock_status_name(code: str) -> str:
    return {
        "out": _tr("Out of stock"), "reorder": _tr("Reorder now"), "low": _tr("Running low"),
        "slow": _tr("Slow-moving"), "ok": _tr("OK"),
    }.get(code, code)


def task_status_name(code: str) -> str:
    return {"todo": _tr("To do"), "doing": _tr("In progress"), "done": _tr("Done")}.get(code, code)


def priority_name(level: int) -> str:
    return {1: _tr("High"), 2: _tr("Normal"), 3: _tr("Low")}.get(level, str(level))
