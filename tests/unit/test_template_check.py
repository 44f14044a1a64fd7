"""`Composer.check`: every template rendered with sample data under StrictUndefined, every
mistake as `file:line: problem` (a copy of the shipped templates is edited in each test)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mailbot.compose import Composer
from mailbot.daemon import MAIL_KINDS
from mailbot.rules import load_rules
from mailbot.template_check import TemplateSnapshot, mail_kinds

REPO = Path(__file__).resolve().parents[2]
RULES = load_rules(REPO / "rules")


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    return tmp_path / "templates"


def check(templates: Path, terms: Path | None = None, rules=RULES) -> list[str]:
    composer = Composer(templates, terms or templates / "terms-of-use.txt", "office@example.jp")
    return composer.check(rules)


def edit(path: Path, old: str, new: str) -> int:
    """Replace one exact fragment; return the (1-based) line it starts on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_shipped_templates_pass(templates: Path):
    assert check(templates) == []


def test_kinds_come_from_the_files_present(templates: Path):
    (templates / "staff_notice.j2").write_text("{% extends \"_base.j2\" %}", encoding="utf-8")
    env = Composer(templates, None, "office@example.jp").env
    assert set(mail_kinds(env)) == set(MAIL_KINDS) | {"staff_notice"}
    assert "_macros" not in mail_kinds(env) and "_base" not in mail_kinds(env)


def test_undefined_variable_is_reported_at_its_line(templates: Path):
    line = edit(templates / "reminder.j2", "{{ url }}", "{{ session_url }}")
    assert check(templates) == [f"{templates / 'reminder.j2'}:{line}: 未定義の名前です（'session_url' is undefined）"]


def test_a_rarely_taken_branch_is_rendered(templates: Path):
    # Only a seeker whose pick was taken by someone else meets this line.
    line = edit(templates / "offer.j2", "先に別の方のご予約が確定した", "先に{{ contact.nmae }}様のご予約が確定した")
    (problem,) = check(templates)
    assert problem.startswith(f"{templates / 'offer.j2'}:{line}: 未定義の名前です")
    assert "nmae" in problem and "note = 'taken'" in problem


def test_every_reason_for_asking_again_is_rendered(templates: Path):
    line = edit(templates / "which_slot.j2", "番号と日時が一致しませんでした。", "番号と{{ whem }}が一致しませんでした。")
    (problem,) = check(templates)
    assert problem.startswith(f"{templates / 'which_slot.j2'}:{line}:") and "conflict" in problem


def test_each_field_we_may_ask_for_needs_a_label(templates: Path):
    line = edit(templates / "_macros.j2", '  "phone": "お電話番号",\n', "")
    (problem,) = check(templates)
    assert problem.startswith(f"{templates / '_macros.j2'}:") and "'phone'" in problem
    assert "needs_info.j2:" in problem and line > 1


def test_the_greeting_without_a_name_is_rendered(templates: Path):
    # A macro argument (name) is not mail data the branches can be read from: the sparse sample
    # (nothing known about the seeker) takes this branch.
    line = edit(templates / "_macros.j2", "ご相談者 様", "{{ seeker_title }} 様")
    problems = check(templates)
    assert problems and all(p.startswith(f"{templates / '_macros.j2'}:{line}:") for p in problems)
    assert "seeker_title" in problems[0] and "分からないとき" in problems[0]


def test_membership_tests_are_tried_both_ways(templates: Path):
    # Neither sample has a name without asking for it: only taking "name" out of `missing`
    # reaches this line.
    line = edit(templates / "needs_info.j2", "いただいた内容を確認のうえ",
                '{% if contact.name and "name" not in missing %}{{ contact.nmae }}{% endif %}'
                "いただいた内容を確認のうえ")
    (problem,) = check(templates)
    assert problem.startswith(f"{templates / 'needs_info.j2'}:{line}:") and "nmae" in problem
    assert "'name' を含まない" in problem


