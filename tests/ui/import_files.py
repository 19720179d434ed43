"""Small export files for the import-wizard tests, written by hand (no platform needed)."""
from __future__ import annotations

import random
from pathlib import Path

TAOBAO_HEADERS = [
    "订单编号", "买家会员名", "买家应付货款", "买家应付邮费", "买家实际支付金额", "订单状态",
    "收货人姓名", "收货地址 ", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝总数量", "店铺名称",
]


def taobao_orders_csv(path: Path, count: int = 3, *, bad_rows: int = 0, encoding: str = "gb18030",
                      status: str = "交易成功") -> Path:
    """A Taobao 订单报表 CSV with ``count`` paid orders; ``bad_rows`` more have a ruined order number."""
    lines = [",".join(TAOBAO_HEADERS)]
    for i in range(count):
        order_no = f'="{3201000000000000 + i}"'
        lines.append(",".join([
            order_no, f"buyer{i}", "99.00", "0.00", f"{99 - i}.00", status, f"张{i}",
            "浙江省 杭州市 西湖区 文三路1号", f"2026-06-{10 + i % 9:02d} 10:00:00",
            f"2026-06-{10 + i % 9:02d} 10:05:00", "纯棉T恤", "1", "小店",
        ]))
    for i in range(bad_rows):
        lines.append(",".join([
            "3.201E+15", f"bad{i}", "99.00", "0.00", "99.00", "交易成功", "李四", "浙江省 杭州市",
            "2026-06-11 10:00:00", "2026-06-11 10:05:00", "纯棉T恤", "1", "小店",
        ]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


UNKNOWN_HEADERS = ["单号", "下单日期", "收款", "客户", "货品"]


def unknown_layout_csv(path: Path, count: int = 4) -> Path:
    """An order list from a home-made spreadsheet ShopDesk has never seen."""
    lines = [",".join(UNKNOWN_HEADERS)]
    for i in range(count):
        lines.append(f"X-{1000 + i},2026-05-{1 + i:02d} 09:30,{120 + i}.50,客户{i},手工皂")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def random_bytes(path: Path, size: int = 4096) -> Path:
    path.write_bytes(b"\x00\x9f\xfe" + random.Random(7).randbytes(size))
    return path
