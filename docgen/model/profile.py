"""Profiles: what an office repeats in every document (issuer, header, fonts, colours)."""

from __future__ import annotations

import difflib
import os
import re
import string
from pathlib import Path

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from ..errors import DocgenError
from .minutes import Number, OptionalText, Text, Whole
from .numbering import STYLE_FAMILY
from .source import read_text
from .yamlnodes import parse_yaml

PROFILE_DIR = Path(__file__).resolve().parent.parent / "profiles"
# What each text template of a profile may name (build_document fills them in).
PLACEHOLDERS = {"mark": {"issuer", "meeting"}, "issue_line": {"session", "term", "doc_number"},
                "office": {"issuer"}}
# The 纪要标志's size. GB/T 9704 leaves it to the office; printed marks run from 二号 (22 pt)
# to about 40 pt. 16 pt (三号) is the body size, below which it is no mark; at 72 pt the
# mark, which starts 35 mm into the 版心, just clears the 期号 of the usual 12-line header.
MARK_SIZE_PT = (16.0, 72.0)
# Horizontal scale of the mark: never widened; 0.3 is about Word's narrowest preset (33 %),
# below which the strokes of 小标宋 run together.
MARK_SCALE = (0.3, 1.0)
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
# A font name is written into DOCX attributes and quoted in the HTML's CSS: no quotes,
# backslashes, braces, semicolons, angle brackets or line breaks, which no real family has.
FONT_NAME = re.compile(r"[^\s\"'\\{};<>][^\n\r\"'\\{};<>]*")


class FontNames(BaseModel):
    """Family names written into the DOCX (what Word/WPS on government PCs resolve)."""

    model_config = ConfigDict(extra="forbid")
    fangsong: Text = "仿宋_GB2312"
    hei: Text = "黑体"
    kai: Text = "楷体_GB2312"
    xiaobiaosong: Text = "方正小标宋简体"
    song: Text = "宋体"
    latin: Text = "Times New Roman"

    @field_validator("*")
    @classmethod
    def _plain_name(cls, value: str) -> str:
        """A family name reaches DOCX and CSS as is; keep it to what a family name holds."""
        if not FONT_NAME.fullmatch(value):
            raise ValueError("字体名称不能含引号、反斜杠、花括号、分号、尖括号或换行")
        return value


