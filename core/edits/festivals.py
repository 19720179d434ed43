"""The owner's festival calendar (core.festival_choices): which festivals show on which platform and
their own presets, saved as one edit in the shop's settings (Ctrl+Z puts the old choices back)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from core.edits.base import Recorder
from core.festival_choices import SETTING_KEY, validated
from core.i18n import t
from core.models import Setting


@dataclass(frozen=True)
class SetFestivalChoices:
    """``hidden``: (platform, festival keys not shown there) pairs; ``own``: the owner's presets
    (name, platforms, kind, start/end date rules, phases), all of them (the list replaces the old)."""

    hidden: tuple[tuple[str, tuple[str, ...]], ...] = ()
    own: tuple[Mapping[str, Any], ...] = ()
    topics: ClassVar[frozenset[str]] = frozenset({"settings", "promotions"})

    @property
    def label(self) -> str:
        return t("Change the festival calendar")

    def apply(self, session: Session, rec: Recorder) -> str:
        choices = validated(dict(self.hidden), list(self.own))
        rec.upsert(Setting, SETTING_KEY, {"value": choices.as_json()}, title=t("Festival calendar"))
        return t("Change the festival calendar")
