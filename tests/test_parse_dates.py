"""Dates in the shapes real copies write them, on texts written for these tests.

Each test is one shape found in a study of web copies of 纪要 (where the date stands and how
it is written); the wording, names and figures are invented.
"""

from __future__ import annotations

import datetime as dt

from docgen.parse.api import parse_text

BODY = "会议听取了市农业农村局关于春耕备耕工作的汇报。会议要求抓紧落实。\n会议还研究了其他事项。\n"


def _dated(text: str, name: str):
    m, problems = parse_text(text, name)
    return m, [p.message for p in problems if p.path == "date"]


def test_a_day_between_the_chair_and_presided_is_the_meeting_day():
    text = ("发布时间：2023-05-10\n"
            "省长周某某8日上午主持召开省政府第十次常务会议。\n" + BODY)
    m, dated = _dated(text, "<主持前的日>")
    assert m.date == dt.date(2023, 5, 8) and m.period == "上午"
    assert m.chair.name == "周某某" and m.chair.title == "省长"
    assert any("8日" in w and "发布日期" in w for w in dated)


def test_a_full_date_after_yu_between_the_chair_and_presided():
    text = "县长吴某某于2023年5月8日在县政府三楼会议室主持召开县政府第10次常务会议。\n" + BODY
    m, dated = _dated(text, "<于某日主持>")
    assert m.date == dt.date(2023, 5, 8) and not dated
    assert m.chair.name == "吴某某" and m.session == 10


def test_a_month_and_day_before_presided_take_their_year_from_the_publish_line():
    text = "日期：2022-03-02\n市长郑某某3月1日主持召开市政府常务会议。\n" + BODY
    m, dated = _dated(text, "<主持前的月日>")
    assert m.date == dt.date(2022, 3, 1) and m.chair.name == "郑某某"
    assert any("发布日期" in w for w in dated)


def test_a_date_in_a_later_clause_is_not_taken_for_the_meeting_day():
    # the date belongs to what is studied, not to the meeting: a verb comes before it
    text = "市长郑某某主持召开市政府常务会议，传达学习5月8日国务院常务会议精神。\n" + BODY
    m, _ = _dated(text, "<后文中的日期>")
    assert m.date is None


def test_a_day_after_a_purpose_clause_is_dated_by_the_publish_line():
    text = ("发布时间：2021-11-20\n"
            "按照省委部署和有关要求，18日，省委副书记、省长陈某某主持召开省政府常务会议，研究边境建设等事宜。\n"
            + BODY)
    m, dated = _dated(text, "<目的句后的日>")
    assert m.date == dt.date(2021, 11, 18)
    assert any("18日" in w and "发布日期" in w for w in dated)


def test_a_day_after_a_news_dateline():
    text = "发布时间：2020-07-04\n本网讯（记者 林某）3日下午，县长章某某主持召开县政府常务会议。\n" + BODY
    m, _ = _dated(text, "<电头后的日>")
    assert m.date == dt.date(2020, 7, 3) and m.period == "下午"


def test_a_day_in_a_clause_after_the_meeting_is_named_is_not_its_day():
    text = "发布时间：2021-11-20\n市长陈某某主持召开市政府常务会议，18日前完成整改。\n" + BODY
    m, _ = _dated(text, "<召开后的日>")
    assert m.date is None


OPENING_MD = "1月5日下午，市政府第六次全体会议在市政务中心召开。市长钱某某主持会议并讲话。\n"


def test_a_day_first_dotted_stamp_is_the_publish_date():
    m, dated = _dated("市政府第六次全体会议召开\n07.01.2015  01:02\n" + OPENING_MD + BODY, "<日在前的戳>")
    assert m.date == dt.date(2015, 1, 5)
    assert any("发布日期" in w for w in dated)


def test_a_stamp_in_brackets_is_the_publish_date():
    m, _ = _dated("市政府召开常务会议\n【2015-01-07 08:30】\n" + OPENING_MD + BODY, "<括号里的戳>")
    assert m.date == dt.date(2015, 1, 5)


def test_a_newspaper_footer_that_starts_with_the_date_is_the_publish_date():
    footer = "\n2015-01-07 14 14 某某日报 content_12345.html 1 3 市政府召开全体会议 /enpproperty-->\n"
    m, _ = _dated(OPENING_MD + BODY + footer, "<报纸系统的页脚>")
    assert m.date == dt.date(2015, 1, 5)


def test_a_clocked_date_run_into_the_site_address_is_the_publish_date():
    m, _ = _dated("市政府召开全体会议 |\nhttp://www.example.cn/2015年01月07日 08:39:48 |\n" + OPENING_MD + BODY,
                  "<网址后的戳>")
    assert m.date == dt.date(2015, 1, 5)


