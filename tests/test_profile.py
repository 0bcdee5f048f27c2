"""Profiles: the shipped one, a user's own file, and a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.layout.pages import typeset
from docgen.model import load_minutes, load_profile

USER = """\
name: wuxi
issuer: 无锡市人民政府
office: 无锡市人民政府办公室
header_lines: 12
"""


def test_shipped_profile():
    p = load_profile("suzhou")
    assert p.issuer == "苏州市人民政府" and p.fonts.fangsong == "仿宋_GB2312"


def test_user_profile_changes_the_mark(tmp_path):
    path = tmp_path / "wuxi.yaml"
    path.write_text(USER, encoding="utf-8")
    m = load_minutes(Path(__file__).resolve().parent.parent / "fixtures" / "suzhou-2020-96.yaml").minutes.model_copy(update={"issuer": None})
    layout = typeset(m, load_profile(str(path)))
    assert layout.document.mark == "无锡市人民政府常务会议纪要"


@pytest.mark.parametrize("text, needle", [
    ("name: x\nissuer: 某市人民政府\n", "office"),
    (USER + "header_linez: 3\n", "header_lines"),
    (USER.replace("header_lines: 12", "header_lines: 40"), "header_lines"),
    (USER + 'issue_line: "第{sesion}次"\n', "{sesion}"),
    (USER + 'mark: "{issuer}纪要{"\n', "花括号"),
])
def test_broken_profile_is_a_chinese_error(tmp_path, text, needle):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocgenError) as info:
        load_profile(str(path))
    assert needle in str(info.value) and str(path) in str(info.value)


def test_issue_line_can_carry_term_and_number(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(USER + 'issue_line: "{term}第{session}次（{doc_number}）"\n', encoding="utf-8")
    m = load_minutes(Path(__file__).resolve().parent.parent / "fixtures" / "suzhou-2020-96.yaml").minutes
    m = m.model_copy(update={"term": "十六届", "doc_number": "常务会议纪要〔2020〕9号"})
    layout = typeset(m, load_profile(str(path)))
    assert layout.document.issue_line == "十六届第96次（常务会议纪要〔2020〕9号）"


def test_unknown_profile_name():
    with pytest.raises(DocgenError, match="suzhou"):
        load_profile("nowhere")


@pytest.mark.parametrize("name", ["长" * 300, "a" * 5000, "苏州\0"], ids=["long-cjk", "long", "nul"])
def test_an_impossible_profile_name_is_refused_cleanly(tmp_path, name):
    """A name no file system can hold is a profile not found, exit 2 — not Errno 36."""
    import subprocess
    import sys
    with pytest.raises(DocgenError) as info:
        load_profile(name)
    assert "找不到版式" in str(info.value)
    if "\0" in name:                       # no NUL passes through argv
        return
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    run = subprocess.run([sys.executable, "-m", "docgen", "audit", str(pdf), "--profile", name],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "找不到版式" in run.stderr and "Traceback" not in run.stderr


def test_a_header_too_short_for_the_mark_is_refused(tmp_path):
    """With 8 header lines the 期号 would print above the 纪要标志 and the 编发 line through it."""
    from docgen.errors import DocgenError
    m = load_minutes(Path(__file__).resolve().parent.parent / "fixtures" / "suzhou-2020-96.yaml").minutes
    short = tmp_path / "short.yaml"
    short.write_text(USER.replace("header_lines: 12", "header_lines: 8"), encoding="utf-8")
    with pytest.raises(DocgenError) as info:
        typeset(m, load_profile(str(short)))
    text = str(info.value)
    assert str(short) in text and "header_lines" in text and "至少为 11" in text
    fits = tmp_path / "fits.yaml"
    fits.write_text(USER.replace("header_lines: 12", "header_lines: 11"), encoding="utf-8")
    assert typeset(m, load_profile(str(fits))).pages


@pytest.mark.parametrize("numbering, needle", [
    ('["一、", "", "1."]', "只有第一层"),
    ('["（一）", "一、"]', "由大到小"),
    ('["一、", "1.", "1、"]', "由大到小"),
    ('["一、", "a)"]', "numbering"),
])
def test_numbering_out_of_order_is_refused(tmp_path, numbering, needle):
    """A level the parser would rank above its parent could not be read back."""
    path = tmp_path / "p.yaml"
    path.write_text(USER + f"numbering: {numbering}\n", encoding="utf-8")
    with pytest.raises(DocgenError) as info:
        load_profile(str(path))
    assert needle in str(info.value) and str(path) in str(info.value)


def test_chinese_numerals_in_the_header(tmp_path):
    """永康 prints 第八十次 and 二〇一一年十月十七日; numbering 一、 1、 goes on with （1）."""
    path = tmp_path / "p.yaml"
    path.write_text(USER + 'session_numerals: chinese\ndate_numerals: chinese\nnumbering: ["一、", "1、"]\n',
                    encoding="utf-8")
    m = load_minutes(Path(__file__).resolve().parent.parent / "fixtures" / "suzhou-2020-96.yaml").minutes
    doc = typeset(m, load_profile(str(path))).document
    assert doc.issue_line == "第九十六次" and doc.office_date == "二〇二〇年六月一日"
    numbers = [b.spans[0].text for b in doc.body if b.kind in ("topic", "item1")][:3]
    assert numbers[0].startswith("一、") and numbers[1:] == ["1、", "2、"]
