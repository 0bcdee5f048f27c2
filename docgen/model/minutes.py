"""The minutes (纪要) as data: what a printed 市政府常务会议纪要 holds.

Text is kept exactly as the clerk wrote it; numbering (一、 （一）) and labels
(出席： 记录：) are layout, so they never appear in the data. Optional parts are
``None`` when the source lacks them (web copies have no attendance), never errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


Text = Annotated[str, Field(min_length=1)]


class Chair(Strict):
    name: Text
    title: str | None = Field(None, description="职务，如 市长、副市长")


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
    items: list["Item"] = Field(default_factory=list)


class Topic(Strict):
    """A heading 一、 with either numbered items or plain paragraphs."""

    title: Text
    items: list[Item] = Field(default_factory=list)
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
    reason: str | None = None


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

    by: Text
    date: dt.date


Period = Literal["上午", "下午", "晚上"]
DistributionLabel = Literal["分送", "抄送", "主送"]
# The words themselves, for the code that finds them in text (aliases, the parser).
PERIODS: tuple[str, ...] = get_args(Period)
DISTRIBUTION_LABELS: tuple[str, ...] = get_args(DistributionLabel)


class Minutes(Strict):
    profile: str = "suzhou"
    issuer: str | None = Field(None, description="发文机关；缺省取 profile")
    meeting: Text = "常务会议"
    term: str | None = Field(None, description="届次前缀，如 十三届")
    session: int | None = Field(None, ge=1, description="第N次")
    doc_number: str | None = Field(None, description="纪要编号，如 常务会议纪要〔2024〕7号")
    date: dt.date
    period: Period | None = None
    chair: Chair | None = None
    preamble: str | None = Field(None, description="开头段落；缺省时由议题生成")
    decisions_intro: str | None = "会议议定以下意见："
    topics: list[Topic] = Field(min_length=1)
    closing: list[Text] = Field(default_factory=list, description="议题后的段落，如 会议还研究了其他事项。")
    attendance: Attendance | None = None
    recorder: str | None = Field(None, description="记录")
    compiled_by: str | None = Field(None, description="“…整理”")
    compiled_date: dt.date | None = None
    disclosure: str | None = Field(None, description="如 此件公开发布（括号由版式加）")
    distribution_label: DistributionLabel = "分送"
    distribution: str | None = Field(None, description="分送/抄送 内容")
    printed: Printed | None = None

    @field_validator("date", "compiled_date", mode="before")
    @classmethod
    def _no_datetime(cls, value: object) -> object:
        if isinstance(value, dt.datetime):
            return value.date()
        return value


Item.model_rebuild()