def test_a_sentence_that_starts_with_a_date_is_no_stamp():
    text = OPENING_MD + "2014-12-30，市政府印发了有关通知，会议要求抓好落实。\n" + BODY
    m, _ = _dated(text, "<句子里的日期>")
    assert m.date is None


def test_a_headline_with_the_full_date_gives_the_opening_its_year():
    text = ("2023年12月12日区政府召开第62次常务会议\n"
            "12月12日上午，区长孙某某主持召开区政府第62次常务会议。\n" + BODY)
    m, dated = _dated(text, "<标题中的日期>")
    assert m.date == dt.date(2023, 12, 12)
    assert any("取自标题" in w for w in dated)


def test_a_headline_dated_another_day_gives_no_year():
    # the headline's date is when the page reported it, not the opening's day
    text = ("2023年12月14日　区政府召开第62次常务会议\n"
            "12月12日上午，区长孙某某主持召开区政府第62次常务会议。\n" + BODY)
    m, dated = _dated(text, "<标题中的别的日期>")
    assert m.date != dt.date(2023, 12, 14) and not any("取自标题" in w for w in dated)


def test_an_autonomous_regions_chairman_chairs_and_presides_over_two_meetings_in_turn():
    text = ("5月8日，自治区党委副书记、自治区主席扎西某某先后主持召开自治区政府党组会议和常务会议。\n" + BODY)
    m, _ = parse_text(text, "<自治区主席>")
    assert m.chair.name == "扎西某某" and m.chair.title == "主席"
    text = "5月8日，自治区代理主席王某某主持召开自治区政府常务会议。\n" + BODY
    m, _ = parse_text(text, "<代理主席>")
    assert m.chair.name == "王某某" and m.chair.title == "代理主席"


def test_a_meeting_named_before_held_is_not_one_the_next_sentence_speaks_of():
    text = ("1月5日下午，市政府第六次全体会议在市政务中心召开。会议讨论了即将提交市十五届人大三次会议审议的"
            "《政府工作报告》。市长钱某某主持会议并讲话。\n" + BODY)
    m, _ = parse_text(text, "<召开在前的会名>")
    assert m.session == 6 and m.meeting == "全体会议"


def test_today_after_a_dated_news_dateline_is_the_dateline_day():
    # the page was updated the morning after; the story was filed on the day of the meeting
    text = ("更新时间：2022-06-04 08:15:10\n"
            "江城网6月3日讯（记者 某某）今天上午，区政府召开第九次常务会议。区长李某某主持会议。\n" + BODY)
    m, dated = _dated(text, "<电头日期与今天>")
    assert m.date == dt.date(2022, 6, 3) and m.session == 9
    assert any("电头日期" in w and "今天" in w for w in dated)


def test_a_dateline_with_its_year_gives_the_year_to_the_meeting_day():
    text = ("某某新闻网2021年9月15日讯（记者 王某）9月14日，市委副书记、市长赵某某主持召开"
            "市政府第20次常务会议。\n" + BODY)
    m, dated = _dated(text, "<带年份的电头>")
    assert m.date == dt.date(2021, 9, 14) and m.chair.name == "赵某某" and m.session == 20
    assert any("电头日期" in w for w in dated)


def test_a_dateline_in_december_dates_a_meeting_on_the_day_before_new_year():
    text = ("本报2024年1月2日讯 12月31日，县长某某某主持召开县政府第30次常务会议。\n" + BODY)
    m, _ = _dated(text, "<跨年的电头>")
    assert m.date == dt.date(2023, 12, 31)


def test_today_after_a_dateline_with_no_year_to_be_had_gives_no_date():
    # nothing tells the year of "6月3日讯": no date rather than a guess
    text = "江城网6月3日讯 今天上午，区长李某某主持召开区政府第九次常务会议。\n" + BODY
    m, _ = _dated(text, "<无年份的电头>")
    assert m.date is None and m.chair.name == "李某某"


def test_a_date_before_dianshi_is_the_meeting_day_not_a_dateline():
    text = ("发布时间：2022-06-05\n"
            "6月3日，市长某某某主持召开市政府常务会议，并收听收看全省电视电话会议。\n" + BODY)
    m, _ = _dated(text, "<非电头>")
    assert m.date == dt.date(2022, 6, 3)
    text = ("发布时间：2022-06-05\n"
            "6月3日电视电话会议后，市长某某某随即主持召开市政府常务会议。\n" + BODY)
    m, _ = _dated(text, "<电视电话会议>")
    assert m.date == dt.date(2022, 6, 3)
