"""The commented draft that ``docgen new`` writes: valid as it stands, explained in Chinese."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .compose import head_title, short_issuer
from .model.profile import Profile


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def draft_text(*, profile: Profile, profile_ref: str, session: int = 1,
               date: dt.date | None = None) -> str:
    """A 纪要 draft with example content that passes ``docgen check``.

    ``profile_ref`` is what the draft's ``profile:`` says (a shipped name or a file path);
    ``profile`` supplies the issuer, the office and the default 分送.
    """
    date = date or dt.date.today()
    day = date.isoformat()
    distribution = profile.distribution or "各市、区人民政府；市各有关部门和单位。"
    head = head_title(profile.issuer)
    term = ""
    if "{term}" in (profile.mark or "") + (profile.issue_line or ""):
        term = ("\n# 届次（别名：届次）：本机关的版头印出届次，如“五届”；不写则不印。\n"
                "term: null\n")
    return f"""\
# 会议纪要草稿（docgen new 生成）
#
# 这是一份可以直接通过检查的示例：把示例内容换成本次会议的内容即可。
#   检查：docgen check 本文件
#   预览：docgen preview 本文件（浏览器中实时显示排版结果，保存即刷新）
#   排版：docgen render 本文件 -o 输出文件夹 --format pdf,docx
#   字段说明：docgen schema 输出 JSON Schema，编辑器可据此补全和检查（见 README）。
#
# 书写规则：
#   - 只用空格缩进（不要用 Tab），同一层的字段左端对齐；
#   - 列表每项以“- ”开头；“键: 值”的英文冒号后要有一个空格；
#   - 文字中含英文冒号“: ”或以 [ {{ & * ! | > ' " % @ ` 开头时，整段加英文双引号；
#   - 编号“一、”“（一）”和“出席：”“记录：”等标签由版式自动生成，不要手写；
#   - 文字按原样排版，标点、用词不会被改动；
#   - 每个英文字段名也可以写中文别名，如 date 写作“日期”、topics 写作“议题”，
#     同一字段只能写一次。

# 版式：机关的固定信息（发文机关、版头、默认分送、字体），见 docgen/profiles/。
profile: {_q(profile_ref)}

# 发文机关（别名：发文机关）。缺省取版式中的设置。
issuer: {_q(profile.issuer)}

# 会议名称（别名：会议），与发文机关合成纪要标志“{profile.issuer}常务会议纪要”。
meeting: 常务会议

# 第几次会议（别名：次、会次），只写数字。届次前缀如“十三届”写在 term（别名：届次）。
session: {session}
{term}
# 纪要编号（别名：纪要编号），没有编号就保持 null。
doc_number: null

# 会议日期（别名：日期），写作 年-月-日。
date: {day}

# 时段（别名：时段）：上午、下午或晚上，可省略。
period: 上午

# 主持人（别名：主持）：姓名（别名：姓名）和职务（别名：职务）。
chair:
  name: 张三
  title: {head}

# 开头段落（别名：开头）。写了就按原文排印；省略时由日期、时段、主持人、会次和议题标题
# 自动生成，如本草稿会生成：
#   {date.year}年{date.month}月{date.day}日上午，张三{head}主持召开{short_issuer(profile.issuer)}第{session}次常务会议，审议《关于进一步支持中小企业发展的若干意见》，
#   听取全市安全生产工作情况的汇报。
# 自动生成只认三种议题标题：“传达……”（整句照录）、“审议《……》”（书名号连写）、
# “听取……的汇报”（合并为一句“听取……、……的汇报”）；其他写法的标题请自己写开头段落。
# preamble: "{date.year}年{date.month}月{date.day}日上午，张三{head}主持召开……"

# 议题前的引导语（别名：议定）。
decisions_intro: 会议议定以下意见：

