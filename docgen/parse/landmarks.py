"""The lines that open the parts after the topics, so each stage knows where its part ends.

Topics run until the first of them; attendance (出席：/请假：/列席：) until 记录：, the
版记 or the unlabelled tail ("…整理", the date, "（此件公开发布）"); on a web page the
footer (关闭, 打印, ICP备 …) ends everything.
"""

from __future__ import annotations

import re

from ..layout.blocks import ATTENDANCE_LABELS
from ..model.minutes import DISTRIBUTION_LABELS
from .dates import FULL_DATE, PRINTED_DATE
from .text import Para, normalize_spaces

LABELS = re.compile(rf"^({'|'.join(ATTENDANCE_LABELS.values())})\s*[：:]")
RECORDER = re.compile(r"^记\s*录\s*[：:]\s*(?P<who>.*)$")
COMPILED = re.compile(r"^(?P<by>.{2,30}?)整理$")
DISCLOSURE = re.compile(r"^[（(](?P<text>[^（）()]{2,30})[）)]$")
DISTRIBUTION = re.compile(rf"^(?P<label>{'|'.join(DISTRIBUTION_LABELS)})\s*[：:]\s*(?P<text>.*)$")
PRINTED = re.compile(rf"^(?P<by>.+?)[\s\u3000]*(?P<date>{PRINTED_DATE})\s*印\s*发$")
# "主办单位：公主岭市人民政府" in a site's footer: whose site it is, the issuer's where
# nothing in the text names one.
SITE_HOST = re.compile(r"主办(?:单位)?\s*[：:]\s*(?P<office>[\u4e00-\u9fff]{2,30}?人民政府(?:办公室|办公厅)?)")
# The line that leads into the topics: "会议议定以下意见：", "现纪要如下：", "会议研究了以下事项".
INTRO = re.compile(r"^(?:会议(?:议定|研究|决定|确定|明确|讨论|同意|认为|要求)[^。，,]{0,14}"
                   r"|(?:现将)?[^。，,]{0,18}纪要如下|会议(?:研究)?(?:了)?以下事项)[：:]?$")
# What a site puts under the article: it ends the minutes. A bullet or bracket may lead
# ("• ( 责任编辑: )"); the page's widgets come in many names ("扫码在手机打开当前页", "手机阅读",
# "下载、打印", "解读/图解", "相关解读：…图解", "最佳分辨率", the petition channels "微信信访").
FOOTER = re.compile(r"^[【\[•·（(\s]*(?:关闭|打印|分享|收藏|扫一扫|扫码|上一篇|下一篇|"
                    r"相关(?:链接|文章|阅读|信息|解读|新闻)|(?:政策|会议)?解读\s*[/／：:]|图解\s*[/／：:]|"
                    r"手机(?:阅读|版|浏览|打开)|下载\s*[、，,]?\s*打印|最佳分辨率|建议使用.{0,12}浏览器|"
                    r"(?:微信|APP|短信|网上)信访|"
                    r"责任编辑|主办|承办|版权|网站标识码|网站地图|联系我们|字体|字号|返回顶部|"
                    r"附件下载|政府网站|.{0,10}ICP备|.{0,10}公网安备|访问量|浏览次数|互联网违法|.{0,10}不良信息举报)")


def tail_start(p: Para) -> bool:
    """A labelled line or the 版记: the topics are over."""
    text = p.plain
    return bool(LABELS.match(text) or RECORDER.match(text) or DISTRIBUTION.match(text)
                or PRINTED.match(text) or p.zone == "colophon")


def plain_tail(p: Para) -> bool:
    """"…整理", the date or "（此件公开发布）": the tail without labels."""
    text = p.plain
    return bool(COMPILED.match(text) and len(text) <= 32 and "。" not in text) or \
        bool(FULL_DATE.match(text)) or bool(DISCLOSURE.match(text) and "公开" in text)


def tail_known(p: Para) -> bool:
    """A line that starts something else, so a 分送 list wrapped onto more lines stops here."""
    text = p.plain
    return bool(RECORDER.match(text) or DISTRIBUTION.match(text) or PRINTED.match(normalize_spaces(p.text))
                or LABELS.match(text) or FOOTER.match(text))
