"""The value parsers: money, dates, ids (examples from the reference + property tests)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.imports.headers import norm
from core.imports.statuses import normalize_status
from core.imports.values import parse_datetime, parse_id, parse_int, parse_money


@pytest.mark.parametrize("text,fen", [
    ("¥1,299.90", 129990), ("￥0", 0), ("598.00元", 59800), ("499.00（系统计算中，该值仅供参考）", 49900),
    ("0元", 0), ("\t35.80\t", 3580), ("-12.5", -1250), (0.285, 29), (12, 1200), ("1,019.90", 101990), ("RMB 5", 500),
])
def test_money_examples(text, fen):
    assert parse_money(text) == fen


@pytest.mark.parametrize("text", ["-", "--", "—", "——", "/", "null", "None", "nan", "#NULL!", "", " ", "\t"])
def test_null_markers(text):
    assert parse_money(text) is None and parse_id(text) is None and parse_datetime(text) is None


@given(st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2))
def test_money_round_trips_any_two_decimal_amount(amount):
    fen = int(amount * 100)
    assert parse_money(f"¥{amount:,.2f}") == fen
    assert parse_money(f"{amount}元") == fen
    assert parse_money(f"{amount}（系统计算中）") == fen
    assert parse_money(float(amount)) == fen


@given(st.datetimes(min_value=dt.datetime(1992, 1, 1), max_value=dt.datetime(2090, 12, 31)).map(lambda d: d.replace(microsecond=0)))
def test_every_listed_date_format(when):
    assert parse_datetime(when.strftime("%Y-%m-%d %H:%M:%S")) == when
    assert parse_datetime(f"{when.year}/{when.month}/{when.day} {when.hour}:{when.minute:02d}") == when.replace(second=0)
    assert parse_datetime(when.strftime("%Y年%m月%d日 %H:%M:%S")) == when
    assert parse_datetime(when.strftime("%Y.%m.%d")) == dt.datetime(when.year, when.month, when.day)
    assert parse_datetime(when.strftime("%Y/%m/%d")) == dt.datetime(when.year, when.month, when.day)
    serial = (when - dt.datetime(1899, 12, 30)).total_seconds() / 86400
    assert abs((parse_datetime(serial) - when).total_seconds()) <= 1
    utc = when.strftime("%Y-%m-%d %H:%M:%S +0000")  # China has had no DST since 1991
    assert parse_datetime(utc) == when + dt.timedelta(hours=8)


@given(st.integers(min_value=0, max_value=10**19).map(str))
def test_ids_survive_every_protection(digits):
    for wrapped in (digits, f'="{digits}"', f"'{digits}", f"\t{digits}\t", f" {digits} "):
        assert parse_id(wrapped) == digits


@pytest.mark.parametrize("damaged", ["1.93068E+15", "1.23457e+18", "2E+16", 1.9306798581706472e18, 12345678901234567])
def test_scientific_ids_are_refused(damaged):
    with pytest.raises(ValueError, match="scientific notation"):
        parse_id(damaged)


def test_small_numeric_ids_are_fine():
    assert parse_id(11729384072.0) == "11729384072"


@given(st.text(max_size=30))
def test_parsers_never_crash(text):
    for parse in (parse_money, parse_datetime, parse_int, parse_id):
        try:
            parse(text)
        except ValueError:
            pass


@pytest.mark.parametrize("text,paid,status", [
    ("买家已付款，等待卖家发货", None, "paid"), ("买家已付款,等待卖家发货", None, "paid"),
    ("卖家已发货，等待买家确认", None, "shipped"), ("交易成功", None, "completed"), ("交易关闭", None, "closed"),
    ("交易关闭", dt.datetime(2024, 1, 1), "refunded"), ("(删除)等待出库", None, "paid"), ("(锁定)等待确认收货", None, "shipped"),
    ("已发货，退款成功", None, "refunded"), ("等待买家付款", None, "pending_payment"), ("已取消", None, "closed"),
])
def test_statuses(text, paid, status):
    assert normalize_status(text, paid) == (status, True)


def test_unknown_status_is_mapped_by_payment_time():
    assert normalize_status("神秘状态", dt.datetime(2024, 1, 1)) == ("paid", False)
    assert normalize_status("神秘状态", None) == ("pending_payment", False)


def test_header_normalisation():
    assert norm("收货地址 ") == norm("收货地址") == norm("\ufeff收货\u3000地址\n")
    assert norm("商家实收金额（元）") == norm("商家实收金额(元)")
    assert norm("动帐流水号") == norm("动账流水号")
    assert norm("Lineitem SKU") == norm("Lineitem sku")
    assert norm("商品\u200b名称") == norm("商品名称")


def test_plain_amounts_take_the_fast_path_with_the_same_result():
    import random
    from decimal import ROUND_HALF_UP, Decimal

    from core.imports.values import parse_money

    rng = random.Random(3)
    samples = ["0", "0.0", "-0.00", "598.00", "12.5", "-3", "999999999999.99", "1.05", "100"]
    samples += [f"{rng.choice(['', '-'])}{rng.randrange(10**rng.randrange(1, 12))}.{rng.randrange(100):02d}" for _ in range(500)]
    for text in samples:
        expected = int((Decimal(text) * 100).quantize(Decimal(1), ROUND_HALF_UP))
        assert parse_money(text) == expected, text
    # Not plain: still the full rules (grouping, units, leading zeros, three decimals).
    assert parse_money("1,299.90") == 129_990 and parse_money("598.00元") == 59_800
    assert parse_money("0.285") == 29 and parse_money("007.50") == 750


def test_workbook_amounts_take_the_fast_path_with_the_same_result():
    """Amounts a workbook gives as numbers (598.0, 0.285, 1e-05) read as the exact decimal they show."""
    import random
    from decimal import ROUND_HALF_UP, Decimal

    from core.imports.values import parse_money

    rng = random.Random(5)
    samples = [0.0, -0.0, 598.0, 12.5, -3.0, 999999999999.99, 1.05, 0.285, 1e-05, 2.675, -0.005, 123456.789]
    samples += [rng.randrange(10**rng.randrange(1, 12)) / rng.choice([1, 10, 100, 1000]) * rng.choice([1, -1])
                for _ in range(2000)]
    for value in samples:
        expected = int((Decimal(repr(value)) * 100).quantize(Decimal(1), ROUND_HALF_UP))
        assert parse_money(value) == expected, value
    assert parse_money(0.285) == 29 and parse_money(2.675) == 268 and parse_money(-3.0) == -300
