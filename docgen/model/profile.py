"""Profiles: what an office repeats in every document (issuer, header, fonts, colours)."""

from __future__ import annotations

import difflib
import string
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import DocgenError
from .messages import validation_problems
from .source import read_text
from .yamlnodes import parse_yaml

PROFILE_DIR = Path(__file__).resolve().parent.parent / "profiles"
# What each text template of a profile may name (build_document fills them in).
PLACEHOLDERS = {"mark": {"issuer", "meeting"}, "issue_line": {"session", "term", "doc_number"}}


class FontNames(BaseModel):
    """Family names written into the DOCX (what Word/WPS on government PCs resolve)."""

    model_config = ConfigDict(extra="forbid")
    fangsong: str = "仿宋_GB2312"
    hei: str = "黑体"
    kai: str = "楷体_GB2312"
    xiaobiaosong: str = "方正小标宋简体"
    song: str = "宋体"
    latin: str = "Times New Roman"


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    issuer: str = Field(description="发文机关，如 苏州市人民政府")
    office: str = Field(description="编发单位，如 苏州市人民政府办公室")
    mark: str = Field("{issuer}{meeting}纪要", description="纪要标志；{issuer} {meeting} 会被替换")
    issue_line: str | None = Field(
        "第{session}次", description="纪要标志下的期号行；{session} {term} {doc_number} 会被替换")
    office_line: bool = Field(True, description="期号下印“编发单位 … 日期”一行")
    red_rule: bool = True
    mark_size_pt: float = 36.0
    mark_scale_x: float = Field(1.0, description="纪要标志横向缩放（超宽时自动压缩）")
    red: str = "#E60012"
    header_lines: int = Field(12, ge=4, le=21, description="首页版头占用的行数")
    distribution: str | None = None
    fonts: FontNames = FontNames()

    @field_validator("mark", "issue_line")
    @classmethod
    def _known_placeholders(cls, value: str | None, info) -> str | None:
        """A misspelt {placeholder} is the user's error, found when the profile is read,
        not a KeyError halfway through a render."""
        if value is None:
            return value
        allowed = PLACEHOLDERS[info.field_name]
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError:
            raise ValueError("花括号不成对；要印出花括号本身请写 {{ 或 }}") from None
        unknown = sorted(names - allowed)
        if unknown:
            raise ValueError(f"不认识的占位符 {{{unknown[0]}}}；可用 "
                             + " ".join(f"{{{name}}}" for name in sorted(allowed)))
        return value


def profile_file(name_or_path: str) -> Path:
    """The file a profile name stands for: a user's YAML file by path, else a shipped one."""
    candidate = Path(name_or_path)
    return candidate if candidate.suffix in {".yaml", ".yml"} else PROFILE_DIR / f"{name_or_path}.yaml"


def load_profile(name_or_path: str) -> Profile:
    """A shipped profile by name, or a user's YAML file by path."""
    path = profile_file(name_or_path)
    if not path.is_file():
        known = "、".join(sorted(p.stem for p in PROFILE_DIR.glob("*.yaml")))
        raise DocgenError.one(f"找不到版式“{name_or_path}”", path="profile", hint=f"可用：{known}")
    data, marks = parse_yaml(read_text(path), str(path))
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        fields = frozenset(Profile.model_fields) | frozenset(FontNames.model_fields)
        problems = validation_problems(exc, marks, str(path), data, fields)
        for problem in problems:      # hints there name minutes fields; a profile has its own
            if problem.message.startswith("未知字段"):
                close = difflib.get_close_matches(problem.path or "", list(Profile.model_fields), 1)
                problem.hint = f"是不是“{close[0]}”？" if close else "可用字段：" + "、".join(Profile.model_fields)
        raise DocgenError(problems) from None
