"""Messages a new owner met in a first week (newuser3): they say what is wrong and what to do."""
from __future__ import annotations

import pytest

from core.edits import FieldError, apply_edit
from core.edits.members import SetTierRules, TierSpec
from core.tiers import DEFAULT_TIERS


def test_a_tier_left_without_a_name_is_told_so_not_a_length_limit(db):
    specs = [TierSpec(n, th, keep) for n, th, keep, _b in DEFAULT_TIERS]
    specs[1] = TierSpec("  ", specs[1].threshold, specs[1].retention)
    with pytest.raises(FieldError) as exc:
        apply_edit(db, SetTierRules("spend", 365, 365, tuple(specs)))
    assert exc.value.field == "name_1"
    assert exc.value.message == "Tier 2 has no name: type one, e.g. 银卡会员."
