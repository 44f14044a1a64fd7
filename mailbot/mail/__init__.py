"""Mail server adapters: IMAP mailbox (imap.py) and SMTP sending (smtp.py)."""
