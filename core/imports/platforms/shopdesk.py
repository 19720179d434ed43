"""ShopDesk's own templates (``write_template``): stock and daily traffic, any platform."""
from __future__ import annotations

from core.imports.platforms.layout import Layout

STOCK_HEADERS = ("商家编码", "名称", "规格", "分类", "成本价", "售价", "库存", "在途", "供应商", "采购周期(天)", "起订倍数")
TRAFFIC_HEADERS = ("日期", "平台", "访客数", "浏览量", "推广花费")

LAYOUTS = [
    Layout(
        id="shopdesk.stock",
        platform="",
        kind="products",
        name="ShopDesk stock template",
        signature=("商家编码", "名称", "库存", "成本价|售价|在途|采购周期(天)"),
        fields={
            "sku_code": ("商家编码",),
            "title": ("名称",),
            "spec": ("规格",),
            "category": ("分类",),
            "cost": ("成本价",),
            "price": ("售价",),
            "on_hand": ("库存",),
            "in_transit": ("在途",),
            "supplier": ("供应商",),
            "lead_time_days": ("采购周期(天)", "采购周期"),
            "order_multiple": ("起订倍数",),
        },
        required=("sku_code",),
    ),
    Layout(
        id="shopdesk.traffic",
        platform="",
        kind="traffic",
        name="ShopDesk daily traffic template",
        signature=("日期", "平台", "访客数", "浏览量|推广花费"),
        fields={
            "day": ("日期",),
            "platform_name": ("平台",),
            "visitors": ("访客数",),
            "page_views": ("浏览量",),
            "ad_spend": ("推广花费",),
        },
        required=("day", "visitors"),
    ),
]
