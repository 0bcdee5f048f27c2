"""Copies of other offices' minutes: traditional mirrors, web furniture, dates the text lacks."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.errors import DocgenError
from docgen.parse.api import parse_text
from docgen.render.api import render_bytes

TRADITIONAL = """2024年9月13日下午,區(qū)長謝義維主持召開五屆104次區(qū)政府常務(wù)會議。紀(jì)要如下:
一、審議《斗門區(qū)生態(tài)環(huán)境保護(hù)工作責(zé)任清單(送審稿)》
會議原則同意該《責(zé)任清單》,按會議精神修改完善後印發(fā)。
"""


def test_traditional_copy_with_pinyin_glosses_is_read_in_simplified():
    m, problems = parse_text(TRADITIONAL, "<繁体>")
    notes = " ".join(str(p) for p in problems)
    assert "OpenCC" in notes and "拼音" in notes
    assert m.date == dt.date(2024, 9, 13) and m.session == 104 and m.term == "五届"
    assert m.topics[0].title == "审议《斗门区生态环境保护工作责任清单(送审稿)》"
    assert "區" not in m.preamble and "(qū)" not in m.preamble


def test_simplified_copy_is_not_converted():
    text = "2020年4月29日上午，李亚平市长主持召开市政府第96次常务会议。会议议定以下意见：\n一、听取著名企业的汇报\n原则同意。\n"
    m, problems = parse_text(text, "<简体>")
    assert "OpenCC" not in " ".join(str(p) for p in problems)
    assert m.topics[0].title == "听取著名企业的汇报"


def test_a_date_the_copy_lacks_is_a_warning_naming_the_field_not_a_refusal():
    text = "市长王某主持召开市政府常务会议。会议议定以下意见：\n一、审议《某某办法》\n原则同意。\n"
    m, problems = parse_text(text, "<无日期>")
    assert m.date is None
    dated = [p for p in problems if p.path == "date"]
    assert dated and "找不到会议日期" in dated[0].message
    pdf = render_bytes(m, "pdf")             # the printed preamble needs no date
    assert pdf.startswith(b"%PDF-")


def test_day_without_month_or_year_is_named_in_the_warning():
    text = "3日下午，市长陈某主持召开市政府常务会议。\n会议听取了某项工作情况的汇报。会议要求抓紧落实。\n"
    m, problems = parse_text(text, "<只有日>")
    assert m.date is None
    assert any(p.path == "date" for p in problems)


def test_metadata_rows_and_buttons_are_dropped_dated_rows_still_date_the_page():
    text = """• 索 引 号:zz/2020-00040
• 标      题:赵某主持召开州政府第33次常务会议
• 发文日期:2018-12-04
文章播报
11月29日下午，州长赵某主持召开州政府第33次常务会议，副州长钱某、孙某，州政府秘书长李某出席会议。
会议听取了州直有关部门关于今冬明春安全生产工作情况的汇报。会议要求各县市抓好落实。
|
"""
    m, problems = parse_text(text, "<网页>")
    assert m.date == dt.date(2018, 11, 29)
    assert "网页框架" in " ".join(str(p) for p in problems)
    assert all("索" not in b for t in m.topics for b in t.body)


def test_a_news_dateline_before_the_date_still_dates_the_meeting():
    text = """发布时间:2021-06-04
本报讯(记者 周平 林岚)6月3日上午,县长刘某主持召开县政府第12次常务会议。
会议听取了全县防汛准备情况的汇报。会议要求各乡镇落实值守。
"""
    m, _ = parse_text(text, "<本报讯>")
    assert m.date == dt.date(2021, 6, 3) and m.session == 12
    assert m.chair.name == "刘某"


def test_a_banner_head_is_read_as_chair():
    text = "发布日期:2023-05-09\n5月8日,旗委副书记、政府旗长巴图主持召开旗政府常务会议。\n会议研究了春季防火工作。\n"
    m, _ = parse_text(text, "<旗长>")
    assert m.chair.name == "巴图" and m.chair.title == "旗长"


def test_the_year_of_a_numbered_session_dates_a_meeting_the_page_gives_no_year():
    text = "4月9日,区长周某主持召开区政府2023年第5次常务会议。\n会议审议了《某某方案》,原则同意。\n"
    m, problems = parse_text(text, "<会次年份>")
    assert m.date == dt.date(2023, 4, 9) and m.session == 5
    assert any(p.path == "date" and "第N次" in p.message for p in problems)


def test_a_summary_that_only_says_what_the_meeting_stressed_is_minutes():
    text = """发布日期:2024-10-12
