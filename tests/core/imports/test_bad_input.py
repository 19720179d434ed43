"""Bad files: a clear BadInputError naming the file, and an unchanged database. Never a crash."""
from __future__ import annotations

import random
import zipfile

import pytest

from core.errors import BadInputError
from core.imports import import_file, inspect_file
from tests.core.imports.conftest import dump
from tests.helpers import exports as X


def _check_refused(db, path, words):
    before = dump(db)
    with pytest.raises(BadInputError) as info:
        import_file(db, path)
    message = info.value.message
    assert path.name in message and "Nothing was imported" in message
    assert any(w in message for w in words), message
    assert dump(db) == before


def test_empty_file(db, files):
    path = files / "empty.csv"
    path.write_bytes(b"")
    _check_refused(db, path, ["empty"])


def test_random_bytes(db, files):
    path = files / "orders.xlsx"
    path.write_bytes(bytes(random.Random(1).randrange(256) for _ in range(5000)))
    _check_refused(db, path, ["neither a workbook", "not recognise"])


def test_truncated_workbook(db, files):
    good = X.kuaishou_xlsx(files / "good.xlsx", [[{"订单号": "1", "实付款": "1", "成交数量": "1", "收货地址-省": "x"}]])
    path = files / "cut.xlsx"
    path.write_bytes(good.read_bytes()[:1500])
    _check_refused(db, path, ["damaged or incomplete"])


def test_password_protected_workbook(db, files):
    # An encrypted .xlsx is an OLE2 container with an EncryptedPackage stream.
    path = files / "locked.xlsx"
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 3000
    path.write_bytes(head)
    _check_refused(db, path, ["password"])


def test_zip_that_is_not_a_workbook(db, files):
    path = files / "export.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    _check_refused(db, path, ["zip archive"])


def test_workbook_without_order_columns(db, files):
    path = X.write_xlsx(files / "notes.xlsx", [("Sheet1", ["名字", "备注"], [{"名字": "a", "备注": "b"}])])
    _check_refused(db, path, ["does not recognise"])
    insp = inspect_file(path, db=db)
    assert insp.needs_mapping and insp.headers == ["名字", "备注"] and "order_no" in insp.missing_required


def test_csv_in_an_unexpected_encoding(db, files):
    path = files / "orders.csv"
    path.write_bytes(",".join(X.TAOBAO_ORDER_HEADERS).encode("utf-32"))
    _check_refused(db, path, ["cannot decode", "neither a workbook", "does not recognise"])


def test_too_large_sheet_is_refused(db, files, monkeypatch):
    from core.imports import sniff

    monkeypatch.setattr(sniff, "MAX_ROWS", 3)
    path = X.taobao_orders_csv(files / "big.csv", [X.taobao_order_row(str(n)) for n in range(10)])
    _check_refused(db, path, ["more than ShopDesk reads"])


def _mutations(seed_files, rng):
    """Malformed variants of real exports: cut, bytes flipped, junk inserted, lines shuffled."""
    for _ in range(300):
        data = bytearray(rng.choice(seed_files))
        how = rng.randrange(5)
        if how == 0:
            data = data[: rng.randrange(1, max(2, len(data)))]
        elif how == 1:
            for _ in range(rng.randrange(1, 30)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif how == 2:
            pos = rng.randrange(len(data))
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        elif how == 3:
            parts = bytes(data).split(b"\n")
            rng.shuffle(parts)
            data = bytearray(b"\n".join(parts))
        else:
            data = bytearray(bytes(data).replace(b",", b"\t", rng.randrange(1, 50)))
        yield bytes(data)


def test_fuzz_malformed_files_never_crash_or_half_write(db, files):
    seeds = [
        X.taobao_orders_csv(files / "s1.csv", [X.taobao_order_row(str(1000 + n)) for n in range(5)]).read_bytes(),
        X.taobao_orders_html_xls(files / "s2.xls", [X.taobao_order_row(str(2000 + n)) for n in range(5)]).read_bytes(),
        X.kuaishou_xlsx(files / "s3.xlsx", [[{"订单号": "9", "实付款": "1", "成交数量": "1", "收货地址-省": "x", "订单状态": "交易成功"}]]).read_bytes(),
        X.shopify_csv(files / "s4.csv", [{"Name": "#1", "Financial Status": "paid", "Lineitem name": "a", "Lineitem quantity": "1", "Total": "1"}]).read_bytes(),
    ]
    rng = random.Random(20260618)
    path = files / "fuzz.xls"
    outcomes = {"refused": 0, "imported": 0}
    for data in _mutations(seeds, rng):
        path.write_bytes(data)
        before = dump(db)
        try:
            result = import_file(db, path, dry_run=True)
        except BadInputError as exc:
            assert "fuzz.xls" in exc.message
            outcomes["refused"] += 1
        else:
            assert result.batch_id is None
            outcomes["imported"] += 1
        assert dump(db) == before
    assert outcomes["refused"] > 0 and outcomes["imported"] > 0
