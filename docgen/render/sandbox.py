"""Where an office's own templates run: Jinja2's sandbox, bounded in work and output.

An office's template may come from anywhere (a colleague's folder, a download), and both
backends run one: the HTML folder's header, 版记 and stylesheet, and the placeholders of a
Word template. Jinja's sandbox already bars attribute tricks (``__class__``), unsafe
callables and ranges over 100,000; what it leaves open is *work*: two nested loops over a
long string, or a value built by ``*``, run for hours or take gigabytes. So here

* values built by ``*`` and ``**`` are bounded (``MAX_ITEMS``);
* a render counts the lines its template code runs (a trace on template frames only) and
  stops after ``MAX_STEPS``;
* the output is collected piece by piece and stops past ``MAX_OUTPUT`` characters.

No template reaches a file or the network: the loader is a folder's FileSystemLoader
(names outside the folder are refused by Jinja), and no global or filter does I/O.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from types import FrameType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

# The seed's 12 pages through docgen's own page template take ~11,000 template lines; an
# office's header or 版记 a few hundred.
MAX_STEPS = 3_000_000
MAX_OUTPUT = 20_000_000           # characters: a 30-page 纪要's HTML is ~1 MB
MAX_ITEMS = 1_000_000


class UserSandbox(SandboxedEnvironment):
    """Jinja's sandbox, which also refuses to build huge values: ``"a" * 300000000``
    would take minutes and gigabytes."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator, left, right):
        sized = [v for v in (left, right) if isinstance(v, (str, bytes, list, tuple))]
        counts = [v for v in (left, right) if isinstance(v, int) and not isinstance(v, bool)]
        if operator == "*" and sized and counts and len(sized[0]) * counts[0] > MAX_ITEMS:
            raise SecurityError("模板构造的值过大")
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 100:
            raise SecurityError("模板中的乘方过大")
        return super().call_binop(context, operator, left, right)


def bounded_render(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """The template's output, or SecurityError once it runs too long or writes too much."""
    steps = _Steps(template.environment)
    pieces: list[str] = []
    size = 0
    previous = sys.gettrace()
    sys.settrace(steps.call)
    try:
        for piece in template.generate(context):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise SecurityError(f"模板输出超过 {MAX_OUTPUT:,} 个字符")
            pieces.append(piece)
    finally:
        sys.settrace(previous)
    return "".join(pieces)


class _Steps:
    """A trace that counts the lines run in template code: Jinja compiles a template to a
    module whose file name is the template's, so only those frames are traced line by
    line, and docgen's own code runs at full speed."""

    def __init__(self, environment: jinja2.Environment):
        self.left = MAX_STEPS
        self.environment = environment

    def call(self, frame: FrameType, event: str, arg: object):
        if frame.f_globals.get("environment") is self.environment:
            return self.line
        return None

    def line(self, frame: FrameType, event: str, arg: object):
        if event == "line":
            self.left -= 1
            if self.left < 0:
                raise SecurityError(f"模板运行超过 {MAX_STEPS:,} 步，可能有死循环或过大的循环")
        return self.line


_STRINGS = UserSandbox(autoescape=False, undefined=jinja2.StrictUndefined)


def fill(text: str, context: Mapping[str, Any]) -> str:
    """A piece of text with placeholders (a Word template's header, a 版记 row), filled in
    the sandbox; a ``{{ name }}`` docgen does not know is an error, not an empty string."""
    if "{" not in text:
        return text
    return bounded_render(_STRINGS.from_string(text), context)
