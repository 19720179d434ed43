"""The shared Excel/CSV writer: formats, and nothing from the data ever becomes a formula."""
from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.errors import Cancelled, UserFacingError
from core.exports import Column, Sheet, csv_safe, sheet_title, write_csv, write_xlsx

INJECTIONS = [
    "=1+1",
    "=HYPERLINK(\"http://evil.example\",\"点我\")",
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "\u3000=1+1",
    "#N/A",
    "#DIV/0!",
    "=",
]


def _cells(path: Path, sheet: int = 0):
    wb = load_workbook(path)
    return wb.worksheets[sheet]


def test_formula_like_text_is_written_as_literal_text(tmp_path: Path):
    path = write_xlsx(tmp_path / "x.xlsx", [Sheet("买家", [Column("备注")], [[v] for v in INJECTIONS])])
    ws = _cells(path)
    for row, expected in enumerate(INJECTIONS, start=2):
        cell = ws.cell(row=row, column=1)
        assert cell.value == expected.replace("\r", "\n")  # XML keeps line breaks as LF
        assert cell.data_type == "s", (expected, cell.data_type)
    # Risky cells carry the quote prefix so that editing them in Excel keeps them text.
    assert ws["A2"].quotePrefix and ws["A5"].quotePrefix
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    assert 't="e"' not in xml


def test_formula_like_text_in_numeric_columns_and_headers_is_text_too(tmp_path: Path):
    path = write_xlsx(
        tmp_path / "x.xlsx",
        [Sheet("s", [Column("=2+2", "money"), Column("@x", "date")], [["=1+1", "-5"], [1299, dt.date(2026, 1, 2)]])],
    )
    ws = _cells(path)
    assert ws["A1"].value == "=2+2" and ws["A1"].data_type == "s"
    assert ws["A2"].value == "=1+1" and ws["A2"].data_type == "s"
    assert ws["B2"].value == "-5" and ws["B2"].data_type == "s"
    assert ws["A3"].value == pytest.approx(12.99)


def test_csv_prefixes_formula_like_values_with_an_apostrophe(tmp_path: Path):
    path = write_csv(tmp_path / "x.csv", Sheet("s", [Column("备注"), Column("金额", "money")], [[v, -500] for v in INJECTIONS]))
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["备注", "金额"]
    for (text, amount), original in zip(rows[1:], INJECTIONS):
        if original.lstrip(" \t\r\n\u3000").startswith(("=", "+", "-", "@")):
            assert text == "'" + original
        else:
            assert text == original
        # our own negative numbers stay numbers
        assert amount == "-5.00"
    assert csv_safe("普通文本") == "普通文本"
    assert csv_safe("-") == "'-"


CODES = ["4187265509123345678", "6903148277516408821", "261120-123456789012345", "0571", "007", "12345678901",
         "123456789012", "0", "-4187265509123345678", "=4187265509123345678", "SKU-0012", "1.5E+18"]


def test_csv_keeps_long_and_zero_led_digit_codes_for_excel_and_the_exact_digits_for_programs(tmp_path: Path):
    # Excel opening a CSV turns 4187265509123345678 into 4.18727E+18 = 4187265509123340000, and 0571
    # into 571. Such codes end in a TAB (Excel then keeps the cell as text); nothing else changes,
    # the formula guard's apostrophe never meets it, and .xlsx holds the bare code as a text cell.
    sheet = Sheet("s", [Column("订单号"), Column("数量", "int")], [[c, 12345678901234] for c in CODES])
    path = write_csv(tmp_path / "o.csv", sheet)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    written = dict(zip(CODES, (r[0] for r in rows), strict=True))
    for code in ("4187265509123345678", "6903148277516408821", "0571", "007", "123456789012"):
        assert written[code] == code + "\t"
    for code in ("261120-123456789012345", "12345678901", "0", "SKU-0012", "1.5E+18"):
        assert written[code] == code  # Excel keeps these (or, "0" and ≤ 11 digits, shows them exactly)
    assert written["-4187265509123345678"] == "'-4187265509123345678"  # formula guard, unchanged
    assert written["=4187265509123345678"] == "'=4187265509123345678"
    assert {r[1] for r in rows} == {"12345678901234"}  # numbers are numbers
    assert [r[0].strip() for r in rows[:2]] == CODES[:2]  # a program strips it like any whitespace
    ws = _cells(write_xlsx(tmp_path / "o.xlsx", [sheet]))
    assert [ws.cell(row=r, column=1).value for r in range(2, 4)] == CODES[:2]
    assert ws["A2"].data_type == "s"


