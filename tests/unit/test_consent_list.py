"""`mailbot consents` rows: evidence per booking, filtered by terms version, oldest first."""

from mailbot.consent_list import rows


def thread(ref, consent, state="confirmed", slot="2026-12-04T14:00/c1"):
    return {"ref": ref, "state": state, "booking": {"slot": slot, "consent": consent}}


def test_rows_carry_the_evidence_and_skip_bookings_without_it():
    docs = [
        thread("AK-2612-0002", {"how": "mail", "message_id": "<b@example.jp>", "from_addr": "b@example.jp",
                                "received_at": "2026-12-02T10:00:00+09:00", "terms_version": "2026-04",
                                "terms_sha256": "ab" * 32}),
        thread("AK-2612-0001", {"how": "site", "from_addr": "a@example.jp",
                                "agreed_at": "2026-12-01T09:00:00+09:00", "terms_version": "2026-04",
                                "terms_sha256": "cd" * 32}),
        {"ref": "AK-2612-0003", "state": "offered"},
        thread("AK-2612-0004", None),
    ]
    got = rows(docs)
    assert [r.ref for r in got] == ["AK-2612-0001", "AK-2612-0002"]
    assert got[0].how == "site" and got[0].evidence == "a@example.jp"
    assert got[1].evidence == "<b@example.jp>" and got[1].terms_sha256 == "ab" * 6


def test_rows_filter_by_terms_version():
    docs = [thread("AK-1", {"terms_version": "2026-04", "received_at": "2026-12-01"}),
            thread("AK-2", {"terms_version": "2027-04", "received_at": "2026-12-02"})]
    assert [r.ref for r in rows(docs, "2027-04")] == ["AK-2"]
    assert rows(docs, "1999-01") == []
