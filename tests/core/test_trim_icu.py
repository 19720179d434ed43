"""The Linux bundle's thinner ICU data (packaging/trim_icu.py) keeps what Chinese and English need.

A dropped item that Qt reads shows up on the owner's screen (names no longer sorted by pinyin,
time-zone names in the wrong language); a kept foreign locale only costs size. The frozen smoke
test checks the rebuilt library end to end; this checks the choice of items.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("trim_icu", ROOT / "packaging" / "trim_icu.py")
trim_icu = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(trim_icu)

ITEMS = [
    "root.res", "pool.res", "res_index.res", "supplementalData.res", "zoneinfo64.res", "units.res",
    "en.res", "en_001.res", "en_GB.res", "zh.res", "zh_Hans_CN.res", "zh_Hant_TW.res", "yue.res",
    "fr.res", "de_CH.res", "sr_Latn_BA.res", "ca_ES_VALENCIA.res", "es_419.res",
    "coll/root.res", "coll/ucadata.icu", "coll/zh.res", "coll/zh_Hans.res", "coll/de.res", "coll/de_.res",
    "brkitr/root.res", "brkitr/cjdict.dict", "brkitr/thaidict.dict", "brkitr/ja.res",
    "zone/en.res", "zone/zh_Hant.res", "zone/ja.res", "rbnf/yue.res", "rbnf/zh_Hant_HK.res",
    "translit/root.res", "translit/en.res",
    "gb18030.cnv", "ibm-1386_P100-2001.cnv", "nfkc.nrm", "uprops.icu", "unames.icu",
]


def test_chinese_english_and_shared_data_stay_and_other_languages_go() -> None:
    dropped = set(trim_icu.items_to_drop(ITEMS))
    kept = [item for item in ITEMS if item not in dropped]
    assert kept == [
        "root.res", "pool.res", "res_index.res", "supplementalData.res", "zoneinfo64.res", "units.res",
        "en.res", "en_001.res", "en_GB.res", "zh.res", "zh_Hans_CN.res", "zh_Hant_TW.res", "yue.res",
        "coll/root.res", "coll/ucadata.icu", "coll/zh.res", "coll/zh_Hans.res",
        "brkitr/root.res", "brkitr/cjdict.dict", "brkitr/thaidict.dict",
        "zone/en.res", "zone/zh_Hant.res", "rbnf/yue.res", "rbnf/zh_Hant_HK.res",
        "gb18030.cnv", "ibm-1386_P100-2001.cnv", "nfkc.nrm", "uprops.icu", "unames.icu",
    ]
    # de_.res (an alias) goes with de.res: icupkg refuses a package where a kept item names a dropped one.
    assert {"coll/de.res", "coll/de_.res", "translit/root.res", "fr.res", "sr_Latn_BA.res"} <= dropped
