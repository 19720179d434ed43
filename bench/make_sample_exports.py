"""Write two small Taobao 订单报表 exports for the frozen smoke test: an .xlsx and a GBK .csv.

    python bench/make_sample_exports.py OUT_DIR [--orders 30]

Both use the old Taobao order report's headers (reference/platform-exports.md §1.1), with
their trailing spaces, one row per order, ids as text. The .csv is GBK-encoded with the
`="…"` wrapping Taobao puts around order numbers; the .xlsx has different order numbers, so
importing both adds every order. Prints the two paths, one per line. Needs openpyxl.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

HEADERS = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额", "返点积分",
    "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ",
    "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注", "宝贝总数量",
    "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息",
    "特权订金订单id", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易",
]
TITLES = ["北欧实木床头柜 免安装", "加厚珊瑚绒毛毯 双人", "陶瓷马克杯 带盖勺", "棉麻抱枕套 45cm", "香薰蜡烛礼盒 三只装"]
STATUSES = ["交易成功", "交易成功", "卖家已发货，等待买家确认", "买家已付款，等待卖家发货", "交易关闭"]
PROVINCES = ["浙江省 杭州市 西湖区", "广东省 深圳市 南山区", "江苏省 苏州市 姑苏区", "上海 上海市 浦东新区"]


def order_rows(first_id: int, count: int, seed: int) -> list[list[str]]:
    rnd = random.Random(seed)
    rows = []
    start = dt.datetime(2026, 11, 1, 9, 0)
    for i in range(count):
        created = start + dt.timedelta(hours=7 * i, minutes=rnd.randrange(60))
        status = STATUSES[i % len(STATUSES)]
        qty = rnd.randint(1, 3)
        goods = qty * rnd.choice([39, 59, 89, 129, 299])
        postage = rnd.choice([0, 0, 6])
        paid_at = "" if status == "交易关闭" and i % 2 else (created + dt.timedelta(minutes=3)).strftime("%Y-%m-%d %H:%M:%S")
        row = {h: "" for h in HEADERS}
        row.update({
            "订单编号": str(first_id + i), "买家会员名": f"买家{rnd.randrange(10_000):04d}",
            "买家应付货款": f"{goods:.2f}", "买家应付邮费": f"{postage:.2f}", "买家支付积分": "0",
            "总金额": f"{goods + postage:.2f}", "返点积分": "0", "买家实际支付金额": f"{goods + postage:.2f}",
            "买家实际支付积分": "0", "订单状态": status, "收货人姓名": "张*", "收货地址 ": rnd.choice(PROVINCES) + " 示例路1号",
            "运送方式": "快递", "联系手机": "138****0000", "订单创建时间": created.strftime("%Y-%m-%d %H:%M:%S"),
            "订单付款时间 ": paid_at, "宝贝标题 ": rnd.choice(TITLES), "宝贝种类 ": "1", "物流公司": "中通快递",
            "宝贝总数量": str(qty), "店铺Id": "0", "店铺名称": "小白的家居店",
            "订单关闭原因": "买家不想买了" if status == "交易关闭" else "订单未关闭", "卖家服务费": "0", "买家服务费": "0元",
            "是否手机订单": "手机订单",
        })
        rows.append([row[h] for h in HEADERS])
    return rows


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "订单报表"
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)  # every value is text, as in the platform's own download
    wb.save(path)


def write_gbk_csv(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="gbk", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([f'="{row[0]}"', *row[1:]])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--orders", type=int, default=30, help="orders per file (default 30)")
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    xlsx = args.out_dir / "淘宝订单报表.xlsx"
    gbk = args.out_dir / "ExportOrderList202611.csv"
    write_xlsx(xlsx, order_rows(4_102_938_475_610_000, args.orders, seed=1))
    write_gbk_csv(gbk, order_rows(4_102_938_475_620_000, args.orders, seed=2))
    print(xlsx)
    print(gbk)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
