"""Contact and booking fields from the unquoted text of a mail.

Each extractor takes already-separated text: `fresh` (what the writer typed in this mail) and
`signature` (their signature block); quoted text never reaches this module. The rules follow
the label conventions in ../shared/examples/README.md: whose name, which phone, which address.
When a field cannot be read with confidence it is None rather than a guess.
"""

from __future__ import annotations

import re

import phonenumbers

from mailbot.understand.english import POSITION as _EN_POSITION
from mailbot.understand.english import english_choices, english_name
from mailbot.understand import morph
from mailbot.understand.normalize import normalize

# ---------------------------------------------------------------------------------------------
# Names
_KANJI = "\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003134F々〆ヶ"   # + 𠮷 and the other supplementary kanji
_HIRA = "ぁ-ゖー"
_KATA = "ァ-ヺー・"
# A family name may hold a katakana ノ or ケ between kanji: 一ノ瀬, 木ノ下, 三ケ田.
_NO = rf"(?:[{_KANJI}][ノケ](?=[{_KANJI}]))?"
_NAME_JA = re.compile(
    rf"{_NO}[{_KANJI}]{{1,4}} [{_KANJI}{_HIRA}{_KATA}]{{1,6}}|{_NO}[{_KANJI}]{{1,6}}"  # 佐藤 健太 / 本間 / 長谷川由美子
    rf"|{_NO}[{_KANJI}]{{2,4}}(?![のがをはにでともへや])(?:[{_HIRA}]{{2,4}}|[{_KATA}]{{2,5}})"  # 村井ちひろ
    rf"|[{_KATA}]{{1,12}}(?: [{_KATA}]{{1,12}}){{1,3}}|[{_KATA}]{{2,12}}"  # グエン ティ ハー
    rf"|[{_HIRA}]{{2,6}} [{_HIRA}]{{1,6}}")                              # やまだ はなこ
# A one-kanji family name with a katakana given name, as Korean and Chinese seekers write
# (「朴ソヨン」「金 ミンジュ」): only where the dictionary reads both parts as a person's name.
_ONE_KANJI_KATA = re.compile(rf"[{_KANJI}] ?[{_KATA}]{{2,6}}")
# One-kanji family names of Korean and Chinese residents, which the dictionary does not always
# read as 姓 before a katakana given name (金 is also "gold").
_ONE_KANJI_FAMILIES = set("金李朴崔鄭姜趙尹張林王陳劉楊黄呉周徐孫馬胡郭高梁宋韓許申洪文柳全")


def _one_kanji_family(kanji: str) -> bool:
    if kanji in _ONE_KANJI_FAMILIES:
        return True
    ws = morph.words(kanji)
    return len(ws) == 1 and ws[0].person == "姓"


_NAME_LATIN = re.compile(r"[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){1,3}")
_NOT_NAME_WORDS = set("""
私 わたし わたくし 僕 ぼく 俺 自分 本人 家族 息子 娘 母 父 夫 妻 主人 兄 姉 弟 妹 祖母 祖父 母親 父親 長男 長女
次男 次女 友人 知人 担当 担当者 了解 承知 以上 敬具 草々 大丈夫 結構 不要 必要 可能 希望 予定 失礼 初めて 初
求職中 在職中 離職中 無職 学生 主婦 元気 同意 幸い 残念 問題 不明 未定 未登録 登録 受付 前回 今回 以前 先日 当日
本日 明日 明後日 今日 以下 同じ 確認 承諾 大変 心配 不安 無理 困難 宜しく 記 追伸 氏名 名前 求職番号 電話番号
希望日時 希望日 希望時間 連絡先 電話 携帯 携帯電話 住所 メール 追記 備考 件名 宛先 送信日時 差出人 日時 方法
ハローワーク オンライン スマホ スマートフォン パソコン メールアドレス アドレス テレワーク 相談 職業相談 予約
日本人 外国人 社会人 障害者 高齢者 求職者 利用者 以上です 御中 各位 様 殿
代表 社長 会長 部長 課長 係長 主任 所長 店長 院長 室長 理事長 代表取締役 取締役 専務 常務 センター長 支援員 相談員
""".split())
# Endings of words that are not names. A bare 中/人/部/所/方 is too broad: 田中, 悠人, 阿部, 田所 and
# 緒方 are names, so those endings count only after the characters that make 求職中, 日本人, 総務部 …
_NOT_NAME_END = re.compile(
    r"(?:[職務活動養院娠休学業事出張転討備付談集習在省宅]中|[国本会般新成個他知友主老職求恋芸商軍役大名婦夫病]人"
    r"|(?:担当|先|相手|仕|両|夕|明|朝|夜|貴|奥|当|親)方"
    r"|(?:事務|役|場|住|近|研究|出張|事業|紹介|相談|診療|保育|支|案内)所"
    r"|(?:総務|営業|人事|経理|本|支|事業|技術|開発|製造|企画|管理|広報|教育|学|幹|外|内|全|一|細|業務|法務|財務|販売|生産|編集)部"
    r"|者|様|さま|さん|殿|君|くん|ちゃん|的|員|社|局|課|係|[市県郡区]"
    r"|ない|たい|ます|した|てい|ている|れる|られ|いい|よい|ません|です|でした|ください|下さい|して|する|から|まで)$")
_NOT_NAME_PART = re.compile(r"ハローワーク|御中|株式|会社|有限|法人|センター|事務所|営業|職業|相談|担当|予約|希望|番号"
                            r"|失礼|御礼|以上|敬具|敬白|乱文|取り?急|確認|連絡|申込|宜敷|不一|草々|本人|日時|住所"
                            r"|時間|お願い|よろしく|宜しく|送信|iPhone|Android|訓練|学生|主婦|保険|受給|手帳|障害|在住|出身|歳|曜|午前|午後"
                            r"|不要|経験|返信|転職|退職|求職|在職|離職|就活|就職|派遣|社員|契約|至急|再送|新卒"
                            r"|\d")
# Form labels for the seeker: 氏名, お名前, and the role words support agencies and forms use
# (対象者氏名, 利用者名, 【申込者】, 相談者：); a bare role word needs its bracket or colon.
_ROLE = r"(?:ご?本人|対象者|ご?利用者|相談者|申し?込み?者|申込人|求職者|受講者|参加者|希望者)"
_LABEL_NAME = re.compile(rf"^[ \t]*(?:\(?\d{{1,2}}\s*[.)、]\s*|[【\[]\d{{1,2}}[】\]]\s*)?[・\-*●■◆◇○【\[<]?[ \t]*(?:(?:{_ROLE}(?:様|さん)?)?(?:の)?(?:氏名|お名前|おなまえ|名前|なまえ|Name|NAME)"
                         rf"|{_ROLE}名|{_ROLE}(?=[ \t]*[】\]>:：]))"
                         r"(?:[ \t]*[(（][^)）]*[)）])?[ \t]*[】\]>]?[ \t]*[:：]?[ \t]*(?P<v>.*)$", re.M)
_FURIGANA = re.compile(r"[(（][^()（）]*[)）]")
_PROSE_STRONG = re.compile(r"と申します|ともうします|と申し上げます|と言います|といいます|と申す者です"
                           r"|って(?:いい|言い)ます|っていう(?:者|もの)です")
# The name ending a descriptive clause: the kanji/katakana run after its last kana.
_NAME_AFTER_CLAUSE = re.compile(
    rf"(?<=[{_HIRA}])(?:{_NO}[{_KANJI}]{{1,4}} [{_KANJI}{_HIRA}{_KATA}]{{1,6}}|{_NO}[{_KANJI}]{{1,6}}"
    rf"|[{_KANJI}]{{2,4}}[{_HIRA}]{{2,4}})(?:\s*[(（][^()（）]*[)）])?\s*$")
# A clause by which a writer identifies themselves: 「…で予約している」「先日お電話した」.
_SELF_REF = re.compile(r"(?:予約|申し?込み?|登録|相談|連絡|電話|お願い|面談)を?(?:し|させていただい|させて頂い|いただい|頂い)?"
                       r"(?:ている|ていた|ておりま[すし]|ております|た|ました)$")
_PROSE_WEAK = re.compile(r"です(?![かが])|でございます")
_PROSE_BOUNDARY = re.compile(r"(?:[。、，,！!？?\n]|私は|わたしは|わたくしは|僕は|ぼくは|私、|わたし、|名前は|なまえは)")
_GREETING = re.compile(r"お世話|失礼|はじめまして|初めまして|こんにちは|こんばんは|おはよう|ご連絡|突然|いつも|夜分|度々|たびたび"
                       r"|ありがとう|恐れ入|すみません|申し訳")
