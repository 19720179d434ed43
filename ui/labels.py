"""Display names for the codes core stores (platform ids, statuses, kinds), translated."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication




def platform_name(code: str) -> str:
    names = {
        "taobao": QCoreApplication.translate("labels", "Taobao/Tmall"), "jd": QCoreApplication.translate("labels", "JD"), "pdd": QCoreApplication.translate("labels", "Pinduoduo"), "douyin": QCoreApplication.translate("labels", "Douyin"),
        "kuaishou": QCoreApplication.translate("labels", "Kuaishou"), "youzan": QCoreApplication.translate("labels", "Youzan"), "shopify": QCoreApplication.translate("labels", "Shopify"),
        "wechat": QCoreApplication.translate("labels", "WeChat Shop"), "xiaohongshu": QCoreApplication.translate("labels", "Xiaohongshu"), "offline": QCoreApplication.translate("labels", "Offline"),
        "other": QCoreApplication.translate("labels", "Other"), "": QCoreApplication.translate("labels", "All channels"),
    }
    return names.get(code, code)


def file_platform_name(code: str | None, kind: str | None) -> str:
    """The platform an imported file came from; a file of no one platform says so instead of
    "Unknown platform": the stock template's products and stock are the whole shop's, the traffic
    template names a platform on each row."""
    if code:
        return platform_name(code)
    if kind == "products":
        return QCoreApplication.translate("labels", "All platforms")
    if kind == "traffic":
        return QCoreApplication.translate("labels", "Platform on each row")
    return QCoreApplication.translate("labels", "Unknown platform")


def period_kind_name(code: str) -> str:
    return {"year": QCoreApplication.translate("labels", "Year"), "half": QCoreApplication.translate("labels", "Half-year"), "quarter": QCoreApplication.translate("labels", "Quarter"), "month": QCoreApplication.translate("labels", "Month")}.get(code, code)


def promotion_kind_name(code: str) -> str:
    return {"festival": QCoreApplication.translate("labels", "Platform festival"), "platform": QCoreApplication.translate("labels", "Platform event"), "own": QCoreApplication.translate("labels", "Own promotion")}.get(code, code)


def promotion_status_name(code: str) -> str:
    return {"planned": QCoreApplication.translate("labels", "Planned"), "running": QCoreApplication.translate("labels", "Running"), "done": QCoreApplication.translate("labels", "Done"), "cancelled": QCoreApplication.translate("labels", "Cancelled")}.get(code, code)


def stock_status_name(code: str) -> str:
    return {
        "out": QCoreApplication.translate("labels", "Out of stock"), "reorder": QCoreApplication.translate("labels", "Reorder now"), "low": QCoreApplication.translate("labels", "Running low"),
        "slow": QCoreApplication.translate("labels", "Slow-moving"), "ok": QCoreApplication.translate("labels", "OK"),
        "below_safety": QCoreApplication.translate("labels", "Below safety stock"),
        "overstock": QCoreApplication.translate("labels", "Overstock"), "dead": QCoreApplication.translate("labels", "Dead stock"),
    }.get(code, code)


def task_status_name(code: str) -> str:
    return {"todo": QCoreApplication.translate("labels", "To do"), "doing": QCoreApplication.translate("labels", "In progress"), "done": QCoreApplication.translate("labels", "Done"), "cancelled": QCoreApplication.translate("labels", "Cancelled")}.get(code, code)


def priority_name(level: int) -> str:
    return {1: QCoreApplication.translate("labels", "High"), 2: QCoreApplication.translate("labels", "Normal"), 3: QCoreApplication.translate("labels", "Low")}.get(level, str(level))