# 议题（别名：议题）：每个议题有标题（别名：标题），以及
#   items（别名：分项）：编号的分项（（一）（二）……），分项下还可以再分 1. 和（1）两级；
#   或 body（别名：正文、段落）：不编号的段落。
topics:
  - title: 听取全市安全生产工作情况的汇报
    items:
      - 原则同意市应急局关于全市安全生产工作情况的汇报。
      - 各地各部门要压紧压实安全生产责任，全面排查和消除风险隐患。
      # 分项下再分层级时，写成 text（别名：内容）加 items：
      - text: 市应急局要会同有关部门抓好以下工作：
        items:
          - 开展重点行业领域专项检查。
          - 做好汛期安全防范工作。

  - title: 审议《关于进一步支持中小企业发展的若干意见》
    items:
      - 原则同意《关于进一步支持中小企业发展的若干意见》，由市工业和信息化局根据会议讨论意见修改完善后按程序印发。
      - 各地各部门要抓好政策落实，及时协调解决企业遇到的困难和问题。

# 议题之后的段落（别名：结尾），如“会议还研究了其他事项。”，可省略。
# closing:
#   - 会议还研究了其他事项。

# 出席情况（别名：出席情况）。网上公开的纪要没有这一部分，可整段省略。
attendance:
  # 出席（别名：出席）：姓名照写，不要加空格对齐，对齐由版式处理。
  present: [张三, 李四, 王五]
  # 请假（别名：请假）：可只写姓名，也可写明事由（别名：事由）。
  on_leave:
    - name: 赵六
      reason: 出差
  # 列席（别名：列席）：个人写姓名；同一单位的多人写成 单位（别名：单位）加 人员（别名：人员）。
  attending:
    - 钱七
    - unit: 市应急局
      names: [孙八, 周九]
  # 列席单位的代表（别名：代表单位），排印为“……的代表”。
  representatives_of: [市发展改革委, 市财政局]

# 记录人（别名：记录）。
recorder: 吴十

# 整理单位（别名：整理）和整理日期（别名：整理日期），可省略。
compiled_by: {_q(profile.office_of(profile.issuer))}
compiled_date: {day}

# 公开属性（别名：公开），括号由版式添加。
disclosure: 此件公开发布

# 分送（别名：分送；写作“抄送”或“主送”时，版记中也印作该标签）。
distribution: {_q(distribution)}

# 印发（别名：印发）：印发机关（别名：印发机关）和印发日期，印发日期不能早于会议日期。
printed:
  by: {_q(profile.office_of(profile.issuer))}
  date: {day}
"""


def _top_level(path: Path) -> dict | None:
    """The top-level mapping of a YAML file, or None when it is not one docgen can read."""
    from .errors import DocgenError
    from .model.source import read_text
    from .model.yamlnodes import parse_yaml
    try:
        data, _ = parse_yaml(read_text(path, limit=1024 * 1024), str(path))
    except (DocgenError, OSError):
        return None
    return data if isinstance(data, dict) else None


def _field(data: dict, name: str) -> object:
    from .model.aliases import ALIASES
    for key, value in data.items():
        if key == name or ALIASES.get(str(key)) == name:
            return value
    return None


def next_session(folder: Path, *, meeting: str = "常务会议",
                 exclude: Path | None = None) -> tuple[int, Path] | None:
    """(highest session + 1, the file it came from) among the minutes YAML in ``folder``.

    Only files of the same meeting (常务会议 by default) count; files that are not minutes
    (or do not parse) are skipped quietly. None when there is nothing to go by.
    """
    best: tuple[int, Path] | None = None
    if not folder.is_dir():
        return None
    skip = exclude.resolve() if exclude else None
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        if (skip is not None and path.resolve() == skip) or not path.is_file():
            continue                      # a FIFO or device named *.yaml would block the read
        data = _top_level(path)
        if data is None:
            continue
        session = _field(data, "session")
        if not isinstance(session, int) or isinstance(session, bool) or session < 1:
            continue
        if str(_field(data, "meeting") or "常务会议") != meeting:
            continue
        if best is None or session > best[0]:
            best = (session, path)
    return (best[0] + 1, best[1]) if best else None