_ON_BEHALF = re.compile(
    r"代わって|代わり|かわりに|代理|代筆|本人に代|(?:の|が)(?:母|父|妻|夫|家族|姉|兄|弟|妹|祖母|祖父|母親|父親)(?:です|でございます|として)"
    r"|(?:息子|娘|子ども|子供|本人|主人|夫|妻|弟|妹|兄|姉)(?:が|は)[^。\n]{0,20}(?:希望して|相談したい|受けたい|お願いしたい)"
    r"|(?:支援(?:員|者|機関|センター|事業所)|相談員|ジョブコーチ|ケースワーカー|職員)(?:の|をしております|をしている)?"
    r"[^。\n]{0,12}(?:と申します|です|でございます)|利用者(?:の|様の|さんの)"
    r"|(?:母親|父親|母|父|親|家族|姉|兄|妻|夫)の(?:私|わたし|わたくし)"
    r"|(?:息子|娘|長男|長女|次男|次女|子ども|子供|弟|妹|孫)(?:\s*[(（][^()（）\n]{0,12}[)）])?の"
    r"(?:(?:オンライン|職業|就職)*(?:相談|予約|面談)|(?:こと|件)で)")
# The writer names the seeker: 「息子の菊地 蓮（20歳）の相談」「娘の高田 杏奈が…希望」「利用者である斉藤 海斗さんの」.
_SEEKER_REL = (r"(?:息子|娘|長男|長女|次男|次女|三男|三女|子ども|子供|こども|弟|妹|兄|姉|夫|妻|主人|孫|甥|姪|母|父"
               r"|利用者|ご利用者|対象者|当事者|相談者|生徒|メンバー)(?:様|さん)?")
_SEEKER_NAME = (rf"(?P<n>{_NO}[{_KANJI}]{{1,4}} (?:[{_KANJI}]{{1,4}}|[{_HIRA}]{{2,5}}|[{_KATA}]{{2,6}})|{_NO}[{_KANJI}]{{2,6}}"
                rf"|[{_KANJI}]{{2,4}}(?:[{_HIRA}]{{2,4}}|[{_KATA}]{{2,5}})|[{_KATA}]{{2,12}}(?: [{_KATA}]{{2,12}}){{0,2}})")
_HONORIFIC = r"(?:さん|様|さま|くん|君|ちゃん)"
_SEEKER_REF = re.compile(
    rf"{_SEEKER_REL}(?:の|である|であります|で、|、|[:：])\s*{_SEEKER_NAME}"
    rf"(?P<tail>(?:\s*[(（][^()（）\n]{{0,20}}[)）])?\s*{_HONORIFIC}?(?:\s*[(（][^()（）\n]{{0,20}}[)）])?)"
    r"(?=の|が|は|に|を|について)")
# A supporter names their client by what links them, with an honorific:
# 「当センターを利用されている伊東 翔太さんの」「私が担当している小松 由香さんの」.
_CLIENT_REF = re.compile(
    rf"(?:利用|通所|通っ|通われ|在籍|登録|支援|担当|所属|入所|受講)[{_HIRA}]{{0,6}}?(?:いる|いらっしゃる|おられる|おります)"
    rf"\s*{_SEEKER_NAME}(?P<tail>\s*{_HONORIFIC})(?=の|が|は|に|を|について)")
# What the writer asks for that person, in the same clause: 「…のオンライン相談をお願いしたく」「…に代わって」.
_FOR_SEEKER = re.compile(r"^(?:に|の)(?:代わ|かわり)|(?:相談|予約|面談|申し?込)[^。、\n]{0,12}?"
                         r"(?:希望|お願い|おねがい|したい|したく|受けたい|受けさせ|させて|申し?込|いたします|します)")
# The writer introduced as the seeker's relative: 「斎藤陽太の母です」「山本 翔の父でございます」.
_RELATIVE_OF = re.compile(
    rf"(?:^|(?<=[。、,\s]))(?P<n>{_NO}[{_KANJI}]{{1,4}} (?:[{_KANJI}]{{1,4}}|[{_HIRA}]{{2,5}}|[{_KATA}]{{2,6}})"
    rf"|[{_KANJI}]{{3,6}}|[{_KANJI}]{{2,4}}[{_HIRA}]{{2,4}}|[{_KATA}]{{2,12}}(?: [{_KATA}]{{2,12}}){{1,2}})"
    r"(?:さん|様)?の(?:母親?|父親?|妻|夫|姉|兄|弟|妹|祖母|祖父|家族|保護者|叔母|伯母|叔父|伯父|親)"
    r"(?:です|でございます|と申します|になります)", re.M)
# A bare name as one item of a phone-typed one-liner, after a finished sentence: 「…したいです。工藤拓海
# 求職番号…」 (a contact item follows) or 「…お願いします。加藤勇です。」 (the line ends with it).
_INLINE_NAME = re.compile(
    rf"(?:(?<=[。!！])|(?<=ます )|(?<=です )|(?<=たい )|(?<=ます、)|(?<=です、)|(?<=たい、))\s*(?P<n>[{_KANJI}]{{1,4}} (?:[{_KANJI}]{{1,4}}|[{_HIRA}]{{2,5}})|[{_KANJI}]{{3,6}}|[{_KANJI}]{{2,4}}[{_HIRA}]{{2,4}})"
    r"(?:\s*(?:です|でございます)[。!！]?[ \t]*(?=$|\n)|[ \t、,]+(?=求職番号|携帯|電話|TEL|連絡先|メール|生年月日|住所|\d))", re.M)
# Words that fill the same slot (「看護師です。」「三十代です。」「母子家庭です。」): roles, ages, places.
_NOT_INLINE_NAME = re.compile(r"(?:学|校|院)生$|[可無中師職員者民庭県市町村同暮少業歳才済様系性外始住降内]$|^[{0}]{{2,}}$|^\S*[一二三四五六七八九十]代$"
                              r"|(?:保育|栄養|介護|弁護|税理|会計|技|運転|整備|消防|保健|療法)士$".format("一二三四五六七八九十"))
_JOINING = re.compile(r"同席|付き添|付添|つきそ|一緒|いっしょ|同行|同伴|立ち会|立会")


def _clean_name(raw: str) -> str:
    s = _FURIGANA.sub("", raw)
    s = re.sub(r"\s*(?:様|さま|さん|殿|です|と申します|より|拝)[。.]?$", "", s.strip())
    s = re.sub(r"\s+", " ", s).strip(" 　:：、。,.")
    return s


def _name_ok(s: str, *, strict: bool = False, from_name: str = "", last: bool = False) -> bool:
    """Is `s` a plausible personal name? `strict` is for a line that stands alone (sign-off):
    without a space it must look like a full name, or match the From display name; `last` (the
    line closing the text) also lets a two-kanji family name stand (「①でお願いします / 松橋」)."""
    if not s or s in _NOT_NAME_WORDS or _NOT_NAME_PART.search(s):
        return False
    parts = s.split(" ")
    if any(p in _NOT_NAME_WORDS for p in parts) or _NOT_NAME_END.search(s.replace(" ", "")):
        return False
    if _ONE_KANJI_KATA.fullmatch(s):
        return _one_kanji_family(s[0])        # 「朴ソヨン」「金ミンジュ」
    if _NAME_JA.fullmatch(s):
        if strict and " " not in s:
            corroborated = bool(from_name) and re.sub(r"\s+", "", from_name).startswith(s)
            return bool(re.fullmatch(rf"[{_KANJI}]{{3,6}}|[{_KANJI}][ノケ][{_KANJI}]{{1,4}}|[{_KANJI}]{{2,4}}[{_HIRA}]{{2,4}}", s)
                        or (corroborated and re.fullmatch(rf"{_NO}[{_KANJI}]{{1,6}}", s))
                        or (last and re.fullmatch(rf"[{_KANJI}]{{2}}", s) and s not in _CLOSING_WORDS))
        return True
    return bool(not strict and _NAME_LATIN.fullmatch(s))


def _labelled_name(text: str) -> str | None:
    for m in _LABEL_NAME.finditer(text):
        value = m["v"].strip()
        if not value:                              # value on the next line
            rest = text[m.end():].lstrip("\n").split("\n", 1)[0]
            value = rest.strip()
        name = _clean_name(value)
        if _name_ok(name):
            return name
    return None


def _greeted(prefix: str) -> bool:
    """A finished greeting before the name (「お世話になっております佐藤です」), not a word that
    merely starts like one and goes on to describe something (「場所はいつもの店です」)."""
    return bool(_GREETING.search(prefix)) and not re.search(r"[のはがをにでとへやも][\s、,]*$", prefix)


