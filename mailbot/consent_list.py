"""`mailbot consents`: who agreed to which terms, and how (terms art. 6 (3), 13).

Each booking keeps the evidence of its consent (the consenting mail's Message-ID, From and
Date, or the site's agreement time, and the version and sha256 of the terms that were sent).
Staff asked "which seekers accepted version X" answer it here, including closed conversations
kept in the archive until the retention limit. Rows carry the reference and the evidence, not
the seeker's name: the address shown is the one the consent came from, as recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import click

from mailbot import cli_common, tables
from mailbot.store import Store


@dataclass(frozen=True)
class ConsentRow:
    ref: str
    state: str
    slot: str
    how: str
    at: str
    terms_version: str
    terms_sha256: str
    evidence: str


def rows(threads: Iterable[dict], version: str | None = None) -> list[ConsentRow]:
    """One row per booking with consent evidence, oldest consent first. Pure."""
    out = []
    for doc in threads:
        booking = doc.get("booking") or {}
        consent = booking.get("consent")
        if not consent:
            continue
        if version is not None and consent.get("terms_version") != version:
            continue
        at = consent.get("agreed_at") or consent.get("received_at") or consent.get("date") or ""
        out.append(ConsentRow(
            ref=doc.get("ref", ""), state=doc.get("state", ""), slot=booking.get("slot", ""),
            how=consent.get("how") or "mail", at=str(at)[:19],
            terms_version=consent.get("terms_version") or "-",
            terms_sha256=(consent.get("terms_sha256") or "-")[:12],
            evidence=consent.get("message_id") or consent.get("from_addr") or "-"))
    return sorted(out, key=lambda r: (r.at, r.ref))


@click.command("consents")
@click.option("--terms-version", "version", default=None, metavar="VERSION",
              help="Only consents to this version of the terms of use.")
@click.option("--all", "with_archive", is_flag=True,
              help="Also closed conversations kept in the archive.")
@click.pass_context
def consents(ctx: click.Context, version: str | None, with_archive: bool) -> None:
    """List consent evidence per booking: how, when, which terms version (sha256), which mail."""
    config = cli_common.load(ctx)
    with Store(config.paths.state).snapshot() as tx:
        threads = list(tx.threads())
        if with_archive:
            threads += tx.archived_threads()
    found = rows(threads, version)
    if not found:
        click.echo("no consents recorded" + (f" for terms version {version}" if version else ""))
        return
    click.echo(tables.render(
        ("reference", "state", "slot", "how", "at", "terms", "sha256", "consenting mail"),
        [(r.ref, r.state, r.slot, r.how, r.at, r.terms_version, r.terms_sha256, r.evidence)
         for r in found], limits={7: 60}))
