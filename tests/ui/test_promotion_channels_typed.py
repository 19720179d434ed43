"""What a new owner typed into the promotion form's Channels field: "淘宝, 拼多多" was refused as
"“淘宝” is not a channel ShopDesk knows (taobao, jd, pdd …)", though the form shows 淘宝/天猫 and the
owner's own word for it is 淘宝 or 天猫. The usual Chinese names are read in either UI language."""
from __future__ import annotations

from ui.tabs.promotions_form import parse_channels


def test_the_usual_chinese_channel_names_are_read():
    assert parse_channels("淘宝, 拼多多") == ["taobao", "pdd"]
    assert parse_channels("天猫、京东；抖音 快手") == ["taobao", "jd", "douyin", "kuaishou"]


def test_a_channel_named_twice_is_kept_once():
    assert parse_channels("淘宝, 天猫, Taobao/Tmall") == ["taobao"]


def test_ids_and_the_ui_names_still_work_and_an_unknown_one_is_left_for_core_to_refuse():
    assert parse_channels("Taobao/Tmall, pdd, Douyin") == ["taobao", "pdd", "douyin"]
    assert parse_channels("淘宝, 闲鱼") == ["taobao", "闲鱼"]
