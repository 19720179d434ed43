"""The owner's festival calendar for 2027: festivals hidden per platform, own presets (fixed and lunar
dates, phases) merged with ShopDesk's, saved as one undoable edit, refused with a clear message."""
from __future__ import annotations

import datetime as dt

import pytest

from core.cli.export_cmd import festival_range
from core.edits import FieldError, apply_edit, undo_change
from core.edits.festivals import SetFestivalChoices
from core.festival_choices import load_choices, parse_phases
from core.festivals import festivals, festivals_between

D = dt.date
SHOP_DAY = {"name": "店庆", "platforms": ["taobao", "douyin"], "start": "08-14", "end": "08-18",
            "phases": parse_phases("预热 08-14~08-15; 正式 08-16~08-18")}
TEA_PARTY = {"name": "中秋茶会", "platforms": ["taobao"], "start": "lunar 08-15 -3", "end": "lunar 08-15"}


def test_hidden_festivals_and_own_presets_for_2027(db):
    change = apply_edit(db, SetFestivalChoices(hidden=(("taobao", ("qixi", "520")), ("shopify", ("christmas",))),
                                               own=(SHOP_DAY, TEA_PARTY)))
    with db.session() as s:
        choices = load_choices(s)
    by_key = {f.key: f for f in festivals(2027, choices)}
    assert by_key["qixi"].platforms == ("jd", "douyin")  # hidden on Taobao only
    assert by_key["520"].platforms == ("jd", "douyin")
    assert "christmas" not in by_key  # its only platform hid it
    shop_day = by_key["own-店庆"]
    assert (shop_day.name_zh, shop_day.start, shop_day.end, shop_day.platforms) == (
        "店庆", D(2027, 8, 14), D(2027, 8, 18), ("taobao", "douyin"))
    assert [(p.name_zh, p.start, p.end) for p in shop_day.phases] == [
        ("预热", D(2027, 8, 14), D(2027, 8, 15)), ("正式", D(2027, 8, 16), D(2027, 8, 18))]
    tea = by_key["own-中秋茶会"]  # 中秋 2027 is 15 September
    assert (tea.start, tea.end) == (D(2027, 9, 12), D(2027, 9, 15))
    assert [f.key for f in festivals_between(D(2027, 9, 10), D(2027, 9, 13), choices)] == [
        "mid_autumn", "own-中秋茶会"]
    assert festival_range("中秋茶会", 2027, choices) == (D(2027, 9, 12), D(2027, 9, 15))
    assert "own-店庆" not in {f.key for f in festivals(2027)}  # without the choices: ShopDesk's own only
    undo_change(db, change)
    with db.session() as s:
        assert load_choices(s).is_empty()


@pytest.mark.parametrize(("preset", "message"), [
    ({**SHOP_DAY, "name": " "}, "Give the festival a name"),
    ({**SHOP_DAY, "platforms": ["amazon"]}, "店庆: choose the platforms it runs on"),
    ({**SHOP_DAY, "start": "8月16日"}, "店庆: “8月16日” is not a date rule. Type MM-DD (05-20), lunar MM-DD"),
    ({**SHOP_DAY, "start": "08-20", "phases": []}, "店庆 ends (2024-08-18) before it starts (2024-08-20) in 2024"),
    ({**SHOP_DAY, "phases": parse_phases("预热 08-10~08-15")}, "店庆 · 预热 is outside the festival's dates in 2024"),
    ({**SHOP_DAY, "start": "02-30"}, "“02-30” is not a date rule"),
])
def test_own_presets_that_cannot_be_saved_are_refused_and_nothing_is_written(db, preset, message):
    with pytest.raises(FieldError) as err:
        apply_edit(db, SetFestivalChoices(own=(preset,)))
    assert message in err.value.message and err.value.field == "festivals"
    with db.session() as s:
        assert load_choices(s).is_empty()


def test_two_own_festivals_with_one_name_are_refused(db):
    with pytest.raises(FieldError, match="Two own festivals are called 店庆"):
        apply_edit(db, SetFestivalChoices(own=(SHOP_DAY, {**SHOP_DAY, "end": "08-19"})))
