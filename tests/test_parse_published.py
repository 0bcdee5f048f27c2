"""``docgen parse --published``: the year a web copy leaves out, from its address or its date."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from docgen.errors import DocgenError
from docgen.parse.api import parse_text
from docgen.parse.published import NoDateInAddress, Published, published_from

TODAY = dt.date(2026, 12, 7)

# A copy as a news page has it: month and day, no year.
NO_YEAR = ("12月28日上午，县长某某主持召开县政府第9次常务会议。会议议定以下意见：\n"
           "一、审议《某某工作方案》\n会议原则同意。\n")


@pytest.mark.parametrize("url, expected", [
    ("http://www.example.gov.cn/col1/col2/202403/t20240326_198036.html", (2024, 3, 26)),
    ("http://news.example.com/news/gg/2010072817331233073.html", (2010, 7, 28)),
    ("http://example.people.com.cn/BIG5/n2/2024/0323/c189130-40785733.html", (2024, 3, 23)),
    ("http://example.gov.cn/art/2022/6/11/art_28205_1268253.html", (2022, 6, 11)),
    ("http://www.example.gov.cn/gzdt/2013-02/18/content_2333573.htm", (2013, 2, 18)),
    ("http://epaper.example.com/rb/html/2011-10/31/content_55085.htm", (2011, 10, 31)),
    ("http://example.com/localNews/20150617/158156.html", (2015, 6, 17)),
    ("https://www.example.gov.cn/zwgk/202307/index_3.html", (2023, 7, None)),
    ("https://www.example.gov.cn/html/czzl/2017/FPKLLMMN_0125/10775.html", (2017, None, None)),
])
def test_the_date_a_cms_writes_into_an_address_is_read(url, expected):
    found = published_from(url, TODAY)
    assert (found.year, found.month, found.day) == expected
    assert found.source == "原文网址中的日期"


def test_an_id_that_only_looks_like_digits_of_a_date_gives_none():
    for url in ("https://example.gov.cn/content/646848/83/13692611.html",
                "https://example.gov.cn/info/20161399.html",            # no 13th month
                "https://example.gov.cn/news/show.html?id=20240326"):   # the query is no path
        with pytest.raises(DocgenError) as caught:
            published_from(url, TODAY)
        assert "网址中找不到日期" in str(caught.value.problems[0])


def test_only_an_address_without_a_date_is_told_apart_from_the_values_to_correct():
    with pytest.raises(NoDateInAddress):
        published_from("https://example.gov.cn/news/show.html?id=20240326", TODAY)
    for bad, said in (("http://example.gov.cn/203001/t20300110_1.html", "网址中的日期晚于今天"),
                      ("见 http://example.gov.cn/202307/t20230710_1.html", "发布日期无效"),
                      ("2030-01-10", "发布日期晚于今天"), ("2023-13-01", "发布日期无效")):
        with pytest.raises(DocgenError) as caught:
            published_from(bad, TODAY)
        assert not isinstance(caught.value, NoDateInAddress)
        assert str(caught.value.problems[0].message).startswith(said)


def test_a_typed_date_to_the_day_month_or_year():
    assert published_from("2023-07-10", TODAY).exact == dt.date(2023, 7, 10)
    assert published_from("2023年7月10日", TODAY).exact == dt.date(2023, 7, 10)
    assert published_from("2024-02", TODAY).latest == dt.date(2024, 2, 29)
    assert published_from("2023", TODAY) == Published(2023, None, None, "--published 给出的发布日期")
    for bad in ("2023-13-01", "昨天", "3027", ""):
        with pytest.raises(DocgenError):
            published_from(bad, TODAY)


def test_without_a_year_the_date_stays_empty_and_with_the_address_it_is_found():
    m, problems = parse_text(NO_YEAR, "<无年份>")
    assert m.date is None and any(p.path == "date" for p in problems)
    url = published_from("http://www.example.gov.cn/xxgk/202401/t20240103_1.html", TODAY)
    m, problems = parse_text(NO_YEAR, "<无年份>", published=url)
    # a meeting on 28 December reported on 3 January was held the year before
    assert m.date == dt.date(2023, 12, 28)
    said = [p.message for p in problems if p.path == "date"]
    assert said and "原文网址中的日期" in said[0]


def test_the_texts_own_publish_line_outranks_the_given_date():
    text = "发布时间：2019-05-06\n" + NO_YEAR.replace("12月28日", "5月5日")
    m, _ = parse_text(text, "<自带日期>", published=published_from("2024-05-06", TODAY))
    assert m.date == dt.date(2019, 5, 5)


def test_a_day_alone_needs_a_date_to_the_day():
    text = NO_YEAR.replace("12月28日", "28日")
    month_only = published_from("2024-02", TODAY)
    m, _ = parse_text(text, "<只有日>", published=month_only)
    assert m.date is None                    # 28 February or 28 January: not known
    m, _ = parse_text(text, "<只有日>", published=published_from("2024-02-02", TODAY))
    assert m.date == dt.date(2024, 1, 28)


def test_yesterday_is_told_against_the_given_date():
    text = NO_YEAR.replace("12月28日上午", "昨天上午")
    m, _ = parse_text(text, "<昨天>", published=published_from("2021-03-09", TODAY))
    assert m.date == dt.date(2021, 3, 8)


def test_the_command_takes_an_address_and_refuses_one_without_a_date(tmp_path):
    source = tmp_path / "copy.txt"
    source.write_text(NO_YEAR, encoding="utf-8")
    out = tmp_path / "copy.yaml"
    base = [sys.executable, "-m", "docgen", "parse", str(source), "-o", str(out)]
    run = subprocess.run(base + ["--published", "https://example.gov.cn/a/2022/12/30/art_1.html"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "date: 2022-12-28" in out.read_text(encoding="utf-8")
    out.unlink()
    run = subprocess.run(base + ["--published", "https://example.gov.cn/a/show.html"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "网址中找不到日期" in run.stderr and "--published" in run.stderr
    assert not out.exists()


def _batch(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "docgen", "batch", *args, "-j", "1"],
                          capture_output=True, text=True, timeout=300)


def _date_of(yaml_file) -> str:
    return next(line for line in yaml_file.read_text(encoding="utf-8").splitlines()
                if line.startswith("date:"))


def test_a_batch_takes_each_copys_date_from_the_list_and_reads_a_copy_again_when_it_changes(tmp_path):
    folder, out = tmp_path / "copies", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(NO_YEAR, encoding="utf-8")
    (folder / "b.txt").write_text(NO_YEAR.replace("12月28日", "6月3日"), encoding="utf-8")
    listed = tmp_path / "来源.csv"
    address = "https://example.gov.cn/xw/202401/t20240102_9.html"
    for rows, b_date in ((f"文件,发布\na.txt,{address}\nb,2019-06-05\n", "2019-06-03"),
                         (f"a.txt,{address}\nb.txt,2021-06\n", "2021-06-03")):   # b's row changed
        listed.write_text(rows, encoding="utf-8-sig")
        run = _batch(str(folder), "-o", str(out), "--format", "html", "--published-list", str(listed))
        assert run.returncode == 0, run.stderr
        assert _date_of(out / "a.yaml") == "date: 2023-12-28"
        assert _date_of(out / "b.yaml") == f"date: {b_date}"


def test_a_bad_row_in_the_list_is_refused_naming_its_line_before_any_work(tmp_path):
    folder, out = tmp_path / "copies", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(NO_YEAR, encoding="utf-8")
    listed = tmp_path / "list.csv"
    listed.write_text("a.txt,2023-07-10\nb.txt,2023-13-45\nc.txt\n"
                      "d.txt,见 http://example.gov.cn/202307/t20230710_1.html\n"
                      "e.txt,http://example.gov.cn/203001/t20300110_1.html\n", encoding="utf-8")
    run = _batch(str(folder), "-o", str(out), "--format", "html", "--published-list", str(listed))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    said = {line.split("第", 1)[1].split("行", 1)[0]: line
            for line in run.stderr.splitlines() if "list.csv，第" in line}
    assert set(said) == {"2", "3", "4", "5"}
    assert "发布日期无效" in said["2"] and "两列" in said["3"] and "发布日期无效" in said["4"]
    assert "网址中的日期晚于今天" in said["5"]
    assert not out.exists()


def test_an_address_without_a_date_is_warned_of_with_its_copy_and_the_batch_goes_on(tmp_path):
    """The website gave that address: the archivist cannot correct it, so one copy without
    a date does not hold up the province's archive; the warning is the copy's, counted and
    recorded with it."""
    folder, out = tmp_path / "copies", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(NO_YEAR, encoding="utf-8")
    (folder / "b.txt").write_text(NO_YEAR.replace("12月28日", "6月3日"), encoding="utf-8")
    listed = tmp_path / "list.csv"
    listed.write_text("a.txt,http://example.gov.cn/show.html?id=7\nb.txt,2019-06-05\n", encoding="utf-8")
    run = _batch(str(folder), "-o", str(out), "--format", "html", "--published-list", str(listed))
    assert run.returncode == 0, run.stderr
    warned = [line for line in run.stderr.splitlines() if "网址中没有日期" in line]
    assert len(warned) == 1 and "a.txt" in warned[0] and "show.html?id=7" in warned[0]
    assert _date_of(out / "b.yaml") == "date: 2019-06-03"
    assert "年份 2019 取自来源清单给出的发布日期" in run.stderr     # not from an option never typed
    assert not any(line.startswith("date:") for line in (out / "a.yaml").read_text(encoding="utf-8").splitlines())
    records = {r["name"].rsplit("/", 1)[-1]: r for r in map(json.loads, (out / "docgen-batch.jsonl").open())}
    assert records["a.txt"]["status"] == "done" and records["a.txt"]["warnings"] >= 1


@pytest.mark.parametrize("url, expected", [
    # 1759193157630 ms is 2025-09-30 08:45 in Beijing (00:45 UTC)
    ("http://www.example.gov.cn/col/903_1/art/17566560/1759193157630abCdEF.html", (2025, 9, 30)),
    ("https://www.example.com/searchDetail/1772244399391-01422.html", (2026, 2, 28)),
    # 1735660800000 ms is 2024-12-31 16:00 UTC, already 2025-01-01 in Beijing
    ("http://example.gov.cn/news/1735660800000.html", (2025, 1, 1)),
])
def test_a_page_named_for_its_moment_in_milliseconds_is_dated_in_chinas_time(url, expected):
    found = published_from(url, TODAY)
    assert (found.year, found.month, found.day) == expected
    assert found.source == "原文网址中的时间戳"


def test_numbers_that_are_no_moment_in_milliseconds_give_no_date():
    for url in ("https://example.gov.cn/89003/2c90/1646709941526065152.html",   # 19 digits: an id
                "https://example.gov.cn/article/1000000000123.html",          # 2001: before any such page
                "https://example.gov.cn/a/b/x1759193157630.html",             # not where a part of the path starts
                "https://example.gov.cn/news/1999999999999.html"):            # 2033: in the future
        with pytest.raises(DocgenError):
            published_from(url, TODAY)


def test_a_day_before_the_moment_the_page_was_made_takes_its_year():
    m, problems = parse_text("9月29日，县长某某主持召开县政府常务会议。\n会议听取了秋季安全生产工作汇报。\n",
                             "<时间戳>", published=published_from(
                                 "http://www.example.gov.cn/art/1/1759193157630abc.html", TODAY))
    assert m.date == dt.date(2025, 9, 29)
    assert any(p.path == "date" and "时间戳" in p.message for p in problems)
