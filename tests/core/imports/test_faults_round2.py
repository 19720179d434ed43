"""Issue #18 "Bad input and faults" 7–10: UTF-16 without BOM, NUL in ids, number formats,
messages without internals, CSV quoting for the separator used."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from core.imports import import_file
from core.imports.values import parse_datetime, parse_int, parse_money
from tests.core.imports.conftest import count, orders
from tests.helpers import exports as X

HEAD = "订单编号,总金额,买家实际支付金额,订单创建时间,订单付款时间,退款金额\r\n"


def test_utf16_le_without_bom_starting_with_chinese_is_read(db, files):
    path = files / "utf16.csv"
    path.write_bytes((HEAD + "1,12.50,12.50,2020-02-21 00:00:00,2020-02-21 00:01:00,0\r\n").encode("utf-16-le"))
    result = import_file(db, path)
    assert (result.platform, result.orders_added) == ("taobao", 1)
    assert orders(db)["1"]["paid_fen"] == 1250


def test_nul_characters_in_ids_are_removed_and_said(db, files):
    dirty, clean = files / "dirty.csv", files / "clean.csv"
    dirty.write_text(HEAD + "10\x0001,12.50,12.50,2020-02-21 00:00:00,2020-02-21 00:01:00,0\r\n", encoding="utf-8")
    clean.write_text(HEAD + "1001,12.50,12.50,2020-02-21 00:00:00,2020-02-21 00:01:00,0\r\n", encoding="utf-8")
    result = import_file(db, dirty)
    assert set(orders(db)) == {"1001"}
    assert any("1 value held invisible NUL characters; it was removed" in w.message for w in result.warnings)
    again = import_file(db, clean)
    assert (again.orders_added, again.orders_unchanged, count(db, "orders")) == (0, 1, 1)


@pytest.mark.parametrize("text,fen", [
    ("(5.00)", -500), ("¥(1,299.90)", -129990), ("１２３．４５", 12345), ("１，２９９．９０", 129990), ("1,299.90", 129990),
    ("12", 1200), (".5", 50),
])
def test_money_formats_exports_use(text, fen):
    assert parse_money(text) == fen


@pytest.mark.parametrize("text", ["1,2,3", "1_000", "١٢٣", "12,34.5", "999999999999.995", "1e5", "1,0000"])
def test_other_number_formats_are_errors_quoting_the_cell(text):
    with pytest.raises(ValueError) as err:
        parse_money(text)
    assert text in str(err.value)
    with pytest.raises(ValueError):
        parse_int(text)


def test_a_bad_amount_is_that_rows_error_quoting_the_cell(db, files):
    path = files / "o.csv"
    path.write_text(HEAD + '1,"1,2,3",12.50,2020-02-21 00:00:00,2020-02-21 00:01:00,0\r\n'
                           "2,9.90,9.90,2020-02-21 00:00:00,2020-02-21 00:01:00,0\r\n", encoding="utf-8")
    result = import_file(db, path)
    assert set(orders(db)) == {"2"}
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "总金额", "1,2,3 is not an amount; the row was skipped")]


def test_messages_never_show_internals():
    from core.integrity import damage_summary
    from core.typed_values import parse_int as typed_int
    from core.typed_values import parse_money as typed_money

    with pytest.raises(ValueError) as err:
        parse_datetime("2024-01-08 10:00:00 +99:00")
    assert "timedelta" not in str(err.value) and "2024-01-08 10:00:00 +99:00 is not a date" == str(err.value)
    for parse in (typed_money, typed_int):
        with pytest.raises(ValueError) as err:
            parse("1e999999999")
        assert "decimal" not in str(err.value) and "1e999999999" in str(err.value)
    dump = ["*** in database main ***\n" + "\n".join(f"Page {n}: btreeInitPage() returns error code 11" for n in range(100))]
    assert damage_summary(dump) == "the database's own check found 100 damaged places"


def test_damaged_database_message_tells_both_the_window_and_the_command_line(tmp_path):
    from core.integrity import damaged_error

    err = damaged_error(tmp_path / "shop.db", "x", tmp_path / "none")
    assert "in the window: File → Restore…; on the command line: restore FILE" in err.message


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_write_csv_quotes_every_separator_so_no_reader_splits_a_value(tmp_path, delimiter):
    from core.exports import Column, Sheet, write_csv

    values = ["a;b", "1,5", "tab\there", 'say "hi"', "plain"]
    sheet = Sheet(name="s", title="", columns=[Column(f"c{i}", "text") for i in range(len(values))], rows=[values])
    path = write_csv(tmp_path / "out.csv", sheet, delimiter=delimiter)
    text = path.read_text(encoding="utf-8-sig")
    for other in (",", ";", "\t"):  # whichever separator the reader applies, "a;b" stays one value
        assert '"a;b"' in text and '"1,5"' in text
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert rows[1] == values
