"""dump(m) is the YAML a clerk would write and loads back to the same minutes; diff(a, b)
names the differing fields."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.diff import diff
from docgen.model import load_minutes_text
from docgen.model.dump import dump
from docgen.model.minutes import Minutes

from test_parse_roundtrip import minutes


def base(**changes) -> Minutes:
    data = {"date": dt.date(2020, 4, 29), "preamble": "2020年4月29日上午，李亚平市长主持召开市政府第96次常务会议。",
            "topics": [{"title": "审议《办法》", "items": ["原则同意。"]}]}
    data.update(changes)
    return Minutes.model_validate(data)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(minutes())
def test_dump_loads_back(m):
    assert load_minutes_text(dump(m)).minutes == m


AWKWARD = ["yes", "no", "null", "~", "123", "1.5", "2020-04-29", "- 列表", "#号", "a: b", "[方括号]",
           "{花括号}", "含, 逗号", "'单引号", "\"双引号\"", "末尾冒号:", " 前导空格", "true", "@at", "%百分",
           "*星", "&与", "!叹", "|竖线", ">大于", "`反引号", "?问", "含 #井号", "全角：冒号", "１２３"]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.sampled_from(AWKWARD), st.sampled_from(AWKWARD), st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12))
def test_awkward_text_is_quoted(a, b, c):
    c = c if c.strip() else "x"
    m = base(recorder=a, topics=[{"title": b, "items": [c, {"text": a, "items": [b]}]}],
             attendance={"present": [a, b], "attending": [{"unit": b, "names": [a, c]}]},
             printed={"by": c, "date": dt.date(2020, 6, 1)})
    text = dump(m)
    yaml.safe_load(text)
    assert load_minutes_text(text).minutes == m


def test_defaults_left_out_and_none_kept():
    text = dump(base())
    assert "decisions_intro" not in text and "distribution_label" not in text
    assert "attendance" not in text and "term" not in text
    m = base(decisions_intro=None, distribution_label="抄送", distribution="各有关部门。")
    text = dump(m)
    assert "decisions_intro: null" in text and "distribution_label: 抄送" in text
    assert load_minutes_text(text).minutes == m


def test_items_with_children_and_flow_entries():
    m = base(topics=[{"title": "题", "items": [{"text": "甲。", "items": ["乙。", {"text": "丙。", "items": ["丁。"]}]}]}],
             attendance={"present": ["王翔"], "on_leave": [{"name": "张三", "reason": "出差"}, "李四"],
                         "attending": ["张旗", {"unit": "市委组织部", "names": ["周春良", "孙勇"]}],
                         "representatives_of": ["市教育局"]})
    text = dump(m)
    assert "- text: 甲。\n" in text and "- 乙。" in text
    assert "{unit: 市委组织部, names: [周春良, 孙勇]}" in text
    assert "{name: 张三, reason: 出差}" in text
    assert load_minutes_text(text).minutes == m


def test_diff_paths():
    a = base(topics=[{"title": "审议《办法》", "items": ["原则同意市资源规划局关于我市国土空间总体规划编制工作情况的汇报。"]}])
    b = base(topics=[{"title": "审议《办法》", "items": ["原则同意市资源局关于我市国土空间总体规划编制工作情况的汇报。"]},
                     {"title": "第二", "body": ["段。"]}], session=97)
    lines = diff(a, b)
    assert diff(a, a) == []
    assert any(line.startswith("topics[0].items[0]: ") and "规划局" in line for line in lines)
    assert any(line.startswith("topics[1]: 左边没有") for line in lines)
    assert "session: （无） ≠ 97" in lines


def test_diff_compares_what_is_printed():
    """A draft that leaves the issuer and the opening paragraph to the defaults equals its
    print, where both are spelt out; empty text and an empty attendance print nothing."""
    from docgen.compose import preamble_text
    draft = load_minutes_text(
        "session: 5\ndate: 2023-05-10\nperiod: 上午\nchair: {name: 王明, title: 市长}\n"
        "topics:\n  - title: 听取全市安全生产工作情况的汇报\n    items: [原则同意。]\n"
        "attendance: {}\nrecorder: \"\"\n").minutes
    spelt = draft.model_copy(update={"issuer": "苏州市人民政府", "preamble": preamble_text(draft),
                                     "attendance": None, "recorder": None})
    assert diff(draft, spelt) == []
    other = spelt.model_copy(update={"preamble": spelt.preamble.replace("王明", "王敏")})
    assert [line for line in diff(draft, other) if line.startswith("preamble: ")]
