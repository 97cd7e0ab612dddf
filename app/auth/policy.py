"""Who may use which staff route: the authorisation table, and the scope checks it names.

``TABLE`` has one row per staff endpoint: the roles that may use it and its scope.

- no scope: every role listed may use the route (a list it shows may still be narrowed to the
  user's shelters by the view);
- ``SHELTER``: the URL's ``shelter_id`` must be a shelter the user works at (an admin: every
  shelter); any other id answers 403, whether it exists or not;
- ``MESSAGE``: the URL's message may be changed only if ``may_write_message`` allows it (403).

``access.guard`` applies the table to every request. Public routes (``@public``) and kiosk routes
(``@kiosk``) are marked on their views; any other endpoint missing here is refused to everyone
(fail closed), so a new staff route does nothing until it has a row.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from app.auth.users import ROLES, User
from phrasebook.shelters import Shelter, list_shelters, shelters_of

SHELTER = "shelter"
MESSAGE = "message"

ADMIN = frozenset({"admin"})
AREA = frozenset({"admin", "coordinator"})  # may speak for the whole area
FIELD = frozenset({"admin", "coordinator", "staff"})  # messages, signs, cards, shelters
TRANSLATION = frozenset({"admin", "translator"})
EVERYONE = frozenset(ROLES)


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str]
    scope: str | None = None


TABLE: dict[str, Rule] = {
    "auth.password": Rule(EVERYONE),
    "audit.index": Rule(ADMIN),
    "overview.index": Rule(AREA),  # counts of needs across shelters, no personal data
    "overview.export": Rule(AREA),
    "messages.index": Rule(FIELD),
    "messages.new": Rule(FIELD),
    "messages.compose": Rule(FIELD),  # the chosen shelter is checked on publishing
    "messages.detail": Rule(FIELD),
    "messages.edit": Rule(FIELD, MESSAGE),
    "messages.withdraw": Rule(FIELD, MESSAGE),
    "messages.qr_sheet": Rule(FIELD),
    "messages.drafts": Rule(FIELD),  # JMA drafts, read-only for staff
    "messages.upload_telegrams": Rule(AREA),  # new drafts are area-wide
    "messages.publish_draft": Rule(FIELD, MESSAGE),  # area-wide drafts: coordinators and admins
    "messages.discard_draft": Rule(FIELD, MESSAGE),
    "signs.index": Rule(FIELD),
    "signs.pack": Rule(FIELD),
    "signs.preview": Rule(FIELD),
    "cards.index": Rule(FIELD),
    "cards.blank": Rule(FIELD),
    "translate.index": Rule(TRANSLATION),
    "translate.language": Rule(TRANSLATION),
    "translate.download": Rule(TRANSLATION),
    "translate.upload": Rule(TRANSLATION),
    "translate.confirm_upload": Rule(TRANSLATION),
    "translate.update": Rule(ADMIN),  # merge the template definitions into every catalog
    "translate.review": Rule(TRANSLATION),
    "places.index": Rule(FIELD),  # the place registry: staff read it, the area roles change it
    "places.new": Rule(AREA),
    "places.edit": Rule(AREA),
    "places.download": Rule(FIELD),
    "places.upload": Rule(AREA),
    "shelters.index": Rule(FIELD),
    "shelters.new": Rule(ADMIN),
    "shelters.edit": Rule(ADMIN),
    "shelters.anonymise": Rule(ADMIN),
    "shelters.detail": Rule(FIELD, SHELTER),
    "shelters.start_pack": Rule(FIELD, SHELTER),
    "shelters.pack_status": Rule(FIELD, SHELTER),
    "shelters.pack_download": Rule(FIELD, SHELTER),
    "shelters.new_kiosk": Rule(FIELD, SHELTER),
    "shelters.revoke_kiosk": Rule(FIELD, SHELTER),
    "shelters.export": Rule(FIELD, SHELTER),
    "shelters.new_registration": Rule(FIELD, SHELTER),
    "shelters.registration": Rule(FIELD, SHELTER),
    "shelters.presence": Rule(FIELD, SHELTER),
    "shelters.card": Rule(FIELD, SHELTER),
}

# Where each role starts after logging in (a page its rule allows).
LANDING = {"admin": "messages.index", "coordinator": "messages.index", "staff": "messages.index",
           "translator": "translate.index"}


def allows(user: User, endpoint: str) -> bool:
    """Whether the table lets ``user``'s role use ``endpoint`` at all (scope aside)."""
    rule = TABLE.get(endpoint)
    return rule is not None and user.role in rule.roles


def visible_shelter_ids(db: sqlite_utils.Database, user: User) -> list[int] | None:
    """The shelters ``user`` works at (None: every shelter, for admins)."""
    return None if user.role == "admin" else shelters_of(db, user.id)


def may_see_shelter(db: sqlite_utils.Database, user: User, shelter_id: int) -> bool:
    ids = visible_shelter_ids(db, user)
    return ids is None or shelter_id in ids


def may_write_message(db: sqlite_utils.Database, user: User, shelter_id: int | None) -> bool:
    """Whether ``user`` may create, edit or withdraw a message for shelter ``shelter_id``
    (None: the whole area). Staff write messages only for the shelters they work at; an
    area-wide message, or one for any other shelter, needs a role that speaks for the whole area
    (coordinator, admin)."""
    if user.role in AREA:
        return True
    return user.role == "staff" and shelter_id is not None and shelter_id in shelters_of(db, user.id)


def writable_shelters(db: sqlite_utils.Database, user: User) -> list[Shelter]:
    """The shelters ``user`` may write messages for (every shelter for the whole-area roles)."""
    return list_shelters(db, None if user.role in AREA else shelters_of(db, user.id))


def scope_refusal(db: sqlite_utils.Database, user: User, rule: Rule, args: dict) -> int | None:
    """The status that refuses this request under the rule's scope (None: allowed)."""
    if rule.scope == SHELTER and not may_see_shelter(db, user, int(args["shelter_id"])):
        return 403
    if rule.scope == MESSAGE:
        from phrasebook import messages as model

        message = model.get(db, str(args["message_id"]))
        if message is not None and not may_write_message(db, user, message.shelter_id):
            return 403
    return None
