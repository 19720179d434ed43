"""The real platform exports in ``../shared/real-exports`` beside the clone (never copied into
the repository). A git worktree looks beside its main checkout too."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _folders() -> list[Path]:
    out = [ROOT / ".." / "shared" / "real-exports"]
    git = ROOT / ".git"
    if git.is_file():  # a worktree: ".git" names <main>/.git/worktrees/<name>
        text = git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            main = Path(text.split(":", 1)[1].strip()).resolve().parents[2]
            out.append(main / ".." / "shared" / "real-exports")
    return out


def real_export(relative: str) -> Path:
    """The path of one real export, or skip the test saying where it was looked for."""
    for folder in _folders():
        path = (folder / relative).resolve()
        if path.is_file():
            return path
    pytest.skip(f"real export {relative} not found beside the clone (looked in "
                + ", ".join(str(f.resolve()) for f in _folders()) + ")")