10月11日,市长孙某主持召开市政府第7次常务会议。
会议强调,要抓好秋粮收购,守住安全底线。
孙某要求,各部门要压实责任。
"""
    m, _ = parse_text(text, "<只有强调>")
    assert m.session == 7 and m.topics


def test_what_the_meeting_did_run_into_the_opening_becomes_its_topic():
    text = ("2022年3月2日，区长郑某在区政府三楼会议室主持召开区政府第21次常务会议。"
            "传达学习上级有关会议精神，研究审议了老旧小区改造、春季植树等事项。\n"
            "王某、赵某等参加会议。\n")
    m, problems = parse_text(text, "<连写>")
    assert m.session == 21 and m.preamble.endswith("常务会议。")
    assert m.topics[0].title.startswith("传达学习")
    assert any(p.path == "topics" and "按句分出" in p.message for p in problems)


def test_a_title_line_naming_the_chair_is_not_taken_for_the_opening():
    text = """钱某主持召开省政府第8次常务会议
省长钱某主持召开省政府第8次常务会议，研究部署春耕生产工作。会议强调，要稳定粮食播种面积。
"""
    m, _ = parse_text(text, "<标题在上>")
    assert m.session == 8 and m.preamble.startswith("省长钱某")


def test_a_page_stamp_or_published_on_line_gives_the_year():
    for stamp in ("2022-03-08", "2022-03-08 10:15:02", "(发布于:2022-03-08 10:15)"):
        text = f"{stamp}\n3月7日上午，县长高某主持召开县长办公会。\n会议强调，要抓好春耕备耕。\n"
        m, _ = parse_text(text, "<日期戳>")
        assert m.date == dt.date(2022, 3, 7), stamp


def test_a_chair_named_in_the_paragraph_after_the_opening():
    text = """发布时间:2019-01-04
1月3日下午,区政府召开十六届第九次常务会议。会议审议了《某某计划(草案)》。
区长孙某主持会议。副区长李某、周某参加会议。
会议指出,要抓紧修改完善。
"""
    m, _ = parse_text(text, "<主持在后>")
    assert m.chair.name == "孙某" and m.chair.title == "区长" and m.session == 9 and m.term == "十六届"


def test_the_meeting_named_before_its_number_or_before_zhaokai():
    cases = {
        "2月8日,县长吴某主持召开2022年县政府党组第2次会议。": ("党组会议", 2),
        "3月9日,旗人民政府2021年第一次全体会议暨重点项目推进会召开。旗长吴某主持会议。": ("全体会议", 1),
        "9月3日,在区政务中心召开区政府全体(扩大)会议(区安委会2025年第三次会议)。区长李某主持。": ("全体会议", None),
        "7月8日,市长苏某主持召开2022年重点工作任务推进情况专题调度会议,听取汇报。": ("专题调度会议", None),
    }
    for opening, (meeting, session) in cases.items():
        m, _ = parse_text(f"发布日期:2025-10-01\n{opening}\n会议强调,要抓好落实。\n", "<会议名称>")
        assert (m.meeting, m.session) == (meeting, session), opening


def test_the_session_only_a_news_headline_gives_is_taken_with_a_warning():
    text = """郑某主持召开2023年第6次县政府常务会议
3月2日,县长郑某主持召开县政府常务会议。研究了春季造林等事宜。
会议强调,要确保苗木质量。
"""
    m, problems = parse_text(text, "<网页标题>")
    assert m.session == 6 and m.date == dt.date(2023, 3, 2)
    assert any(p.path == "session" and "网页标题" in p.message for p in problems)


def test_a_page_form_gives_the_date_and_chair_the_opening_leaves_out():
    text = """会议时间:
