"""The long-running loop: fetch, record, file, send, run timers, wait; reconnect on failure.

It decides nothing itself (engine + workflow do); it owns the clock, the connections and the
order of effects: a message is recorded in the store before it is filed or answered, and an
outbox item is marked sent the moment SMTP accepted it (the copy in Sent follows).

Mail-server trouble must not stop the bot from answering: a folder the server will not file
into is recorded (engine.filing_failed) and retried later while the cycle goes on; a refused
mail is failed at once (5xx) or retried with backoff (4xx, timeouts; `delivery`); all sending in
a cycle runs under one deadline ([smtp] cycle_deadline_seconds), so a hung server delays new
mail by seconds, not by minutes per waiting mail; and when sending cannot start at all
(certificate, login, server down) staff are told once (engine.sending_blocked).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterator
from zoneinfo import ZoneInfo

import schedule
from imapclient.exceptions import LoginError

from mailbot import audit, delivery, engine, office_jobs, review_folders, state_backup
from mailbot.compose import Composer
from mailbot.config import Config
from mailbot.mail import smtp
from mailbot.mail.imap import FilingError, ImapMailbox
from mailbot.mail.tls import CertificateRefused
from mailbot.rules import RulesSource
from mailbot.signing import Signer, load_secret
from mailbot.store import DaemonLock, Store, StoreError
from mailbot.understand import understand

log = logging.getLogger("mailbot")
JST = ZoneInfo("Asia/Tokyo")
HOUSEKEEPING_EVERY_S = 3600
BATCH = 50                  # mails recorded per store transaction (one write for all of them)
SENT_CHUNK = 50             # copies to Sent per MULTIAPPEND and per write
HOLD_S = 0.2                # a recording transaction takes no more mail after holding the lock this long
TIMERS_EVERY_S = 60
TIMER_HOLD_S = 0.3          # a timer transaction decides no further conversation after this long
HANDLED_MEMORY_DAYS = 30
FOLDERS = ("Processed", "NeedsStaff", "Sent")
# Every kind the conversation may send; each must have a template (checked at start-up).
MAIL_KINDS = ("offer", "needs_info", "which_slot", "confirmed", "cancelled", "same_day_cancel",
              "lapsed", "reschedule_lapsed", "staff_ack", "ask_new_time", "reminder",
              "needs_info_lapsed", "reschedule_withdrawn", "noted", "received", "redirected",
              "limit_reached", "too_large", "staff_notice", "site_link", "site_use_link",
              "staff_reply", "digest", "rules_problem")


class Clock:
    """Real time in JST, or a fixed instant for demos, tests and staff dry runs (--now)."""

    def __init__(self, fixed: datetime | None = None):
        self.fixed = fixed

    def now(self) -> datetime:
        return (self.fixed or datetime.now(JST)).astimezone(JST)


def make_composer(config: Config) -> Composer:
    """The composer every command shares: same templates, terms and signing key, so a
    Message-ID written by a staff command verifies when the seeker replies to it."""
    signer = Signer(load_secret(config.paths.state, config.security.secret))
    return Composer(config.paths.templates, config.paths.terms, config.smtp.from_address, signer)


@dataclass
class Bot:
    config: Config
    rules: RulesSource
    composer: Composer
    store: Store
    clock: Clock
    _timer_changes: int = 0
    _stopping: bool = False
    _waiting: bool = False
    blocked: smtp.SendingBlocked | None = None  # why the last cycle could not send, if so
    _send_again_soon: bool = False              # the deadline cut a batch that was going well
    _more_due: bool = False                     # sending stopped before the deadline with mail due
    _next_send_at: datetime | None = None       # earliest retry of a waiting outbox item
    _unfiled: dict = field(default_factory=dict)  # this cycle's view of the filing retry list
    _jobs: schedule.Scheduler = field(init=False)
    _office: office_jobs.OfficeJobs = field(default_factory=office_jobs.OfficeJobs)

    def __post_init__(self) -> None:
        self._delivered_checked = False
        self._jobs = self._scheduler()
        self._started = self.clock.now()
        self.trust = engine.Trust(self.config.trust.authserv_id, self.config.trust.dmarc)

    @classmethod
    def from_config(cls, config: Config, clock: Clock) -> "Bot":
        composer = make_composer(config)
        rules = RulesSource(config.paths.rules, composer)
        rules.current()         # bad rules or templates stop start-up with file:line messages
        return cls(config, rules, composer, audit.AuditedStore(Store(config.paths.state)), clock)

    # ------------------------------------------------------------------ one cycle

    def cycle(self, mailbox: ImapMailbox, once: bool = False) -> dict:
        """Handle every new message, run the timed jobs that are due (all with `once`), send
        what is due. Returns counts."""
        counts = {"handled": 0, "sent": 0, "timers": 0}
        rules = self.rules.current()
        selected = mailbox.select_inbox()
        uidvalidity, folder = selected.uidvalidity, selected.folder
        self._note_uidvalidity(selected)
        with self.store.snapshot() as tx:
            self._unfiled = tx.meta("unfiled") or {}
        todo = []
        for uid in mailbox.unhandled_uids():
            key = f"{folder}:{uidvalidity}:{uid}"
            if key in self._unfiled and not delivery.is_due(self._unfiled[key], self.clock.now()):
                continue                    # handled, filing refused: wait for its retry time
            todo.append((uid, key))
        for start in range(0, len(todo), BATCH):
            if self._stopping:
                break                       # the rest is picked up after the restart
            chunk = todo[start:start + BATCH]
            got = mailbox.fetch_capped_many([uid for uid, _ in chunk], rules.policy.max_message_bytes)
            fetched = [(uid, key, *got[uid]) for uid, key in chunk if uid in got]
            recorded = self._record_batch(fetched, rules)
            # Recorded: if a stop cuts the filing short, the next run meets the mail again and
            # files it (handle_message returns the recorded outcome).
            counts["handled"] += self._file_batch(
                mailbox, [(uid, key, o.folder, o.keywords) for uid, key, o in recorded])
        self._retry_filing(mailbox, folder, uidvalidity)
        counts["timers"] = self._run_due_jobs(once)
        self._office.run(self, rules, self.clock.now())    # digest, bad-rules mail, audit
        if rules.policy.review != "none":
            review_folders.sync(mailbox, self.store, rules=rules, now=self.clock.now(),
                                composer=self.composer)
            mailbox.select_inbox()          # IDLE watches the inbox again
        counts["sent"] = self.send_outbox(mailbox)
        return counts

    def _record_batch(self, fetched: list[tuple[int, str, int, bytes]], rules) -> list:
        """Record fetched mail before any of it is filed or answered: many mails per
        transaction (one store write for all of them), each transaction holding the lock at
        most about HOLD_S so staff commands are not kept waiting. The mail is read
        (understand) before the lock is taken. If one mail breaks a transaction, its mails
        are recorded again one by one, so that one mail goes to staff and the rest is answered."""
        now = self.clock.now()
        understood = []
        for _uid, _key, _size, raw in fetched:
            try:
                understood.append(understand(raw, windows=rules.policy.windows, now=now))
            except Exception:                                 # noqa: BLE001 - redone in the tx
                understood.append(None)
        out: list = []
        start = 0
        while start < len(fetched):
            done = self._record_some(fetched, understood, start, rules, now, alone=False)
            out += done
            start += len(done)
        return out

    def _record_some(self, fetched, understood, start: int, rules, now, alone: bool) -> list:
        """Record fetched[start:] in one transaction until HOLD_S has passed (one mail with
        `alone`); returns the outcomes of those recorded."""
        reached = start
        try:
            with self.store.transaction() as tx:
                until = time.monotonic() + HOLD_S
                done = []
                for i in range(start, len(fetched)):
                    reached = i
                    uid, key, size, raw = fetched[i]
                    done.append((uid, key, engine.handle_message(
                        tx, raw, key, rules=rules, now=now, composer=self.composer,
                        trust=self.trust, size=size, understood=understood[i])))
                    if alone or time.monotonic() > until:
                        break
                return done
        except StoreError:
            raise
        except Exception:                                     # noqa: BLE001 - find the one
            if alone:
                uid, key, _, _ = fetched[start]
                return [(uid, key, self._broken(uid, key, now, rules))]
            # Redo this transaction's share one by one, up to the mail that broke it.
            out = []
            for i in range(start, reached + 1):
                out += self._record_some(fetched, understood, i, rules, now, alone=True)
            return out

    def _broken(self, uid: int, key: str, now, rules) -> engine.Outcome:
        """A bug must not turn one message into a loop: record it and hand it to staff."""
        log.exception("uid %s: could not be handled; filed for staff", uid)
        with self.store.transaction() as tx:
            tx.mark_handled(key, {"folder": "NeedsStaff", "error": True}, at=now)
            engine.notify_staff(tx, "unreadable_mail", key, rules=rules, now=now,
                                composer=self.composer)
        return engine.Outcome(folder="NeedsStaff", ref=None)

    # ------------------------------------------------------------------ filing

    def _file(self, mailbox: ImapMailbox, uid: int, key: str, folder: str,
              keywords: tuple[str, ...] = ()) -> bool:
        """File one recorded message (see _file_batch)."""
        return self._file_batch(mailbox, [(uid, key, folder, tuple(keywords))]) == 1

    def _file_batch(self, mailbox: ImapMailbox,
                    items: list[tuple[int, str, str, tuple[str, ...]]]) -> int:
        """File recorded messages, one MOVE per destination folder; when the server refuses,
        file that folder's messages one by one, record each refusal, tell staff once and
        carry on (the messages are handled in the store, so none is answered twice). A stop
        request is honoured between folders. Returns how many were filed."""
        groups: dict[str, dict[int, tuple[str, ...]]] = {}
        keys: dict[int, str] = {}
        folders: dict[str, str] = {}
        for uid, key, folder, keywords in items:
            groups.setdefault(folder, {})[uid] = tuple(keywords)
            keys[uid], folders[key] = key, folder
        filed: list[str] = []
        refused: list[tuple[str, str, str]] = []        # key, folder, reason
        for folder, group in groups.items():
            if self._stopping:
                break
            try:
                mailbox.file_many(group, folder)
                filed += [keys[uid] for uid in group]
                continue
            except FilingError as e:
                if len(group) == 1:
                    refused.append((keys[next(iter(group))], folder, e.reason))
                    continue
            for uid, keywords in group.items():         # which of them the server refuses
                try:
                    mailbox.file_many({uid: keywords}, folder)
                    filed.append(keys[uid])
                except FilingError as e:
                    refused.append((keys[uid], folder, e.reason))
        if refused:
            with self.store.transaction() as tx:
                for key, folder, reason in refused:
                    engine.filing_failed(tx, key, folder, reason, now=self.clock.now(),
                                         rules=self.rules.current(), composer=self.composer)
                self._unfiled = tx.meta("unfiled") or {}   # their retry times, for this cycle too
        done = [key for key in filed if key in self._unfiled]
        for key in done:
            entry = self._unfiled.pop(key)
            log.info("%s: filed in %s after %d failed attempt(s)", key, folders[key],
                     entry.get("attempts", 0))
        if done:
            self._forget_unfiled(done)
        return len(filed)

    def _forget_unfiled(self, keys: list[str]) -> None:
        with self.store.transaction() as tx:
            current = tx.meta("unfiled") or {}
            for key in keys:
                current.pop(key, None)
            tx.set_meta("unfiled", current or None)

    def _retry_filing(self, mailbox: ImapMailbox, folder: str, uidvalidity: int) -> None:
        """File again what the server refused before (when its retry is due), and anything
        left with our keyword in the watched folder (a filing cut short). Without keyword
        support the cycle's own loop meets such mail again and files it."""
        if not mailbox.supports_keywords:
            return
        now = self.clock.now()
        prefix = f"{folder}:{uidvalidity}:"
        leftover = {f"{prefix}{uid}": uid for uid in mailbox.unfiled_uids()}
        with self.store.snapshot() as tx:
            infos = {key: tx.handled_info(key) or {} for key in leftover}
        again = []
        for key, uid in leftover.items():
            entry = self._unfiled.get(key)
            target = (entry or {}).get("folder") or infos[key].get("folder")
            if target is None or (entry and not delivery.is_due(entry, now)):
                continue            # not ours to file (no record of it), or not yet time
            again.append((uid, key, target, tuple(infos[key].get("keywords") or ())))
        if again:
            self._file_batch(mailbox, again)
        # Entries whose message is gone: filed meanwhile, moved by staff, folder renumbered.
        gone = [k for k in self._unfiled if k.startswith(f"{folder}:") and k not in leftover]
        if gone:
            self._forget_unfiled(gone)

    def _note_uidvalidity(self, selected) -> None:
        """Record the folder's UIDVALIDITY; when the server renumbered it, say so. Nothing is
        redone twice: handled mail carries our keyword and its Message-ID is remembered."""
        with self.store.snapshot() as tx:
            known = tx.mailbox_state(selected.folder)
        if known and known["uidvalidity"] == selected.uidvalidity:
            return
        if known:
            log.warning("%s: UIDVALIDITY changed (%s -> %s); rescanning, duplicates are skipped "
                        "by Message-ID", selected.folder, known["uidvalidity"], selected.uidvalidity)
        with self.store.transaction() as tx:
            tx.set_mailbox_state(selected.folder, selected.uidvalidity,
                                 (selected.uidnext or 1) - 1)

    # ------------------------------------------------------------------ timed jobs

    def _scheduler(self) -> schedule.Scheduler:
        """Timers (lapses, expiries) every minute, housekeeping hourly.

        `schedule` only sets the rhythm: what is due is decided from stored timestamps against
        the clock, so a late or skipped run changes nothing. Each job is guarded, since a job
        that raises would not be rescheduled (PITFALLS)."""
        jobs = schedule.Scheduler()
        jobs.every(TIMERS_EVERY_S).seconds.do(self._guarded, self._timers)
        jobs.every(HOUSEKEEPING_EVERY_S).seconds.do(self._guarded, self._housekeeping)
        return jobs

    def _run_due_jobs(self, everything: bool) -> int:
        """Run what is due (everything for --once); returns how many conversations timers moved."""
        self._timer_changes = 0
        if everything:
            self._jobs.run_all()
        else:
            self._jobs.run_pending()
        return self._timer_changes

    def _guarded(self, job) -> None:
        try:
            job()
        except StoreError:
            raise                       # unusable state is not a job's problem: stop, one line
        except Exception:                                     # noqa: BLE001 - keep the rhythm
            log.exception("%s failed; it runs again at its next time", job.__name__)

    def _timers(self) -> None:
        """The due timers, in transactions of at most about TIMER_HOLD_S of deciding each."""
        rules = self.rules.current()
        more, seen = True, set()
        while more and not self._stopping:
            with self.store.transaction() as tx:
                changed, more = engine.run_due_timers(tx, rules=rules, now=self.clock.now(),
                                                      composer=self.composer, budget_s=TIMER_HOLD_S,
                                                      seen=seen)
            self._timer_changes += changed

    # ------------------------------------------------------------------ sending

    def send_outbox(self, mailbox: ImapMailbox) -> int:
        """Send the pending items that are due, recording each the moment SMTP answers, all
        within [smtp] cycle_deadline_seconds; then copy sent mail to Sent. Returns how many
        were sent.

        One small write right after the server's 250 keeps the window in which a crash could
        send a mail twice to that write; the copy in Sent comes after, as it is for staff."""
        now = self.clock.now()
        self._recover_sending(mailbox)
        if not self._delivered_checked:           # a crash between a mark and its meaning
            with self.store.snapshot() as tx:
                left = [i["id"] for i in tx.outbox(status="sent") if i.get("delivered_pending")]
            self._apply_delivered(left)
            self._delivered_checked = True
        with self.store.snapshot() as tx:
            pending = tx.outbox(status="pending")
        due = [item for item in pending if delivery.is_due(item, now)]
        # Conversations whose mail already failed go last, so a server that hangs on one
        # recipient does not hold up the answers to new mail (order within a thread is kept).
        retrying = {item["thread_ref"] for item in due if item.get("attempts")}
        due.sort(key=lambda item: item["thread_ref"] in retrying)
        self._send_again_soon = self._more_due = False
        self.blocked = None
        sent = 0
        if due:
            sent = asyncio.run(self._send_batch(due))
        self._copy_to_sent(mailbox)
        return sent

    async def _send_batch(self, items: list[dict]) -> int:
        """Send `items` over one session under the cycle deadline. A hung server costs one
        deadline per cycle: the mail in hand is retried later, the rest waits its turn."""
        settings = self.config.smtp
        progress: dict = {"current": None, "sent": 0, "tried": 0, "opened": False}
        try:
            await asyncio.wait_for(self._send_items(items, progress),
                                   timeout=settings.cycle_deadline_seconds)
        except TimeoutError:
            limit = f"no answer within the cycle deadline ({settings.cycle_deadline_seconds:g} s)"
            current = progress["current"]
            if current is None and not progress["opened"]:
                self._sending_blocked(smtp.SendingBlocked(
                    "connect", f"SMTP {settings.host}:{settings.port}: {limit}", error="TimeoutError"))
            elif current is not None:
                with self.store.transaction() as tx:
                    done = self._record_result(tx, current, smtp.SendResult(
                        current["message_id"], False, "TimeoutError", text=limit))
                done()
            # Mail the deadline cut off is due now: the next cycle (which reads new mail first)
            # sends on. Each cut moves the mail in hand to its backoff, so this always ends.
            self._send_again_soon = progress["opened"] and progress["tried"] < len(items)
        except smtp.SendingBlocked as blocked:
            self._sending_blocked(blocked)
        return progress["sent"]

    async def _send_items(self, items: list[dict], progress: dict) -> None:
        """One write per mail: the result of a mail and the `sending` mark of the next are one
        transaction, made right after the server's answer and before the next mail goes out
        (so every item is durably `sending` before the server may accept it, and `sent` the
        moment after). Each item's bytes are read from its file, without a snapshot.

        New mail is started only within 80 % of the cycle deadline: a server that answers
        promptly is never cut mid-mail (the rest is sent on at once, `_more_due`); the
        deadline itself still stops a hung one."""
        soft_stop = time.monotonic() + 0.8 * self.config.smtp.cycle_deadline_seconds
        async with smtp.Session(self.config.smtp) as session:
            progress["opened"] = True
            self._sending_works()
            previous: tuple[dict, smtp.SendResult] | None = None
            for current in items:
                if self._stopping or time.monotonic() > soft_stop:
                    self._more_due = self._send_again_soon = not self._stopping
                    current = None
                self._record_and_mark(previous, current)     # first thing after the answer
                previous = None
                if current is None:
                    break
                raw = self.store.outbox_raw(current["id"])
                progress["current"], progress["tried"] = current, progress["tried"] + 1
                result = await session.send_raw(raw)
                progress["current"] = None
                previous = (current, result)
                progress["sent"] += result.ok
            self._record_and_mark(previous, None)

    def _record_and_mark(self, previous: tuple[dict, smtp.SendResult] | None,
                         current: dict | None) -> None:
        """In one transaction: the result of the mail just sent, the `sending` mark of the next."""
        if previous is None and current is None:
            return
        done = None
        with self.store.transaction() as tx:
            if previous is not None:
                done = self._record_result(tx, *previous)
            if current is not None:
                tx.update_outbox(current["id"], status="sending",
                               sending_at=self.clock.now().isoformat(timespec="seconds"))
        if previous is not None and previous[1].ok:
            self._apply_delivered([previous[0]["id"]])
        if done is not None:
            done()

    def _apply_delivered(self, item_ids: list[str]) -> None:
        """What a sent mail means for its conversation (an offer's lifetime starts), in its own
        transaction after the `sent` mark: the mark, made the moment the server answered, is
        then a write of two outbox fields, which keeps the window in which a crash could send a
        mail twice as short as it can be. `delivered_pending` carries the rest across a crash."""
        if not item_ids:
            return
        rules, now = self.rules.current(), self.clock.now()
        with self.store.transaction() as tx:
            for item_id in item_ids:
                item = tx.get_outbox(item_id)
                if item is None or not item.get("delivered_pending"):
                    continue
                engine.delivered(tx, item, "sent", rules=rules, now=now, composer=self.composer)
                tx.update_outbox(item_id, delivered_pending=False)

    def _recover_sending(self, mailbox: ImapMailbox) -> None:
        """Items a crash left `sending`: the server may or may not have accepted them. One found
        in Sent by its Message-ID (servers that file what they relay, or a copy made before the
        crash) is sent; the rest go again, with the same Message-ID, so a mail client shows a
        duplicate once. The window is the few milliseconds between the server's 250 and our
        mark (README, Guarantees)."""
        with self.store.snapshot() as tx:
            stuck = tx.outbox(status="sending")
        if not stuck:
            return
        found = {item["id"]: mailbox.sent_has(item["message_id"]) for item in stuck}
        with self.store.transaction() as tx:
            for item in stuck:
                if found[item["id"]]:
                    tx.update_outbox(item["id"], status="sent", sent_at=item.get("sending_at"),
                                   copied=True, delivered_pending=True)
                else:
                    tx.update_outbox(item["id"], status="pending")
        self._apply_delivered([item["id"] for item in stuck if found[item["id"]]])
        for item in stuck:
            log.warning("%s: %s was in flight when the last run stopped; %s", item["thread_ref"],
                        item["kind"], "found in Sent, not sent again" if found[item["id"]]
                        else "sent again")

    def _record_result(self, tx, item: dict, result: smtp.SendResult):
        """Sent, failed for good (staff told), or waiting for its next attempt: recorded in `tx`.
        Returns what to log once the transaction has committed."""
        now = self.clock.now()
        stamp = now.isoformat(timespec="seconds")
        ref, kind = item["thread_ref"], item["kind"]
        if result.ok:
            # Only the mark here; what it means for the conversation (an offer's lifetime
            # starts now) follows in _apply_delivered.
            tx.update_outbox(item["id"], status="sent", sent_at=stamp, copied=False,
                           next_attempt_at=None, delivered_pending=True)

            def logged() -> None:
                log.info("%s: sent %s", ref, kind)
                if result.refused:
                    log.warning("%s: %d of the recipients of %s were refused", ref,
                                len(result.refused), kind)
            return logged
        decision = delivery.after_failure(item, code=result.code, text=result.text,
                                          permanent=result.permanent, now=now)
        tx.update_outbox(item["id"], **decision.fields)
        if decision.gave_up:
            engine.delivery_failed(tx, {**item, **decision.fields}, code=result.code,
                                   text=result.text, permanent=result.permanent, now=now,
                                   rules=self.rules.current(), composer=self.composer)
        attempts = decision.fields["attempts"]
        shown = smtp.without_addresses(result.reply or result.error or "?")

        def logged_failure() -> None:
            if decision.gave_up:
                log.warning("%s: sending %s failed (%s), attempt %d; given up, see `mailbot "
                            "outbox list --status failed`", ref, kind, shown, attempts)
            else:
                log.warning("%s: sending %s failed (%s), attempt %d, will retry at %s", ref,
                            kind, shown, attempts, decision.fields["next_attempt_at"])
        return logged_failure

    def _sending_blocked(self, blocked: smtp.SendingBlocked) -> None:
        self.blocked = blocked
        log.debug("no mail sent this cycle: %s", blocked.reason)
        with self.store.transaction() as tx:
            engine.sending_blocked(tx, blocked.reason, now=self.clock.now(),
                                   rules=self.rules.current(), composer=self.composer)

    def _sending_works(self) -> None:
        """Sending started: forget a recorded block, so the next one is reported again."""
        with self.store.snapshot() as tx:
            was = tx.meta("sending_blocked")
        if was:
            with self.store.transaction() as tx:
                tx.set_meta("sending_blocked", None)
            log.info("sending works again (blocked since %s)", was.get("since"))

    def _copy_to_sent(self, mailbox: ImapMailbox) -> None:
        """Put a copy of every sent mail in Sent (once: Sent is searched by Message-ID first
        where a copy may exist), SENT_CHUNK at a time in one MULTIAPPEND and one write. When
        the server refuses (folder full or unwritable), record it and retry later: the seeker
        already has the mail, staff must still see it. Also notes the next retry time of
        waiting mail (the same snapshot)."""
        now = self.clock.now()
        with self.store.snapshot() as tx:
            unfiled = tx.meta("unfiled") or {}
            uncopied = [item for item in tx.outbox(status="sent") if item.get("copied") is False]
            self._next_send_at = delivery.next_due(tx.outbox(status="pending"))
        checked, plain = [], []
        for item in uncopied:
            entry = unfiled.get(f"outbox:{item['id']}")
            if entry and not delivery.is_due(entry, now):
                continue
            # Sent is searched first only when a copy may exist already: the item was sent by an
            # earlier run (it may have died after APPEND), or an earlier copy failed.
            sent_at = datetime.fromisoformat(item["sent_at"])
            (checked if entry or sent_at < self._started else plain).append(item)
        refused: list[tuple[dict, str]] = []
        for item in checked:
            try:
                mailbox.append_sent(self.store.outbox_raw(item["id"]),
                                    datetime.fromisoformat(item["sent_at"]), item["message_id"])
                self._copied(unfiled, [item])
            except FilingError as e:
                refused.append((item, e.reason))
        for start in range(0, len(plain), SENT_CHUNK):
            chunk = plain[start:start + SENT_CHUNK]
            try:
                mailbox.append_sent_many([(self.store.outbox_raw(item["id"]),
                                           datetime.fromisoformat(item["sent_at"])) for item in chunk])
                self._copied(unfiled, chunk)
                continue
            except FilingError as e:
                if len(chunk) == 1:
                    refused.append((chunk[0], e.reason))
                    continue
            for item in chunk:                  # a refused MULTIAPPEND added none: one by one
                try:
                    mailbox.append_sent(self.store.outbox_raw(item["id"]),
                                        datetime.fromisoformat(item["sent_at"]))
                    self._copied(unfiled, [item])
                except FilingError as e:
                    refused.append((item, e.reason))
        if refused:
            with self.store.transaction() as tx:
                for item, reason in refused:
                    engine.filing_failed(tx, f"outbox:{item['id']}", "Sent", reason, now=now,
                                         rules=self.rules.current(), composer=self.composer)

    def _copied(self, unfiled: dict, items: list[dict]) -> None:
        """Record copies made in Sent (one write), and forget their failed earlier attempts."""
        done = [f"outbox:{item['id']}" for item in items if f"outbox:{item['id']}" in unfiled]
        with self.store.transaction() as tx:
            for item in items:
                tx.mark_outbox(item["id"], copied=True)
            if done:
                current = tx.meta("unfiled") or {}
                for key in done:
                    current.pop(key, None)
                tx.set_meta("unfiled", current or None)

    # ------------------------------------------------------------------ the loop

    def request_stop(self) -> None:
        """Ask the loop to stop (from a SIGTERM/SIGINT handler): at once while it waits for
        mail, else after the step in hand, so no mail is left sent but not recorded as sent.
        A second request stops at once whatever the loop is doing."""
        again, self._stopping = self._stopping, True
        if self._waiting or again:
            raise KeyboardInterrupt

    @contextmanager
    def _interruptible(self) -> Iterator[None]:
        """Mark a wait (IDLE, backoff sleep, connecting) that a stop request may cut short."""
        if self._stopping:
            raise KeyboardInterrupt
        self._waiting = True
        try:
            yield
        finally:
            self._waiting = False

    def run(self, once: bool = False) -> None:
        """Cycle until stopped (KeyboardInterrupt), reconnecting after mail server errors.

        A login the server refuses before the first successful connection is a configuration
        error and ends the run; after that it is treated as an outage and retried."""
        with DaemonLock(self.config.paths.state):
            self._backup_if_due()
            backoff = 1.0
            connected_once = False
            while True:
                mailbox = ImapMailbox(self.config.imap)
                try:
                    with self._interruptible():
                        mailbox.connect()
                    connected_once = True
                    mailbox.ensure_folders(FOLDERS + (review_folders.FOLDERS
                                                      if self.rules.current().policy.review != "none" else ()))
                    backoff = 1.0
                    while True:
                        counts = self.cycle(mailbox, once)
                        while once and self._more_due and not self._stopping:
                            counts["sent"] += self.send_outbox(mailbox)   # a backlog's answers
                        if any(counts.values()):
                            log.info("cycle: %(handled)d handled, %(sent)d sent, %(timers)d timers",
                                     counts)
                        if self._stopping:
                            log.info("stopped")
                            return
                        if once:
                            if self.blocked is not None and self.blocked.configuration:
                                raise self.blocked      # one line; the mail read was recorded
                            return
                        if counts["handled"] or self._send_again_soon:
                            # Mail that arrived during the cycle was announced to its commands,
                            # not to the next IDLE; mail the deadline cut off is due now.
                            continue
                        wait = max(1.0, min(self.config.imap.poll_seconds, self._jobs.idle_seconds or 0,
                                            self._seconds_until_next_send()))
                        if self.rules.settling:
                            wait = min(wait, 2.0)   # an edit is being saved: read it soon
                        log.debug("waiting for new mail (at most %.0f s)", wait)
                        with self._interruptible():
                            mailbox.wait_for_change(wait)
                except Exception as exc:                      # noqa: BLE001 - keep the daemon up
                    if once or not _is_mail_error(exc) or (
                            not connected_once and isinstance(exc, (LoginError, CertificateRefused))):
                        raise
                    log.warning("mail server problem (%s: %s); reconnecting in %.0f s",
                                type(exc).__name__, exc, backoff)
                finally:
                    mailbox.close()
                with self._interruptible():
                    time.sleep(backoff)
                backoff = min(backoff * 2, 300.0)

    def _seconds_until_next_send(self) -> float:
        if self._next_send_at is None:
            return float("inf")
        return (self._next_send_at - self.clock.now()).total_seconds()

    def _backup_if_due(self) -> None:
        """A copy of state/ when the newest is older than [backups] every_hours (wall clock:
        backups are about real time, whatever --now says). A failed backup is logged, never
        fatal: answering mail matters more."""
        settings = self.config.backups
        newest = state_backup.newest_taken_at(self.store.state_dir)
        if newest is not None and time.time() - newest.timestamp() < settings.every_hours * 3600:
            return
        try:
            taken = state_backup.take(self.store.state_dir, settings.keep,
                                      lock_timeout=self.store.lock_timeout)
        except (OSError, StoreError) as exc:
            log.warning("backup of state/ failed (%s); retried at the next housekeeping", exc)
            return
        if taken is not None:
            log.info("state backed up to backups/%s", taken.name)

    def _housekeeping(self) -> None:
        """Move closed conversations out of the live file and drop them after retention."""
        self._backup_if_due()
        policy = self.rules.current().policy
        with self.store.transaction() as tx:
            moved = tx.archive_closed(self.clock.now(), policy.archive_after_days)
            purged = tx.purge_archive(self.clock.now(), policy.retention_days)
            # Handled-message marks only guard against redoing mail still in the inbox; a month
            # is ample and keeps the live file (rewritten on every write) small.
            tx.forget_handled(self.clock.now(), HANDLED_MEMORY_DAYS)
        if moved or purged:
            log.info("housekeeping: %d archived, %d purged", moved, purged)


def _is_mail_error(exc: Exception) -> bool:
    """Errors that a new connection can cure (dropped socket, server restart, timeouts)."""
    import imaplib

    return isinstance(exc, (imaplib.IMAP4.error, imaplib.IMAP4.abort, OSError, TimeoutError))
