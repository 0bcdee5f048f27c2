"""The opening paragraph, composed from the topics when the clerk leaves it out."""

from __future__ import annotations

from .errors import DocgenError
from .model.minutes import Minutes


def preamble_text(m: Minutes) -> str:
    raise DocgenError.one("缺少开头段落", path="preamble", hint="请填写 preamble")