2023年6月5日(星期一)上午9:00
会议地点:
区长会议室
会议主持人:
区委副书记、区长韩某
区政府第7届15次常务会议在区长会议室召开。
会议听取了关于夏季防汛工作的汇报。
会议还研究了其他问题。
"""
    m, problems = parse_text(text, "<表单>")
    assert m.date == dt.date(2023, 6, 5) and m.session == 15
    assert m.chair.name == "韩某" and m.chair.title == "区长"
    assert any(p.path == "date" and "会议时间" in p.message for p in problems)


def test_a_stamp_line_with_time_and_editor_or_a_dated_source_line_gives_the_year():
    opening = "5月12日,镇长钱某主持召开镇政府常务会议。\n会议听取了春耕备耕情况的汇报。会议要求抓紧落实。\n"
    for stamp in ("|| 2021-05-14 09:12:30 编辑: 孙某 阅读次数:318 |", "来源:镇政府办2021-05-14"):
        m, problems = parse_text(f"{stamp}\n{opening}", "<页面戳>")
        assert m.date == dt.date(2021, 5, 12), stamp
        assert any(p.path == "date" and "发布日期" in p.message for p in problems)


def test_a_day_whose_inferred_year_contradicts_the_counted_year_is_left_empty():
    # the copy lost its month: "4日" on a page of 2026-01-02 would be 2025-12-04, yet the
    # meeting is the first one counted in 2026
    text = """发布日期:2026-01-02
4日,县长周某主持召开县政府2026年第1次常务会议。
会议听取了冬季安全生产工作的汇报。会议要求压实责任。
"""
    m, problems = parse_text(text, "<会次年份>")
    assert m.date is None and m.session == 1
    assert any(p.path == "date" and "不符" in p.message for p in problems)


def test_a_year_from_the_body_only_where_it_leaves_no_doubt():
    def parsed(day: str, body: str):
        text = f"{day},区长吴某主持召开区政府常务会议。\n会议审议了{body}。会议要求认真落实。\n"
        return parse_text(text, "<正文年份>")

    m, problems = parsed("6月3日", "《2019年老旧小区改造实施方案》")
    assert m.date == dt.date(2019, 6, 3)
    assert any(p.path == "date" and "正文" in p.message for p in problems)
    # January, closing one year and opening the next: the later one
    m, _ = parsed("1月8日", "2018年工作总结和2019年工作要点")
    assert m.date == dt.date(2019, 1, 8)
    # November with one year named: a draft for next year or this year's review, no telling
    m, problems = parsed("11月20日", "《2019年政府工作报告(初稿)》")
    assert m.date is None and any(p.path == "date" for p in problems)
    # a range and a year of account tell nothing
    m, _ = parsed("6月3日", "《2021-2035年国土空间规划》和2020年度决算")
    assert m.date is None


def test_a_weekly_meeting_named_without_hui_yi_opens_the_minutes():
    text = """(记者 某)8月6日上午,市委常委、常务副市长赵某主持召开市政府第9次招商引资工作周例会,听取各园区进展汇报。
赵某强调,要盯紧在谈项目,逐个明确责任人。
"""
    m, _ = parse_text(text, "<周例会>")
    assert m.session == 9 and m.meeting == "招商引资工作周例会"
    assert m.chair.name == "赵某" and m.chair.title == "常务副市长"


def test_the_leader_who_attends_and_speaks_is_the_chair_when_nobody_presides():
    text = """本报讯(记者 某)3月2日下午,县政府召开全体会,县委副书记、县长刘某出席会议并讲话。
会议强调,要对照年度目标逐项抓好落实。
"""
    m, problems = parse_text(text, "<出席并讲话>")
    assert m.chair.name == "刘某" and m.chair.title == "县长"
    assert m.meeting == "全体会"
    assert any(p.path == "chair" and "出席会议并讲话" in p.message for p in problems)
    # where someone does 主持, the speaker is not the chair
    text = "5月6日,我县召开项目调度会,县长刘某出席会议并讲话,副县长陈某主持会议。\n会议强调,要加快进度。\n"
    m, _ = parse_text(text, "<主持优先>")
    assert m.chair.name == "陈某"


def test_a_meeting_named_just_before_zhaokai_gives_its_kind():
    text = "9月14日,全区重点工程月调度会议召开,对在建工程逐项调度。区长钱某主持会议。\n会议要求,要倒排工期。\n"
    m, _ = parse_text(text, "<会议召开>")
    assert m.meeting == "重点工程月调度会议"
    assert m.chair.name == "钱某"


def test_a_news_item_of_one_paragraph_keeps_what_the_meeting_did_as_its_topic():
    # one sentence: the opening runs on after a comma
    text = "2023年4月6日,区长马某在区政府三楼会议室主持召开区政府第12次常务会议,听取并安排春季防火、汛前检查等工作。\n"
    m, problems = parse_text(text, "<一句>")
    assert m.session == 12 and m.date == dt.date(2023, 4, 6)
    assert m.topics[0].title.startswith("听取并安排春季防火")
    # the chair's words, "她强调，……", follow the opening in the same paragraph
    text = "2月3日,省长孙某主持召开省政府第一次全体会议,部署今年各项工作。她强调,要把目标任务分解到位。\n"
    m, _ = parse_text(text, "<她强调>")
    assert m.session == 1 and m.chair.name == "孙某"
    assert m.topics[0].title.startswith("她强调")


def test_a_study_session_held_with_a_meeting_takes_the_meetings_kind():
    text = "4月2日,县长钱某主持召开县政府党组理论学习中心组学习会议暨党组会议。\n会议传达学习了有关文件精神。\n"
    m, _ = parse_text(f"发布日期:2022-04-03\n{text}", "<学习暨>")
    assert m.meeting == "党组会议" and m.date == dt.date(2022, 4, 2)


def test_a_forums_anti_copy_scraps_are_removed_with_a_note():
    text = """县政府第5次常务会议召开 # q1 S; B& t4 Y* Z
