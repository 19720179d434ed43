"""The alerts computed column by column (core.inventory_arrays) equal the per-SKU rows (core.inventory._row)
field by field, type by type, on the edge cases a shop of thousands of SKUs holds: no sales, nothing in
stock, lead time 0 or beyond the horizon, overlapping promotions, a factor below 1, windows already
started or beyond the horizon, and numbers too large for the matrix (walked exactly instead)."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from core.inventory import STATUS_ORDER, InventoryParams, Uplift, _new_row, _prepare, _row, _stockout
from core.inventory_arrays import array_rows
from core.inventory_sales import Sales

TODAY = dt.date(2026, 11, 20)
HELPERS = (STATUS_ORDER, _new_row, _stockout)  # what core.inventory hands array_rows


def _uplift_sets(rnd: random.Random) -> list[list[Uplift]]:
    sets: list[list[Uplift]] = [[]]
    for _ in range(12):
        ups = []
        for k in range(rnd.randint(1, 4)):
            start = TODAY + dt.timedelta(days=rnd.randint(-10, 400))
            end = start + dt.timedelta(days=rnd.randint(0, 30))
            ups.append(Uplift(start, end, rnd.choice((0.5, 1.0, 1.25, 1.4, 2.0, 3.1234, 10.0)), f"promo {k}"))
        sets.append(ups)
    return sets


def _cases(seed: int, n: int = 300) -> tuple[list[tuple], dict, dict, dict, list[list[Uplift]]]:
    rnd = random.Random(seed)
    sets = _uplift_sets(rnd)
    skus, sales, last, abc, ups = [], {}, {}, {}, []
    for i in range(n):
        code = f"S{i:04d}"
        huge = i % 50 == 7  # beyond what int64 sums hold: the exact walk
        on_hand = 10**17 if huge else rnd.choice((None, 0, -2, 1, 5, 40, 300, 900))
        skus.append((code, code, "", rnd.choice(("a", "b")), "", rnd.choice((0, 500, 1234)),
                     rnd.choice((0, 1, 3, 7, 20, 400)), rnd.choice((1, 0, 6, 12)), rnd.choice((None, 0, 50)),
                     rnd.choice((None, None, 0, 5)), rnd.choice((None, 8)), on_hand, rnd.choice((None, 0, 24)),
                     None))
        units = 28 if huge else rnd.choice((0, 0, 1, 3, 28, 200, 5000))
        if units:
            sales[code] = Sales(units, rnd.random() * 5, rnd.choice((None, 0.2, 0.7, 1.5)))
        if rnd.random() < 0.8:
            last[code] = TODAY - dt.timedelta(days=rnd.randint(0, 200))
        abc[code] = rnd.choice("ABC")
        ups.append(sets[1] if huge else rnd.choice(sets))
    return skus, sales, last, abc, ups


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("params", [InventoryParams(), InventoryParams(window_days=7, review_days=3, horizon_days=60),
                                    InventoryParams(window_days=56, review_days=14, overstock_cover_days=30.0)])
def test_columns_equal_the_rows_field_by_field(seed, params):
    skus, sales, last, abc, ups = _cases(seed)
    prepared: dict[int, object] = {}
    windows = [prepared.setdefault(id(u), _prepare(u, TODAY)) for u in ups]
    low_by = TODAY + dt.timedelta(days=params.review_days)
    z = 1.6448536269514722
    expected = [_row(sku, sales.get(sku[0], Sales(0, 0.0, None)), last.get(sku[0]), abc[sku[0]], z, TODAY, params,
                     w, low_by) for sku, w in zip(skus, windows)]
    got = array_rows(skus, sales, last, abc, z, TODAY, params, windows, low_by, *HELPERS)
    assert len(got) == len(expected)
    for a, b in zip(got, expected):
        assert a == b, a.sku_code
        assert list(map(type, vars(a).values())) == list(map(type, vars(b).values())), a.sku_code
    # Not a trivial comparison: promotions move stock-outs, sources are named, the huge stock is walked.
    assert sum(1 for r in got if r.uplift_source) > 20
    assert len({r.stockout_date for r in got}) > 10
    assert sum(1 for r in got if r.on_hand > 10**16 and r.avg_daily_sales > 0 and r.stockout_date is None) == 6


def test_factors_too_large_for_the_matrix_are_walked_exactly():
    params = InventoryParams()
    ups = [Uplift(TODAY + dt.timedelta(days=3), TODAY + dt.timedelta(days=9), 10.0 ** 12, "huge")]
    skus, sales, last, abc, _ = _cases(5, 40)
    windows = [_prepare(ups, TODAY)] * len(skus)
    low_by = TODAY + dt.timedelta(days=params.review_days)
    expected = [_row(sku, sales.get(sku[0], Sales(0, 0.0, None)), last.get(sku[0]), abc[sku[0]], 1.5, TODAY, params,
                     w, low_by) for sku, w in zip(skus, windows)]
    assert array_rows(skus, sales, last, abc, 1.5, TODAY, params, windows, low_by, *HELPERS) == expected
    assert any(r.stockout_date == TODAY + dt.timedelta(days=3) for r in expected)


def test_no_skus_no_rows():
    assert array_rows([], {}, {}, {}, 1.5, TODAY, InventoryParams(), [], TODAY, *HELPERS) == []