def test_money_rate_date_formats_and_frozen_filtered_bold_header(tmp_path: Path):
    cols = [
        Column("订单编号"),
        Column("实付金额", "money"),
        Column("退款率", "rate"),
        Column("付款日期", "date"),
        Column("下单时间", "datetime"),
        Column("件数", "int"),
        Column("系数", "float"),
    ]
    rows = [["000123456789012345678", 129990, 0.125, dt.date(2026, 11, 11), dt.datetime(2026, 11, 11, 0, 3, 5), 3, 1.5]]
    path = write_xlsx(tmp_path / "o.xlsx", [Sheet("订单", cols, rows, title="双11 订单")])
    ws = _cells(path)
    assert ws["A1"].value == "双11 订单" and ws["A1"].font.b
    assert [c.value for c in ws[2]] == [c.header for c in cols]
    assert all(c.font.b for c in ws[2])
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:G3"
    a, money, rate, day, when, qty, ratio = ws[3]
    assert a.value == "000123456789012345678" and a.data_type == "s"  # ids keep leading zeros and all digits
    assert money.value == pytest.approx(1299.90) and money.number_format == '"¥"#,##0.00'
    assert rate.value == 0.125 and rate.number_format == "0.0%"
    assert day.value == dt.datetime(2026, 11, 11) and day.number_format == "yyyy-mm-dd"
    assert when.value == dt.datetime(2026, 11, 11, 0, 3, 5) and when.number_format == "yyyy-mm-dd hh:mm:ss"
    assert qty.value == 3 and qty.number_format == "#,##0"
    assert ratio.value == 1.5
    # widths follow the content, CJK counted double
    assert ws.column_dimensions["A"].width >= 21
    assert 8 <= ws.column_dimensions["F"].width <= 60


def test_unicode_control_characters_and_long_text(tmp_path: Path):
    rows = [["表情😀与中文", "bad\x00\x07\x1bchars", "x" * 40000, "行1\n行2"]]
    path = write_xlsx(tmp_path / "u.xlsx", [Sheet("s", [Column("a"), Column("b"), Column("c"), Column("d")], rows)])
    ws = _cells(path)
    assert ws["A2"].value == "表情😀与中文"
    assert ws["B2"].value == "badchars"
    assert len(ws["C2"].value) == 32767
    assert ws["D2"].value == "行1\n行2"
    path = write_csv(tmp_path / "u.csv", Sheet("s", [Column("a"), Column("b")], [["表情😀", "x\x00y\ud800z"]]))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_text(encoding="utf-8-sig").splitlines()[1] == "表情😀,xyz"


def test_sheet_names_are_sanitized_and_unique(tmp_path: Path):
    names = ["2026/11 [双11]: 汇总*?", "history", "A" * 40, "A" * 40, "", "'quoted'"]
    path = write_xlsx(tmp_path / "s.xlsx", [Sheet(n, [Column("x")], [[1]]) for n in names])
    titles = load_workbook(path).sheetnames
    assert titles[0] == "2026_11 _双11__ 汇总__"
    assert titles[1] == "History_"
    assert titles[2] == "A" * 31 and titles[3] == "A" * 27 + " (2)"
    assert titles[4] == "Sheet" and titles[5] == "quoted"
    assert all(len(n) <= 31 for n in titles)
    assert sheet_title("a:b") == "a_b"


def test_failed_or_cancelled_export_leaves_the_old_file_untouched(tmp_path: Path):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "out.xlsx"
    target.write_bytes(b"previous export")

    def rows():
        yield ["ok"]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_xlsx(target, [Sheet("s", [Column("x")], rows())])
    assert target.read_bytes() == b"previous export"

    calls = []
    with pytest.raises(Cancelled):
        write_csv(target, Sheet("s", [Column("x")], [[i] for i in range(10_000)]), cancelled=lambda: calls.append(1) or True)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in target.parent.iterdir()] == ["out.xlsx"]  # no temporary files left behind


def test_folder_as_target_is_a_clear_error(tmp_path: Path):
    with pytest.raises(UserFacingError, match="is a folder"):
        write_csv(tmp_path, Sheet("s", [Column("x")], []))


def test_one_hundred_thousand_rows(tmp_path: Path):
    n = 100_000
    seen = []
    rows = ((f"TB{i:012d}", i * 37, dt.date(2026, 1, 1) + dt.timedelta(days=i % 365)) for i in range(n))
    cols = [Column("订单编号"), Column("实付金额", "money"), Column("付款日期", "date")]
    path = write_xlsx(tmp_path / "big.xlsx", [Sheet("订单", cols, rows)], progress=lambda d, t: seen.append(d))
    from python_calamine import CalamineWorkbook

    data = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert len(data) == n + 1
    assert data[-1][0] == f"TB{n - 1:012d}" and data[-1][1] == pytest.approx((n - 1) * 37 / 100)
    assert seen and seen[-1] == n
