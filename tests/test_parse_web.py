"""Web-published copies (../shared/spec/variants.md): navigation before the title, the
"市政府第N次常务会议纪要" and "常务会议纪要〔YYYY〕N号" lines, a 时间/来源 line, half-width
punctuation, a missing colon, a date without a year, text cut off mid-sentence.

The texts are written for these tests following the variants document; they check what a
reader of a web copy needs: session, date, period, chair, 纪要编号, the first topic and its items.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from docgen.errors import DocgenError
from docgen.parse.api import parse_text


def parse(text: str):
    return parse_text(textwrap.dedent(text).strip("\n"), "<网页>")


def messages(problems) -> str:
    return "\n".join(str(p) for p in problems)


WEB_2022 = """
    首页 > 政务公开 > 政府信息公开 > 会议纪要
    【字体：大 中 小】 打印本页
    市政府第12次常务会议纪要
    常务会议纪要〔2022〕12号
    时间：2022-06-02 来源：苏州市人民政府办公室
    5月18日下午，吴庆文市长主持召开市政府第12次常务会议，审议《苏州市城市更新试点实施方案》，听取全市安全生产工作情况的汇报。会议议定以下意见:
    一、审议《苏州市城市更新试点实施方案》
    (一)原则同意《苏州市城市更新试点实施方案》。由市住建局根据本次会议讨论意见修改完善后按程序印发。
    (二)各地各部门要提高思想认识,加强统筹协调,确保2022年底前完成试点任务。
    二、听取全市安全生产工作情况的汇报
    (一)原则同意市应急局关于全市安全生产工作情况的汇报。
    (二)各地要压紧压实安全生产责任，全面排查和消除风险隐患。
    会议还研究了其他事项。
    【打印本页】【关闭窗口】
    扫一扫在手机打开当前页
"""


def test_web_copy_with_navigation_and_number():
    m, problems = parse(WEB_2022)
    assert m.session == 12 and m.meeting == "常务会议"
    assert m.doc_number == "常务会议纪要〔2022〕12号"
    assert m.date == dt.date(2022, 5, 18)
    assert m.period == "下午"
    assert (m.chair.name, m.chair.title) == ("吴庆文", "市长")
    assert m.topics[0].title == "审议《苏州市城市更新试点实施方案》"
    assert m.topics[0].items[0].text == ("原则同意《苏州市城市更新试点实施方案》。"
                                         "由市住建局根据本次会议讨论意见修改完善后按程序印发。")
    # half-width commas are the copy's, kept and warned about
    assert m.topics[0].items[1].text == "各地各部门要提高思想认识,加强统筹协调,确保2022年底前完成试点任务。"
    assert len(m.topics) == 2 and len(m.topics[1].items) == 2
    assert m.closing == ["会议还研究了其他事项。"]
    assert m.issuer == "苏州市人民政府"          # from the 来源 line
    assert m.attendance is None and m.printed is None
    text = messages(problems)
    assert "第6行，字段 date：会议日期没有写年份，年份 2022 取自发布日期" in text
    assert "topics[0].items[1]" in text and "半角" in text
    assert "标题前" in text                    # the navigation lines were dropped, with a note
    assert "没有版记" in text


WEB_TRUNCATED = """
    苏州市人民政府
    市政府第35次常务会议纪要
    常务会议纪要[2013]9号
    发布日期：2013年07月05日  来源：市政府办公室
    2013年6月27日上午，周乃翔市长主持召开十三届市政府第35次常务会议，听取全市重点项目推进情况的汇报，审议《苏州市生活垃圾分类促进办法（草案）》。会议议定以下意见
    一、听取全市重点项目推进情况的汇报
    (一)原则同意市发改委关于全市重点项目推进情况的汇报。
    (二)各地要加快推进项目前期工作，对列入计划的36个项目实行清单管理。
    二、审议《苏州市生活垃圾分类促进办法（草案）》
    (一)原则同意《苏州市生活垃圾分类促进办法（草案）》。由市城管局根据本次会议讨论意见
