"""Alias tables: each platform export layout ShopDesk recognises, by header names.

A ``Layout`` says which headers identify the file (``signature``; ``"a|b"`` = either) and
which headers may carry each canonical field (``fields``, first match wins). Headers are
compared normalised (``headers.norm``), so spaces, full-width brackets and 帐/账 need no
extra aliases. The names come from reference/platform-exports.md.
"""
from __future__ import annotations

from core.imports.platforms import douyin, jd, kuaishou, pdd, shopdesk, shopify, taobao, wechat, youzan
from core.imports.platforms.layout import Layout

__all__ = ["Layout", "all_layouts", "layout_by_id"]


def all_layouts() -> list[Layout]:
    layouts: list[Layout] = []
    for module in (taobao, jd, pdd, douyin, kuaishou, youzan, shopify, wechat, shopdesk):
        layouts.extend(module.LAYOUTS)
    return layouts


def layout_by_id(layout_id: str) -> Layout:
    for layout in all_layouts():
        if layout.id == layout_id:
            return layout
    raise KeyError(layout_id)
