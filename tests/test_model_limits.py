"""Values the model used to misread or crash on, refused in Chinese with file, line and field.

Like test_bad_input, every case runs the real CLI in a subprocess: ``check`` for a draft,
``render --profile`` for a profile. Each must exit 2 with the Chinese message, the line and
the field, and never an English pydantic text, a traceback or an 内部错误; the few valid
neighbours of each mistake must still pass.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from docgen.model.minutes import MAX_ITEMS, MAX_TOPICS
from docgen.model.numbering import chinese_number, marker
from test_bad_input import VALID, run, variant

# test_bad_input's valid, renderable draft: 1 date … 20 printed, 21 session; an appended
# line is 22.
# A user's profile; a bad variant appends one line, so its line number is 4 (5 under fonts:).
PROFILE = """\
name: wuxi
issuer: 无锡市人民政府
office: 无锡市人民政府办公室
"""


def refused(result: subprocess.CompletedProcess, file: Path, line: int, field: str,
            *pieces: str) -> None:
    """Exit 2, Chinese only, naming the file, the line and the field."""
    err = result.stderr
    assert result.returncode == 2, err
    assert "Traceback" not in err and "内部错误" not in err, err
    assert "Input should" not in err and "取值无效" not in err, err  # pydantic's English
    assert "错误：" in err and file.name in err, err
    assert f"第{line}行" in err, err
    assert f"字段 {field}" in err, err
    for piece in pieces:
        assert piece in err, f"{piece!r} not in {err!r}"


def check(tmp_path: Path, text: str) -> tuple[Path, subprocess.CompletedProcess]:
    draft = tmp_path / "draft.yaml"
    draft.write_text(text, encoding="utf-8")
    return draft, run("check", str(draft), cwd=tmp_path)


def render_with(tmp_path: Path, profile_text: str, draft_text: str = VALID,
                fmt: str = "docx") -> tuple[Path, subprocess.CompletedProcess]:
    draft = tmp_path / "draft.yaml"
    draft.write_text(draft_text, encoding="utf-8")
    profile = tmp_path / "bad.yaml"
    profile.write_text(profile_text, encoding="utf-8")
    result = run("render", str(draft), "--profile", str(profile), "-o", "OUT",
                 "--format", fmt, cwd=tmp_path)
    return profile, result


# --------------------------------------------------------------------------- 1. YAML 1.2 numbers


@pytest.mark.parametrize("text, line, field, pieces", [
    (variant("session: 96", "session: 1:30"), 21, "session", ("应为整数", "“1:30”")),
    (variant("session: 96", "session: true"), 21, "session", ("应为整数", "真假值 true")),
    (variant("session: 96", "session: 0x1F"), 21, "session", ("应为整数", "“0x1F”")),
    (variant("date: 2020-04-29", "date: 86400"), 1, "date", ("应为日期", "数字 86400")),
    (variant("date: 2020-04-29", "date: true"), 1, "date", ("应为日期", "真假值 true")),
    (variant("date: 2020-06-01", "date: 86400"), 20, "printed.date", ("应为日期", "86400")),
    (VALID + 'compiled_date: "86400"\n', 22, "compiled_date", ("应为日期", "“86400”")),
], ids=["sexagesimal-session", "boolean-session", "hex-session", "integer-date",
        "boolean-date", "integer-printed-date", "quoted-integer-date"])
def test_yaml_11_numbers_are_not_read(tmp_path, text, line, field, pieces):
    draft, result = check(tmp_path, text)
    refused(result, draft, line, field, *pieces)


def test_leading_zero_session_is_decimal(tmp_path):
    """012 is twelve (YAML 1.2), never octal 10; a text field keeps "09" as typed."""
    draft = tmp_path / "draft.yaml"
    draft.write_text(variant("recorder: 栗涛", "recorder: 09", variant("session: 96", "session: 012")),
                     encoding="utf-8")
    result = run("render", str(draft), "-o", "OUT", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "OUT" / "draft.html").read_text(encoding="utf-8")
    assert "第12次" in html and "第10次" not in html
    assert ">09<" in html  # the recorder, as typed


# --------------------------------------------------------------------------- 2. templates


@pytest.mark.parametrize("field, template", [
    ("mark", "{issuer:d}"),
    ("mark", "{issuer!r}"),
    ("mark", "{issuer:{meeting}}"),
    ("mark", "{issuer:>100000000}"),
    ("issue_line", "第{session:s}次"),
    ("issue_line", "第{session:0100000000d}次"),
])
def test_template_allows_only_plain_placeholders(tmp_path, field, template):
    profile, result = render_with(tmp_path, PROFILE + f'{field}: "{template}"\n')
    refused(result, profile, 4, field, "只能写成", "带了格式")
    assert not (tmp_path / "OUT").exists() or not any((tmp_path / "OUT").iterdir())


def test_template_keeps_escaped_braces(tmp_path):
    _, result = render_with(tmp_path, PROFILE + 'mark: "{{{issuer}}}{meeting}纪要"\n',
                            fmt="html")
    assert result.returncode == 0, result.stderr
    assert "{无锡市人民政府}常务会议纪要" in (tmp_path / "OUT" / "draft.html").read_text("utf-8")


# --------------------------------------------------------------------------- 3. profile values


@pytest.mark.parametrize("extra, line, field, pieces", [
    ("mark_size_pt: 0\n", 4, "mark_size_pt", ("应不小于 16",)),
    ("mark_size_pt: -36\n", 4, "mark_size_pt", ("应不小于 16",)),
    ("mark_size_pt: 400\n", 4, "mark_size_pt", ("应不大于 72",)),
    ("mark_size_pt: .nan\n", 4, "mark_size_pt", ("有限的数字",)),
    ("mark_size_pt: .inf\n", 4, "mark_size_pt", ("有限的数字",)),
    ("mark_size_pt: true\n", 4, "mark_size_pt", ("应为数字", "真假值 true")),
    ("mark_scale_x: .nan\n", 4, "mark_scale_x", ("有限的数字",)),
    ("mark_scale_x: 0\n", 4, "mark_scale_x", ("应不小于 0.3",)),
    ("mark_scale_x: -0.5\n", 4, "mark_scale_x", ("应不小于 0.3",)),
    ("mark_scale_x: 2\n", 4, "mark_scale_x", ("应不大于 1",)),
    ('mark: ""\n', 4, "mark", ("不能为空",)),
    ('mark: "  "\n', 4, "mark", ("只有空白",)),
    ('issue_line: " "\n', 4, "issue_line", ("只有空白",)),
    ('red: "blue"\n', 4, "red", ("#RRGGBB", "“blue”")),
    ('red: "red; } body{display:none} x {"\n', 4, "red", ("#RRGGBB",)),
    ("red: #E60012\n", 4, "red", ("注释", "引号")),
    ("header_lines: 40\n", 4, "header_lines", ("应不大于 21",)),
    ("header_lines: true\n", 4, "header_lines", ("应为整数", "真假值 true")),
    ('fonts:\n  hei: ""\n', 5, "fonts.hei", ("不能为空",)),
    ("fonts:\n  hei: 'x\"; } body{'\n", 5, "fonts.hei", ("字体名称",)),
], ids=["size-zero", "size-negative", "size-huge", "size-nan", "size-inf", "size-boolean",
        "scale-nan", "scale-zero", "scale-negative", "scale-widening", "mark-empty",
        "mark-blank", "issue-line-blank", "colour-name", "colour-css", "colour-unquoted",
        "header-lines", "header-lines-boolean", "font-empty", "font-css"])
def test_profile_values_are_bounded(tmp_path, extra, line, field, pieces):
    profile, result = render_with(tmp_path, PROFILE + extra)
    refused(result, profile, line, field, *pieces)


@pytest.mark.parametrize("extra", ["mark_size_pt: 16\n", "mark_size_pt: 72\nmark_scale_x: 0.3\n",
                                   'red: "#c00000"\n', 'issue_line: ""\n'])
def test_profile_bounds_themselves_render(tmp_path, extra):
    _, result = render_with(tmp_path, PROFILE + extra)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "OUT" / "draft.docx").is_file()


# --------------------------------------------------------------------------- 4. how many


def _topics(count: int, items: int = 1) -> str:
    topic = "  - title: 听取汇报\n    items:\n" + "".join(f"      - 第{i}项。\n" for i in range(items))
    return "date: 2020-04-29\npreamble: 会议研究了有关事项。\ntopics:\n" + topic * count


def test_too_many_topics(tmp_path):
    draft, result = check(tmp_path, _topics(MAX_TOPICS + 1))
    refused(result, draft, 3, "topics", f"最多 {MAX_TOPICS} 项", f"这里有 {MAX_TOPICS + 1} 项")


def test_too_many_items(tmp_path):
    draft, result = check(tmp_path, _topics(1, MAX_ITEMS + 1))
    refused(result, draft, 5, "topics[0].items", f"最多 {MAX_ITEMS} 项")


def test_too_many_nested_items(tmp_path):
    nested = "".join(f"            - 第{i}点。\n" for i in range(MAX_ITEMS + 1))
    text = ("date: 2020-04-29\ntopics:\n  - title: 听取汇报\n    items:\n"
            "      - text: 要求：\n        items:\n" + nested)
    draft, result = check(tmp_path, text)
    refused(result, draft, 6, "topics[0].items[0].items", f"最多 {MAX_ITEMS} 项")


def test_the_most_topics_and_items_render(tmp_path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(_topics(MAX_TOPICS - 1) + _topics(1, MAX_ITEMS).split("topics:\n")[1],
                     encoding="utf-8")
    result = run("render", str(draft), "-o", "OUT", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "OUT" / "draft.html").read_text(encoding="utf-8")
    assert "九十九、" in html and "（九十九）" in html


def test_chinese_number_covers_every_accepted_marker():
    assert [chinese_number(n) for n in (1, 10, 21, 99, 105, 999)] == \
        ["一", "十", "二十一", "九十九", "一百零五", "九百九十九"]
    for n in range(1, max(MAX_TOPICS, MAX_ITEMS) + 1):
        assert marker(0, n) and marker(1, n)
    with pytest.raises(ValueError):
        chinese_number(1000)


# --------------------------------------------------------------------------- 5. messages


@pytest.mark.parametrize("extra, pieces", [
    ("session: .inf\n", ("有限的数字", "数字 inf")),
    ("session: .nan\n", ("有限的数字",)),
    ("session: 0\n", ("应不小于 1",)),
    ("session: 100000\n", ("应不大于 9999",)),
    ("session: 99999999999999999999999999\n", ("应不大于 9999",)),
])
def test_number_errors_are_chinese(tmp_path, extra, pieces):
    draft, result = check(tmp_path, variant("session: 96\n", extra))
    refused(result, draft, 21, "session", *pieces)


# --------------------------------------------------------------------------- 6. blank text


@pytest.mark.parametrize("old, new, line, field", [
    ("{unit: 市委组织部, names: [孙勇]}", "{unit: ' ', names: [孙勇]}", 17,
     "attendance.attending[1].unit"),
    ("{unit: 市委组织部, names: [孙勇]}", "{unit: 市委组织部, names: [' ']}", 17,
     "attendance.attending[1].names[0]"),
    ("    - 周春良", "    - ' '", 16, "attendance.attending[0]"),
    ("reason: 出差", "reason: '　'", 14, "attendance.on_leave[0].reason"),
    ("title: 市长", "title: ' '", 2, "chair.title"),
    ("recorder: 栗涛", "recorder: ' '", 18, "recorder"),
], ids=["unit", "unit-names", "attending", "reason-ideographic-space", "chair-title",
        "recorder"])
def test_blank_text_is_refused(tmp_path, old, new, line, field):
    draft, result = check(tmp_path, variant(old, new))
    refused(result, draft, line, field, "只有空白，没有文字")


@pytest.mark.parametrize("field", ["disclosure", "preamble"])
def test_blank_optional_text_is_refused_and_empty_is_absent(tmp_path, field):
    draft, result = check(tmp_path, VALID + f"{field}: ' '\n")
    refused(result, draft, 22, field, "只有空白，没有文字")
    _, result = check(tmp_path, VALID + f"{field}: ''\n")
    assert result.returncode == 0, result.stderr
