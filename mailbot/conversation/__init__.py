"""The conversation with one seeker: a typed record, an explicit state table, pure.

    model.py     Thread (schema_version, migrations), State, Offer, Booking, Consent
    events.py    events (Mail, Tick, Staff, Delivery), their kinds, actions, Context
    reading.py   what a mail means in this conversation (signals + state + last mail sent)
    offers.py    which slots to offer, deadlines, unmet wishes
    handlers.py  one function per step
    site.py      the booking site's steps (apply, the one-hour link, cancel)
    table.py     (state, event kind) -> handler, and decide()
"""

from mailbot.conversation.events import (Context, Delivery, File, Kind, Mail, Meaning, NotifyStaff,
                                         Refused, Send, Site, Staff, Tick, Unhandled)
from mailbot.conversation.model import CLOSED, OPEN, State, Thread
from mailbot.conversation.reading import interpret
from mailbot.conversation.table import TABLE, decide

__all__ = ["Context", "Delivery", "File", "Kind", "Mail", "Meaning", "NotifyStaff", "Refused",
           "Send", "Site", "Staff", "Tick", "Unhandled", "CLOSED", "OPEN", "State", "Thread", "interpret",
           "TABLE", "decide"]
