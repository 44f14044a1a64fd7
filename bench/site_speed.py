"""The booking site over loopback HTTP: week views and applications per second, at 0 / 200 /
1 000 open conversations already in the store (figures only; the store's cost per write is the
store's, see store_speed.py). Run:
    PYTHONPATH=. .venv/bin/python bench/site_speed.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailbot.conversation import decide                    # noqa: E402
from mailbot.store import Store                            # noqa: E402
from mailbot.web.server import SiteThread                  # noqa: E402
from tests.integration.sitekit import Client, MovableClock, rules_copy, site_config   # noqa: E402
from tests.unit.convo import ctx, site_confirmed, site_event   # noqa: E402


def fill(config, n: int) -> None:
    """n open conversations as the store would hold them: confirmed bookings (mail or site)
    and one in twenty a site application waiting for its link, written in one go."""
    if not n:
        return
    pending, _ = decide(None, site_event("applied", slot="2026-12-28T09:00/c1"), ctx())
    confirmed = site_confirmed()
    with Store(config.paths.state).transaction() as tx:
        for i in range(n):
            doc = (pending if i % 20 == 0 else confirmed).to_json()
            doc["ref"], doc["holds"] = f"AK-2611-{i:04d}", []
            doc["contact"]["email"] = doc["from_addr"] = doc["bound_to"] = f"s{i}@example.jp"
            tx.save_thread(doc)


def main() -> None:
    for n in (0, 200, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            rules = rules_copy(Path(tmp), per_client_per_hour="10000", per_email_per_day="100")
            config = site_config(Path(tmp), rules=rules)
            fill(config, n)
            with SiteThread(config, MovableClock()) as site:
                c = Client(site.url)
                started = time.perf_counter()
                for _ in range(50):
                    page = c.get("/")
                week = 50 / (time.perf_counter() - started)
                slots = [s for s in page.free_slots()]
                for w in ("2026-12-07", "2026-12-14"):
                    slots += Client(site.url).get(f"/?week={w}").free_slots()
                started = time.perf_counter()
                done = 0
                for i, slot in enumerate(slots[:30]):
                    r = c.apply(slot, email=f"bench{i}@example.jp")
                    done += r.status == 303
                applies = done / (time.perf_counter() - started)
            print(f"{n:>5} open conversations: week view {week:6.1f}/s, "
                  f"form + application {applies:5.1f}/s ({done} applications)", flush=True)


if __name__ == "__main__":
    main()
