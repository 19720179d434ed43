"""What a new owner saw matching the columns of a Taobao order report trimmed by its owner (the real
TB2018.xls: 买家会员名, 买家实际支付金额, 宝贝总数量, 宝贝标题, 收货人姓名, 联系手机, 订单付款时间, 订单创建时间 —
no 订单编号): the wizard said the file holds *members*, because a buyer account is all a member list
requires. A file whose columns are mostly an order's is guessed as orders; a real member list stays
members."""
from __future__ import annotations

from core.imports import inspect_file
from ui.dialogs.column_mapping import likely_kind

TRIMMED_ORDER_REPORT = ["买家会员名", "买家实际支付金额", "宝贝总数量", "宝贝标题", "收货人姓名", "联系手机", "订单付款时间",
                        "订单创建时间"]


def _csv(path, headers, row):
    path.write_text(",".join(headers) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    return inspect_file(path)


def test_an_order_report_without_its_order_number_is_guessed_as_orders(tmp_path):
    insp = _csv(tmp_path / "TB2018.csv", TRIMMED_ORDER_REPORT,
                ["mrsoft001", "39.80", "1", "Python从入门到精通", "***", "182********", "2018-01-01 00:17:59",
                 "2018-01-01 00:17:40"])
    assert likely_kind(insp) == "orders"


def test_a_member_list_is_still_guessed_as_members(tmp_path):
    insp = _csv(tmp_path / "会员.csv", ["客户昵称", "手机号", "消费次数", "消费金额", "上次消费时间", "积分"],
                ["小王", "13800000000", "3", "299.00", "2026-05-01 10:00", "120"])
    assert likely_kind(insp) == "members"