MarkerStyle = Literal["一、", "（一）", "1.", "1、", "（1）", ""]
Numerals = Literal["arabic", "chinese"]
# What page 1's 版头 prints: the red 纪要标志 and red rule; the mark as a black title with no
# rule (internal minutes); or nothing where the mark and rule go, for paper that has them
# pre-printed (套打). The 期号 and 编发 line, and every body line, keep their grid lines.
Masthead = Literal["red", "black", "blank"]


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Text
    issuer: Text = Field(description="发文机关，如 苏州市人民政府")
    office: Text = Field(description="编发单位，如 苏州市人民政府办公室；{issuer} 会被替换")
    mark: Text = Field("{issuer}{meeting}纪要", description="纪要标志；{issuer} {meeting} 会被替换")
    issue_line: OptionalText | None = Field(
        "第{session}次", description="纪要标志下的期号行；{session} {term} {doc_number} 会被替换")
    office_line: bool = Field(True, description="期号下印“编发单位 … 日期”一行")
    red_rule: bool = True
    masthead: Masthead = Field(
        "red", description="版头：red 红色纪要标志和红线；black 黑色标题、无红线（内部纪要）；"
                           "blank 标志和红线处留空（套打：纸上已印红头），正文位置不变")
    numbering: list[MarkerStyle] = Field(
        ["一、", "（一）", "1.", "（1）"], min_length=1, max_length=4,
        description="各层编号的样式：议题、分项、再下一层；\"\" 表示议题不编号，印成“会议听取了……”段落")
    session_numerals: Numerals = Field("arabic", description="期号行中会次的数字：arabic 第96次，chinese 第九十六次")
    date_numerals: Numerals = Field("arabic", description="版头日期的数字：arabic 2011年10月17日，chinese 二○一一年十月十七日")
    intro_in_opening: bool = Field(
        False, description="“纪要如下：”等接在开头段落末尾印出，不另起一段")
    mark_size_pt: Number = Field(36.0, ge=MARK_SIZE_PT[0], le=MARK_SIZE_PT[1], allow_inf_nan=False,
                                description="纪要标志字号（磅），16 到 72")
    mark_scale_x: Number = Field(1.0, ge=MARK_SCALE[0], le=MARK_SCALE[1], allow_inf_nan=False,
                                description="纪要标志横向缩放，0.3 到 1（超宽时自动压缩）")
    red: str = Field("#E60012", description="版头红色，#RRGGBB")
    header_lines: Whole = Field(12, ge=4, le=21, description="首页版头占用的行数")
    distribution: OptionalText | None = None
    fonts: FontNames = FontNames()
    # An office's own templates (issue 16); paths are relative to the profile's file.
    title: OptionalText | None = Field(None, description="在模板库（docgen templates）中显示的名称")
    docx_template: OptionalText | None = Field(
        None, description="机关自己的 Word 模板（.docx）：样式、字体、主题、页眉取自它，相对版式文件")
    docx_styles: dict[Text, Text] = Field(
        {}, description="docgen 的样式名 → Word 模板中的样式名，如 正文: 正文-仿宋")
    html_template: OptionalText | None = Field(
        None, description="HTML 模板文件夹：可覆盖版头、版记和样式表（在沙箱中运行），相对版式文件")
    _source: Path | None = PrivateAttr(default=None)     # the file it was read from

    @property
    def source(self) -> str | None:
        return str(self._source) if self._source else None

    def resolve(self, name: str) -> Path:
        """A file the profile names, relative to the profile's own folder (a shipped
        profile's, for a shipped one), so an office's folder can be moved whole."""
        base = self._source.parent if self._source else PROFILE_DIR
        return (base / name).resolve()

    @property
    def mark_colour(self) -> str | None:
        """The 纪要标志's colour as drawn: red in a red 版头, black (None) otherwise."""
        return self.red if self.masthead == "red" else None

    @property
    def draws_mark(self) -> bool:
        """Whether page 1 prints the 纪要标志 (not on 套打 paper, which has it printed)."""
        return self.masthead != "blank"

    @property
    def draws_rule(self) -> bool:
        """Whether the red rule under the 版头 is drawn: only in a red 版头."""
        return self.red_rule and self.masthead == "red"

    @field_validator("numbering")
    @classmethod
    def _levels_in_order(cls, value: list[str]) -> list[str]:
        """Deeper levels use smaller forms (一、 then （一） then 1. then （1））, as GB/T 9704
        orders them and as the parser reads them back; only the topics may go unnumbered."""
        if "" in value[1:]:
            raise ValueError("只有第一层（议题）可以不编号（\"\"）")
        families = [STYLE_FAMILY[s] for s in value if s]
        if any(b <= a for a, b in zip(families, families[1:])):
            raise ValueError("编号样式应由大到小：一、 （一） 1.（或 1、） （1），每种只用一次")
        return value

    def office_of(self, issuer: str) -> str:
        """The 编发单位 for that issuer: "{issuer}办公室" lets one profile serve every office
        that prints its minutes the same way, as the parser's fallback does."""
        return self.office.format(issuer=issuer)

    @field_validator("mark", "issue_line", "office")
    @classmethod
    def _known_placeholders(cls, value: str | None, info) -> str | None:
        """A misspelt {placeholder} is the user's error, found when the profile is read,
        not a KeyError halfway through a render."""
        if value is None:
            return value
        allowed = PLACEHOLDERS[info.field_name]
        unknown = sorted(set(_template_names(value)) - allowed)
        if unknown:
            raise ValueError(f"不认识的占位符 {{{unknown[0]}}}；可用 "
                             + " ".join(f"{{{name}}}" for name in sorted(allowed)))
        return value

    @field_validator("red", mode="before")
    @classmethod
    def _hex_colour(cls, value: object) -> object:
        """The colour goes into the DOCX (w:color) and the CSS as is: only #RRGGBB is safe
        in both. Unquoted, "#E60012" is a YAML comment and arrives as nothing."""
        if value is None:
            raise ValueError("颜色不能为空；# 在 YAML 中表示注释，请加引号，如 red: \"#E60012\"")
        if not isinstance(value, str) or not COLOUR.fullmatch(value):
            raise ValueError(f"颜色应写成 #RRGGBB（六位十六进制），如 \"#E60012\"，而不是“{str(value)[:20]}”")
        return value.upper()


