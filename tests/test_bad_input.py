"""Malformed drafts are refused cleanly; a few awkward but valid ones pass.

Every draft runs through the real CLI in a subprocess (``python -m docgen check FILE``), as a
clerk would run it: exit code 2, a Chinese message naming the file, the line (where the input
has one) and the field, no traceback, nothing executed, nothing written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from docgen import cli
from docgen.atomic import atomic_path, write_atomic
from docgen.errors import DocgenError
from docgen.model import load_minutes

# A small valid draft; every bad variant below is one edit of it. Line numbers:
#  1 date  2 chair  3 topics  4 title  5 items  6-7 items  8 title  9 body  10 paragraph
# 11 attendance  12 present  13 on_leave  14 entry  15 attending  16-17 entries
# 18 recorder  19 distribution  20 printed  21 session
VALID = """\
date: 2020-04-29
chair: {name: 李亚平, title: 市长}
topics:
  - title: 听取全市安全生产工作情况的汇报
    items:
      - 原则同意市应急局的汇报。
      - 各地各部门要压实安全生产责任。
  - title: 审议《关于支持中小企业发展的若干意见》
    body:
      - 原则同意。
attendance:
  present: [李亚平, 王翔]
  on_leave:
    - {name: 张旗, reason: 出差}
  attending:
    - 周春良
    - {unit: 市委组织部, names: [孙勇]}