def _prose_name(text: str) -> str | None:
    """「秋田太郎と申します」「近藤です」: the chunk right before the phrase, at a clause start."""
    for rx, weak in ((_PROSE_STRONG, False), (_PROSE_WEAK, True)):
        for m in rx.finditer(text):
            head = text[max(0, m.start() - 40):m.start()]
            cuts = list(_PROSE_BOUNDARY.finditer(head))
            chunk = head[cuts[-1].end():] if cuts else head
            name = _clean_name(chunk)
            if not _name_ok(name) and "の" in chunk:   # 「秋田市在住の佐藤健太と申します」
                chunk = chunk.rsplit("の", 1)[1]
                name = _clean_name(chunk)
            self_ref = False
            if not _name_ok(name):                    # 「介護職として働いている斉藤と申します」
                tail = _NAME_AFTER_CLAUSE.search(chunk)
                self_ref = bool(tail and _SELF_REF.search(chunk[:tail.start()]))
                # 「12/3 10:00で予約している小野寺です」「お世話になっております佐藤です」
                if tail and (self_ref or not weak or _greeted(chunk[:tail.start()])):
                    chunk = tail.group()
                    name = _clean_name(chunk)
            if not _name_ok(name):
                continue
            if weak:
                if re.fullmatch(r"[ァ-ヺー]+", name):
                    continue                      # 「テストです」: one katakana word is rarely a name
                line_start = text.rfind("\n", 0, m.start()) + 1
                prefix = text[line_start:m.start() - len(chunk)]
                if prefix.strip() and not self_ref and not (
                        _greeted(prefix) or re.search(r"(?:私|わたし|わたくし|名前|なまえ)は[\s、,]*$", prefix)):
                    continue
            return name
    return None


_CONTACT_LINE = re.compile(r"\d{2,}|@|TEL|Tel|tel|携帯|電話|〒|住所|Mail|mail|メール|FAX|Fax")
_CLOSING_LINE = re.compile(r"^(?:以上|敬具|草々|よろしく|宜しく|お願い|iPhone|Sent from|送信|--|━|─|―|-{2,}|={2,}|\*{2,}|＊)")
# Two-kanji words that close a mail or answer a question on a line of their own: never a name.
_CLOSING_WORDS = set("""
本文 件名 早急 何卒 感謝 早々 拝啓 謹白 不一 乱筆 乱文 恐縮 多謝 御礼 取急 宜敷 敬白 匆々 頓首 再拝 完了 報告 連絡 終日 平日 土日
毎日 来週 今週 来月 月末 未定 不明 特記 特別 無し 有り 以下 同上 上記 下記 承知 了承 了解 感激 深謝 失敬 早速 取敢
""".split())


# Rules and stars around a signing name: 「—— 高階里美」「＊ 佐々木 健 ＊」.
_DECOR = re.compile(r"^[ \t]*[-—―─━=~〜*・/]{1,6}[ \t]*(?=[^\s\-—―─━=~〜*・/])"
                    r"|(?<=[^\s\-—―─━=~〜*・])[ \t]*[-—―─━=~〜*]{1,6}[ \t]*$")
_DATE_LINE = re.compile(r"\d{1,2}\s*(?:月|日|時|/\d)")


def _signoff_names(fresh: str, signature: str, from_name: str) -> list[str]:
    """Lines consisting only of a name: the last ones of the fresh text (under which only contact,
    company or closing lines may follow), then the signature's."""
    found: list[str] = []
    fresh_lines = [_DECOR.sub("", ln).strip() for ln in fresh.split("\n") if _DECOR.sub("", ln).strip()]
    for k, ln in enumerate(list(reversed(fresh_lines[1:]))[:6]):
        if _DATE_LINE.search(ln):
            break                                 # body text (a requested date) is not under a sign-off
        if _CLOSING_LINE.match(ln) or _CONTACT_LINE.search(ln) or _COMPANY.search(ln):
            continue                              # 「携帯：090-…」「㈱…」 under the name
        name = _line_name(ln, from_name, last=k == 0)
        if name:
            found.append(name)
        break                                     # only the last content line signs off
    for ln in signature.split("\n")[:6]:
        name = _line_name(ln, from_name)
        if name:
            found.append(name)
    return found


def _lone_names(fresh: str, from_name: str) -> list[str]:
    """Lines anywhere in the text that are only a name, as phone-typed mail puts it
    (「相談の予約お願いします / 鎌田みゆき / あさって午後いけます」). Stricter than a sign-off:
    an unspaced all-kanji line needs the From display name to agree."""
    found: list[str] = []
    for ln in fresh.split("\n"):
        name = _line_name(ln, from_name)
        if name and (" " in name or not re.fullmatch(rf"[{_KANJI}]+", name)
                     or re.sub(r"\s+", "", from_name).startswith(name)):
            found.append(name)
    return found


_KANA_READING = re.compile(rf"\s*[(（][{_HIRA}{_KATA} A-Za-z]+[)）]\s*$")


def _line_name(line: str, from_name: str, last: bool = False) -> str | None:
    """The name when the whole line is one (「秋田 太郎」「秋田太郎より」), else None."""
    bare = re.sub(r"\s+", " ", re.sub(r"\s*(?:より|拝)$", "", line.strip())).strip()
    bare = _KANA_READING.sub("", bare).strip()    # 「佐藤 花子（さとう はなこ）」
    name = _clean_name(bare)
    return name if name and name == bare and _name_ok(name, strict=True, from_name=from_name,
                                                      last=last) else None


def _seeker_named(text: str, corroborators: tuple[str, ...]) -> str | None:
    """The seeker's name when the writer names them as a relative or client the booking is for.
    A space, furigana/age/さん after it, or the writer's family name corroborates an unspaced one."""
    for m in [*_SEEKER_REF.finditer(text), *_CLIENT_REF.finditer(text)]:
        start = max(text.rfind("\n", 0, m.start()), text.rfind("。", 0, m.start())) + 1
        end = _CLAUSE.search(text, m.end())
        if _JOINING.search(text[start:end.start() if end else len(text)]):
            continue                              # 「妹の中村 彩が同席します」: a companion
        after = re.sub(r"^(の|が|は|について)[、,]\s*", r"\1", text[m.end():m.end() + 60])   # 「さんの、相談を」
        clause = re.split(r"[。、\n]", after, maxsplit=1)[0]
        asked = _FOR_SEEKER.search(clause)
        if not asked or re.search(r"ました|でした", clause[:asked.end() + 4]):
            continue                              # 「娘の山田 愛が熱を出しやすいので」: not whom it is for
        name = _clean_name(m["n"])
        if not _name_ok(name):
            continue
        if " " in name or m["tail"].strip() or any(c and name.startswith(c) for c in corroborators):
            return name
    return None


_CLAUSE = re.compile(r"[。\n]")


def _family(name: str | None) -> str:
    return name.split(" ")[0] if name and " " in name else (name or "")


def extract_name(fresh: str, signature: str = "", from_name: str = "", addressed: str = "") -> str | None:
    """The seeker's name (see name_with_reason)."""
    return name_with_reason(fresh, signature, from_name, addressed)[0]


def name_with_reason(fresh: str, signature: str = "", from_name: str = "",
                     addressed: str = "") -> tuple[str | None, str | None]:
    """(name, the rule that gave it). The rules find a name by position; the analyser then
    vetoes a word that cannot be a name (「質問」「急」) and, when no rule found one, reads a
    name the dictionary knows where the writer signs (a line of its own, a shop's signature).
    `addressed` is the name our own quoted mail greeted (「朴ソヨン 様」, see addressed_name): it
    only corroborates a family name signing off, or tells a relative signing for the seeker."""
    name, rule = _name_by_rules(fresh, signature, from_name)
    if rule == "on_behalf":
        return None, None                         # the writer is not the seeker: never their name
    if name and re.search(rf"[{_KANJI}{_HIRA}]", name) \
            and morph.is_common_noun(name, _line_of(name, fresh + "\n" + signature)):
        name, rule = None, None
    fresh_n, sig_n = normalize(fresh), normalize(signature)
    if name is None:
        name = _dictionary_name(fresh_n, sig_n)
        rule = "dictionary" if name else None
    if name is None:
        name = _signed_as_addressed(fresh_n, normalize(addressed))
        rule = "signoff_addressed" if name else None
    if name is None:
        name = _lone_dictionary_name(fresh_n)
        rule = "lone_dictionary" if name else None
    if name is None:
        name = _trailing_dictionary_name(fresh_n)
        rule = "trailing_dictionary" if name else None
    if name and " " not in name and len(name) >= 3:
        name = _as_spaced_elsewhere(name, fresh_n + "\n" + sig_n)
    if name and " " not in name:
        full = _full_form(name, fresh_n + "\n" + sig_n)
        if full:
            name = full
    if name and _relative_of_addressee(name, normalize(addressed)):
        return None, "relative_signs"             # 「渡辺恵子」 signing for 「渡辺 拓海 様」: not the seeker
    return name, rule


# Our greeting at the head of a mail we sent: 「朴ソヨン 様」「佐藤 美穂 様」.
_GREETED = re.compile(r"^[ \t\u3000>＞]*(?P<n>[^\s>＞][^\n]{0,20}?)[ \t\u3000]*(?:様|さま)[ \t\u3000]*$", re.M)


def addressed_name(quoted: str) -> str:
    """The name the first greeting line of quoted mail addresses (our own offer), or ""."""
    m = _GREETED.search(quoted or "")
    if not m:
        return ""
    name = _clean_name(normalize(m["n"]))
    return name if _name_ok(name) else ""


