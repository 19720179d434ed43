"""Data for the data-safety tests: a quickly filled shop and realistic file damage."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import insert

from core.models import Order


def add_orders(db, n: int, start: int = 0) -> None:
    with db.transaction() as s:
        s.execute(
            insert(Order),
            [
                {"platform": "taobao", "order_no": f"{start + i:012d}", "status": "paid", "paid_fen": 1000 + i,
                 "is_paid": True, "pay_date": dt.date(2026, 11, 1), "buyer_name": "买家" * 20}
                for i in range(n)
            ],
        )


def order_count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM orders").fetchone()[0]
    finally:
        con.close()


def damage(path: Path, offset: int = 8192, length: int = 16384) -> None:
    """Overwrite part of the file, as a failing disk or a half-finished sync would."""
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(length)))


TAOBAO_HEADERS = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额", "返点积分",
    "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ",
    "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注", "宝贝总数量",
    "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息",
    "特权订金订单id", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易",
]


def taobao_rows(n: int, start: int = 0) -> list[list[str]]:
    """Rows of the old Taobao 订单报表 (platform-exports.md §1.1), one per order."""
    statuses = ["交易成功", "买家已付款，等待卖家发货", "卖家已发货，等待买家确认", "交易关闭"]
    rows = []
    base = dt.datetime(2026, 5, 1, 9, 0)
    for i in range(start, start + n):
        created = base + dt.timedelta(minutes=7 * i)
        goods = 1990 + (i % 50) * 100
        status = statuses[i % len(statuses)]
        paid = "" if status == "交易关闭" else created.strftime("%Y/%m/%d %H:%M")
        rows.append([
            f"{1930679858170647 + i}", f"买家{i % 997}", f"buyer{i % 997}@qq.com", f"{goods / 100:.2f}", "0", "0",
            f"{goods / 100:.2f}", "0", f"{goods / 100:.2f}", "0", status, "", f"收货人{i % 97}",
            "浙江省 杭州市 西湖区 文三路 1号(310000)", "快递", "", f"'1380000{i % 10000:04d}",
            created.strftime("%Y/%m/%d %H:%M"), paid, "陶瓷马克杯 白色", "1", "", "", "", str(1 + i % 3),
            "0", "小店", "订单未关闭" if status != "交易关闭" else "买家不想买了", "0", "0元", "", "手机订单", "",
            "", "", "", "", "", "0", "0", "否",
        ])
    return rows


def write_taobao_csv(path: Path, n: int, encoding: str = "gbk", start: int = 0) -> Path:
    import csv

    with open(path, "w", encoding=encoding, newline="") as fh:
        out = csv.writer(fh)
        out.writerow(TAOBAO_HEADERS)
        out.writerows(taobao_rows(n, start))
    return path
