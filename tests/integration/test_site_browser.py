"""A seeker in a real browser: Debian's headless Chromium driven by Playwright, against the
site on a free port, the daemon, and the sandbox's real Dovecot and SMTP.

The seeker picks a slot, fills in the form (found by its labels, as a screen reader would),
agrees to the terms, sends it, reads the link mail over IMAP, opens the link, confirms, gets
the confirmation mail and cancels from its cancel page. JavaScript is off: the site must work
without it. Screenshots go to test-artifacts/site/ (or $MAILBOT_ARTIFACTS/site/).
A second test has two browsers race for the last seat.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from mailbot.web.server import SiteThread
from tests.conftest import REPO
from tests.integration.sitekit import (MovableClock, body, inbox, link_in, run_daemon, site_config,
                                       threads)

CHROMIUM = Path(os.environ.get("MAILBOT_CHROMIUM", "/usr/bin/chromium"))
# Flags the machines here need (env notes): no sandbox as root, and no background traffic,
# which the closed network would refuse.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(os.environ.get("MAILBOT_ARTIFACTS") or REPO / "test-artifacts") / "site"
SLOT_TEXT = "12月4日(金) 14:00から"


def _need_browser():
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing: scripts/install-deps.sh installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (scripts/install-deps.sh installs it)")
    return pytest.importorskip("playwright.sync_api")


@pytest.fixture
def clock():
    return MovableClock()


@pytest.fixture
def config(tmp_path, mail_sandbox, office):
    return site_config(tmp_path, mail_sandbox, office)


@pytest.fixture
def site(config, clock):
    with SiteThread(config, clock) as running:
        yield running


def daemon_cycle(config, clock) -> None:
    """One daemon cycle in a thread of its own: Playwright's sync API keeps an event loop
    running in this one, and the daemon's SMTP client starts its own."""
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as pool:
        pool.submit(run_daemon, config, clock).result(60)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_seeker_books_confirms_and_cancels_in_chromium(site, config, clock, mail_sandbox, seekers):
    sync_api = _need_browser()
    seeker = seekers[0]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(java_script_enabled=False, locale="ja-JP",
                                          viewport={"width": 390, "height": 844})   # a phone
            page = context.new_page()
            page.goto(site.url + "/")
            sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("相談の日時を選ぶ")
            shot(page, "01-week")
            page.get_by_role("link", name=SLOT_TEXT).click()
            sync_api.expect(page.locator(".chosen")).to_contain_text("2026年12月4日(金) 14:00〜14:50")

            # A mistake first: the error is shown next to its field, the values stay.
            page.get_by_label("お名前（氏名）").fill("山田 太郎")
            page.get_by_label("メールアドレス", exact=False).first.fill(seeker)
            page.get_by_label("メールアドレス（確認のため、もう一度）").fill(seeker)
            page.get_by_label("電話番号").fill("12345")
            page.get_by_label("利用規約に同意します").check()
            page.get_by_role("button", name="確認メールを送る").click()
            sync_api.expect(page.locator("#e-phone")).to_contain_text("電話番号は 0 から始まる")
            sync_api.expect(page.get_by_label("電話番号")).to_have_attribute("aria-invalid", "true")
            sync_api.expect(page.get_by_label("お名前（氏名）")).to_have_value("山田 太郎")
            shot(page, "02-form-error")

            page.get_by_label("電話番号").fill("090-3812-4456")
            page.get_by_label("求職番号").fill("05010-23418765")
            page.get_by_label("自由記入欄").fill("手話通訳の同席を希望します。")
            page.get_by_label("利用規約に同意します").check()
            page.get_by_role("button", name="確認メールを送る").click()
            sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("確認のメールをお送りしました")
            assert page.url.endswith("/sent")
            shot(page, "03-sent")

            daemon_cycle(config, clock)                          # the daemon sends the link mail
            (link_mail,) = inbox(mail_sandbox, seeker)
            clock.set("2026-12-01T09:20+09:00")
            page.goto(link_in(link_mail))
            sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("ご予約の確定")
            shot(page, "04-link")
            page.get_by_role("button", name="予約を確定する").click()
            sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("ご予約が確定しました")
            sync_api.expect(page.locator(".booking")).to_contain_text("2026年12月4日(金) 14:00〜14:50")
            shot(page, "05-confirmed")

            daemon_cycle(config, clock)
            confirmed = inbox(mail_sandbox, seeker)[-1]
            assert confirmed["X-Mailbot-Kind"] == "confirmed" and "14:00〜14:50" in body(confirmed)
            (doc,) = threads(config)
            assert doc["state"] == "confirmed" and doc["contact"]["seeker_number"] == "05010-23418765"

            clock.set("2026-12-02T18:00+09:00")
            page.goto(link_in(confirmed, "c"))
            sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("ご予約のキャンセル")
            shot(page, "06-cancel")
            page.get_by_role("button", name="キャンセルする").click()
            sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("キャンセルしました")
            shot(page, "07-cancelled")
            assert threads(config)[0]["state"] == "cancelled"
            daemon_cycle(config, clock)
            assert inbox(mail_sandbox, seeker)[-1]["X-Mailbot-Kind"] == "cancelled"
        finally:
            browser.close()


def test_two_browsers_race_for_the_last_seat(site, config):
    _need_browser()
    from playwright.async_api import async_playwright

    async def race() -> list[str]:
        async with async_playwright() as p:
            browsers = [await p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS) for _ in range(2)]
            try:
                pages = []
                for i, browser in enumerate(browsers):
                    page = await browser.new_page(java_script_enabled=False)
                    await page.goto(site.url + "/apply?slot=2026-12-04T14:00/c1")
                    await page.get_by_label("お名前（氏名）").fill(f"利用者{i}")
                    address = f"racer{i}@example.jp"
                    await page.locator("#f-email").fill(address)
                    await page.locator("#f-email2").fill(address)
                    await page.get_by_label("電話番号").fill("090-1234-567" + str(i))
                    await page.get_by_label("利用規約に同意します").check()
                    pages.append(page)
                await asyncio.gather(*(pg.get_by_role("button", name="確認メールを送る").click() for pg in pages))
                outcomes = []
                for i, pg in enumerate(pages):
                    await pg.wait_for_load_state()
                    ARTIFACTS.mkdir(parents=True, exist_ok=True)
                    await pg.screenshot(path=str(ARTIFACTS / f"race-{i}.png"), full_page=True)
                    outcomes.append(await pg.locator("h1").inner_text())
                return outcomes
            finally:
                for browser in browsers:
                    await browser.close()

    outcomes = asyncio.run(race())
    assert sorted(outcomes) == ["お申込み", "確認のメールをお送りしました"]
    (doc,) = threads(config)
    assert doc["state"] == "pending_link" and doc["holds"] == ["2026-12-04T14:00/c1"]