def _signed_as_addressed(fresh: str, addressed: str) -> str | None:
    """A reply closing on the family name we greeted (「朴」 under 「朴ソヨン 様」): the greeting
    corroborates a one-kanji or kana family name no rule lets stand alone."""
    if not addressed:
        return None
    lines = [_DECOR.sub("", ln).strip() for ln in fresh.split("\n") if ln.strip()]
    if len(lines) < 2:
        return None
    last = re.sub(r"\s*(?:より|拝)$", "", lines[-1]).strip()
    flat = addressed.replace(" ", "")
    if not last or last == flat or not flat.startswith(last) or not re.fullmatch(rf"[{_KANJI}{_KATA}]{{1,4}}", last):
        return None
    family = addressed.split(" ")[0] if " " in addressed else None
    ws = morph.words(flat)
    if last != family and not (ws and ws[0].surface == last and ws[0].person == "姓"):
        return None
    return last


def _lone_dictionary_name(fresh: str) -> str | None:
    """A line that is only a full name the dictionary reads as 姓 + 名 (「高橋光」 under
    「相談の予約お願いします」), where no rule found a name: phone-typed mail signs so."""
    found = set()
    for ln in fresh.split("\n")[1:]:
        bare = ln.strip()
        if not re.fullmatch(rf"[{_KANJI}]{{3,6}}|[{_KANJI}]{{1,4}} [{_KANJI}{_HIRA}]{{1,4}}", bare):
            continue
        ws = [w for w in morph.words(bare.replace(" ", "")) if w.surface.strip()]
        if len(ws) == 2 and ws[0].person == "姓" and ws[1].person == "名" and _name_ok(bare):
            found.add(bare)
    return found.pop() if len(found) == 1 else None


def _trailing_dictionary_name(fresh: str) -> str | None:
    """A telegraphic request closing on a name set apart by a space (「予約 12/11 10時 佐野」
    「来週火曜午後希望 小田 恵」): the last words of the text, read as 姓 (+ 名) by the dictionary."""
    lines = [ln.strip() for ln in fresh.split("\n") if ln.strip()]
    if not lines:
        return None
    m = re.search(rf"\S[ \t\u3000]+(?P<n>{_NO}[{_KANJI}]{{2,4}}(?: [{_KANJI}]{{1,3}})?)[。.]?$", lines[-1])
    if not m or re.search(r"[。、！!？?]", lines[-1][:m.start("n")]):
        return None                               # a sentence before it, not a telegraphic line
    name = m["n"]
    ws = [w for w in morph.words(name.replace(" ", "")) if w.surface.strip()]
    if not ws or ws[0].person != "姓" or len(ws) > 2 or (len(ws) == 2 and ws[1].person != "名"):
        return None
    if len(ws) == 2 and " " not in name:
        name = f"{ws[0].surface}{ws[1].surface}"
    return name if _name_ok(name) else None


def _full_form(family: str, text: str) -> str | None:
    """「松本と申します」 … 「営業部　松本 大介」: the family name's full form where the writer
    signs (a line ending with it, the given name read as 名 by the dictionary)."""
    if not re.fullmatch(rf"{_NO}[{_KANJI}]{{1,4}}", family):
        return None
    found = set()
    for ln in text.split("\n"):
        m = re.search(rf"(?:^|(?<=[\s・]))({re.escape(family)})( ?)([{_KANJI}]{{1,3}}|[{_HIRA}]{{2,4}}|[{_KATA}]{{2,5}})\s*$", ln.strip())
        if not m:
            continue
        given = m[3]
        ws = [w for w in morph.words(family + given) if w.surface.strip()]
        if not (ws and "".join(w.surface for w in ws[1:]) == given and all(w.person == "名" for w in ws[1:])
                and ws[0].surface == family):
            continue
        full = family + m[2] + given
        if _name_ok(full):
            found.add(full)
    return found.pop() if len(found) == 1 else None


def _relative_of_addressee(name: str, addressed: str) -> bool:
    """A full name that shares the family name of the seeker we greeted but not the given name:
    a parent or spouse signing (the seeker's name stays what the thread knows)."""
    if not addressed or " " not in addressed:
        return False
    family, given = addressed.split(" ", 1)
    flat = name.replace(" ", "")
    if not flat.startswith(family) or flat == addressed.replace(" ", ""):
        return False
    rest = flat[len(family):]
    return bool(rest) and not given.startswith(rest) and not rest.startswith(given)


def _as_spaced_elsewhere(name: str, text: str) -> str:
    """「田中一郎と申します」 … 「営業部 田中 一郎」: where the writer spaced the same name
    elsewhere, that spacing is theirs (family name first), so it is kept."""
    for k in range(1, len(name)):
        spaced = f"{name[:k]} {name[k:]}"
        if re.search(rf"(?<![{_KANJI}{_HIRA}{_KATA}]){re.escape(spaced)}(?![{_KANJI}{_HIRA}{_KATA}])", text):
            return spaced
    return name


def _line_of(name: str, text: str) -> str:
    flat = name.replace(" ", "")
    for ln in normalize(text).split("\n"):
        if flat in ln.replace(" ", ""):
            return ln.strip()
    return name


# Lines the dictionary may sign with a name: the last lines of the fresh text and the signature,
# but never a line that says something (a verb, a greeting) around the name.
_SIGN_LINE = re.compile(rf"^[{_KANJI}{_KATA}{_HIRA}A-Za-z0-9 ・&＆.\-()（）]{{2,30}}$")


def _dictionary_name(fresh: str, signature: str) -> str | None:
    """A person's name as the analyser reads it, on a line where the writer signs."""
    lines = [ln.strip() for ln in fresh.split("\n") if ln.strip()][-3:][::-1] + \
        [ln.strip() for ln in signature.split("\n") if ln.strip()][:6]
    for ln in lines:
        ln = _DECOR.sub("", ln).strip()
        bare = re.sub(r"(?:です|と申します|より)[。.]?$", "", ln).strip()
        if not _SIGN_LINE.match(bare) or _CONTACT_LINE.search(bare) or _CLOSING_LINE.match(bare):
            continue
        names = morph.person_names(bare)
        if len(names) > 1:                        # 「秋田大学 教育学部3年 伊藤 優」: the one ending the line
            names = [n for n in names if bare.endswith(" " + n)]
        if len(names) != 1:
            continue
        name = names[0]
        if bare != name:
            # a shop or company name beside it, apart by a space (「フラワーショップさくら 小松 早苗」);
            # kanji run on to the name (「李秀英」 read as 李 + 秀英) are part of it, so no name
            if not (bare.endswith(" " + name) or bare.startswith(name + " ")):
                continue
            rest = bare.replace(name, "").strip()
            if not (_COMPANY.search(rest) or re.fullmatch(rf"[{_KATA}{_KANJI}{_HIRA}A-Za-z0-9 ・&.]+", rest)):
                continue
        if _name_ok(name):
            return name
    return _introduced_by_dictionary(fresh)


# 「先日電話した佐々木ですが、」「吉川と申しますが」: an introduction the rules leave alone when
# です is followed by が (「予約の件ですが」 is a topic); the dictionary says whether it is a name.
_INTRO_END = re.compile(r"(?:です|と申します|といいます|と言います)(?:が|けれど|けど)[、,]")


def _introduced_by_dictionary(fresh: str) -> str | None:
    for m in _INTRO_END.finditer(fresh):
        start = max(fresh.rfind(c, 0, m.start()) for c in "。、\n!！") + 1
        head = fresh[start:m.start()]
        ws = morph.words(head)
        run: list[str] = []
        for w in reversed(ws):                    # the person-name words right before です
            if not w.person:
                break
            run.insert(0, w.surface)
        if not run or not any(morph.words(x)[0].person == "姓" for x in run[:1] if morph.words(x)):
            continue
        name = "".join(run) if len(run) == 1 else f"{run[0]} {''.join(run[1:])}"
        if " " in name and (run[0] + run[1]) in head and (run[0] + " " + run[1]) not in head:
            name = name.replace(" ", "")          # written without a space: kept so
        if _name_ok(name):
            return name
    return None


# The client a supporter or relative writes about, by name and honorific, whose booking or
# consultation it is.
_CLIENT_BOOKING = re.compile(rf"(?P<n>[{_KANJI}]{{1,4}}(?: [{_KANJI}]{{1,4}})?)\s*(?:さん|様)の[^。\n]{{0,10}}?(?:予約|相談|面談|日程)")


def _client_by_honorific(text: str) -> str | None:
    """The one person a supporter names with さん/様 as the owner of the booking, when the
    dictionary knows the name (a family name alone is enough)."""
    found = {m["n"] for m in _CLIENT_BOOKING.finditer(text) if morph.is_person(m["n"], m.group())}
    return found.pop() if len(found) == 1 else None


