"""What the daemon does for the office itself once per cycle, beside the seekers' mail: the
morning digest, one mail to staff for each bad version of the rules or templates, and an audit
line for each rules reload.

Kept out of daemon.py so the loop stays about mail; each step is cheap when there is nothing to
do (a clock comparison, an in-memory check), so it may run every cycle.
"""

from __future__ import annotations

import logging
from datetime import datetime

from mailbot import audit, digest
from mailbot.store import StoreError

log = logging.getLogger("mailbot")
KIND_RULES = "rules_problem"
REPORTED_KEY = "rules_problem_versions"     # bad versions already mailed (newest last)
REMEMBERED = 50


class OfficeJobs:
    """Per-daemon memory for the office jobs (the day a digest was found sent, the rules in use)."""

    def __init__(self) -> None:
        self.digest = digest.Sender()
        self._rules_in_use = None

    def run(self, bot, rules, now: datetime) -> None:
        """Each job on its own: one that fails is logged and retried next cycle, never stops
        the daemon (a store that cannot be used stops it, as everywhere)."""
        for job in (self._rules_reloads, self._bad_rules, self._digest):
            try:
                job(bot, rules, now)
            except StoreError:
                raise
            except Exception:                           # noqa: BLE001 - keep answering mail
                log.exception("office job %s failed; retried next cycle", job.__name__)

    def _digest(self, bot, rules, now: datetime) -> None:
        self.digest.run(bot.store, rules=rules, now=now, composer=bot.composer)

    def _rules_reloads(self, bot, rules, now: datetime) -> None:
        if rules is self._rules_in_use:
            return
        self._rules_in_use = rules
        _audit(bot).append([audit.rules_line("loaded", rules.version)])

    def _bad_rules(self, bot, rules, now: datetime) -> None:
        found = bot.rules.problems()         # each bad version is offered once per process
        if found is None:
            return
        version, problems = found
        _audit(bot).append([audit.rules_line("rejected", version, problems=len(problems),
                                             kept=rules.version)])
        with bot.store.transaction() as tx:
            queued = queue_rules_problem(tx, version, problems, rules=rules, now=now,
                                         composer=bot.composer)
        if queued:
            log.warning("rules: version %s: staff are told by mail (office.staff_address)", version)


def queue_rules_problem(tx, version: str, problems: list[str], *, rules, now: datetime,
                        composer) -> bool:
    """One mail to office.staff_address for a bad version of rules/templates, once per version
    (content hash), also across restarts: the versions mailed are kept in the store, in the
    same transaction as the outbox item."""
    reported = list(tx.meta(REPORTED_KEY) or [])
    if version in reported:
        return False
    to = rules.office.staff_address
    out = composer.compose(KIND_RULES, to, None, rules, now,
                           {"problems": list(problems)[:50], "version": version,
                            "reason": "bad_rules"})
    tx.add_outbox({"message_id": out.message_id, "thread_ref": None, "kind": KIND_RULES, "to": to,
                   "reason": "bad_rules", "status": "pending",
                   "created_at": now.isoformat(timespec="seconds"), "version": version,
                   "raw": out.message.as_bytes()})
    tx.set_meta(REPORTED_KEY, (reported + [version])[-REMEMBERED:])
    return True


def _audit(bot) -> audit.AuditLog:
    store_log = getattr(bot.store, "audit", None)
    return store_log if isinstance(store_log, audit.AuditLog) else audit.AuditLog(bot.config.paths.state)
