"""Typed errors: what the owner can fix versus bugs.

A ``UserFacingError`` carries a message a shop owner understands (what is wrong and what to
do). The UI shows it inline or in a plain message box; the CLI prints it and exits with
``exit_code``. Anything else is a bug and reaches the error dialog with the log path.
"""
from __future__ import annotations


class UserFacingError(Exception):
    """An expected problem with a message for the shop owner."""

    exit_code = 1

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class BadInputError(UserFacingError):
    """A file or argument that cannot be read or recognised (CLI exit code 2)."""

    exit_code = 2


class DatabaseError(UserFacingError):
    """The database cannot be opened as it is (newer version, damaged, locked)."""


class NewerDatabaseError(DatabaseError):
    """Written by a newer ShopDesk: refused, left untouched."""


class DamagedDatabaseError(DatabaseError):
    """Not a sound SQLite file: refused, never replaced by an empty one."""


class DatabaseLockedError(DatabaseError):
    """Another program holds the database: a message, not a hang."""


class DiskFullError(DatabaseError):
    """The disk is full: the write was rolled back and partial files removed."""


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel; nothing was written."""