def _name_by_rules(fresh: str, signature: str = "", from_name: str = "") -> tuple[str | None, str | None]:
    """The seeker's name as written in the body (furigana dropped, one half-width space between
    family and given name where the writer separated them); never the From display name, which
    only corroborates a bare family name signing off. A relative or supporter writing names the
    seeker (「娘の高田 杏奈が」) or leaves the name null; their own name is never it."""
    fresh_n, sig_n, from_n = normalize(fresh), normalize(signature), normalize(from_name)
    labelled = _labelled_name(fresh_n) or _labelled_name(sig_n)
    if labelled:
        return labelled, "label"
    relative_of = _RELATIVE_OF.search(fresh_n)
    if relative_of and _name_ok(relative_of["n"]):
        return relative_of["n"], "relative"
    prose = _prose_name(fresh_n)
    named = _seeker_named(fresh_n, (_family(prose), _family(from_n)))
    if named:
        return named, "named_for"
    if _ON_BEHALF.search(fresh_n):
        client = _client_by_honorific(fresh_n)
        if client:
            return client, "named_for"            # 「熊谷さんの24日の予約について」
        return None, "on_behalf"                  # a relative or supporter writes: not their name
    signoffs = _signoff_names(fresh_n, sig_n, from_n)
    if prose:
        flat = prose.replace(" ", "")
        for s in signoffs + _lone_names(fresh_n, from_n):
            if s.replace(" ", "").startswith(flat) and len(s.replace(" ", "")) > len(flat):
                return s, "introduction"         # 「本間です」…「本間 雄一」: the full form
            if s.replace(" ", "") == flat and " " in s and " " not in prose:
                return s, "introduction"         # 「田中一郎と申します」…「田中 一郎」: the writer's spacing
        return prose, "introduction"
    if signoffs:
        return signoffs[0], "signoff"
    for m in _INLINE_NAME.finditer(fresh_n):
        name = _clean_name(m["n"])
        if _name_ok(name, strict=True) and not _NOT_INLINE_NAME.search(name):
            return name, "inline"
    lone = _lone_names(fresh_n, from_n)
    if len(set(lone)) == 1:
        return lone[0], "lone_line"
    english = english_name(fresh_n) or english_name(sig_n, signature=True)
    if english and english[1] == "signoff" and " " not in english[0]:
        # a lone first name closing the mail: backed only when the From display name agrees
        backed = from_n.lower().startswith(english[0].lower())
        return english[0], "english_signoff" if backed else "english_first_name"
    return (english[0], "english_" + english[1]) if english else (None, None)


# ---------------------------------------------------------------------------------------------
# Seeker number
_SEEKER = re.compile(r"(?<![\d-])(\d{5})[ \t]*-?[ \t]*(\d{8})(?![\d-])")
_SEEKER_LABEL = re.compile(r"求職(?:者)?番号|きゅうしょく\s*ばんごう|ハローワーク(?:の)?番号|求職登録番号"
                           r"|(?i:(?:job\s*)?seeker(?:'s)?\s*(?:number|no\.?|id)|hello\s*work\s*(?:number|no\.?))")
_OTHER_NUMBER = re.compile(r"雇用保険|被保険者|受付番号|受付|整理番号|会員番号|予約番号|お客様番号|口座|カード|事業所番号|管理番号|番号は違")


def extract_seeker_number(fresh: str, signature: str = "") -> str | None:
    """13-digit 求職番号 as NNNNN-NNNNNNNN, whatever separators the writer used."""
    for text in (normalize(fresh), normalize(signature)):
        for line in text.split("\n"):
            label = _SEEKER_LABEL.search(line)
            if label:                             # labelled: any grouping of exactly 13 digits
                digits = re.sub(r"[\s\-.]", "", line[label.end():])
                m = re.match(r"[^\d]{0,12}?(\d{13})(?!\d)", digits)
                if m:
                    return f"{m[1][:5]}-{m[1][5:]}"
            for m in _SEEKER.finditer(line):
                if _OTHER_NUMBER.search(line[:m.start()][-16:]) and not label:
                    continue
                return f"{m[1]}-{m[2]}"
    return None


# ---------------------------------------------------------------------------------------------
# Phone
_PHONE = re.compile(
    r"(?<![\d\-+])(?:(?P<intl>\+\s?81)[\s\-]*(?:\(0\)[\s\-]*)?(?P<irest>\d{1,4}[\s\-]?\d{1,4}[\s\-]?\d{3,4})"
    r"|(?P<dom>\(?0\d{1,4}\)?[\s\-]?\(?\d{1,4}\)?[\s\-]?\d{3,4}))(?![\d\-])")
_FAX_BEFORE = re.compile(r"(?:FAX|Fax|fax|ファックス|ファクス|ＦＡＸ)[\s:：.]*$")
# 「TEL/FAX 018-…」「電話・FAX：」: one line for both, so a phone (below a number only for calls).
_TEL_FAX_BEFORE = re.compile(r"(?:TEL|Tel|tel|電話)\s*[/・&＆兼、,]\s*(?:FAX|Fax|fax|ファックス|ファクス)[\s:：.]*$")
# The kind of a number (mobile or home) and which kind the writer asks us to use, often in a
# sentence of its own: 「携帯の方にご連絡いただければ幸いです」「平日の昼間は自宅の方が確実です」.
_MOBILE = r"携帯|ケータイ|けいたい|スマホ|スマートフォン|モバイル"
_HOME = r"自宅|固定電話|(?<![実国])家(?!族|事|庭|計|賃|内|具|業|電製)"
_KIND = re.compile(rf"(?P<mobile>{_MOBILE})|(?P<home>{_HOME})")
_KIND_WANTED = re.compile(
    rf"(?:(?P<m1>{_MOBILE})|(?P<h1>{_HOME}))(?:電話)?(?:番号)?(?:の方|のほう)?(?:に|へ|まで)[^。\n]{{0,15}}?"
    r"(?:お願い|ご?連絡|電話|かけ|いただ|頂|下さ|くださ|幸い|助か)"
    rf"|(?:(?P<m2>{_MOBILE})|(?P<h2>{_HOME}))(?:電話)?(?:の方|のほう)?(?:が|は)[^。\n]{{0,8}}?"
    r"(?:つながりやす|繋がりやす|確実|出られま|出やす|便利)")
_KIND_UNWANTED = re.compile(
    rf"(?:(?P<m>{_MOBILE})|(?P<h>{_HOME}))(?:電話)?(?:の方|のほう)?(?:は|に|へ|には)[^。\n]{{0,12}}?"
    r"(?:不在|留守|(?<![てで])(?:いない|いません|おりません)|出られ(?:ない|ません)|つながりにく|繋がりにく"
    r"|(?:し|かけ)ないで|ご遠慮|控え)")
# A number said to be unreachable in its own note: 「018-…（日中は不在です）」.
_UNREACHABLE = re.compile(r"不在|留守|(?<![てで])(?:いない|いません|おりません)|出られ(?:ない|ません)|つながりにく|繋がりにく")
# Whose a number is (「夫の携帯」「私の携帯」「（本人の携帯）」): with the seeker's own number given,
# another person's is the fallback, unless the writer asks us to call that one.
_SELF = r"私|わたし|わたくし|自分|僕|ぼく|本人"
_OTHER = (r"夫|妻|主人|旦那|嫁|母|父|親|家族|息子|娘|兄|姉|弟|妹|祖母|祖父|子ども|子供|孫|知人|友人|実家|会社|職場"
          r"|支援員|担当者")
_OWNER = re.compile(rf"(?:(?P<self>{_SELF})|(?P<other>{_OTHER}))(?:さん)?の(?:携帯|ケータイ|スマホ|電話|番号|連絡先|自宅|方|ほう)")
_OWNER_WANTED = re.compile(
    rf"(?P<who>{_SELF}|{_OTHER})(?:さん)?の(?:携帯|ケータイ|スマホ|電話|番号|自宅)?(?:電話)?(?:番号)?(?:の方|のほう)?"
    r"(?:(?:に|へ|まで)(?!は)[^。\n]{0,15}?(?:お願い|ご?連絡|電話|かけ|いただ|頂|下さ|くださ|幸い|助か)"
    r"|(?:が|は)[^。\n]{0,8}?(?:つながりやす|繋がりやす|確実|出られま|出やす|便利))")
_POSTAL_BEFORE = re.compile(r"〒\s*$")
_NOT_CONTACT = re.compile(r"ハローワーク|そちら|貴所|御所|窓口|代表")
_AVOID = re.compile(r"会社|勤務先|職場|事務所|旧|以前の|前の番号|古い|使えな|使っていな|不通")
_PREFER = re.compile(r"新しい|こちら|本人|連絡先|連絡は|日中|つながりやすい|繋がりやすい")
_PHONE_LABEL = re.compile(r"TEL|Tel|tel|電話|でんわ|携帯|けいたい|連絡先|自宅")
_COMPANY = re.compile(r"株式会社|有限会社|合同会社|㈱|㈲|\(株\)|\(有\)|営業所|支店|本社|事業所|Co\.|Inc|Ltd")
_DONT_CALL_WORK = re.compile(r"(?:会社|職場|勤務先)[^。\n]{0,8}(?:電話|番号)[^。\n]{0,12}(?:しない|ないで|ご遠慮|控え|やめ|不可|NG|ご連絡なさらない)")


