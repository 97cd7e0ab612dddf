"""The shelters an account may see: those it works at, every shelter for an admin. The access
guard (``app.auth.policy``) has already refused any other shelter id in a URL."""

from __future__ import annotations

from flask import abort, g

from app.auth.policy import visible_shelter_ids
from app.db import get_db
from phrasebook.shelters import Shelter, ShelterError, get_shelter, list_shelters


def allowed_ids() -> list[int] | None:
    """The shelters this account may see (None: every shelter, for admins)."""
    return visible_shelter_ids(get_db(), g.user)


def my_shelters() -> list[Shelter]:
    """The shelters this account may see (every shelter for admins)."""
    return list_shelters(get_db(), allowed_ids())


def visible(shelter_id: int) -> Shelter:
    """The shelter of the URL (the access guard has checked that this user may see it)."""
    try:
        return get_shelter(get_db(), shelter_id)
    except ShelterError:
        abort(404)