recorder: 栗涛
distribution: 各市、区人民政府；市各有关部门和单位。
printed: {by: 苏州市人民政府办公室, date: 2020-06-01}
session: 96
"""

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n"
    for i in range(8))


def variant(old: str, new: str, text: str = VALID) -> str:
    assert old in text, f"the base draft no longer contains {old!r}"
    return text.replace(old, new, 1)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=cwd, env=env,
                          capture_output=True, encoding="utf-8", errors="replace", timeout=120)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@dataclass
class Bad:
    id: str
    content: str | bytes
    expect: tuple[str, ...] = ()      # substrings of stderr
    line: int | None = None


BAD = [
    Bad("yaml-syntax", variant("recorder: 栗涛", "recorder: 栗涛: 记录"), ("冒号",), 18),
    Bad("yaml-indent", variant("    items:", "     items:"), (), 5),
    Bad("over-indented-key", variant("  present: [李亚平", "   present: [李亚平"),
        ("这一行缩进 2 格", "第12行缩进 3 格"), 13),
    Bad("full-width-space-indent", variant("  present: [李亚平", "\u3000present: [李亚平"),
        ("全角空格",), 12),
    Bad("full-width-colon", variant("recorder: 栗涛", "recorder：栗涛"), ("“recorder”", "中文冒号"), 18),
    Bad("full-width-colon-alias", variant("recorder: 栗涛", "记录：栗涛"), ("“记录”", "中文冒号"), 18),
    Bad("tab-indentation", variant("    items:", "\titems:"), ("Tab",), 5),
    Bad("tab-before-item", variant("      - 原则同意", "\t- 原则同意"), ("Tab",), 6),
    Bad("unclosed-double-quote", variant("title: 听取", 'title: "听取'), ("引号",), 4),
    Bad("unclosed-single-quote", variant("title: 听取", "title: '听取"), ("引号",), 4),
    # The quote is only "closed" by the quote on line 18: the clerk still needs line 4.
    Bad("unclosed-quote-mid-file",
        variant("recorder: 栗涛", 'recorder: "栗涛"', variant("title: 听取", 'title: "听取')),
        ("引号",), 4),
    Bad("unclosed-bracket", variant("[李亚平, 王翔]", "[李亚平, 王翔"), ("[",), 12),
    Bad("misspelt-key", variant("topics:", "topcis:"), ("topcis", "“topics”"), 3),
    Bad("misspelt-nested-key", variant("    items:", "    itmes:"),
        ("topics[0].itmes", "“items”"), 5),
    Bad("misspelt-chair-key", variant("title: 市长", "titel: 市长"), ("chair.titel", "“title”"), 2),
    Bad("alias-at-wrong-level", VALID + "出席: [李亚平]\n", ("出席", "attendance"), 22),
    Bad("string-where-list", variant("present: [李亚平, 王翔]", "present: 李亚平、王翔"),
        ("attendance.present", "列表"), 12),
    Bad("string-where-topics", variant(VALID[VALID.index("topics:"):VALID.index("attendance:")],
                                       "topics: 听取汇报\n"), ("topics", "列表"), 3),
    Bad("number-where-text", variant("recorder: 栗涛", "recorder: 2020"), ("recorder", "文字"), 18),
    Bad("impossible-date", variant("date: 2020-04-29", "date: 2020-02-30"),
        ("date", "2020-02-30", "不存在"), 1),
    Bad("impossible-month", variant("date: 2020-06-01", "date: 2020-13-01"), ("printed.date",), 20),
    Bad("not-a-date", variant("date: 2020-04-29", "date: 四月二十九日"), ("date", "日期"), 1),
    Bad("printed-before-meeting", variant("date: 2020-06-01", "date: 2020-01-01"),
        ("printed.date", "早于"), 20),
    Bad("empty-topics", variant(VALID[VALID.index("topics:"):VALID.index("attendance:")],
                                "topics: []\n"), ("topics", "不能为空"), 3),
    Bad("topics-without-value", variant(VALID[VALID.index("topics:"):VALID.index("attendance:")],
                                        "topics:\n"), ("topics", "不能为空"), 3),
    Bad("missing-topics", variant(VALID[VALID.index("topics:"):VALID.index("attendance:")], ""),
        ("topics", "缺少")),
    Bad("topic-without-items-or-body", variant("    body:\n      - 原则同意。\n", ""),
        ("topics[1]", "items", "body"), 8),
    Bad("empty-item-string", variant("- 各地各部门要压实安全生产责任。", '- ""'),
        ("topics[0].items[1]", "不能为空"), 7),
    Bad("item-without-text", variant("- 各地各部门要压实安全生产责任。", "-"),
        ("topics[0].items[1]", "不能为空"), 7),
    Bad("blank-title", variant("title: 审议《关于支持中小企业发展的若干意见》", 'title: "   "'),
        ("topics[1].title", "空白"), 8),
    Bad("control-character", variant("原则同意市应急局", "原则同意\x07市应急局"),
        ("U+0007", "topics[0].items[0]"), 6),
    Bad("escaped-control-character", variant("- 原则同意。", '- "原则\\a同意。"'),
        ("U+0007", "topics[1].body[0]"), 10),
    Bad("control-character-in-comment", VALID + "# 备注\x1b\n", ("U+001B",), 22),
    Bad("duplicate-key", VALID + "date: 2020-04-30\n", ("date", "重复", "第1行已有"), 22),
    Bad("duplicate-key-via-alias", VALID + "日期: 2020-04-30\n", ("日期", "重复"), 22),
    Bad("duplicate-nested-key", variant("  present: [李亚平, 王翔]",
                                        "  present: [李亚平, 王翔]\n  present: [李亚平]"),
        ("attendance.present", "重复"), 13),
    Bad("object-tag", variant("recorder: 栗涛", 'recorder: !!python/object/apply:os.system '
                                                '["touch {pwned}"]'), ("标签", "recorder"), 18),
    Bad("object-tag-on-list", variant("present: [李亚平, 王翔]",
                                      'present: !!python/object/apply:os.system ["touch {pwned}"]'),
        ("标签", "attendance.present"), 12),
    Bad("object-tag-top-level", "!!python/object/apply:os.system\nargs: ['touch {pwned}']\n",
        ("标签",), 1),
    Bad("python-name-tag", variant("recorder: 栗涛", "recorder: !!python/name:os.system"),
        ("标签",), 18),
    Bad("binary-tag", variant("recorder: 栗涛", "recorder: !!binary 5qCX5rab"), ("标签",), 18),
    Bad("alias-bomb", BILLION_LAUGHS, ("别名",), 2),
    Bad("single-alias", VALID + "compiled_by: &x 办公室\ndisclosure: *x\n", ("别名",), 23),
    Bad("merge-key", VALID + "extra: &c {name: x}\nother:\n  <<: *c\n", ("别名",), 24),
    Bad("binary-file", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        ("二进制",)),
    Bad("binary-file-without-nul",
        bytes((i * 37 + 11) % 256 for i in range(4000)).replace(b"\x00", b"\x01"), ("二进制",)),
    Bad("top-level-list", "- date: 2020-04-29\n- topics: []\n", ("顶层", "映射"), 1),
    Bad("top-level-text", "这是一份纪要\n", ("顶层", "映射"), 1),
    Bad("list-where-chair-mapping", variant("chair: {name: 李亚平, title: 市长}",
                                            "chair:\n  - 李亚平\n  - 市长"), ("chair", "映射"), 2),
    Bad("list-where-printed-mapping", variant("printed: {by: 苏州市人民政府办公室, date: 2020-06-01}",
                                              "printed: [苏州市人民政府办公室, 2020-06-01]"),
        ("printed", "映射"), 20),
    Bad("unit-entry-without-names", variant("{unit: 市委组织部, names: [孙勇]}", "{unit: 市委组织部}"),
        ("attendance.attending[1].names", "缺少"), 17),
    Bad("number-in-attending", variant("    - 周春良", "    - 5"),
        ("attendance.attending[0]", "文字"), 16),
    Bad("period-not-allowed", VALID + "period: 中午\n", ("period", "上午"), 22),
    Bad("person-present-and-on-leave", variant("{name: 张旗", "{name: 王翔"),
        ("王翔", "请假"), 14),
    Bad("multiple-documents", VALID + "---\ndate: 2020-04-30\n", ("文档",), 22),
    Bad("empty-file", "", ("空",)),
    Bad("comments-only", "# 只有注释\n", ("空",)),
    Bad("undecodable-encoding", "date: 2020-04-29\nrecorder: Café Müller\n".encode("latin-1"),
        ("编码",)),
    Bad("utf-16", VALID.encode("utf-16"), ("编码", "UTF-16")),
    Bad("deep-nesting", "a: " + "[" * 3000 + "]" * 3000 + "\n", ("嵌套",)),
    Bad("items-four-levels-deep", variant(
        "      - 各地各部门要压实安全生产责任。",
        "      - text: 各地各部门要压实安全生产责任：\n        items:\n          - text: 第二层：\n"
        "            items:\n              - text: 第三层：\n                items: [第四层。]"),
        ("topics[0].items[1].items[0].items[0].items", "三层"), 12),
]


@pytest.mark.parametrize("case", BAD, ids=[b.id for b in BAD])
def test_bad_draft_is_refused(tmp_path: Path, case: Bad) -> None:
    pwned = tmp_path / "pwned"
    draft = tmp_path / f"{case.id}.yaml"
    content = case.content
    if isinstance(content, str):
        content = content.replace("{pwned}", str(pwned)).encode("utf-8")
    draft.write_bytes(content)
    before = snapshot(tmp_path)

    result = run("check", str(draft), cwd=tmp_path)

    assert result.returncode == 2, result.stderr
    err = result.stderr
    assert "Traceback" not in err and "内部错误" not in err, err
    assert draft.name in err, err
    assert "错误：" in err, err
    assert "✓" not in result.stdout
    if case.line is not None:
        assert f"第{case.line}行" in err, err
    for piece in case.expect:
        assert piece in err, f"{piece!r} not in {err!r}"
    assert not pwned.exists(), "a YAML tag executed a command"
    assert snapshot(tmp_path) == before, "check wrote or changed files"


def test_missing_file(tmp_path: Path) -> None:
    result = run("check", "没有这个文件.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "没有这个文件.yaml" in result.stderr and "不存在" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_directory_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "草稿").mkdir()
    result = run("check", "草稿", cwd=tmp_path)
    assert result.returncode == 2
    assert "文件夹" in result.stderr and "Traceback" not in result.stderr


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "huge.yaml"
    draft.write_bytes(VALID.encode() + b"# " + b"x" * (6 * 1024 * 1024) + b"\n")
    result = run("check", str(draft), cwd=tmp_path)
    assert result.returncode == 2
    assert "huge.yaml" in result.stderr and "过大" in result.stderr
    assert "Traceback" not in result.stderr


def test_too_many_values_is_refused_quickly(tmp_path: Path) -> None:
    draft = tmp_path / "many.yaml"
    draft.write_text("closing: [" + ", ".join(["x"] * 100_000) + "]\n", encoding="utf-8")
    result = run("check", str(draft), cwd=tmp_path)
    assert result.returncode == 2
    assert "过多" in result.stderr and "Traceback" not in result.stderr


def test_check_continues_past_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(VALID, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(variant("topics:", "topcis:"), encoding="utf-8")
    result = run("check", str(bad), "missing.yaml", str(good), cwd=tmp_path)
    assert result.returncode == 2
    assert "bad.yaml" in result.stderr and "missing.yaml" in result.stderr
    assert "✓" in result.stdout and "good.yaml" in result.stdout


def test_debug_shows_traceback(tmp_path: Path) -> None:
    result = run("--debug", "check", "missing.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" in result.stderr and "不存在" in result.stderr


# --------------------------------------------------------------------------- awkward but valid


def check_ok(tmp_path: Path, name: str, content: bytes) -> subprocess.CompletedProcess:
    draft = tmp_path / name
    draft.write_bytes(content)
    result = run("check", str(draft), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"✓ {draft}：有效（2 个议题、2 个分项）" in result.stdout
    return result


def test_valid_base_draft(tmp_path: Path) -> None:
    result = check_ok(tmp_path, "valid.yaml", VALID.encode("utf-8"))
    assert result.stderr == ""


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_file_passes(tmp_path: Path, encoding: str) -> None:
    check_ok(tmp_path, f"{encoding}.yaml", VALID.replace("\n", "\r\n").encode(encoding))
    assert load_minutes(tmp_path / f"{encoding}.yaml").minutes.recorder == "栗涛"


def test_utf8_bom_passes(tmp_path: Path) -> None:
    check_ok(tmp_path, "bom.yaml", "\ufeff".encode() + VALID.encode("utf-8"))


def test_chinese_keys_pass(tmp_path: Path) -> None:
    text = """\
