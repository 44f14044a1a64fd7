"""The long-running loop: fetch, record, file, send, run timers, wait; reconnect on failure.

It decides nothing itself (engine + workflow do); it owns the clock, the connections and the
order of effects: a message is recorded in the store before it is filed or answered, and an
outbox item is marked sent only after SMTP accepted it and a copy is in Sent.
"""

from __future__ import annotations

import email
import email.policy
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Iterator
from zoneinfo import ZoneInfo

import schedule
from imapclient.exceptions import LoginError

from mailbot import engine
from mailbot.compose import Composer
from mailbot.config import Config
from mailbot.mail import smtp
from mailbot.mail.imap import ImapMailbox
from mailbot.rules import RulesSource
from mailbot.signing import Signer, load_secret
from mailbot.store import DaemonLock, Store, StoreError

log = logging.getLogger("mailbot")
JST = ZoneInfo("Asia/Tokyo")
HOUSEKEEPING_EVERY_S = 3600
TIMERS_EVERY_S = 60
HANDLED_MEMORY_DAYS = 30
SEND_GIVE_UP_AFTER = timedelta(hours=6)     # then staff see it under `outbox list --status failed`
UNSENDABLE = frozenset({"NoRecipients"})    # no retry can cure these: give up at once
FOLDERS = ("Processed", "NeedsStaff", "Sent")
# Every kind the conversation may send; each must have a template (checked at start-up).
MAIL_KINDS = ("offer", "needs_info", "which_slot", "confirmed", "cancelled", "same_day_cancel",
              "lapsed", "reschedule_lapsed", "staff_ack", "ask_new_time", "reminder",
              "needs_info_lapsed", "reschedule_withdrawn", "noted", "received", "redirected",
              "limit_reached", "too_large", "staff_notice", "site_link", "site_use_link")


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
    _jobs: schedule.Scheduler = field(init=False)

    def __post_init__(self) -> None:
        self._jobs = self._scheduler()
        self.trust = engine.Trust(self.config.trust.authserv_id, self.config.trust.dmarc)

    @classmethod
    def from_config(cls, config: Config, clock: Clock) -> "Bot":
        rules = RulesSource(config.paths.rules)
        rules.current()         # a bad rules folder stops start-up with file:line messages
        composer = make_composer(config)
        problems = composer.check(MAIL_KINDS)
        if problems:
            raise SystemExit("mailbot: " + "; ".join(problems))
        return cls(config, rules, composer, Store(config.paths.state), clock)

    # ------------------------------------------------------------------ one cycle

    def cycle(self, mailbox: ImapMailbox, once: bool = False) -> dict:
        """Handle every new message, run the timed jobs that are due (all with `once`), send
        what is due. Returns counts."""
        counts = {"handled": 0, "sent": 0, "timers": 0}
        rules = self.rules.current()
        selected = mailbox.select_inbox()
        uidvalidity, folder = selected.uidvalidity, selected.folder
        self._note_uidvalidity(selected)
        for uid in mailbox.unhandled_uids():
            if self._stopping:
                break                       # the rest is picked up after the restart
            raw = mailbox.fetch(uid)
            if raw is None:
                continue
            key = f"{folder}:{uidvalidity}:{uid}"
            now = self.clock.now()
            try:
                with self.store.transaction() as tx:
                    outcome = engine.handle_message(tx, raw, key, rules=rules, now=now,
                                                    composer=self.composer, trust=self.trust)
            except Exception:                                 # noqa: BLE001 - one bad mail
                # A bug must not turn one message into a loop: record it and hand it to staff.
                log.exception("uid %s: could not be handled; filed for staff", uid)
                with self.store.transaction() as tx:
                    tx.mark_handled(key, {"folder": "NeedsStaff", "error": True}, at=now)
                outcome = engine.Outcome(folder="NeedsStaff", ref=None)
            mailbox.file(uid, outcome.folder, outcome.keywords)
            counts["handled"] += 1
        counts["timers"] = self._run_due_jobs(once)
        counts["sent"] = self.send_outbox(mailbox)
        return counts

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
        rules = self.rules.current()
        with self.store.transaction() as tx:
            self._timer_changes += engine.run_timers(
                tx, rules=rules, now=self.clock.now(), composer=self.composer)

    def send_outbox(self, mailbox: ImapMailbox) -> int:
        """Send pending items one by one, recording each as sent the moment SMTP accepts it.

        One message per SMTP session keeps the window in which a crash could send a mail twice
        down to a single local write; the copy in Sent comes after, as it is for staff only.
        """
        with self.store.snapshot() as tx:
            pending = tx.outbox(status="pending")
        sent = 0
        for item in pending:
            if self._stopping:
                break
            with self.store.snapshot() as tx:
                raw = tx.outbox_raw(item["id"])
            message = email.message_from_bytes(raw, policy=email.policy.SMTP)
            (result,) = smtp.send_messages(self.config.smtp, [message])
            when = self.clock.now()
            now = when.isoformat(timespec="seconds")
            if not result.ok:
                attempts = item.get("attempts", 0) + 1
                age = when - datetime.fromisoformat(item["created_at"])
                status = ("failed" if age > SEND_GIVE_UP_AFTER or result.error in UNSENDABLE
                          else "pending")
                log.warning("%s: sending %s failed (%s), attempt %d%s", item["thread_ref"],
                            item["kind"], result.error, attempts,
                            "; given up, see `mailbot outbox list --status failed`"
                            if status == "failed" else ", will retry")
                with self.store.transaction() as tx:
                    tx.update_outbox(item["id"], attempts=attempts, last_error=result.error,
                                     status=status, last_attempt_at=now)
                    if status == "failed":
                        engine.delivery_failed(tx, item, code=None, text=str(result.error),
                                               permanent=True, now=when,
                                               rules=self.rules.current(), composer=self.composer)
                continue
            with self.store.transaction() as tx:
                tx.update_outbox(item["id"], status="sent", sent_at=now, copied=False)
                engine.delivered(tx, item, "sent", rules=self.rules.current(), now=when,
                                 composer=self.composer)
            log.info("%s: sent %s", item["thread_ref"], item["kind"])
            sent += 1
        self._copy_to_sent(mailbox)
        return sent

    def _copy_to_sent(self, mailbox: ImapMailbox) -> None:
        """Put a copy of every sent mail in Sent, retrying next cycle if the server fails us:
        the seeker already has the mail, staff must still see it."""
        with self.store.snapshot() as tx:
            uncopied = [(item, tx.outbox_raw(item["id"])) for item in tx.outbox(status="sent")
                        if item.get("copied") is False]
        for item, raw in uncopied:
            mailbox.append_sent(raw, datetime.fromisoformat(item["sent_at"]))
            with self.store.transaction() as tx:
                tx.update_outbox(item["id"], copied=True)

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
            backoff = 1.0
            connected_once = False
            while True:
                mailbox = ImapMailbox(self.config.imap)
                try:
                    with self._interruptible():
                        mailbox.connect()
                    connected_once = True
                    mailbox.ensure_folders(FOLDERS)
                    backoff = 1.0
                    while True:
                        counts = self.cycle(mailbox, once)
                        if any(counts.values()):
                            log.info("cycle: %(handled)d handled, %(sent)d sent, %(timers)d timers",
                                     counts)
                        if self._stopping:
                            log.info("stopped")
                            return
                        if once:
                            return
                        if counts["handled"]:
                            # Mail that arrived during the cycle was announced to its commands,
                            # not to the next IDLE: look again before waiting.
                            continue
                        wait = max(1.0, min(self.config.imap.poll_seconds, self._jobs.idle_seconds or 0))
                        log.debug("waiting for new mail (at most %.0f s)", wait)
                        with self._interruptible():
                            mailbox.wait_for_change(wait)
                except Exception as exc:                      # noqa: BLE001 - keep the daemon up
                    if once or not _is_mail_error(exc) or (
                            not connected_once and isinstance(exc, LoginError)):
                        raise
                    log.warning("mail server problem (%s: %s); reconnecting in %.0f s",
                                type(exc).__name__, exc, backoff)
                finally:
                    mailbox.close()
                with self._interruptible():
                    time.sleep(backoff)
                backoff = min(backoff * 2, 300.0)

    def _housekeeping(self) -> None:
        """Move closed conversations out of the live file and drop them after retention."""
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
