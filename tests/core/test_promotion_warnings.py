"""Scope (whole shop, categories, SKUs) saved and undone, and the warnings a plan gets: two
promotions on the same goods and channel at once, and stacked rules that sell a SKU below cost."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from core.edits import FieldError, apply_edit, redo_change, undo_change
from core.edits.promotions import AddPromotion, SetPromotionFields
from core.models import Promotion, Sku
from core.promotion_tiers import parse_tiers
from core.promotion_warnings import PlannedPromotion, SkuPrice, stacked_price, warnings_for
from core.views import ViewParams, export_view

D = dt.date


@pytest.fixture
def shop(db):
    with db.transaction() as s:
        s.add_all([
            Sku(code="LJ-250", title="明前龙井 250g", category="茶叶", price_fen=19900, cost_fen=9000),
            Sku(code="LJ-50", title="龙井 试饮装", category="茶叶", price_fen=3900, cost_fen=2500),
            Sku(code="CUP-1", title="汝窑主人杯", category="茶具", price_fen=12800, cost_fen=4000),
        ])
    return db


def _promo(db, name):
    with db.session() as s:
        return s.scalars(select(Promotion).where(Promotion.name == name)).one()


def test_scope_is_saved_checked_and_undone_exactly(shop):
    change = apply_edit(shop, AddPromotion(name="茶叶周", start=D(2027, 3, 1), end=D(2027, 3, 7),
                                           scope={"categories": ["茶叶"], "skus": []}))
    p = _promo(shop, "茶叶周")
    assert p.scope == {"categories": ["茶叶"]}
    edit = apply_edit(shop, SetPromotionFields.of(p.id, scope={"categories": [], "skus": ["CUP-1", "LJ-50", "LJ-50"]}))
    assert _promo(shop, "茶叶周").scope == {"skus": ["CUP-1", "LJ-50"]}
    undo_change(shop, edit)
    assert _promo(shop, "茶叶周").scope == {"categories": ["茶叶"]}
    redo_change(shop, edit)
    assert _promo(shop, "茶叶周").scope == {"skus": ["CUP-1", "LJ-50"]}
    apply_edit(shop, SetPromotionFields.of(p.id, scope={}))
    assert _promo(shop, "茶叶周").scope == {}  # the whole shop
    with pytest.raises(FieldError, match="SKU NOPE-1 is not in the shop's products") as err:
        apply_edit(shop, SetPromotionFields.of(p.id, scope={"skus": ["NOPE-1"]}))
    assert err.value.field == "scope"
    with pytest.raises(FieldError, match="No SKU is in category 香水"):
        apply_edit(shop, SetPromotionFields.of(p.id, scope={"categories": ["香水"]}))
    assert _promo(shop, "茶叶周").scope == {}  # nothing written
    assert change.label == "Add promotion 茶叶周"


def test_stacked_rules_give_the_worst_single_unit_price():
    # ¥199 × 8.5折 = ¥169.15; 满300减50 needs 2 units: ¥25 off each → ¥144.15; 券 满199减20 on ¥144.15
    # needs 2 units: ¥10 each → ¥134.15; 会员 9.5折 → ¥127.44
    rules = parse_tiers("8.5折; 满300减50; 券 满199减20; 会员 9.5折")
    assert stacked_price(19900, rules) == (12744, ["8.5折", "满300减50", "券 满199减20", "会员 9.5折"])
    assert stacked_price(19900, parse_tiers("3人团 ¥59; 秒杀 ¥69")) == (5900, ["3人团 ¥59"])
    assert stacked_price(19900, []) == (19900, [])


def test_below_cost_names_the_sku_its_cost_and_the_resulting_price(shop):
    apply_edit(shop, AddPromotion(name="清仓", start=D(2027, 3, 1), end=D(2027, 3, 3), platforms=("taobao",),
                                  rules=tuple(parse_tiers("5折; 券 无门槛20; 会员 9折")),
                                  scope={"categories": ["茶叶"]}))
    path, _ = export_view(shop, "promotions", shop.path.parent / "p.json", ViewParams(D(2027, 2, 1)))
    (row,) = json.loads(path.read_text("utf-8"))
    # 龙井 250g: ¥199 × 5折 = ¥99.50 − ¥20 = ¥79.50 × 9折 = ¥71.55 < cost ¥90;
    # 试饮装: ¥39 × 5折 = ¥19.50 − ¥20 → ¥0 (one ¥20 coupon on a ¥19.50 unit) < cost ¥25. The cup is not in scope.
    assert row["warnings"] == [
        "Below cost: LJ-250 明前龙井 250g costs ¥90.00; with 5折 + 券 无门槛20 + 会员 9折 it sells at ¥71.55; "
        "LJ-50 龙井 试饮装 costs ¥25.00; with 5折 + 券 无门槛20 + 会员 9折 it sells at ¥0.00."]
    assert row["scope_categories"] == ["茶叶"] and row["scope_skus"] == []


def test_overlaps_need_the_same_days_goods_and_channel(shop):
    apply_edit(shop, AddPromotion(name="茶叶周", start=D(2027, 3, 1), end=D(2027, 3, 7), platforms=("taobao", "jd"),
                                  scope={"categories": ["茶叶"]}))
    apply_edit(shop, AddPromotion(name="龙井单品", start=D(2027, 3, 6), end=D(2027, 3, 9), platforms=("taobao",),
                                  scope={"skus": ["LJ-250"]}))
    apply_edit(shop, AddPromotion(name="茶具周", start=D(2027, 3, 1), end=D(2027, 3, 7), scope={"categories": ["茶具"]}))
    apply_edit(shop, AddPromotion(name="拼多多专场", start=D(2027, 3, 1), end=D(2027, 3, 7), platforms=("pdd",)))
    apply_edit(shop, AddPromotion(name="四月", start=D(2027, 4, 1), end=D(2027, 4, 7)))
    path, _ = export_view(shop, "promotions", shop.path.parent / "p.json", ViewParams(D(2027, 2, 1)))
    by_name = {r["name"]: r["warnings"] for r in json.loads(path.read_text("utf-8"))}
    assert by_name["龙井单品"] == ["Overlaps 茶叶周 on LJ-250 in Taobao/Tmall (2027-03-06 – 2027-03-07)."]
    assert by_name["茶叶周"] == ["Overlaps 龙井单品 on LJ-250 in Taobao/Tmall (2027-03-06 – 2027-03-07)."]
    # 茶具 shares no goods with 茶叶; 拼多多专场 (whole shop) shares no channel with the Taobao/JD ones
    assert by_name["茶具周"] == ["Overlaps 拼多多专场 on 茶具 in Pinduoduo (2027-03-01 – 2027-03-07)."]
    assert by_name["四月"] == []


def test_the_form_checks_a_plan_before_it_is_saved_and_cancelled_ones_do_not_count():
    skus = [SkuPrice("A-1", "杯", "茶具", 10000, 6000)]
    saved = PlannedPromotion(1, "店庆", D(2027, 5, 1), D(2027, 5, 3))
    cancelled = PlannedPromotion(2, "作废", D(2027, 5, 1), D(2027, 5, 3), cancelled=True)
    draft = PlannedPromotion(None, "新促销", D(2027, 5, 3), D(2027, 5, 5), ("douyin",), tuple(parse_tiers("3人团 ¥55")))
    assert warnings_for(draft, [saved, cancelled], skus) == [
        "Overlaps 店庆 on the whole shop in Douyin (2027-05-03 – 2027-05-03).",
        "Below cost: A-1 杯 costs ¥60.00; with 3人团 ¥55 it sells at ¥55.00."]
