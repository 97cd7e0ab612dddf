"""JMA disaster-prevention XML (気象庁防災情報XML): earthquake and tsunami telegrams turned into
draft messages. No Flask: the app and the command line audit the changes and publish the drafts.

- ``telegram``: the parser (``parse_file``, ``parse_bytes``) and its dataclasses;
- ``places``: Latin (Hepburn) readings and furigana for JMA's place names;
- ``drafts``: ``draft_specs`` / ``Planner``, a telegram to what should happen to which draft;
- ``feed``: ``FeedWatcher``, polling an Atom feed with conditional GET;
- ``store``: ``apply_telegrams``, the specs applied to the stored messages.
"""

from phrasebook.jma.telegram import Telegram, TelegramError, parse_bytes, parse_file

CREDIT = "出典：気象庁防災情報XML"  # shown once on the public page of a message drafted from JMA's telegrams
CREDIT_TEMPLATE = "jma.credit"  # the last part of every draft: the credit in each language

__all__ = ["CREDIT", "CREDIT_TEMPLATE", "Telegram", "TelegramError", "parse_bytes", "parse_file"]
