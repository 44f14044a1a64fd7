"""Understanding mail: bytes -> Inbound (decoded message) -> Understanding (fields, intent).

Public API (used by the workflow, the daemon and `mailbot parse`):

    read_message(raw: bytes) -> Inbound                      (mime.py)
    understand(raw: bytes, windows=None) -> (Inbound, Understanding)

`windows` maps "am"/"pm" to (start, end) times for 午前/午後; default 09:00-12:00 / 13:00-17:00.
"""