"""


def test_truncated_copy_with_term_and_square_brackets():
    m, problems = parse(WEB_TRUNCATED)
    assert m.session == 35 and m.term == "十三届"
    assert m.doc_number == "常务会议纪要〔2013〕9号"
    assert m.date == dt.date(2013, 6, 27) and m.period == "上午"
    assert (m.chair.name, m.chair.title) == ("周乃翔", "市长")
    assert m.decisions_intro == "会议议定以下意见"        # verbatim, colon missing
    assert m.topics[0].title == "听取全市重点项目推进情况的汇报"
    assert [i.text for i in m.topics[0].items] == [
        "原则同意市发改委关于全市重点项目推进情况的汇报。",
        "各地要加快推进项目前期工作，对列入计划的36个项目实行清单管理。"]
    # the cut-off sentence is kept as it is
    assert m.topics[1].items[0].text == "原则同意《苏州市生活垃圾分类促进办法（草案）》。由市城管局根据本次会议讨论意见"
    text = messages(problems)
    assert "缺少冒号" in text and "decisions_intro" in text
    assert "句中" in text and "topics[1].items[0]" in text
    assert "〔2013〕" in text                    # the [2013] spelling is reported


WEB_CHINESE_NUMERALS = """
    政府信息公开 / 会议纪要
    四届五十一次常务会议纪要
    二○一一年十月十七日上午，区长张建华主持召开区政府四届五十一次常务会议。会议研究了以下事项：
    一、教育项目：
    会议同意新建实验小学，总投资1.2亿元，2012年秋季开学。
    二、关于城区道路改造有关问题
    （一）原则同意区建设局提出的改造方案。
    （二）区财政局要做好资金保障。
"""


def test_chinese_numerals_term_and_body_topics():
    m, problems = parse(WEB_CHINESE_NUMERALS)
    assert m.date == dt.date(2011, 10, 17) and m.period == "上午"
    assert m.session == 51 and m.term == "四届"
    assert (m.chair.name, m.chair.title) == ("张建华", "区长")
    assert m.decisions_intro == "会议研究了以下事项："
    assert m.topics[0].title == "教育项目："
    assert m.topics[0].body == ["会议同意新建实验小学，总投资1.2亿元，2012年秋季开学。"]
    assert [i.text for i in m.topics[1].items] == ["原则同意区建设局提出的改造方案。", "区财政局要做好资金保障。"]


WEB_HTML = """
    <div class="nav">首页 &gt; 会议纪要</div>
    <h1>市政府第7次常务会议纪要</h1>
    <p>常务会议纪要〔2024〕7号</p>
    <p>时间：2024-03-01&nbsp;&nbsp;来源：苏州市人民政府办公室</p>
    <p>&nbsp;&nbsp;2月26日下午，吴庆文市长主持召开市政府第7次常务会议，审议《关于推进&ldquo;人工智能+&rdquo;行动的实施意见》。</p>
    <p>会议议定以下意见：</p>
    <p>一、审议《关于推进&ldquo;人工智能+&rdquo;行动的实施意见》</p>
    <p>（一）原则同意《关于推进&ldquo;人工智能+&rdquo;行动的实施意见》。</p>
    <p>（二）到2026年，全市人工智能核心产业规模突破1000亿元。</p>
    <div class="footer">主办：苏州市人民政府办公室 网站标识码3205000001</div>