def _template_names(template: str) -> list[str]:
    """The name in each {placeholder}, refusing all but a plain {name} (and {{ }}).

    str.format would obey a format spec or conversion: {issuer:d} fails halfway through a
    render, {session:0100000000d} runs for minutes, {issuer:>100000000} writes 100 MB.
    """
    try:
        parts = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(template)
                 if name is not None]
    except ValueError:
        raise ValueError("花括号不成对；要印出花括号本身请写 {{ 或 }}") from None
    for name, spec, conv in parts:
        if spec or conv:
            shown = name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "")
            raise ValueError(f"占位符 {{{shown}}} 带了格式（“:”或“!”之后的部分）；"
                             f"只能写成 {{{name}}}；要印出花括号本身请写 {{{{ 或 }}}}")
    return [name for name, _, _ in parts]


def template_dirs() -> list[Path]:
    """Where profiles are found by name, first match winning: an office's folders
    (``DOCGEN_TEMPLATES``, separated like PATH) before the shipped ones, so an office can
    keep its templates in one shared folder and drafts name them as they name ours."""
    office = [Path(d) for d in os.environ.get("DOCGEN_TEMPLATES", "").split(os.pathsep) if d]
    return office + [PROFILE_DIR]


def candidates(folder: Path) -> list[Path]:
    """A folder's profiles: ``NAME.yaml``, or ``NAME/profile.yaml`` for an office's folder
    that keeps its Word file and HTML templates beside the profile."""
    try:
        return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*/profile.yaml"))
    except OSError:
        return []


def profile_name(path: Path) -> str:
    return path.parent.name if path.name == "profile.yaml" else path.stem


def gallery() -> dict[str, Path]:
    """Every profile a draft can name, by name (an office's shadowing a shipped one)."""
    found: dict[str, Path] = {}
    for folder in template_dirs():
        for path in candidates(folder):
            found.setdefault(profile_name(path), path)
    return found


def profile_file(name_or_path: str) -> Path:
    """The file a profile name stands for: a user's YAML file by path, else the first of
    the template folders that has it."""
    candidate = Path(name_or_path)
    if candidate.suffix in {".yaml", ".yml"}:
        return candidate
    if "/" in name_or_path or "\\" in name_or_path or name_or_path in {".", ".."}:
        # a name is looked up inside the template folders; "../x" would leave them
        raise DocgenError.one("版式名称不能含路径（/ 或 \\）", path="profile",
                              hint="版式文件请写文件名，以 .yaml 结尾；模板名见 docgen templates")
    for folder in template_dirs():
        for path in (folder / f"{name_or_path}.yaml", folder / name_or_path / "profile.yaml"):
            try:
                if path.is_file():
                    return path
            except (OSError, ValueError):
                break
    return PROFILE_DIR / f"{name_or_path}.yaml"


def load_profile(name_or_path: str) -> Profile:
    """A shipped profile by name, or a user's YAML file by path."""
    path = profile_file(name_or_path)
    try:
        found = path.is_file()
    except (OSError, ValueError):         # a name too long for the file system, a NUL in it
        found = False
    if not found:
        known = "、".join(sorted(gallery()))
        shown = name_or_path if len(name_or_path) <= 60 else name_or_path[:60] + "……"
        raise DocgenError.one(f"找不到版式“{shown}”", path="profile", hint=f"可用：{known}")
    data, marks = parse_yaml(read_text(path), str(path))
    try:
        profile = Profile.model_validate(data)
        profile._source = path
        return profile
    except ValidationError as exc:
        from .messages import validation_problems    # only a profile with mistakes needs it
        fields = frozenset(Profile.model_fields) | frozenset(FontNames.model_fields)
        problems = validation_problems(exc, marks, str(path), data, fields)
        for problem in problems:      # hints there name minutes fields; a profile has its own
            if problem.message.startswith("未知字段"):
                close = difflib.get_close_matches(problem.path or "", list(Profile.model_fields), 1)
                problem.hint = f"是不是“{close[0]}”？" if close else "可用字段：" + "、".join(Profile.model_fields)
        raise DocgenError(problems) from None