def _format_phone(m: re.Match[str], labelled: bool) -> str | None:
    if m["intl"]:
        raw = "0" + m["irest"].lstrip(" -")
    else:
        raw = m["dom"]
    digits = re.sub(r"\D", "", raw)
    if len(digits) not in (10, 11):                # Japanese numbers, trunk 0 included
        return None
    try:
        num = phonenumbers.parse(digits, "JP")
    except phonenumbers.NumberParseException:
        return None
    if not (phonenumbers.is_valid_number(num) or (labelled and phonenumbers.is_possible_number(num))):
        return None
    if not re.search(r"[\s\-()]", raw.strip()):
        return digits                            # written without separators: keep it so
    groups = [g for g in re.split(r"[\s\-()]+", raw) if g]
    return "-".join(groups)


def _wanted_kinds(text: str) -> dict[str, int]:
    """Score per number kind from what the writer says about mobile vs home anywhere in the text."""
    score = {"mobile": 0, "home": 0}
    unwanted = list(_KIND_UNWANTED.finditer(text))
    for m in unwanted:
        score["mobile" if m["m"] else "home"] -= 3
    for m in _KIND_WANTED.finditer(text):
        if not any(u.start() <= m.start() < u.end() for u in unwanted):   # 「自宅には電話しないで」
            score["mobile" if m["m1"] or m["m2"] else "home"] += 3
    return score


def _kind(label: str, note: str, phone: str) -> str:
    """Mobile or home: a （携帯） right after the number, else the word before it (after the last
    separator), else the number itself (070/080/090 are mobiles)."""
    paren = re.match(r"\s*[(（][^()（）]*[)）]", note)
    tail = re.split(r"[／/、,]", label)[-1]
    for part in (paren.group() if paren else "", tail):
        kinds = [k for k in _KIND.finditer(part)]
        if kinds:
            return "mobile" if kinds[-1]["mobile"] else "home"
    return "mobile" if re.match(r"0[789]0", phone) else "home"


def _owner(label: str, note: str) -> str | None:
    """The owner word of a number: in its （…） note, else in its label after the last separator."""
    paren = re.match(r"\s*[(（][^()（）]*[)）]", note)
    for part in (paren.group() if paren else "", re.split(r"[／/、,]|と(?=[^と]*$)", label)[-1]):
        owners = list(_OWNER.finditer(part))
        if owners:
            return owners[-1]["self"] or owners[-1]["other"]
    return None


def _owner_scores(text: str, owners: list[str | None]) -> list[int]:
    """Per number: +1 for the seeker's own and -1 for another person's, once the text gives the
    seeker's own (a relative writing on the seeker's behalf owns 私の; only 本人の is the seeker's),
    and +3 for the owner the writer asks us to call (「日中は夫の携帯にかけてください」)."""
    behalf = bool(_ON_BEHALF.search(text))
    own = {o for o in owners if o and re.fullmatch(_SELF, o) and (o == "本人" or not behalf)}
    wanted = {m["who"] for m in _OWNER_WANTED.finditer(text)}
    scores = []
    for o in owners:
        score = 0
        if own and o:
            score += 1 if o in own else -1
        if o and o in wanted:
            score += 3
        scores.append(score)
    return scores


def _phone_candidates(text: str, *, avoid_work: bool) -> list[tuple[int, int, str]]:
    """(score, position, formatted) for every valid phone number in text. A number's context is
    its line, from the previous number to the next: 「018-…（自宅）／090-…（日中はこちら）」."""
    matches = list(_PHONE.finditer(text))
    wanted = _wanted_kinds(text)
    out: list[tuple[int, int, str]] = []
    owners: list[str | None] = []
    for i, m in enumerate(matches):
        before = text[max(0, m.start() - 16):m.start()]
        tel_fax = bool(_TEL_FAX_BEFORE.search(before))
        if (_FAX_BEFORE.search(before) and not tel_fax) or _POSTAL_BEFORE.search(before):
            continue
        line_start = max(text.rfind("\n", 0, m.start()) + 1, matches[i - 1].end() if i else 0)
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if i + 1 < len(matches):
            line_end = min(line_end, matches[i + 1].start())
        label, note = text[line_start:m.start()], text[m.end():line_end]
        context = label + note
        if _NOT_CONTACT.search(label):
            continue
        phone = _format_phone(m, labelled=bool(_PHONE_LABEL.search(label)))
        if not phone:
            continue
        score = wanted[_kind(label, note, phone)] - (1 if tel_fax else 0)
        if _AVOID.search(context):
            if avoid_work:
                continue
            score -= 2
        if _UNREACHABLE.search(note):
            score -= 2                            # 「（日中は不在です）」: 日中 here is no preference
        else:
            score += (2 if _PREFER.search(note) else 0) + (1 if _PREFER.search(label) else 0)
        out.append((score, m.start(), phone))
        owners.append(_owner(label, note))
    return [(score + extra, pos, phone) for (score, pos, phone), extra in zip(out, _owner_scores(text, owners))]


def extract_phone(fresh: str, signature: str = "") -> str | None:
    """The contact phone the writer gives; a signature number only when the body has none;
    never FAX, postal codes or a work number the writer asks us not to call."""
    fresh_n, sig_n = normalize(fresh), normalize(signature)
    avoid_work = bool(_DONT_CALL_WORK.search(fresh_n))
    for text in (fresh_n, sig_n):
        if avoid_work and text is sig_n and _COMPANY.search(sig_n):
            break                                 # the signature is the workplace's
        cands = _phone_candidates(text, avoid_work=avoid_work)
        if cands:
            return max(cands, key=lambda c: (c[0], -c[1]))[2]
    return None


# ---------------------------------------------------------------------------------------------
# Email
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_EMAIL_PREFER = re.compile(r"本人|連絡先|こちら|新しい|返信|送って|ご連絡|宛")
_EMAIL_AVOID = re.compile(r"旧|以前|古い|使えな|使っていな|届かな|変更前|前の")


def extract_email(fresh: str, signature: str, from_addr: str,
                  own_addrs: tuple[str, ...] = ()) -> str | None:
    """A contact address stated in the unquoted body, else the From address; lowercased."""
    own = {a.lower() for a in own_addrs}
    for text in (normalize(fresh), normalize(signature)):
        cands: list[tuple[int, int, str]] = []
        for m in _EMAIL.finditer(text):
            addr = m.group().strip(".").lower()
            if addr in own:
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            context = text[line_start:m.start()]
            score = (1 if _EMAIL_PREFER.search(context) else 0) - (2 if _EMAIL_AVOID.search(context) else 0)
            cands.append((score, m.start(), addr))
        if cands:
            return max(cands, key=lambda c: (c[0], -c[1]))[2]
    return _repair(from_addr).lower() or None