"""


def test_html_remnants():
    m, problems = parse(WEB_HTML)
    assert m.session == 7 and m.doc_number == "常务会议纪要〔2024〕7号"
    assert m.date == dt.date(2024, 2, 26) and m.period == "下午"
    assert m.topics[0].title == "审议《关于推进“人工智能+”行动的实施意见》"
    assert [i.text for i in m.topics[0].items] == [
        "原则同意《关于推进“人工智能+”行动的实施意见》。", "到2026年，全市人工智能核心产业规模突破1000亿元。"]
    assert m.decisions_intro == "会议议定以下意见："


def test_year_from_number_when_no_publish_line():
    text = """
        市政府第3次常务会议纪要
        常务会议纪要〔2021〕3号
        1月28日上午，李亚平市长主持召开市政府第3次常务会议。
        会议议定以下意见：
        一、听取全市春节期间安全生产工作安排的汇报
        （一）原则同意市应急局关于春节期间安全生产工作安排的汇报。
    """
    m, problems = parse(text)
    assert m.date == dt.date(2021, 1, 28)
    assert "纪要编号" in messages(problems)


def test_hard_wrapped_web_copy_is_joined():
    """A copy that kept the printed line breaks (no blank lines, trailing spaces lost)."""
    text = (
        "2020年4月29日上午，李亚平市长主持召开市政府第96次常务会议，\n"
        "传达贯彻国务院召开的江苏省安全生产专项整治集中督导推进会及\n"
        "续会会议精神。\n"
        "会议议定以下意见：\n"
        "一、传达贯彻国务院召开的江苏省安全生产专项整治集中督导推进\n"
        "会及续会会议精神\n"
        "（一）原则同意市应急局关于一季度安全生产情况及下一阶段安全生\n"
        "产工作安排的汇报。\n"
    )
    m, _ = parse_text(text, "<wrapped>")
    assert m.preamble.endswith("推进会及续会会议精神。")
    assert m.topics[0].title == "传达贯彻国务院召开的江苏省安全生产专项整治集中督导推进会及续会会议精神"
    assert m.topics[0].items[0].text == "原则同意市应急局关于一季度安全生产情况及下一阶段安全生产工作安排的汇报。"


def test_page_numbers_and_page_starts_are_dropped():
    text = (
        " 2020 年 4月 29 日上午，李亚平市长主持召开市政府第 96次\n\n"
        "常务会议，听取一季度安全生产情况的汇报。 \n\n"
        "会议议定以下意见： \n\n"
        "一、听取一季度安全生产情况的汇报 \n\n"
        "（一）原则同意市应急局关于一季度安全生产情况及下一阶\n\n"
        "— 2 —\n\n"
        " 段安全生产工作安排的汇报。 \n\n"
        "-3-\n"
    )
    m, _ = parse_text(text, "<pages>")
    assert m.session == 96 and m.date == dt.date(2020, 4, 29)
    assert m.topics[0].items[0].text == "原则同意市应急局关于一季度安全生产情况及下一阶段安全生产工作安排的汇报。"


@pytest.mark.parametrize("text", [
    "这是一篇普通的新闻稿。\n今天天气晴朗，市民出游踊跃。\n",
    "首页 > 政务公开\n【关闭窗口】\n",
])
def test_not_minutes(text):
    with pytest.raises(DocgenError) as info:
        parse_text(text, "<新闻>")
    assert "不是一份会议纪要" in str(info.value)


WEB_METADATA_TABLE = """
    当前位置：首页 > 政府信息公开 > 政府文件
    索引号：014000319/2023-00056  发布机构：苏州市人民政府办公室  生成日期：2023-01-10
    文号：常务会议纪要〔2023〕1号  体裁：会议纪要  公开方式：主动公开
    苏州市人民政府第十七次常务会议纪要
    12月29日上午，市委副书记、市长吴庆文主持召开市政府第十七次常务会议，听取全市冬春季安全生产工作情况的汇报。会议议定以下意见：
    一、听取全市冬春季安全生产工作情况的汇报
    （一）原则同意市应急局关于全市冬春季安全生产工作情况的汇报。
    （二）各地各部门要紧盯岁末年初重点时段，扎实做好各项安全防范工作。
    相关链接
    苏州市人民政府办公室主办
