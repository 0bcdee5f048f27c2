"""The rules audit checks, each with its clause of GB/T 9704-2012."""

from __future__ import annotations

from .findings import Rule

PAPER = Rule("page.size", "§5.1", "幅面尺寸（A4）")
MARGINS = Rule("page.margins", "§5.2.1", "版心位置（页边距）")
CHARS = Rule("page.chars", "§5.2.3", "每行字数")
LINES = Rule("page.lines", "§5.2.3", "每面行数")
BODY_SIZE = Rule("body.size", "§5.2.2、§7.3.3", "正文字号（三号）")
BODY_FACE = Rule("body.face", "§5.2.2、§7.3.3", "正文字体（仿宋）")
MARK_COLOUR = Rule("header.mark.colour", "§10.3", "纪要标志颜色（红色）")
MARK_SIZE = Rule("header.mark.size", "§10.3", "纪要标志字号")
MARK_POSITION = Rule("header.mark.position", "§10.3", "纪要标志位置（上边缘距版心上边缘 35 mm）")
MARK_MISSING = Rule("header.mark.missing", "§10.3", "纪要标志")
COLOPHON_PAGE = Rule("colophon.page", "§7.4、§7.5", "版记在偶数页")
COLOPHON_FOOT = Rule("colophon.foot", "§7.4.1", "版记在版心下边缘")
FOLIO_SIDE = Rule("folio.side", "§7.5", "页码位置（单页居右、双页居左，空一字）")
FOLIO_HEIGHT = Rule("folio.height", "§7.5", "页码高度（一字线上距版心下边缘 7 mm）")
FOLIO_MISSING = Rule("folio.missing", "§7.5", "页码")
FOLIO_EXTRA = Rule("folio.extra", "§7.5", "空白页、版记页不编页码")
FOLIO_SIZE = Rule("folio.size", "§7.5", "页码字号（四号）")
NUMBERING = Rule("body.numbering", "§7.3.3", "结构层次序数（一、二、……依次排列，不跳号）")
HEADING_FACE = Rule("body.heading.face", "§7.3.3", "层次标题字体（一级黑体、二级楷体）")
INDENT = Rule("body.indent", "§7.3.3", "段首左空二字")
PUNCTUATION = Rule("body.punctuation", "GB/T 15834", "中文中用全角标点", advisory=True)
OVERFLOW = Rule("page.overflow", "§5.2.1", "文字不超出版心")
ATTENDANCE = Rule("body.attendance", "§10.3", "出席、请假、列席名单（左空二字，黑体标签，回行与冒号后首字对齐）")
PRINTED = Rule("colophon.printed", "§7.4.3", "印发机关和印发日期（左右各空一字，日期用阿拉伯数字）")
HEADER_RULE = Rule("header.rule", "§7.2.4", "版头中的分隔线（红色，与版心等宽）")
COLOPHON_RULES = Rule("colophon.rules", "§7.4.1", "版记分隔线（首末条粗线、中间细线，与版心等宽）")
