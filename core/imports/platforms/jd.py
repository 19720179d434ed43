"""JD (京东 POP / 京麦) order export (reference §2): one row per SKU line, order amounts
repeated on every line (taken once), ``(删除)``/``(锁定)`` status prefixes."""
from __future__ import annotations

from core.imports.platforms.layout import Layout

LAYOUTS = [
    Layout(
        id="jd.orders",
        platform="jd",
        kind="orders",
        name="JD order export (京东 订单)",
        signature=("订单号|订单编号", "商品名称", "订购数量|订单数量", "京东价", "下单账号|下单时间|应付金额"),
        fields={
            "order_no": ("订单号", "订单编号"),
            "status": ("订单状态",),
            "created_at": ("下单时间",),
            "paid_at": ("付款确认时间",),
            "completed_at": ("订单完成时间",),
            "goods": ("订单金额",),
            "shipping": ("运费金额",),
            "paid": ("应付金额", "实付金额", "结算金额", "订单金额"),
            "buyer_account": ("下单账号",),
            "receiver_name": ("客户姓名",),
            "receiver_phone": ("联系电话", "手机号"),
            "address": ("客户地址", "收货地址"),
            "source": ("订单来源",),
            "title": ("商品名称",),
            "qty": ("订购数量", "订单数量"),
            "unit_price": ("京东价",),
            "sku_code": ("商家SKUID", "货号"),
            "item_id": ("商品ID", "商品编号"),
        },
        required=("order_no",),
        grain="line",
    ),
]