"""


def test_metadata_table_and_chinese_session():
    m, problems = parse(WEB_METADATA_TABLE)
    assert m.doc_number == "常务会议纪要〔2023〕1号"
    assert m.session == 17
    # 12月29日 published 2023-01-10: the meeting was in the year before
    assert m.date == dt.date(2022, 12, 29) and m.period == "上午"
    assert (m.chair.name, m.chair.title) == ("吴庆文", "市长")
    assert m.issuer == "苏州市人民政府"
    assert m.topics[0].title == "听取全市冬春季安全生产工作情况的汇报"
    assert len(m.topics[0].items) == 2 and m.closing == []
    assert "页脚" in messages(problems)


def test_unnumbered_topics():
    text = """
        区政府第8次常务会议纪要
        2019年3月5日上午，区长王明主持召开区政府第8次常务会议。
        会议听取了区教育局关于学前教育三年行动计划的汇报。会议要求，各街道要落实用地保障。
        会议审议了《区老旧小区改造实施方案》。会议原则同意该方案，由区住建局按程序印发。
    """
    m, problems = parse(text)
    assert m.session == 8 and m.date == dt.date(2019, 3, 5)
    assert [t.title for t in m.topics] == ["会议听取了区教育局关于学前教育三年行动计划的汇报",
                                           "会议审议了《区老旧小区改造实施方案》"]
    assert m.topics[1].body == ["会议原则同意该方案，由区住建局按程序印发。"]
    assert "没有编号" in messages(problems)


def test_a_topic_of_one_sentence_followed_by_its_decisions_prints_its_title_once():
    text = ("　　2024年2月6日，县长李明主持召开县政府第3次常务会议，副县长王强、张丽出席会议。\n"
            "　　会议听取关于全县春耕备耕工作情况的汇报。\n"
            "　　会议议定，原则同意县农业农村局的汇报，由县农业农村局抓好落实，确保春耕生产顺利推进。\n"
            "　　会议审议《县城燃气管道更新改造方案》。\n"
            "　　会议还研究了其他事项。\n")
    m, problems = parse_text(text, "<网页>")
    assert [t.title for t in m.topics] == ["会议听取关于全县春耕备耕工作情况的汇报",
                                           "会议审议《县城燃气管道更新改造方案》"]
    assert m.topics[0].body == ["会议议定，原则同意县农业农村局的汇报，由县农业农村局抓好落实，确保春耕生产顺利推进。"]
    # a topic of its sentence alone keeps the sentence as its content
    assert m.topics[1].body == ["会议审议《县城燃气管道更新改造方案》。"]
    assert m.closing == ["会议还研究了其他事项。"]


@pytest.mark.parametrize("widget", ["• ( 责任编辑: )", "扫码在手机打开当前页", "手机阅读", "下载、打印",
                                    "解读/图解 unscramble", "相关解读：区政府第5次常务会议图解",
                                    "最佳分辨率 : 1920*1080 1366*768", "微信信访"])
def test_the_widgets_under_the_article_end_the_minutes(widget):
    text = ("　　5月6日下午，区长王某主持召开区政府第5次常务会议，副区长李某出席会议。\n"
            "　　会议听取了区教育局关于学前教育三年行动计划的汇报，会议要求各街道落实用地保障。\n"
            "　　会议还研究了其他事项。\n"
            f"{widget}\n区委书记 张某 13800000000\n区　长 王某 13900000000\n")
    m, problems = parse_text(text, "<网页>")
    assert [t.title for t in m.topics] == ["会议听取了区教育局关于学前教育三年行动计划的汇报，会议要求各街道落实用地保障"]
    assert m.closing == ["会议还研究了其他事项。"]
    assert "网页页脚" in messages(problems)


def test_an_opening_that_holds_all_the_meeting_did_is_split_before_the_stock_last_line():
    text = ("　　11月18日下午，区长王某主持召开区政府第18次常务会议，传达学习省委全会精神，"
            "听取区民政局关于养老服务工作的汇报，研究冬季供暖保障工作。\n"
            "　　会议还研究了其他事项。\n")
    m, problems = parse_text(text, "<网页>")
    assert m.topics and all("其他事项" not in t.title for t in m.topics)
    assert m.closing == ["会议还研究了其他事项。"]


def test_news_about_a_meeting_is_not_minutes():
    text = "2024年1月5日上午，市长张三主持召开座谈会，与企业家代表交流。\n会场气氛热烈，大家畅所欲言。\n"
    with pytest.raises(DocgenError) as info:
        parse_text(text, "<新闻>")
    assert "不是一份会议纪要" in str(info.value)


def test_title_and_number_on_one_line():
    text = """
        市政府第20次常务会议纪要　常务会议纪要〔2023〕20号
        发布时间：2023-09-12  信息来源：市政府办公室  浏览次数：356
        2023年9月4日下午，吴庆文市长主持召开市政府第20次常务会议。会议议定以下意见：
        一、审议《苏州市促进民营经济高质量发展若干措施》
        (一)原则同意《苏州市促进民营经济高质量发展若干措施》。
    """
    m, problems = parse(text)
    assert (m.session, m.doc_number, m.date, m.period) == (20, "常务会议纪要〔2023〕20号", dt.date(2023, 9, 4), "下午")
    assert m.decisions_intro == "会议议定以下意见："
    assert m.preamble == "2023年9月4日下午，吴庆文市长主持召开市政府第20次常务会议。"
    assert m.topics[0].items[0].text == "原则同意《苏州市促进民营经济高质量发展若干措施》。"


def test_delegated_chair_and_arabic_items():
    text = """
        2021年7月2日下午，副市长王飏受李亚平市长委托主持召开市政府专题会议，研究城市更新工作。会议纪要如下：
        一、关于城市更新试点
        1.原则同意市住建局提出的试点方案。
        2.各区要在8月底前报送试点项目清单。
        二、关于资金保障
        1.市财政局要统筹安排专项资金。
    """
    m, problems = parse(text)
    assert (m.chair.name, m.chair.title) == ("王飏", "副市长")
    assert m.meeting == "专题会议" and m.session is None
    assert m.decisions_intro == "会议纪要如下："
    assert [i.text for i in m.topics[0].items] == ["原则同意市住建局提出的试点方案。", "各区要在8月底前报送试点项目清单。"]
    assert "跳级" not in messages(problems)


def test_summary_above_the_title_is_not_the_opening():
    text = """
        摘要：5月18日下午，吴庆文市长主持召开市政府第12次常务会议。
        市政府第12次常务会议纪要
        常务会议纪要〔2022〕12号
        时间：2022-06-02
        5月18日下午，吴庆文市长主持召开市政府第12次常务会议，审议《苏州市城市更新试点实施方案》。
        会议议定以下意见：
        一、审议《苏州市城市更新试点实施方案》
        （一）原则同意《苏州市城市更新试点实施方案》。
    """
    m, problems = parse(text)
    assert m.preamble == "5月18日下午，吴庆文市长主持召开市政府第12次常务会议，审议《苏州市城市更新试点实施方案》。"
    assert (m.session, m.doc_number, m.date) == (12, "常务会议纪要〔2022〕12号", dt.date(2022, 5, 18))
    assert [i.text for i in m.topics[0].items] == ["原则同意《苏州市城市更新试点实施方案》。"]


def test_pinyin_glosses_are_removed():
    text = """
        2019年3月5日上午，李亚平市长主持召开市政府第8次常务会议。
        会议议定以下意见：
        一、听取全市营商环境(huán jìng)工作情况的汇报
        （一）原则同意市发改委关于营商环境工作情况的汇报。各区(qū)要抓好落实。
    """
    m, problems = parse(text)
    assert m.topics[0].title == "听取全市营商环境工作情况的汇报"
    assert m.topics[0].items[0].text == "原则同意市发改委关于营商环境工作情况的汇报。各区要抓好落实。"
    assert "拼音" in messages(problems)


def test_the_sites_host_in_the_footer_names_the_issuer_when_nothing_else_does():
    text = ("　　1月6日下午，常务副市长王某主持召开市政府2019年第1次常务会议。\n"
            "　　会议听取了市发改局关于全市重点项目的汇报，会议要求各部门抓好落实。\n"
            "　　会议还研究了其他事项。\n"
            "  • ( 责任编辑: )\n主办单位：公主岭市人民政府　办公地址：某某路1号\n")
    m, problems = parse_text(text, "<网页>")
    assert m.issuer == "公主岭市人民政府" and m.closing == ["会议还研究了其他事项。"]