5月9日,县长许某主持召开县政府第5次常务会议。
) k! P4 d( s7 W& n 会议听取了全县防汛准备情况的汇报。会议要求落实值班。
"""
    m, problems = parse_text(f"发布日期:2023-05-10\n{text}", "<防采集>")
    assert m.session == 5 and m.date == dt.date(2023, 5, 9)
    assert m.topics[0].title == "会议听取了全县防汛准备情况的汇报"
    assert any("防采集" in p.message for p in problems)
    # short Latin words and figures of real text are not scraps
    m, _ = parse_text("发布日期:2023-05-10\n5月9日,县长许某主持召开县政府第5次常务会议。\n"
                      "会议听取了 ISO 9001 A B C 认证工作的汇报。\n", "<拉丁字母>")
    assert "ISO 9001 A B C" in m.topics[0].title


def test_yesterday_is_counted_back_from_the_publish_date_and_a_publish_date_alone_dates_nothing():
    body = "会议听取了一季度经济运行情况的汇报。会议要求稳住工业投资。\n"
    m, problems = parse_text(f"发布时间:2021-04-02\n昨日下午,市长冯某主持召开市政府常务会议。\n{body}", "<昨日>")
    assert m.date == dt.date(2021, 4, 1)
    assert any(p.path == "date" and "昨日" in p.message for p in problems)
    # no day in the opening at all: the page's date is when it was posted, not when the meeting sat
    m, problems = parse_text(f"发布时间:2021-04-02\n市长冯某主持召开市政府常务会议。\n{body}", "<无日>")
    assert m.date is None
    assert any(p.path == "date" and "不是开会的日子" in p.message for p in problems)


def test_a_headline_run_into_the_opening_does_not_hide_its_chair_and_session():
    text = ("来源:某某新闻网 王某主持召开省政府常务会议研究春耕工作 记者 某某3月4日,省委副书记、省长王某"
            "主持召开省政府第12次常务会议,研究部署春耕生产等工作。\n会议强调,要稳定粮食播种面积。\n")
    m, _ = parse_text(text, "<标题连写>")
    assert m.session == 12 and m.chair.name == "王某" and m.chair.title == "省长"


def test_what_was_said_at_the_meeting_makes_a_summary_minutes():
    """"会上，……" and the words of a leader the opening names are the meeting's own record."""
    text = ("5月12日下午，县长周某主持召开县政府全体会议。副县长吴某出席会议并讲话。\n"
            "会上，各位副县长汇报了分管领域一季度工作情况。\n"
            "吴某在讲话中指出，要抓好春耕生产和防汛准备。\n")
    m, _ = parse_text(text, "<会上>")
    assert m.chair.name == "周某" and m.meeting.endswith("全体会议")
    assert len(m.topics) == 2 and m.topics[1].title.startswith("吴某在讲话中指出")
    said = ("11月3日上午，市政府召开第八次全体会议，市长郑某出席并讲话。\n郑某说，要全力冲刺四季度目标。\n"
            "副市长王某、李某出席会议。\n")
    assert parse_text(said, "<说>")[0].topics[0].title == "郑某说，要全力冲刺四季度目标"


def test_a_meeting_that_specially_heard_a_report_has_it_as_its_topic():
    text = ("2008年6月2日，市长孙某主持召开市政府第5次常务会议。\n"
            "会议专门听取了市交通局关于城区公交线网调整的汇报。会议同意调整方案。\n")
    m, _ = parse_text(text, "<专门>")
    assert m.topics[0].title == "会议专门听取了市交通局关于城区公交线网调整的汇报"


def test_someone_speaking_who_led_no_part_of_the_meeting_is_not_evidence():
    text = ("2024年1月5日上午，市长张某主持召开座谈会，与企业家代表交流。\n"
            "李某表示，企业将扩大投资。\n")
    with pytest.raises(DocgenError, match="不是一份会议纪要"):
        parse_text(text, "<座谈>")


def test_a_day_or_a_manner_between_the_chair_and_zhuchi():
    text = ("据报道，省长赵某18日下午主持召开省政府常务会议。\n会议听取了全省防汛工作情况的汇报。\n")
    assert parse_text(text, "<日>")[0].chair.name == "赵某"
    text = ("4月9日，县长钱某某通过视频连线方式主持召开县政府第12次常务会议。\n"
            "会议审议了《县城供水保障方案》。\n")
    m, _ = parse_text(text, "<视频>")
    assert (m.chair.name, m.chair.title, m.session) == ("钱某某", "县长", 12)


def test_who_convenes_a_meeting_nobody_chairs_is_its_chair_with_a_warning():
    text = "9月3日，副县长孙某召开全县秋粮收购工作第2次调度会。\n会议听取了各乡镇收购进度汇报。\n"
    m, problems = parse_text(text, "<召开>")
    assert (m.chair.name, m.chair.title) == ("孙某", "副县长")
    assert any(p.path == "chair" and "召开会议" in p.message for p in problems)
    m, _ = parse_text("9月3日，县政府召开秋粮收购工作调度会。\n会议听取了各乡镇收购进度汇报。\n", "<无人>")
    assert m.chair is None


def test_the_number_of_a_meeting_whose_spirit_is_studied_is_not_this_meetings():
    text = ("3月8日，市长李某主持召开市政府常务会议，传达学习省委全面深化改革委员会第五次会议精神。\n"
            "会议听取了市发改委关于重点项目的汇报。\n")
    m, _ = parse_text(text, "<精神>")
    assert m.session is None and m.meeting == "常务会议"
    text = "3月8日，市长李某主持召开市政府第7次常务会议，传达学习省第十次党代会精神。\n会议听取了某项汇报。\n"
    assert parse_text(text, "<两个>")[0].session == 7
    # a list of what is conveyed, its 精神 only at the end: the plenum is not this meeting
    text = ("市政府召开2019年第13次常务会议\n"
            "12月27日上午，市长李某主持召开市政府常务会议，传达省委十三届六次全会、全省城镇建设"
            "工作会议精神，研究经济运行等工作。\n会议听取了全市安全生产工作情况汇报。\n")
    m, _ = parse_text(text, "<全会>")
    assert (m.meeting, m.session, m.term) == ("常务会议", 13, None)


def test_the_date_in_brackets_after_yesterday_and_a_news_sites_stamp():
    text = ("区政府召开第31次常务会议\n来源：区融媒体中心 发布时间：2022-05-16 09:10\n"
            "昨天（5月13日）上午，区政府召开第31次常务会议。区长刘某主持会议。\n"
            "会议听取了区住建局关于老旧小区改造的汇报。\n")
    m, _ = parse_text(text, "<昨天>")
    assert (m.date, m.period, m.session) == (dt.date(2022, 5, 13), "上午", 31)
    stamped = ("2021年09月02日08:30 | 来源：某某日报\n"
               "8月31日，省长周某主持召开省政府常务会议。\n会议研究了秋冬季森林防火工作。\n")
    assert parse_text(stamped, "<戳>")[0].date == dt.date(2021, 8, 31)


def test_a_report_dated_yesterday_where_the_leader_who_spoke_stands_as_chair():
    text = ("本网讯 昨天下午，市政府召开城市更新工作部署会，部署今年的重点任务。市长吴某强调，"
            "要抓紧推进项目。\n吴某指出，各区要压实责任。\n吴某要求，各部门要加强协同。\n")
    m, problems = parse_text(text, "<部署会>")
    assert m.meeting.endswith("部署会") and (m.chair.name, m.chair.title) == ("吴某", "市长")
    assert any(p.path == "chair" and "讲话" in p.message for p in problems)
    assert [t.title[:5] for t in m.topics][-2:] == ["吴某指出，", "吴某要求，"]


def test_one_paragraph_report_split_at_what_the_meeting_heard_and_chaired_at_its_end():
    text = ("本报讯（记者 某某）11月20日晚，市政府召开了第18次常务会议，专门听取了关于"
            "《市区供热价格调整方案》的汇报。孙某指出，要兼顾企业和群众。会议由市长孙某主持，"
            "副市长钱某参加了会议。\n")
    m, _ = parse_text(text, "<专门>")
    assert (m.session, m.chair.name, m.chair.title) == (18, "孙某", "市长")
    assert m.topics[0].title.startswith("专门听取了")


def test_another_meetings_number_in_a_clause_before_the_opening():
    text = ("2月3日上午，市九届人大二次会议刚刚闭幕，市长郑某即主持召开全市重点工作动员部署会，"
            "强调要开局就冲刺、首季开门红。\n")
    m, _ = parse_text(text, "<闭幕>")
    assert m.session is None and (m.chair.name, m.chair.title) == ("郑某", "市长")
    assert m.topics and m.topics[0].title.startswith("强调")


def test_the_meetings_own_name_after_a_year_and_the_organ_before_zhaokai():
    text = "10月10日，我县召开2018年重点项目建设推进会。常务副县长鲁某主持会议。\n会上，通报了各项目进展。\n"
    assert parse_text(text, "<推进会>")[0].meeting == "重点项目建设推进会"
    text = "3月21日，省政府党组召开扩大会议，传达学习有关精神。省长金某主持。\n会议指出，要抓好落实。\n"
    assert parse_text(text, "<扩大>")[0].meeting == "党组扩大会议"


def test_an_autumn_meeting_planning_a_named_year_does_not_give_its_year():
    text = ("9月12日上午，区长马某主持召开区政府第30次常务会议。\n"
            "会议审议了区人社局提交的《关于上报本区2031年事业单位人才招聘计划的请示》。\n")
    m, problems = parse_text(text, "<秋季计划>")
    assert m.date is None and any(p.path == "date" for p in problems)
    text = "5月12日上午，区长马某主持召开区政府第30次常务会议。\n会议审议了《本区2031年人才招聘计划》。\n"
    assert parse_text(text, "<春季计划>")[0].date == dt.date(2031, 5, 12)


def test_a_monthly_meeting_named_for_its_year_and_month_dates_its_day():
    text = ("2月27日下午，县长周某主持召开2031年2月县政府抓落实专题会议。\n"
            "会议听取了各副县长分管领域重点工作完成情况的汇报。\n")
    m, _ = parse_text(text, "<月度>")
    assert m.date == dt.date(2031, 2, 27) and m.meeting.endswith("专题会议")
    text = text.replace("2031年2月", "2031年1月")       # the name's month is not the day's: no year
    assert parse_text(text, "<月份不符>")[0].date is None


def test_a_xiaoxi_dateline_before_the_day_and_the_stamp_gives_its_year():
    text = ("2031-04-04 09:33:32   来源：某某日报   作者：某某\n"
            "日报消息（全媒体记者某某）4月3日下午，市长赵某主持召开市政府第46次常务会议。\n"
            "会议听取了全市防汛工作情况的汇报。\n")
    m, _ = parse_text(text, "<消息>")
    assert (m.date, m.period, m.session) == (dt.date(2031, 4, 3), "下午", 46)


def test_a_headline_repeating_the_opening_dates_it_when_the_openings_date_is_garbled():
    text = ("2031年1月19日下午，区长钱某主持召开区政府常务会议\n"
            "来源：某某区人民政府  发布时间：2031年2月10日\n"
            "2031119下午区长钱某主持召开区政府常务会议。\n"
            "会议听取了区发展改革委关于营商环境行动方案的情况汇报。\n")
    m, problems = parse_text(text, "<标题日期>")
    assert (m.date, m.period) == (dt.date(2031, 1, 19), "下午")
    assert any(p.path == "date" and "标题" in p.message for p in problems)
    other = text.replace("区长钱某主持召开区政府常务会议\n来源", "区长孙某主持召开专题会议\n来源")
    assert parse_text(other, "<另一会议>")[0].date is None


@pytest.mark.parametrize("opening", [
    "某县人民政府于2031年5月8日召开第12次常务会议，研究部署近期重点工作。现将会议议定事项纪要如下：",
    "县政府第12次常务会议于2031年5月8日在县政府三楼会议室召开。会议议定以下事项：",
])
def test_a_meeting_held_on_a_date_with_no_chair_before_it_opens_the_minutes(opening):
    text = opening + "\n一、关于某某项目建设问题\n会议同意加快推进。\n"
    m, problems = parse_text(text, "<于某日召开>")
    assert (m.date, m.session, len(m.topics)) == (dt.date(2031, 5, 8), 12, 1)
    assert any(p.path == "chair" for p in problems)
    # a purpose clause's date is not the meeting's
    later = text.replace("于2031年5月8日", "为落实2031年3月1日会议精神，于近日")
    assert parse_text(later, "<目的>")[0].date is None


def test_paragraphs_after_an_opening_that_names_its_chair_are_topics():
    text = ("2031年5月8日上午，县长某某主持召开县政府第12次常务会议。\n"
            "关于某某项目建设问题。与会人员认为，要加快推进项目建设，确保年底前完工。\n"
            "关于某某工作方案。原则同意该方案，由县发展改革局牵头实施。\n")
    m, problems = parse_text(text, "<无编号>")
    assert (m.session, m.chair.name, len(m.topics)) == (12, "某某", 2)
    unnumbered = text.replace("县政府第12次常务会议", "县长办公会议")
    assert len(parse_text(unnumbered, "<办公会议>")[0].topics) == 2
    # the same paragraphs after a news lead with no meeting in it are still no minutes
    with pytest.raises(DocgenError, match="不是一份会议纪要"):
        parse_text(text.replace("县长某某主持召开县政府第12次常务会议", "全县项目观摩活动在城南举行"), "<新闻>")



def test_a_meeting_named_before_where_it_sat_and_zhaokai_gives_its_kind():
    text = ("10月9日上午，某某县秋收秋种现场调度会议在某某镇召开，对秋收工作再部署。"
            "县委副书记某某某主持会议。\n会议要求，要抢收抢种。\n")
    m, _ = parse_text(text, "<在某地召开>")
    assert m.meeting == "秋收秋种现场调度会议" and m.chair.name == "某某某"
    text = "6月2日，全县防汛工作调度会在县应急指挥中心召开。副县长某某主持会议。\n会议要求，要落实值守。\n"
    m, _ = parse_text(text, "<全县，在某地召开>")
    assert m.meeting == "防汛工作调度会"


def test_a_name_that_starts_with_a_word_of_its_own_keeps_it():
    # "城市" is no place owning the meeting: one character before 市
    text = "6月2日，城市更新工作调度会在市政府召开。副市长某某主持会议。\n会议要求，要加快进度。\n"
    m, _ = parse_text(text, "<城市更新>")
    assert m.meeting == "城市更新工作调度会"


def test_a_news_item_whose_leader_speaks_in_the_opening_paragraph_is_split_at_his_words():
    # one paragraph: the meeting, the mayor's words (by title and name, then by name), who chaired
    text = ("8月5日下午，市政府召开全体（扩大）会议，部署下半年工作。市委副书记、市长某某某说，"
            "上半年全市经济运行总体平稳。某某某强调，要抓好项目建设。市委常委、常务副市长某某主持会议。\n")
    m, problems = parse_text(text, "<讲话分段>")
    assert m.meeting == "全体会议"
    assert (m.chair.name, m.chair.title) == ("某某", "常务副市长")
    assert len(m.topics) >= 2
    assert any(p.path == "topics" and "按句分出" in p.message for p in problems)


def test_words_said_by_nobody_named_with_a_title_do_not_make_minutes():
    text = "8月5日下午，市政府召开全体（扩大）会议。与会人员说，要抓好项目建设。有的同志指出，要落实责任。\n"
    with pytest.raises(DocgenError) as caught:
        parse_text(text, "<无人讲话>")
    assert "不是一份会议纪要" in str(caught.value.problems[0])


@pytest.mark.parametrize("said, session", [
    ("二届一三一次区政府常务会议", 131),        # digit by digit, as some districts count
    ("区政府第一〇五次常务会议", 105),
    ("区政府第十三次常务会议", 13),            # with 十 and 百 the number is read as ever
    ("区政府第一百零五次常务会议", 105),
])
def test_a_session_written_digit_by_digit_is_read_so(said, session):
    text = f"4月27日，区委副书记、区长某某主持召开{said}。\n会议听取了汛期安全工作汇报。\n"
    m, _ = parse_text(text, "<逐位会次>")
    assert m.session == session


def test_the_office_beside_the_header_date_names_the_issuer_also_in_chinese_numerals():
    """"某某县人民政府办公室　二○二三年五月八日" under the number: the 编发 line names the
    office, so the issuer, and with it the office's own profile where one ships."""
    for dated in ("二○二三年五月八日", "2023年5月8日"):
        text = (f"〔2023〕12号\n永康市人民政府办公室　{dated}\n"
                "　　5月4日下午，代市长李某主持召开市长办公会议，研究有关工作。现将会议主要内容纪要如下：\n"
                "　　会议听取了市发改局关于重点项目推进情况的汇报。\n")
        m, _ = parse_text(text, "<编发行>")
        assert (m.issuer, m.profile) == ("永康市人民政府", "yongkang"), dated
        assert m.date == dt.date(2023, 5, 4)


def test_paragraphs_between_the_opening_and_the_topics_keep_their_order():
    """"…参加了会议。现纪要如下：" then "会议指出，……" then "会议议定了如下事项：" above 一、: the
    paragraphs join the opening in the order written, and the last leads into the topics
    (before, "现纪要如下：" was printed after the paragraph that followed it)."""
    text = ("　　3月6日，受副省长李某委托，副秘书长王某主持召开全省物流工作协调会议，研究有关事项。"
            "省有关部门负责同志参加了会议。现纪要如下：\n"
            "　　会议指出，物流是实体经济的筋络，要加快建设现代物流体系。\n"
            "　　会议议定了如下事项：\n"
            "　　一、关于物流枢纽建设\n"
            "　　（一）省发展改革委牵头编制物流枢纽布局方案。\n")
    m, problems = parse_text(text, "<协调会>")
    assert m.preamble.endswith("参加了会议。现纪要如下：会议指出，物流是实体经济的筋络，要加快建设现代物流体系。")
    assert m.decisions_intro == "会议议定了如下事项："
    assert m.topics[0].title == "关于物流枢纽建设"


def test_a_meeting_said_paragraph_between_items_stays_in_its_topic():
    """"会议还要求……" between items (一) and (二) of topic 一 is that topic's (with the usual
    warning); only after the last topic does it close the minutes."""
    text = ("2024年3月5日上午，市长王某主持召开市政府第7次常务会议。会议议定以下意见：\n"
            "一、关于安全生产\n（一）原则同意市应急局的汇报。\n会议还要求各地于6月底前报送落实情况。\n"
            "（二）各地要压实责任。\n二、关于防汛\n（一）市水利局要抓好落实。\n会议还研究了其他事项。\n")
    m, problems = parse_text(text, "<分项之间>")
    assert m.topics[0].body == ["会议还要求各地于6月底前报送落实情况。"]
    assert [i.text for i in m.topics[0].items] == ["原则同意市应急局的汇报。", "各地要压实责任。"]
    assert m.closing == ["会议还研究了其他事项。"]
    assert any("没有编号" in p.message and p.line == 4 for p in problems)


def test_numbers_out_of_sequence_are_warned_of_where_they_stand():
    """一、 then 五、, or a second （三）: the copy may have lost text there, and the render
    will number afresh, so the archivist is told on which line."""
    text = ("2024年3月5日上午，市长王某主持召开市政府第7次常务会议。会议议定以下意见：\n"
            "一、关于安全生产\n（一）原则同意市应急局的汇报。\n（二）各地要压实责任。\n（二）再强调一项。\n"
            "五、关于防汛\n（一）市水利局要抓好落实。\n（二）各区要做好准备。\n")
    m, problems = parse_text(text, "<编号>")
    said = {p.line: p.message for p in problems if p.message.startswith("编号")}
    assert set(said) == {5, 6}
    assert "重复" in said[5] and "“（二）”" in said[5] and "不连续" in said[6] and "“五、”" in said[6]
    assert [t.title for t in m.topics] == ["关于安全生产", "关于防汛"]
