"""Is this mail from a machine? The bot must never answer one (mail loops, replies to bounces,
answers to newsletters), yet a real seeker must never be ignored.

Headers decide first (RFC 3834 Auto-Submitted, list and bulk markers, delivery reports, null
return path, daemon senders); the text is checked only when the headers say nothing, and only
the writer's own text and signature (a quoted offer of ours must not trigger anything).
`X-Auto-Response-Suppress` alone is NOT a verdict: it asks others not to auto-reply and is also
set by ticketing systems and some Exchange/Outlook set-ups on person-written mail.
"""

from __future__ import annotations

import re

from .model import Inbound
from .quotes import Reply, split_reply

_DAEMON_SENDER = re.compile(
    r"^(?:mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|"
    r"bounces?|auto[-_.]?reply|autoresponder|auto[-_.]?confirm|mail[-_.]?daemon|"
    r"owner-[^@]+|[^@]+-(?:owner|request))(?:[-+][^@]*)?(?:@|$)",   # list software (Majordomo)
    re.I)
_BULK_PRECEDENCE = re.compile(r"^\s*(?:bulk|list|junk|auto[-_]?reply)\b", re.I)
_REPORT_TYPE = re.compile(r"^\s*(?:multipart/report|message/delivery-status|"
                          r"message/disposition-notification)", re.I)

_SUBJECT = re.compile(
    r"^\s*(?:\[[^\]]*\]\s*)?[\[【(（]?(?:"
    r"自動応答|自動返信|自動送信|自動通知|不在(?:通知|のお知らせ|連絡)?\s*[:：]|休暇中|"
    r"Automatic reply|Auto(?:matic)?[- ]?(?:reply|response)|AutoResponse|Out of (?:the )?Office|"
    r"OOO\b|Vacation|On vacation|Away from|Réponse automatique|Abwesenheit|Respuesta automática|"
    r"Undeliverable|Undelivered|Undeliverable mail|Delivery Status Notification|"
    r"Delivery Failure|Delivery failed|Delivery has failed|Mail delivery failed|"
    r"Returned mail|Failure notice|Mail System Error|Non[- ]?delivery|Message not delivered|"
    r"Warning: could not send|Delayed Mail|Delivery delayed|"
    r"配信不能|配送不能|配信エラー|配送エラー|送信エラー|宛先不明|メール配送失敗|配信失敗)",
    re.I)
_TEXT = re.compile(
    r"(?:この|本)(?:メール|メッセージ)は、?自動(?:応答|返信|送信|配信)|"
    r"^[ \t\u3000※*]*自動(?:応答|返信)(?:メール|メッセージ)?(?:です|でございます)|"
    r"(?:I am|I'm|I will be|I'll be|currently) (?:out of (?:the )?office|away|on (?:vacation|leave))|"
    r"\bOut of Office\b|\bAutomatic reply\b|This is an automated|auto-generated message|"
    r"Delivery to the following recipients? (?:failed|has failed)|could not be delivered|"
    r"was not delivered|Undeliverable|Delivery Status Notification|permanent(?:ly)? (?:error|fatal)|"
    r"message (?:could not|couldn't) be delivered|The mail system|Mail Delivery (?:Subsystem|System)|"
    r"配信不能|配送(?:でき|出来)ませんでした|配信(?:でき|出来)ませんでした|宛先(?:が|は)?見つかりません|"
    r"(?:配信停止|配信解除|購読解除|登録解除|メルマガ解除)[^\n]{0,40}(?:https?://|こちら|以下|下記|URL)|"
    r"https?://[^\n]{0,60}(?:配信停止|配信解除|購読解除|登録解除)|"
    r"送信専用(?:アドレス|のメールアドレス)から|\bunsubscribe\b",
    re.I | re.M)
# Out of office: being away is not enough ("日中は不在にしています" is a seeker's remark);
# an away notice names a period and promises a later answer.
_AWAY = re.compile(r"不在に(?:して|いたして)(?:おります|います|おりました)|休暇(?:を(?:頂|いただ)いて|中)|"
                   r"出張(?:中|のため)|休業(?:中|いたします|しております)")
_AWAY_PERIOD = re.compile(r"まで|期間|以降|戻り|帰社|順次|返信(?:が|は)?(?:遅れ|できません|いたしかね)|"
                          r"ご不便|ご迷惑")
_TEXT_WINDOW = 4000   # an auto-reply says what it is near the top; long prose is a human's


def automated_reason(inbound: Inbound, reply: Reply | None = None) -> str | None:
    """A short English reason (for logs) when the mail was sent by a machine, else None.
    Pass `reply` when the caller already split the text (saves a second split)."""
    reason = _by_headers(inbound)
    if reason:
        return reason
    subject = inbound.subject or ""
    if _SUBJECT.search(subject):
        return "subject: automated (" + _SUBJECT.search(subject).group(0).strip()[:40] + ")"
    if reply is None:
        reply = split_reply(inbound.text or "")
    text = (reply.fresh[:_TEXT_WINDOW] + "\n" + reply.signature[-_TEXT_WINDOW:])
    m = _TEXT.search(text)
    if m:
        return "text: " + m.group(0).strip()[:40]
    away = _AWAY.search(text)
    if away and _AWAY_PERIOD.search(text):
        return "text: out-of-office notice"
    return None


def _by_headers(inbound: Inbound) -> str | None:
    h = {k.lower(): (v or "") for k, v in inbound.headers.items()}
    auto = h.get("auto-submitted", "").strip().lower()
    if auto and not auto.startswith("no"):
        return f"header: Auto-Submitted {auto.split(';')[0][:30]}"
    precedence = h.get("precedence", "") or h.get("x-precedence", "")
    if _BULK_PRECEDENCE.match(precedence):
        return f"header: Precedence {precedence.strip()[:20]}"
    for name in ("list-id", "list-unsubscribe", "list-post"):
        if name in h:
            return f"header: {name} (mailing list)"
    if _REPORT_TYPE.match(h.get("content-type", "")):
        return "header: delivery/disposition report"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-reply-from",
                 "x-autogenerated", "x-failed-recipients"):
        if name in h:
            return f"header: {name}"
    if re.match(r"^\s*<\s*>\s*$", h.get("return-path", "x")):
        return "header: null Return-Path"
    if _DAEMON_SENDER.match(inbound.from_addr or ""):
        return f"sender: {inbound.from_addr.split('@')[0][:30]}"
    return None
