"""Tiers (满减, 折扣, 赠品) as typed, stored and refused: naming the tier and saying what to do."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from core.edits import FieldError, apply_edit
from core.edits.promotions import AddPromotion, SetPromotionFields
from core.models import Promotion
from core.promotion_tiers import parse_tiers, tiers_text, validate_tiers
from core.views import ViewParams, export_view

D = dt.date


def test_typed_tiers_become_the_stored_rules_and_read_back_the_same():
    rules = parse_tiers("满300减30; 满500减60，满1000.5减120.5")
    assert rules == [{"type": "满减", "threshold_fen": 30000, "off_fen": 3000},
                     {"type": "满减", "threshold_fen": 50000, "off_fen": 6000},
                     {"type": "满减", "threshold_fen": 100050, "off_fen": 12050}]
    assert tiers_text(rules) == "满300减30; 满500减60; 满1000.50减120.50"
    assert parse_tiers(tiers_text(rules)) == rules
    assert parse_tiers("300-30") == [{"type": "满减", "threshold_fen": 30000, "off_fen": 3000}]
    assert parse_tiers("8.5折") == [{"type": "折扣", "rate": 0.85}]
    assert parse_tiers("满500打8.8折") == [{"type": "折扣", "rate": 0.88, "threshold_fen": 50000}]
    assert parse_tiers("15% off") == [{"type": "折扣", "rate": 0.85}]
    assert parse_tiers("满399送汝窑主人杯 天青") == [{"type": "赠品", "threshold_fen": 39900, "gift": "汝窑主人杯 天青"}]
    assert tiers_text([{"type": "折扣", "rate": 0.88}, {"type": "赠品", "threshold_fen": 39900, "gift": "杯"},
                       {"type": "加价购", "size": 3}]) == "8.8折; 满399送杯"  # a rule type ShopDesk does not know
    assert parse_tiers("  ") == []


@pytest.mark.parametrize(("text", "message"), [
    ("满300减300", "满300减300: the threshold must be above its reduction"),
    ("满30减50", "满30减50: the threshold must be above its reduction"),
    ("满300减30; 满200减50", "满200减50 comes after 满300减30 but does not ask for more"),
    ("满300减30; 满300减50", "满300减50 comes after 满300减30 but does not ask for more"),
    ("满300减50; 满500减40", "满500减40 asks for more than 满300减50 but gives no more off"),
    ("满300减50; 满500减50", "满500减50 asks for more than 满300减50 but gives no more off"),
    ("0.5折", "0.5折: a discount takes more than 0 % and at most 90 % off (9.9折 to 1折); this one takes 95 % off"),
    ("10折", "10折: a discount takes more than 0 % and at most 90 % off"),
    ("95% off", "at most 90 % off"),
    ("满300打9折; 满500打9.5折", "满500打9.5折 asks for more than 满300打9折 but gives no more off"),
    ("满0减0", "the amounts must be yuan above ¥0"),
    ("买二送一", "“买二送一” is not a tier ShopDesk can read. Type tiers such as 满300减30"),
])
def test_tiers_that_cannot_be_saved_are_refused_with_the_tier_named(text, message):
    with pytest.raises(FieldError) as err:
        validate_tiers(parse_tiers(text))
    assert message in err.value.message and err.value.field == "rules"


def test_different_kinds_rise_on_their_own():
    rules = validate_tiers(parse_tiers("满200减30; 满300减50; 满399送杯"))
    assert [r["type"] for r in rules] == ["满减", "满减", "赠品"]


def _promo(db, name):
    with db.session() as s:
        return s.scalars(select(Promotion).where(Promotion.name == name)).one()


def test_the_form_path_stores_tiers_keeps_rules_it_does_not_edit_and_refuses_bad_ones(db, tmp_path):
    apply_edit(db, AddPromotion(name="店庆", start=D(2026, 8, 16), end=D(2026, 8, 18),
                                rules=tuple(parse_tiers("满199减20; 满399减50"))))
    p = _promo(db, "店庆")
    assert p.rules == [{"type": "满减", "threshold_fen": 19900, "off_fen": 2000},
                       {"type": "满减", "threshold_fen": 39900, "off_fen": 5000}]
    with db.transaction() as s:  # a rule type from elsewhere: the form does not edit it
        s.get(Promotion, p.id).rules = [*p.rules, {"type": "加价购", "size": 3, "price_fen": 9900}]
    apply_edit(db, SetPromotionFields.of(p.id, rules=parse_tiers("9折")))
    assert _promo(db, "店庆").rules == [{"type": "折扣", "rate": 0.9}, {"type": "加价购", "size": 3, "price_fen": 9900}]
    with pytest.raises(FieldError, match="threshold must be above its reduction") as err:
        apply_edit(db, SetPromotionFields.of(p.id, rules=[{"type": "满减", "threshold_fen": 100, "off_fen": 100}]))
    assert err.value.field == "rules"
    assert _promo(db, "店庆").rules[0] == {"type": "折扣", "rate": 0.9}  # nothing written
    path, _ = export_view(db, "promotions", tmp_path / "p.json", ViewParams(D(2026, 11, 20)))
    (row,) = json.loads(path.read_text("utf-8"))
    assert row["tiers"] == ["9折", "加价购"]


# ---------------------------------------------------------------- 拼团, 优惠券, 限时秒杀, 会员专享


def test_group_buys_coupons_flash_sales_and_member_prices_are_typed_stored_and_shown_back():
    rules = validate_tiers(parse_tiers("3人团 ¥59; 5人团 ¥49; 券 满199减20; 券 满299减40; 秒杀 5折; 会员95折"))
    assert rules == [{"type": "拼团", "group_size": 3, "price_fen": 5900},
                     {"type": "拼团", "group_size": 5, "price_fen": 4900},
                     {"type": "优惠券", "threshold_fen": 19900, "off_fen": 2000},
                     {"type": "优惠券", "threshold_fen": 29900, "off_fen": 4000},
                     {"type": "限时秒杀", "rate": 0.5},
                     {"type": "会员专享", "rate": 0.95}]
    assert tiers_text(rules) == "3人团 ¥59; 5人团 ¥49; 券 满199减20; 券 满299减40; 秒杀 5折; 会员 9.5折"
    assert parse_tiers(tiers_text(rules)) == rules
    assert parse_tiers("券 无门槛10") == [{"type": "优惠券", "threshold_fen": 0, "off_fen": 1000}]
    assert parse_tiers("满199减20券") == [{"type": "优惠券", "threshold_fen": 19900, "off_fen": 2000}]
    assert parse_tiers("秒杀 ¥39.9") == [{"type": "限时秒杀", "price_fen": 3990}]
    assert parse_tiers("group of 3 @ 59") == [{"type": "拼团", "group_size": 3, "price_fen": 5900}]


@pytest.mark.parametrize(("text", "message"), [
    ("1人团 ¥59", "1人团 ¥59: a group buy is for 2 to 100 people"),
    ("101人团 ¥59", "101人团 ¥59: a group buy is for 2 to 100 people"),
    ("3人团 ¥0", "3人团 ¥0: the amounts must be yuan above ¥0"),
    ("3人团 ¥59; 5人团 ¥69", "5人团 ¥69 comes after 3人团 ¥59: list the groups from the smallest up, each bigger and cheaper"),
    ("5人团 ¥49; 3人团 ¥59", "3人团 ¥59 comes after 5人团 ¥49"),
    ("券 满20减20", "券 满20减20: the coupon's threshold must be above its value"),
    ("券 满199减20; 券 满299减10", "券 满299减10 comes after 券 满199减20: list the coupons from the lowest threshold up"),
    ("券 无门槛0", "券 无门槛0: the amounts must be yuan above ¥0"),
    ("秒杀 0.5折", "秒杀 0.5折: a discount takes more than 0 % and at most 90 % off (9.9折 to 1折); this one takes 95 % off"),
    ("会员 10折", "会员 10折: a discount takes more than 0 % and at most 90 % off"),
    ("秒杀 ¥39; 秒杀 ¥29", "秒杀 ¥39 and 秒杀 ¥29: a promotion has one 限时秒杀 price"),
    ("拼团 三人", "“拼团 三人” is not a tier ShopDesk can read. Type tiers such as 满300减30"),
])
def test_new_rule_kinds_that_cannot_be_saved_are_refused_naming_the_rule(text, message):
    with pytest.raises(FieldError) as err:
        validate_tiers(parse_tiers(text))
    assert message in err.value.message and err.value.field == "rules"


def test_new_rule_kinds_go_through_the_edit_and_dates_are_still_checked(db):
    apply_edit(db, AddPromotion(name="拼团周", start=D(2027, 3, 1), end=D(2027, 3, 7),
                                rules=tuple(parse_tiers("3人团 ¥59; 券 无门槛10"))))
    p = _promo(db, "拼团周")
    assert p.rules == [{"type": "拼团", "group_size": 3, "price_fen": 5900},
                       {"type": "优惠券", "threshold_fen": 0, "off_fen": 1000}]
    with pytest.raises(FieldError, match="ends .2027-02-27. before it starts") as err:
        apply_edit(db, SetPromotionFields.of(p.id, end=D(2027, 2, 27), rules=parse_tiers("秒杀 ¥39")))
    assert err.value.field == "end"
    assert _promo(db, "拼团周").rules[0]["type"] == "拼团"  # nothing written