def _repair(text: str) -> str:
    """Undo surrogate escapes of raw UTF-8 header bytes (「maril\udcc3\udcb9@…」 -> 「marilù@…」)."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return text


# ---------------------------------------------------------------------------------------------
# Choice
_KANJI_ORD = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_PICK = r"(?:で|を|に|が|の方|のほう)?\s*(?:お願|おねが|願|希望|きぼう|よろし|宜し|いい|良い|良けれ|大丈夫|結構|構いませ|かまいませ|決め|申し?込|します|したい|でお|同意|参加|伺)"
_CHOICE_PATTERNS = [
    re.compile(r"(?<![\d/:.\-])(?P<n>\d{1,2})\s*番目?(?!号|地|線|窓口|館|台|街|手|組)"),
    # written in kana by a learner or on a phone: 「1ばん で おねがいします」「2ばんめ」
    re.compile(r"(?<![\d/:.\-])(?P<n>\d{1,2})\s*ばん(?:め)?(?!ごう|ち|ぐみ|せん)"),
    re.compile(r"(?P<k>[一二三四五六七八九十])\s*番目"),
    re.compile(rf"(?<![\w])(?P<k>[一二三四五六七八九十])\s*番(?=\s*(?:で|を|に|が|です|希望|の日|の候補|の枠|$))", re.M),
    re.compile(r"(?<![\d/:.\-])(?P<n>\d{1,2})\s*(?:つ目|つめ|個目|案目?)"),
    re.compile(r"(?P<k>[一二三四五六七八九十])\s*(?:つ目|つめ)"),
    re.compile(r"[「『\"'](?P<n>\d{1,2})\s*番?[」』\"']"),
    re.compile(r"(?:No|NO|no)\.?\s*(?P<n>\d{1,2})(?!\d)"),
    # 「一番上の日程」: the first option, its number written (一番); 最初/一番下/最後 are not (see below).
    re.compile(rf"(?:一番|いちばん)上の\s*(?P<first>日程|候補|日時|枠|案|時間|もの|方|ほう)(?=\s*{_PICK})"),
    # 「下記の2の日程で」「3の候補で」: the option's number before the word for the option.
    re.compile(rf"(?<![\d/:.\-])(?P<n>\d{{1,2}})\s*の\s*(?:日程|候補|日時|枠|時間帯?|案)(?=\s*{_PICK})"),
    re.compile(rf"(?:候補|案|オプション)\s*(?:の)?\s*(?P<n>\d{{1,2}})(?!\d)(?=\s*番?\s*(?:{_PICK}|で?\s*(?:[。.!！]|$)))", re.M),
    re.compile(rf"第\s*(?P<n>\d{{1,2}})\s*(?:候補|案)(?:\s*の\s*(?:日時|日程|枠|時間帯?))?(?=\s*{_PICK})"),
    # 「上記の2でお願いします」「ご案内の3で」: the number of an option named as ours
    re.compile(rf"(?:上記|下記|以上|ご?案内|ご?提示|ご?提案|いただいた|頂いた)(?:の中)?の\s*(?P<n>\d{{1,2}})\s*番?(?=\s*{_PICK})"),
    re.compile(rf"(?:^|[。、\s!！])\s*\((?P<n>\d{{1,2}})\)\s*(?=で|を|に|が|の|です|番|{_PICK}|。|$)", re.M),
    re.compile(rf"(?:^|[。、!！])\s*(?P<n>\d{{1,2}})\s*(?={_PICK})", re.M),
    re.compile(r"^\s*(?P<n>\d{1,2})\s*[.)]?\s*(?:です|で)?[。.!]?\s*$", re.M),
    # 「1で。よろしくお願いします」「はい、3で。」: a bare number, で/です, and the sentence ends.
    re.compile(r"(?:^|[。、!！])\s*(?P<n>\d{1,2})\s*(?:で|です)\s*(?=[。.!！]|$)", re.M),
    # 「番号2で」「番号は3でお願いします」 (not 受付番号12: 番号 opens the clause).
    re.compile(rf"(?:^|[。、!！\s])(?:番号|ばんごう)\s*(?:は|[:：])?\s*(?P<n>\d{{1,2}})(?![\d\-])"
               rf"(?=\s*(?:で|です|を|{_PICK}|[。.!！]|$))", re.M),
    # 「2)でお願いします」「1.で大丈夫です」「2. の日程でお願いします」「1、の日時で」 (NFKC makes ． a .)
    re.compile(rf"(?:^|[。、!！\s])\s*(?P<n>\d{{1,2}})\s*[.)、]\s*(?:の\s*(?:日程|候補|日時|枠|時間帯?|案)\s*)?"
               rf"(?=で|を|{_PICK})", re.M),
]
# 「1か2で」「①か②でお願いします」「1、2のどちらでも」: either of two options is no choice (asks back).
_EITHER = re.compile(rf"(?:^|[。、!！\s「])\s*\(?(?P<a>\d{{1,2}})\)?\s*番?目?\s*(?:か|または|又は|もしくは|若しくは|or|、|,|・)"
                     rf"\s*\(?(?P<b>\d{{1,2}})\)?\s*番?目?\s*(?=で|を|の(?:どちら|いずれ|どっち)|どちら|いずれ|{_PICK})", re.M)


# A numbered slot line: 「3. 2026年12月11日(金) 13:00～13:50」 as our offer lists its options.
_NUMBERED_SLOT = re.compile(r"^[ \t>]*\(?(?P<n>\d{1,2})\s*[.)]\s*(?P<slot>[^\n]*\d{1,2}\s*(?:月|/)\s*\d{1,2}[^\n]*)$", re.M)
_OFFICE_SLOT = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s*\([^)]\)\s*\d{1,2}:\d{2}\s*[~〜\-]\s*\d{1,2}:\d{2}\s*$")


def _slot_key(slot: str) -> str:
    return re.sub(r"[\s~〜\-]", "", slot)


_WHEN = re.compile(r"(\d{1,2})(?:月|/)(\d{1,2})日?[^\d]{0,8}?(\d{1,2}):(\d{2})")


def _slot_when(slot: str) -> tuple[int, ...] | None:
    """(month, day, hour, minute) of the first date and time in an option line."""
    m = _WHEN.search(re.sub(r"^\d{4}年", "", slot))
    return tuple(int(x) for x in m.groups()) if m else None


def _copied_options(text: str, quoted: str) -> list[int]:
    """An offer line copied into the reply picks that option: a numbered line of the fresh text
    that restates the same-numbered line of the quoted offer; with no offer quoted, a line in the
    office's own slot format. Several such lines (a list of wishes) pick nothing."""
    lines = [(int(m["n"]), m["slot"].strip()) for m in _NUMBERED_SLOT.finditer(text)]
    if len(lines) != 1:
        return []
    n, slot = lines[0]
    offered = {int(m["n"]): _slot_key(m["slot"]) for m in _NUMBERED_SLOT.finditer(normalize(quoted))}
    if offered:
        if offered.get(n) == _slot_key(slot):
            return [n]
        # 「1. 12月9日(水) 13:00～13:50 にします」: the same day and start as our line n, the year
        # and the trailing words left out
        mine, ours = _slot_when(slot), _slot_when(offered.get(n, ""))
        return [n] if mine and mine == ours else []
    return [n] if _OFFICE_SLOT.match(slot) else []


# 「1の16日11時からでお願いします」: an option number, の, and that option's day (and hour) restated.
_NUMBER_OF = re.compile(r"(?:^|(?<=[。、!！\s]))(?P<n>\d{1,2})\s*の\s*(?:(?P<m>\d{1,2})\s*(?:月|/)\s*)?(?P<d>\d{1,2})\s*日?"
                        r"(?:\s*\([^)]{1,3}\))?\s*(?:の\s*)?(?:(?P<h>\d{1,2})\s*(?:時|:))?", re.M)


def _number_of_restated_slot(text: str, quoted: str) -> list[int]:
    """The numbers picked as 「N の <day> <hour>」 where the quoted offer's line N has that day
    (and that hour, when one is written): without the offer to check against, none."""
    picks = list(_NUMBER_OF.finditer(text)) if quoted else []
    if not picks:
        return []
    offered = {int(m["n"]): _slot_when(m["slot"]) for m in _NUMBERED_SLOT.finditer(normalize(quoted))}
    out = []
    for m in picks:
        when = offered.get(int(m["n"]))
        if not when or (m["m"] and int(m["m"]) != when[0]) or int(m["d"]) != when[1] \
                or (m["h"] and int(m["h"]) != when[2]):
            continue
        if int(m["n"]) not in out:
            out.append(int(m["n"]))
    return out


# An option picked by position with no number written: the README counts only written numbers,
# so the choice stays None and the warning lets the workflow ask back.
_POSITION_PICK = re.compile(rf"(?:最初|先頭|トップ|一番下|いちばん下|最後|最終)の\s*(?:日程|候補|日時|枠|案|時間)(?=\s*{_PICK})")


# 「1. 氏名 …」「2) 求職番号 …」: lines numbered 1, 2, 3 in a row are a form or a list, and their
# numbers are items, not the option picked.
_ITEM_NO = re.compile(r"^[ \t]*(?:\(?(?P<n>\d{1,2})\s*[.)、]|[【\[](?P<b>\d{1,2})[】\]])\s*(?=\S)", re.M)
# 「いちばんめ」「にばんめ」: an ordinal in kana, as learners and phones write it.
_KANA_ORD = re.compile(r"(?P<k>いち|に|さん|よん|ご)\s*ばん\s*め?(?=\s*(?:の|で|を|が|に|です|\s|$))")
_KANA_NUM = {"いち": 1, "に": 2, "さん": 3, "よん": 4, "ご": 5}
# 「1番は仕事が入ってしまったので、2番で」: a number ruled out in its own clause is not the pick.
_RULED_OUT = re.compile(r"\s*(?:番目?|ばんめ?|つ目)?\s*(?:の(?:日程|日時|候補|枠))?\s*(?:は|が)[^。、!?！？\n]{0,20}?"
                        r"(?:都合が(?:悪|つか|合わ)|無理|難し|だめ|ダメ|駄目|入って|行けな|いけな|参加できな|出られな|塞が|ふさが)")


