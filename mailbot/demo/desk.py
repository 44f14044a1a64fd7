"""`make desk-demo`: the staff desk commands against a real sandbox, printed as staff see them.

The README's "For staff" screens are this script's output (not typed by hand). It starts the
sandbox Dovecot + SMTP, lets the demo seekers book by mail through the real `mailbot run
--once` (plus one seeker who only asks a question, and one whose first reply is held for review),
then runs every staff command with a fixed clock and prints the command line and its output.
"""

from __future__ import annotations

import email
import email.policy
import os
import shutil
import subprocess
import sys
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime
from pathlib import Path

from mailbot.demo.__main__ import CONFIG, MAILS, OFFICE, REPO, SEEKERS, inbox, reply
from mailbot.sandbox import MailSandbox

ASKER = "h.kudo@demo.example.jp"
LATE = "r.nakamura@demo.example.jp"


def mail(frm: str, subject: str, text: str, when: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = frm, OFFICE, subject
    msg["Date"] = format_datetime(datetime.fromisoformat(when))
    msg["Message-ID"] = make_msgid(domain=frm.split("@")[1])
    msg.set_content(text, charset="utf-8")
    return msg.as_bytes()


class Desk:
    def __init__(self, config: Path, env: dict, quiet: bool = False):
        self.config, self.env, self.quiet = config, env, quiet

    def run(self, *args: str, show: bool = True) -> str:
        proc = subprocess.run([sys.executable, "-m", "mailbot.cli", "--config", str(self.config), *args],
                              env=self.env, capture_output=True, text=True)
        if proc.returncode != 0 and args[0] != "run":
            out = proc.stdout + proc.stderr
        else:
            out = proc.stdout
        if show:
            shown = " ".join(a if " " not in a else f'"{a}"' for a in args)
            print(f"$ mailbot {shown}".replace(str(self.config.parent) + "/", ""))
            print(out.rstrip("\n").replace(str(self.config.parent) + "/", ""))
            print(flush=True)
        if proc.returncode not in (0,) and args[0] == "run":
            raise SystemExit(proc.stderr)
        return out


def main() -> None:
    users = {OFFICE: "office-pw", **SEEKERS, ASKER: "kudo-pw", LATE: "nakamura-pw"}
    with MailSandbox(users=users) as sb, tempfile.TemporaryDirectory(prefix="mailbot-desk-") as tmp:
        base = Path(tmp)
        shutil.copytree(REPO / "rules", base / "rules")
        config = base / "mailbot.toml"
        text = CONFIG.format(host=sb.host, imap_port=sb.imap_port, smtp_port=sb.smtp_port,
                             office=OFFICE, repo=REPO, state=base / "state")
        config.write_text(text.replace(f'rules = "{REPO}/rules"', f'rules = "{base}/rules"'),
                          encoding="utf-8")
        desk = Desk(config, dict(os.environ, PYTHONPATH=str(REPO)))
        seen: set[bytes] = set()
        latest: dict[str, EmailMessage] = {}

        def cycle(now: str) -> None:
            desk.run("run", "--once", "--now", now, show=False)
            for seeker in users:
                if seeker != OFFICE:
                    for msg in inbox(sb, seeker, seen):
                        latest[seeker] = msg

        def answer(seeker: str, text: str, when: str) -> None:
            sb.deliver(OFFICE, reply(latest[seeker], seeker, text, when))

        for path in sorted(MAILS.glob("*.eml")):
            sb.deliver(OFFICE, path.read_bytes())
        sb.deliver(OFFICE, mail(ASKER, "オンライン相談について", "オンライン相談はどのアプリを使いますか？\n"
                                "スマートフォンでも受けられますか。\n工藤", "2026-12-01T08:40+09:00"))
        cycle("2026-12-01T09:00+09:00")
        answer("kenta.sato@demo.example.jp", "1番でお願いします。利用規約も確認しました。\n佐藤",
               "2026-12-01T12:00+09:00")
        answer("misaki.takahashi@demo.example.jp", "電話番号を書き忘れました。090-5521-3309 です。",
               "2026-12-01T12:00+09:00")
        answer("d-suzuki@demo.example.jp", "2番の日時でお願いいたします。\n鈴木", "2026-12-01T12:00+09:00")
        cycle("2026-12-01T12:05+09:00")
        answer("misaki.takahashi@demo.example.jp", "1番でお願いします。", "2026-12-02T08:30+09:00")
        cycle("2026-12-02T08:35+09:00")

        # From here on every first reply waits for a person (policy.yaml review: first_mail).
        policy = base / "rules" / "policy.yaml"
        policy.write_text(policy.read_text(encoding="utf-8").replace("review: none", "review: first_mail"),
                          encoding="utf-8")
        sb.deliver(OFFICE, mail(LATE, "相談の予約をお願いします",
                                "オンライン職業相談を予約したいです。\n氏名：中村 涼\n電話：090-1111-2222\n"
                                "希望日時：12月9日（水）10時\n", "2026-12-02T09:50+09:00"))
        cycle("2026-12-02T10:00+09:00")

        print("━━ Conversations")
        desk.run("bookings")

        print("━━ Open escalations, by office days")
        desk.run("staff", "list", "--now", "2026-12-04T09:00+09:00")
        desk.run("staff", "list", "--now", "2026-12-07T09:00+09:00")

        asker = _ref_of(desk, ASKER)
        sato = _ref_of(desk, "kenta.sato@demo.example.jp")
        print("━━ One conversation")
        desk.run("thread", "show", sato)

        print("━━ Writing to a seeker in the thread")
        note = base / "answer.txt"
        note.write_text("お問い合わせありがとうございます。\n"
                        "オンライン相談は Teams を使います。スマートフォンでもご利用いただけます。\n"
                        "ご予約を希望される場合は、ご希望の日時をこのメールにご返信ください。\n", encoding="utf-8")
        desk.run("preview", "staff_reply", "--thread", asker, "--body-file", str(note))
        desk.run("reply", asker, "--body-file", str(note), "--now", "2026-12-02T10:10+09:00")
        desk.run("staff", "resolve", asker, "--note", "アプリの質問にメールで回答", "--now",
                 "2026-12-02T10:11+09:00")
        cycle("2026-12-02T10:12+09:00")
        desk.run("thread", "show", asker)

        print("━━ The outbox: mail held for review")
        desk.run("outbox", "list", "--now", "2026-12-02T10:15+09:00")
        held = [ln.split()[0] for ln in desk.run("outbox", "list", "--status", "held", show=False).splitlines()[2:]]
        desk.run("outbox", "list", "--status", "held", "--now", "2026-12-02T10:15+09:00")
        if held:
            desk.run("outbox", "show", held[0])
            edited = base / "offer.txt"
            body = desk.run("outbox", "show", held[0], show=False).split("\n\n", 1)[1]
            edited.write_text(body.split("[attachment]")[0].replace(
                "オンライン職業相談担当です。",
                "オンライン職業相談担当の佐々木です。お電話でもお話しした件、メールでもご案内します。", 1),
                encoding="utf-8")
            out = desk.run("outbox", "edit", held[0], "--body-file", str(edited), "--now",
                           "2026-12-02T10:16+09:00")
            new_id = out.split()[0]
            desk.run("outbox", "approve", new_id)
            cycle("2026-12-02T10:20+09:00")
            desk.run("outbox", "list", "--now", "2026-12-02T10:21+09:00")
        desk.run("outbox", "reject", "OB999999", "--reason", "例")

        print("━━ The day sheet (Suzuki cancels by mail on the day: staff must phone)")
        answer("d-suzuki@demo.example.jp", "本日は体調不良のため、休ませてください。\n鈴木", "2026-12-08T08:00+09:00")
        cycle("2026-12-08T08:05+09:00")
        desk.run("bookings", "--date", "2026-12-08")
        desk.run("bookings", "--week", "--now", "2026-12-08T08:10+09:00")

        print("━━ Previews and the parser")
        desk.run("preview", "confirmed", "--thread", sato)
        snippet = base / "snippet.txt"
        snippet.write_text("明日の14時か、来週月曜の午前にお願いできますか。\n秋田 花子\n", encoding="utf-8")
        desk.run("parse", "--now", "2026-12-02T10:00+09:00", str(snippet))


def _ref_of(desk: Desk, address: str) -> str:
    """A conversation's reference from the state (what staff would read off a notice)."""
    from mailbot.store import Store
    import tomllib

    state = tomllib.loads(desk.config.read_text(encoding="utf-8"))["paths"]["state"]
    with Store(state).snapshot() as tx:
        (doc,) = [d for d in tx.threads() + tx.archived_threads() if d.get("bound_to") == address][:1]
    return doc["ref"]


if __name__ == "__main__":
    main()
