"""The booking site (職業相談予約サイト, terms art. 6 (2)-(6)): `mailbot web`.

A second door into the same state table as the mail path: the form, the one-hour link and the
cancel page are events (`site.*`) on the same conversation records, seen by the same staff
tools. This process only records; the daemon sends the mail it records.

    tokens.py    signed, single-purpose tokens: the link, the cancel page, CSRF
    forms.py     the application form: normalise and check, error codes (texts in templates)
    week.py      the week view of free slots (calendar + seats + cut-off), pure
    limits.py    rate limits per client address (in memory) and per email address (store)
    booking.py   the store side: apply, use the link, cancel, each one transaction
    app.py       aiohttp routes, security headers, size limits, error pages
    command.py   `mailbot web [--host 127.0.0.1] [--port 8080]`
"""