日期: 2020-04-29
主持: {姓名: 李亚平, 职务: 市长}
开头: 2020年4月29日上午，李亚平市长主持召开市政府常务会议。
议题:
  - 标题: 听取汇报
    分项: [原则同意。]
  - 标题: 审议意见
    分项: [原则同意。]
出席情况:
  出席: [李亚平]
  请假: [{姓名: 王翔, 事由: 出差}]
  列席: [{单位: 市委组织部, 人员: [周春良]}]
抄送: 各部门。
印发: {印发机关: 市政府办公室, 日期: 2020-06-01}
"""
    check_ok(tmp_path, "cn.yaml", text.encode())
    m = load_minutes(tmp_path / "cn.yaml").minutes
    assert m.distribution_label == "抄送" and m.attendance.on_leave[0].reason == "出差"


def test_name_listed_twice_warns(tmp_path: Path) -> None:
    text = variant("[李亚平, 王翔]", "[李亚平, 王翔, 王翔]")
    result = check_ok(tmp_path, "twice.yaml", text.encode())
    assert "警告：" in result.stderr and "王翔" in result.stderr and "第12行" in result.stderr


def test_typed_numbering_is_stripped_with_a_warning(tmp_path: Path) -> None:
    text = variant("title: 听取", "title: 一、听取")
    text = variant("- 原则同意市应急局", "- （一）原则同意市应急局", text)
    result = check_ok(tmp_path, "typed.yaml", text.encode())
    assert "警告：" in result.stderr and "“一、”" in result.stderr and "“（一）”" in result.stderr
    assert "第4行" in result.stderr and "topics[0].title" in result.stderr
    m = load_minutes(tmp_path / "typed.yaml").minutes
    assert m.topics[0].title == "听取全市安全生产工作情况的汇报"
    assert m.topics[0].items[0].text == "原则同意市应急局的汇报。"
    assert (tmp_path / "typed.yaml").read_text(encoding="utf-8") == text  # the file is untouched


def test_typed_labels_are_stripped_with_a_warning(tmp_path: Path) -> None:
    """"记录：栗涛" would print "记录：记录：栗涛": the layout prints the label."""
    text = variant("recorder: 栗涛", "recorder: 记录：栗涛")
    text = variant("distribution: 各市", "distribution: 分送：各市", text)
    text = variant("present: [李亚平", "present: [出席：李亚平", text)
    result = check_ok(tmp_path, "labels.yaml", text.encode())
    for label, line, field in (("记录：", 18, "recorder"), ("分送：", 19, "distribution"),
                               ("出席：", 12, "attendance.present[0]")):
        said = [ln for ln in result.stderr.splitlines() if f"“{label}”" in ln]
        assert said and f"第{line}行" in said[0] and f"字段 {field}" in said[0], result.stderr
    m = load_minutes(tmp_path / "labels.yaml").minutes
    assert (m.recorder, m.attendance.present[0]) == ("栗涛", "李亚平")
    assert m.distribution.startswith("各市")
    assert "标签" not in check_ok(tmp_path, "plain.yaml", VALID.encode()).stderr


def test_numbered_body_paragraph_warns(tmp_path: Path) -> None:
    text = variant("      - 原则同意。", "      - 原则同意。\n      - （一）加强统筹。")
    result = check_ok(tmp_path, "numbered.yaml", text.encode())
    assert "警告：" in result.stderr and "“（一）”" in result.stderr
    assert "topics[1].body[1]" in result.stderr and "第11行" in result.stderr


def test_term_the_profile_does_not_print_warns(tmp_path: Path) -> None:
    result = check_ok(tmp_path, "term.yaml", (VALID + "term: 十七届\n").encode())
    assert "警告：" in result.stderr and "十七届" in result.stderr and "{term}" in result.stderr
    assert "第22行" in result.stderr


@pytest.mark.parametrize("old, new, field, line", [
    ("printed: {by: 苏州市人民政府办公室,", "printed: {by: 新疆维吾尔自治区伊犁哈萨克自治州人民政府办公室,",
     "printed.by", 20),
    ("recorder: 栗涛", "recorder: 栗涛\ncompiled_by: 新疆维吾尔自治区伊犁哈萨克自治州人民政府办公室",
     "compiled_by", 19),
])
def test_what_does_not_fit_its_line_is_refused_by_check(tmp_path: Path, old, new, field, line) -> None:
    """The 编发 and 印发 lines hold an office and a date on one line: check typesets too."""
    draft = tmp_path / "long.yaml"
    draft.write_text(variant(old, new), encoding="utf-8")
    for command in ("check", "render"):
        result = run(command, str(draft), *(["-o", "out"] if command == "render" else []),
                     cwd=tmp_path)
        assert result.returncode == 2 and field in result.stderr, result.stderr
        assert f"第{line}行" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_numbering_of_another_level_is_kept(tmp_path: Path) -> None:
    # "（一）" at the start of a topic title is not the topic's own numbering: leave it.
    text = variant("title: 听取", "title: 1.听取") + "preamble: 2020年4月29日，市政府召开常务会议。\n"
    check_ok(tmp_path, "kept.yaml", text.encode())
    assert load_minutes(tmp_path / "kept.yaml").minutes.topics[0].title.startswith("1.听取")


# --------------------------------------------------------------------------- new and schema


def test_new_then_check(tmp_path: Path) -> None:
    result = run("new", "-o", "x.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "x.yaml").read_text(encoding="utf-8")
    assert "# " in text and "议题" in text  # commented, in Chinese
    result = run("check", "x.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warnings in the draft
    assert "✓ x.yaml：有效（2 个议题" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]  # no temp files left


def test_new_with_session_and_date(tmp_path: Path) -> None:
    result = run("new", "--session", "96", "--date", "2020-04-29", "-o", "d.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    m = load_minutes(tmp_path / "d.yaml").minutes
    assert m.session == 96 and str(m.date) == "2020-04-29"
    assert m.attendance and m.attendance.on_leave[0].reason
    assert any(not isinstance(x, str) for x in m.attendance.attending)
    assert m.recorder and m.distribution and m.printed


def test_new_to_stdout_is_a_valid_draft(tmp_path: Path) -> None:
    result = run("new", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "out.yaml").write_text(result.stdout, encoding="utf-8")
    assert run("check", "out.yaml", cwd=tmp_path).returncode == 0


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("保留我\n", encoding="utf-8")
    result = run("new", "-o", "x.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "x.yaml" in result.stderr and "已存在" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "保留我\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]
    result = run("new", "-o", "x.yaml", "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "保留我" not in target.read_text(encoding="utf-8")


def test_new_bad_arguments(tmp_path: Path) -> None:
    for args in (["--date", "2020-02-30"], ["--session", "0"], ["--profile", "没有这个版式"]):
        result = run("new", "-o", "x.yaml", *args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert "错误" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_schema_is_json_with_aliases(tmp_path: Path) -> None:
    result = run("schema", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"]
    assert "topics" in schema["properties"] and "议题" in schema["properties"]
    assert schema["additionalProperties"] is False
    attendance = schema["$defs"]["Attendance"]
    assert "出席" in attendance["properties"] and "present" in attendance["properties"]
    assert "出席" in result.stdout
    # 日期 satisfies "date is required"
    assert "date" not in schema.get("required", [])


# --------------------------------------------------------------------------- CLI plumbing


def test_unexpected_error_is_reported_without_traceback(monkeypatch, capsys) -> None:
    def boom(args):
        raise RuntimeError("炸了")

    monkeypatch.setattr(cli, "_cmd_check", boom)
    assert cli.main(["check", "x.yaml"]) == 1
    err = capsys.readouterr().err
    assert "内部错误" in err and "--debug" in err and "Traceback" not in err


def test_keyboard_interrupt_exits_130_quietly(monkeypatch, capsys) -> None:
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_cmd_check", interrupted)
    assert cli.main(["check", "x.yaml"]) == 130
    assert "Traceback" not in capsys.readouterr().err


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2 and "错误" in result.stderr


# --------------------------------------------------------------------------- atomic writes


def test_write_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "第一版")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    with pytest.raises(DocgenError):
        write_atomic(target, "third", overwrite=False)
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


def test_write_atomic_writes_through_a_link_and_refuses_a_fifo(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(DocgenError, match="普通文件"):
        write_atomic(fifo, "x")
    assert fifo.is_fifo()
    result = run("new", "-o", "x.yaml", cwd=tmp_path)      # the FIFO beside it is not read
    assert result.returncode == 0, result.stderr


def test_atomic_path_keeps_target_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as temp:
            assert temp.parent == tmp_path and temp.suffix == ".pdf" and temp != target
            temp.write_bytes(b"half")
            raise RuntimeError("renderer crashed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    with atomic_path(target) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