def _numbered_items(text: str) -> str:
    """The text with the numbers of a numbered list (1, 2, … on consecutive items) blanked."""
    items = list(_ITEM_NO.finditer(text))
    runs, keep = [], []
    def no(m: re.Match[str]) -> int:
        return int(m["n"] or m["b"])

    for m in items:
        if keep and no(m) == no(keep[-1]) + 1:
            keep.append(m)
        else:
            if len(keep) >= 2:
                runs.extend(keep)
            keep = [m] if no(m) == 1 else []
    if len(keep) >= 2:
        runs.extend(keep)
    for m in reversed(runs):
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def extract_choice(fresh: str, quoted: str = "") -> tuple[int | None, list[str]]:
    """The option number a reply picks (2番, ①, 「2」, 二番目, "3.", or an offer line copied from
    the `quoted` offer); None when absent or when different numbers are written (with a warning)."""
    text = normalize(fresh)
    text = "\n".join(ln for ln in text.split("\n") if not ln.lstrip().startswith(">"))
    found: list[int] = _copied_options(text, quoted)
    found.extend(n for n in _number_of_restated_slot(text, quoted) if n not in found)
    text = _numbered_items(text)
    for m in _KANA_ORD.finditer(text):
        if _KANA_NUM[m["k"]] not in found:
            found.append(_KANA_NUM[m["k"]])
    for m in _EITHER.finditer(text):
        found.extend(n for n in (int(m["a"]), int(m["b"])) if 1 <= n <= 20 and n not in found)
    for rx in _CHOICE_PATTERNS:
        for m in rx.finditer(text):
            g = m.groupdict()
            n = 1 if g.get("first") else int(g["n"]) if g.get("n") else _KANJI_ORD.get(g.get("k") or "", 0)
            if 1 <= n <= 20 and n not in found:
                found.append(n)
    found.extend(n for n in english_choices(text) if n not in found)
    if len(found) > 1:
        ruled_out = {int(m[1]) for m in re.finditer(r"(?<![\d/:.\-])(\d{1,2})(?=\s*(?:番|ばん|つ目))", text)
                     if _RULED_OUT.match(text, m.end())}
        if 0 < len(ruled_out) < len(found):
            found = [n for n in found if n not in ruled_out]
    if len(found) == 1:
        return found[0], []
    if found:
        return None, [f"ambiguous_choice: several option numbers {found}"]
    position = _POSITION_PICK.search(text) or _EN_POSITION.search(text)
    if position:
        return None, [f"position_choice: {position.group()} names an option without its number"]
    return None, []


# ---------------------------------------------------------------------------------------------
# Attendant
_INTERPRETER = re.compile(r"通訳|つうやく|手話|しゅわ|要約筆記|interpreter", re.I)
_CAREGIVER = re.compile(r"介助|かいじょ|ヘルパー|へるぱー|介護者|介護士|介護職員|付添人|付き添い人")
_COMPANION = re.compile(r"家族|(?<!国)母|父|妻|夫|息子|娘|両親|親(?:が|と)|兄|姉|弟|妹|孫|甥|姪|親戚|親類|叔母|伯母|叔父|伯父"
                        r"|おば|おじ|いとこ|配偶者|パートナー|婚約者|友人|友達|ともだち|知人|同僚|先輩|後輩"
                        r"|子ども|子供|こども|支援(?:機関|員|者|センター|事業所|専門員)|相談員|サポートステーション|サポステ|ジョブコーチ|就労支援|ケースワーカー|保護者|支援者")
# Being there beside the seeker: 「横でパソコン操作を手伝ってくれます」「そばでサポートします」
# (「横さついで」: さ is the Tohoku に).
_BESIDE = (r"(?:横|隣|となり|そば|側)(?:で|に|さ)[^。、\n]{0,12}?(?:いてくれ|います|いる|座|すわ|つ|手伝|てつだ|サポート"
           r"|見守|操作|聞)|サポートします|補助します")
# Helping during the session (「当日は娘がパソコンの操作を手伝います」), unlike help at home
# (「母が家事を手伝ってくれるので」): a helping verb with a word of the session in one sentence.
_HELP = re.compile(r"手伝|てつだ|サポート|補助|助け")
_SESSION = re.compile(r"当日|相談(?:中|の際|のとき|の時|の間)|画面|パソコン|PC|スマホ|タブレット|操作|接続|横|隣|となり|そば")
_JOIN = re.compile(r"同席|同伴|一緒|いっしょ|付き添|付添|つきそ|立ち会|立会|同行|参加|で(?:ます|る)|出(?:ます|る)|入(?:ります|る)"
                   r"|と[^。、\n]{0,8}?(?:話|はな|相談|そうだん)"
                   rf"|手配|お願い|希望|必要|つけ|付け|利用|加わ|{_BESIDE}"
                   r"|(?i:\bneed|\bwould like|'d like|\blike to have|\bwant|\bplease|\bbring|\bwith\b|\bjoin|\brequest|\barrange|\bcome\b|\battend)")
_COMPANION_JOIN = re.compile(r"同席|同伴|一緒に|いっしょに|(?:二人|ふたり|2人|三人|3人)で|付き添|付添|つきそ|立ち会|立会|同行|参加(?:します|させ|したい|予定)|加わ"
                             rf"|{_BESIDE}")
# The writer, who is not the seeker, joining: 「当日は私も一緒に画面の前に座らせてください」.
# Someone named by family name or role joining: 「当日は担当の村田も同席いたします」.
_NAMED_JOINS = re.compile(r"(?P<who>[一-龥々]{1,4}|[ァ-ヺー]{2,8})(?:さん|様)?も[^。、\n]{0,6}?"
                          r"(?:同席|同伴|付き添|付添|立ち会|立会|同行|(?:一緒|いっしょ)に[^。、\n]{0,4}?(?:参加|出|入|話|相談))")
# Also coming, said of an interpreter or helper already arranged: 「通訳の人も16日大丈夫です」
# (「通訳は大丈夫です」 without も declines one).
_ALSO_COMES = re.compile(r"(?:の)?(?:方|かた|人|ひと|さん)?も[^。、\n]{0,12}?(?:大丈夫|だいじょうぶ|OK|来られ|来れ|来ます|こられ|これます"
                         r"|きます|参加でき|都合が(?:つ|よ|良|い))")
_NOT_A_COMPANION = {"本人", "ご本人", "当日", "今回", "次回", "前回", "毎回", "自分", "相談", "面談"}
_WRITER_JOINS = re.compile(r"(?:私|わたし|わたくし|僕|ぼく|当方)も[^。\n]{0,6}?(?:同席|同伴|付き添|付添|立ち会|立会|同行"
                           r"|(?:一緒|いっしょ|横|隣|そば)に?[^。、\n]{0,10}?(?:座|参加|出|入|聞|話|相談))")
# 付き添う for something else (「家族の通院に付き添う」「入院の付き添い」) is not joining the session.
_ELSEWHERE = re.compile(r"(?:通院|病院|入院|手術|診察|検査|受診|学校|行事|葬儀|法事|面接|用事|送迎|送り迎え|介護|看病|旅行|役所|買い物)"
                        r"(?:に|の|へ)(?:付き添|付添|つきそ|同行|一緒)")
_NOBODY = re.compile(r"いません|おりません|ありません|なし(?=$|[。、\s]|で|です)|無し|不要|要りません|いりません|必要(?:ない|ありません|ございません)"
                     r"|一人で|ひとりで|本人のみ|私だけ|自分だけ|私一人|しません"
                     r"|(?i:\bno (?:interpreter|one|need)|\bnot (?:need|necessary|required)|n't need|\bwithout)")
_NOT_ATTENDANT = re.compile(r"(?:通訳|手話|介助|ヘルパー|介護)(?:者)?(?:の)?(?:仕事|求人|職|資格|経験|業務|関係|士の資格"
                            r"|として(?:働|勤|就|活動|の(?:経験|仕事)))")


# A line hard-wrapped inside a sentence (ending in 、 or a particle) continues on the next line:
# 「…支援員の方にも、\n同席していただきたい」.
_WRAPPED = re.compile(r"([、,]|[がをにもはとで])[ \t]*\n[ \t]*(?=[^\s・\-*●■◆◇○□※>])")


def extract_attendant(fresh: str) -> str | None:
    """Who joins the session with the seeker: interpreter, caregiver or other."""
    text = _WRAPPED.sub(r"\1", normalize(fresh))
    sentences = re.split(r"[。!?！？\n]", text)
    for kind, rx, join in (("interpreter", _INTERPRETER, _JOIN), ("caregiver", _CAREGIVER, _JOIN),
                           ("other", _COMPANION, _COMPANION_JOIN)):
        for s in sentences:
            joins = join.search(s) or (_HELP.search(s) and _SESSION.search(s)) or (
                kind != "other" and any(_ALSO_COMES.match(flat, m.end()) for flat in [re.sub(r"[ \t]+", "", s)]
                                     for m in rx.finditer(flat)))
            if rx.search(s) and joins and not _NOBODY.search(s) and not _NOT_ATTENDANT.search(s) \
                    and not _ELSEWHERE.search(s):
                return kind
    for s in sentences:
        if _NOBODY.search(s):
            continue
        if _WRITER_JOINS.search(s) or any(m["who"] not in _NOT_A_COMPANION for m in _NAMED_JOINS.finditer(s)):
            return "other"
    return None