def test_an_undefined_name_handed_to_a_macro_points_at_the_caller(templates: Path):
    line = edit(templates / "ask_new_time.j2", "{{ m.slot(slot) }}", "{{ m.slot(slott) }}")
    assert check(templates) == [f"{templates / 'ask_new_time.j2'}:{line}: 未定義の名前です（'slott' is undefined）"]


def test_a_mistake_inside_a_macro_is_reported_once_there(templates: Path):
    line = edit(templates / "_macros.j2", "{{ office.department }}", "{{ office.departmnt }}")
    (problem,) = check(templates)
    assert problem.startswith(f"{templates / '_macros.j2'}:{line}: 未定義の名前です")


def test_syntax_errors_missing_parents_and_unknown_filters(templates: Path):
    l1 = edit(templates / "lapsed.j2", "ご案内した日時について", "{% if deadline %}ご案内した日時について")
    (templates / "other.j2").write_text('{% extends "_bsae.j2" %}\n', encoding="utf-8")
    l3 = edit(templates / "reminder.j2", "{{ url }}", "{{ url | shorten_url }}")
    (templates / "_unused.j2").write_text("{% for x in %}\n", encoding="utf-8")
    problems = check(templates)
    assert f"{templates / 'other.j2'}:1: テンプレート _bsae.j2 がありません" in problems
    assert any(p.startswith(f"{templates / 'reminder.j2'}:{l3}: 書き方の誤りです") and "shorten_url" in p
               for p in problems)
    assert any(p.startswith(f"{templates / 'lapsed.j2'}:") and "endblock" in p for p in problems) and l1
    assert any(p.startswith(f"{templates / '_unused.j2'}:1: 書き方の誤りです") for p in problems)
    assert len(problems) == 4, problems


def test_missing_kind_missing_block_and_empty_subject(templates: Path):
    (templates / "reminder.j2").unlink()
    (templates / "extra.j2").write_text("本文だけ\n", encoding="utf-8")
    (templates / "blank.j2").write_text('{% extends "_base.j2" %}{% block subject %} {% endblock %}'
                                        "{% block body %}x{% endblock %}", encoding="utf-8")
    assert check(templates) == [
        f"{templates / 'reminder.j2'}:1: ファイルがありません（このメールを送るときに使います）",
        f"{templates / 'blank.j2'}:1: 件名が空になります（{{% block subject %}} に件名を書いてください）",
        f"{templates / 'extra.j2'}:1: {{% block subject %}} がありません",
    ]


def test_terms_file_must_exist_and_be_utf8(templates: Path, tmp_path: Path):
    assert check(templates, tmp_path / "none.txt") == [f"{tmp_path / 'none.txt'}:1: 利用規約のファイルがありません（paths.terms）"]
    sjis = tmp_path / "sjis.txt"
    sjis.write_bytes("第1条\n利用規約\n".encode("shift_jis"))
    assert check(templates, sjis) == [f"{sjis}:1: UTF-8 で保存してください"]


def test_a_template_not_in_utf8_is_one_problem(templates: Path):
    (templates / "lapsed.j2").write_bytes((templates / "lapsed.j2").read_text(encoding="utf-8").encode("cp932"))
    (problem,) = check(templates)
    assert problem.startswith(f"{templates / 'lapsed.j2'}:") and "UTF-8" in problem


def test_without_rules_templates_are_only_compiled(templates: Path):
    edit(templates / "reminder.j2", "{{ url }}", "{{ session_url }}")
    assert check(templates, rules=None) == []
    edit(templates / "reminder.j2", "{{ session_url }}", "{{ session_url }")
    assert len(check(templates, rules=None)) == 1


def test_snapshot_digest_follows_the_content(templates: Path):
    first = TemplateSnapshot.read(templates)
    assert TemplateSnapshot.read(templates).digest == first.digest
    edit(templates / "reminder.j2", "{{ url }}", "{{ url }} ")
    assert TemplateSnapshot.read(templates).digest != first.digest
