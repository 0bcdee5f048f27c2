"""The minutes (纪要) as data: what a printed 市政府常务会议纪要 holds.

Text is kept exactly as the clerk wrote it; numbering (一、 （一）) and labels
(出席： 记录：) are layout, so they never appear in the data. Optional parts are
``None`` when the source lacks them (web copies have no attendance), never errors.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Callable, ClassVar, Literal, Union, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


# Text that is only spaces passes "not empty" but prints as nothing. A pattern, not a
# validator function: it keeps the union branch of a 列席 entry labelled as a string.
NOT_BLANK = r"\S"
# Optional text: "" means absent, as the renderer and diff already treat it; "  " is a slip.
EMPTY_OR_NOT_BLANK = r"^$|\S"
Text = Annotated[str, Field(min_length=1, pattern=NOT_BLANK)]
OptionalText = Annotated[str, Field(pattern=EMPTY_OR_NOT_BLANK)]

# Numbering limits. Topics are numbered 一、…九十九、 and items （一）…（九十九）: the
# longest real 纪要 has a few dozen topics, so 100 or more is a pasting accident, and
# ``chinese_number`` covers far more than this. Deeper levels (1. （1）) share the limit.
MAX_TOPICS = 99
MAX_ITEMS = 99
# 第N次 counts the meetings of one term, a few hundred at most; a longer number is a typo
# (a year, a document number) and would not fit the 期号 line.
MAX_SESSION = 9999
_NUMBER_LIKE = re.compile(r"\s*[-+]?\d+(?:\.\d*)?\s*")


def _date_only(value: object) -> object:
    """A date is a date: pydantic would read 86400 or "86400" as a Unix timestamp
    (1970-01-02) and true as 1; a datetime is cut to its day."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, (bool, int, float)) or (
            isinstance(value, str) and _NUMBER_LIKE.fullmatch(value)):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    return value


def _no_bool(kind: str) -> Callable[[object], object]:
    """pydantic reads true as 1: refuse a boolean where a number is wanted, as ``kind``."""
    def refuse(value: object) -> object:
        if isinstance(value, bool):
            raise PydanticCustomError(kind, "Input should be a number")
        return value
    return refuse


Date = Annotated[dt.date, BeforeValidator(_date_only)]
Whole = Annotated[int, BeforeValidator(_no_bool("int_type"))]
Number = Annotated[float, BeforeValidator(_no_bool("float_type"))]


class Chair(Strict):
    name: Text = Field(description="主持人姓名")
    title: OptionalText | None = Field(None, description="职务，如 市长、副市长")


class Shorthand(Strict):
    """A model a clerk may write as a bare string, which fills its ``BARE`` field."""

    BARE: ClassVar[str]

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: object) -> object:
        return {cls.BARE: value} if isinstance(value, str) else value


class Item(Shorthand):
    """A numbered point （一）; may nest 1. and （1） levels."""

    BARE = "text"
    text: Text
    items: list["Item"] = Field(default_factory=list, max_length=MAX_ITEMS)


class Topic(Strict):
    """A heading 一、 with either numbered items or plain paragraphs."""

    title: Text
    items: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS)
    body: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_empty(self) -> "Topic":
        if not self.items and not self.body:
            raise ValueError("议题没有内容：items（分项）或 body（段落）至少要有一项")
        return self


class Absence(Shorthand):
    """请假: a name and, where the office prints it, the reason."""

    BARE = "name"
    name: Text
    reason: OptionalText | None = None


class UnitEntry(Strict):
    """列席 entry printed as unit followed by its people: 市委组织部周春良、孙勇."""

    unit: Text
    names: list[Text] = Field(min_length=1)


Attendee = Union[Text, UnitEntry]


class Attendance(Strict):
    present: list[Text] = Field(default_factory=list, description="出席")
    on_leave: list[Absence] = Field(default_factory=list, description="请假")
    attending: list[Attendee] = Field(default_factory=list, description="列席")
    representatives_of: list[Text] = Field(
        default_factory=list, description="列席单位的代表：“…的代表”")


class Printed(Strict):
    """印发 line of the 版记."""

    by: Text = Field(description="印发机关，如 苏州市人民政府办公室")
    date: Date | None = Field(None, description="印发日期")


Period = Literal["上午", "下午", "晚上"]
DistributionLabel = Literal["分送", "抄送", "主送"]
# The words themselves, for the code that finds them in text (aliases, the parser).
PERIODS: tuple[str, ...] = get_args(Period)
DISTRIBUTION_LABELS: tuple[str, ...] = get_args(DistributionLabel)


class Minutes(Strict):
    profile: Text = "suzhou"
    issuer: OptionalText | None = Field(None, description="发文机关；缺省取 profile")
    meeting: Text = Field("常务会议", description="会议名称，如 常务会议")
    term: OptionalText | None = Field(None, description="届次前缀，如 十三届")
    session: Whole | None = Field(None, ge=1, le=MAX_SESSION, description="第N次")
    doc_number: OptionalText | None = Field(None, description="纪要编号，如 常务会议纪要〔2024〕7号")
    date: Date | None = Field(None, description="会议日期；缺省时须写 preamble（开头段落）")
    period: Period | None = Field(None, description="时段：上午、下午或晚上")
    chair: Chair | None = Field(None, description="主持人")
    preamble: OptionalText | None = Field(None, description="开头段落；缺省时由议题生成")
    decisions_intro: OptionalText | None = "会议议定以下意见："
    topics: list[Topic] = Field(min_length=1, max_length=MAX_TOPICS)
    closing: list[Text] = Field(default_factory=list, description="议题后的段落，如 会议还研究了其他事项。")
    attendance: Attendance | None = None
    recorder: OptionalText | None = Field(None, description="记录")
    compiled_by: OptionalText | None = Field(None, description="“…整理”")
    compiled_date: Date | None = Field(None, description="整理日期")
    disclosure: OptionalText | None = Field(None, description="如 此件公开发布（括号由版式加）")
    distribution_label: DistributionLabel = Field("分送", description="版记首行的标签：分送、抄送或主送")
    distribution: OptionalText | None = Field(None, description="分送/抄送 内容")
    printed: Printed | None = Field(None, description="版记的印发行")


Item.model_rebuild()
