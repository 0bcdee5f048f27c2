"""The ``docgen`` command line.

Each subcommand is two small functions: ``_add_<name>(subparsers)`` declares its arguments
and ``_cmd_<name>(args) -> int`` runs it. ``SUBCOMMANDS`` below lists the ``_add_*``
functions; adding a command is adding one line there.

Exit codes: 0 success, 1 internal error (or a command's own failure: batch, audit's findings),
2 bad input or usage (every DocgenError), 130 interrupted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from .errors import DocgenError, Problem

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_NONCONFORMING = 1      # audit: the document was read and does not conform


# --------------------------------------------------------------------------- output helpers


def say(text: str = "") -> None:
    """A line for the user on stdout."""
    print(text, flush=True)


def warn(problem: Problem | str) -> None:
    print(f"警告：{problem}", file=sys.stderr, flush=True)


def error(problem: Problem | str) -> None:
    print(f"错误：{problem}", file=sys.stderr, flush=True)


def write_stdout(text: str) -> None:
    """Document text (YAML, JSON) on stdout, always UTF-8 whatever the locale."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


# --------------------------------------------------------------------------- check


def _add_check(sub: Any) -> None:
    p = sub.add_parser("check", help="检查纪要草稿（YAML）是否有效",
                       description="逐个检查纪要草稿；有错误的文件不影响其余文件的检查。"
                                   "全部有效时退出码为 0，有任何无效文件时为 2。")
    p.add_argument("files", nargs="+", metavar="FILE", help="纪要草稿（.yaml）")
    p.set_defaults(func=_cmd_check)


def _count_items(minutes: Any) -> int:
    return sum(len(topic.items) for topic in minutes.topics)


def _cmd_check(args: argparse.Namespace) -> int:
    from .model import load_minutes
    ok = True
    for name in args.files:
        try:
            loaded = load_minutes(name)
        except DocgenError as exc:
            ok = False
            if getattr(args, "debug", False):
                traceback.print_exc()
            for problem in exc.problems or [Problem("无效", file=name)]:
                error(problem)
            continue
        for problem in loaded.warnings:
            warn(problem)
        m = loaded.minutes
        try:                              # what only the typesetter knows: lines that overflow
            from .render.api import prepare
            for problem in prepare(m).warnings:      # the Word template's report
                warn(problem)
        except DocgenError as exc:
            ok = False
            for problem in exc.problems:
                error(loaded.locate(problem))
            continue
        say(f"✓ {name}：有效（{len(m.topics)} 个议题、{_count_items(m)} 个分项）")
    return EXIT_OK if ok else EXIT_INPUT


# --------------------------------------------------------------------------- schema


def _add_schema(sub: Any) -> None:
    p = sub.add_parser("schema", help="输出纪要 YAML 的 JSON Schema（供编辑器补全和检查）",
                       description="输出 JSON Schema。保存为文件后，在 YAML 首行写 "
                                   "# yaml-language-server: $schema=<文件路径> 即可在编辑器中补全和检查。")
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件（缺省输出到屏幕）")
    p.set_defaults(func=_cmd_schema)


def minutes_schema() -> dict:
    """JSON Schema of the minutes YAML, Chinese aliases included."""
    from .model.aliases import ALIASES, LABEL_KEYS
    from .model.minutes import Minutes

    schema = Minutes.model_json_schema()
    defs = schema.get("$defs", {})

    # Item and Absence also take a bare string (their before-validators wrap it).
    for name in ("Item", "Absence"):
        if name in defs:
            obj = defs[name]
            defs[name] = {
                "title": obj.get("title", name),
                "description": obj.get("description", ""),
                "anyOf": [{"type": "string", "minLength": 1}, obj],
            }

    def with_aliases(obj: dict, top: bool) -> None:
        props: dict = obj.get("properties", {})
        if not props:
            return
        extra: dict = {}
        constraints: list = []
        for field in list(props):
            aliases = [a for a, c in ALIASES.items() if c == field and a not in props]
            if field == "distribution_label" or not aliases:
                continue
            for alias in aliases:
                alias_schema = dict(props[field])
                note = f"同 {field}"
                if top and alias in LABEL_KEYS:
                    note += f"（版记中印作“{alias}”）"
                alias_schema["description"] = note
                alias_schema.pop("title", None)
                extra[alias] = alias_schema
            # One spelling per field: the loader refuses a field written twice.
            spellings = [field, *aliases]
            for i, first in enumerate(spellings):
                for second in spellings[i + 1:]:
                    constraints.append({"not": {"required": [first, second]}})
        props.update(extra)
        required = obj.pop("required", [])
        for field in required:
            spellings = [field, *[a for a, c in ALIASES.items() if c == field]]
            if len(spellings) == 1:
                obj.setdefault("required", []).append(field)
            else:
                constraints.append({"anyOf": [{"required": [s]} for s in spellings]})
        if constraints:
            obj["allOf"] = obj.get("allOf", []) + constraints

    with_aliases(schema, top=True)
    for obj in defs.values():
        for candidate in [obj, *obj.get("anyOf", [])]:
            if candidate.get("type") == "object":
                with_aliases(candidate, top=False)
    # The label travels with 分送/抄送/主送 at the top level only.
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://docgen.local/schema/minutes.json",
        "title": "会议纪要（docgen）",
        "description": "docgen 会议纪要 YAML。每个字段也可写中文别名（如 出席、列席、请假、记录、"
                       "分送、印发、主持），同一字段只能写一次。",
    }
    out.update({k: v for k, v in schema.items() if k not in out and k != "title"})
    return out


def _cmd_schema(args: argparse.Namespace) -> int:
    text = json.dumps(minutes_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        from .atomic import write_atomic
        write_atomic(Path(args.output), text)
        say(f"已写入 {args.output}")
    else:
        write_stdout(text)
    return EXIT_OK


# --------------------------------------------------------------------------- new


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”无效，应写作 2020-04-29") from None


def _int_in(low: int, high: int | None, message: str) -> Callable[[str], int]:
    """An argparse type: a whole number in [low, high], else ``message`` (with {text})."""
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(message.format(text=text))
        return value
    return convert


_positive = _int_in(1, None, "“{text}”应为正整数，如 96")
_port = _int_in(0, 65535, "端口“{text}”无效，应为 0 到 65535 之间的整数（0 表示自动选择）")


def _add_new(sub: Any) -> None:
    p = sub.add_parser("new", help="生成一份带中文注释的纪要草稿",
                       description="生成一份可直接通过检查、可直接排版的纪要草稿，注释说明每个字段。"
                                   "未给 --session 时，取输出文件夹中已有纪要的最大会次加 1。")
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件（缺省输出到屏幕）")
    p.add_argument("--template", "--profile", dest="profile", default="suzhou", metavar="NAME",
                   help="从哪个模板开始：模板名（docgen templates 列出）或版式文件（缺省 suzhou）")
    p.add_argument("--session", type=_positive, default=None, metavar="N",
                   help="第几次会议（缺省：输出文件夹中已有纪要的最大会次加 1，没有则为 1）")
    p.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD", help="会议日期（缺省今天）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.set_defaults(func=_cmd_new)


def _cmd_new(args: argparse.Namespace) -> int:
    from .draft import draft_text
    from .model import load_profile
    if args.output and not args.force and Path(args.output).exists():
        raise DocgenError.one("文件已存在，未覆盖", file=args.output, hint="使用 --force 覆盖")
    profile = load_profile(args.profile)
    session = args.session
    if session is None:
        session = 1
        if args.output:
            from .draft import next_session
            target = Path(args.output)
            found = next_session(target.parent, exclude=target)
            if found:
                session, source = found
                say(f"会次取 {session}（文件夹中最大的是 {source.name} 的第{session - 1}次）；"
                     "不对时用 --session 指定")
    date = args.date or dt.date.today()
    text = draft_text(profile=profile, profile_ref=args.profile, session=session, date=date)
    if args.output:
        from .atomic import write_atomic
        write_atomic(Path(args.output), text, overwrite=args.force)
        say(f"已生成草稿 {args.output}，修改后可用 docgen check {args.output} 检查")
    else:
        write_stdout(text)
    return EXIT_OK


# --------------------------------------------------------------------------- templates


def _add_templates(sub: Any) -> None:
    p = sub.add_parser("templates", help="列出可用的模板（内置的和本机关的）",
                       description="列出草稿可用的模板（版式）：内置的，以及环境变量 DOCGEN_TEMPLATES "
                                   "所列文件夹中本机关的（NAME.yaml 或 NAME/profile.yaml，同名时本机关的优先）。"
                                   "用 docgen new --template NAME 从其中一个开始写草稿。")
    p.add_argument("--placeholders", action="store_true",
                   help="列出 HTML 模板和 Word 模板中可用的占位符（如 {{ session }}）")
    p.add_argument("--markdown", action="store_true", help="与 --placeholders 同用：输出 Markdown 表格")
    p.set_defaults(func=_cmd_templates)


def _cmd_templates(args: argparse.Namespace) -> int:
    if args.placeholders:
        from .render.placeholders import describe, markdown
        if args.markdown:
            write_stdout(markdown())
        else:
            for name, text in describe():
                say(f"{{{{ {name} }}}}  {text}")
        return EXIT_OK
    from .gallery import entries, table
    for line in table(entries()):
        say(line)
    return EXIT_OK


# --------------------------------------------------------------------------- render


def _add_render(sub: Any) -> None:
    p = sub.add_parser("render", help="把纪要草稿排成 PDF / DOCX / HTML",
                       description="按 GB/T 9704-2012 排版，输出 <文件名>.pdf 等；"
                                   "出错时不留下半截文件。")
    p.add_argument("files", nargs="+", metavar="FILE", help="纪要草稿（.yaml）")
    p.add_argument("-o", "--output", default=".", metavar="DIR|FILE",
                   help="输出文件夹（缺省当前文件夹）；只排一份时也可写文件名，如 -o 纪要.pdf")
    p.add_argument("--format", default=None, metavar="pdf,docx,html",
                   help="输出格式，逗号分隔（缺省 pdf,docx；-o 为文件名时按其后缀）")
    p.add_argument("--profile", metavar="P", help="覆盖草稿中的版式（名称或版式文件）")
    p.add_argument("--template-dir", metavar="DIR",
                   help="自定义 HTML 模板文件夹（在沙箱中运行）")
    p.add_argument("--docx-template", metavar="FILE.docx",
                   help="机关自己的 Word 模板（覆盖版式的 docx_template）：样式、字体、页眉取自它")
    p.add_argument("--force", action="store_true",
                   help="覆盖输出文件夹中不是 docgen 生成的同名文件（如原件）")
    p.set_defaults(func=_cmd_render)


def _cmd_render(args: argparse.Namespace) -> int:
    from .model import load_minutes, load_profile
    from .render.api import one_name_each, render_to_dir
    out_dir, stem, formats = _render_target(args)
    template_dir = Path(args.template_dir) if args.template_dir else None
    if template_dir and not template_dir.is_dir():       # refused before any draft is read
        raise DocgenError.one("模板文件夹不存在", file=str(template_dir))
    docx_template = Path(args.docx_template) if args.docx_template else None
    _, clashes = one_name_each([Path(name) for name in args.files])
    for problem in clashes:
        error(problem)
    refused = {problem.file for problem in clashes}
    failed = len(clashes)
    for name in args.files:
        if str(Path(name)) in refused:
            continue
        loaded = None
        try:
            loaded = load_minutes(name, profile=args.profile)
            for problem in loaded.warnings:
                warn(problem)
            profile = load_profile(loaded.minutes.profile)
            written = render_to_dir(loaded.minutes, stem or Path(name).stem, out_dir, formats,
                                    profile=profile, template_dir=template_dir, force=args.force,
                                    docx_template=docx_template)
            for problem in written.warnings:
                warn(problem)
        except DocgenError as exc:
            failed += 1
            for problem in exc.problems:
                if loaded is not None:
                    problem = loaded.locate(problem)
                error(problem if problem.file else Problem(problem.message, file=name,
                                                           path=problem.path, hint=problem.hint))
            continue
        say("已生成 " + "、".join(str(path) for path in written.paths))
    return EXIT_INPUT if failed else EXIT_OK


def _render_target(args: argparse.Namespace) -> tuple[Path, str | None, list[str]]:
    """(folder, file stem or None, formats): "-o 纪要.pdf" names the one file a clerk wants;
    any other -o is a folder, as before."""
    from .render.api import parse_formats
    output = Path(args.output)
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "docx", "html") or output.is_dir():
        return output, None, parse_formats(args.format or "pdf,docx")
    if len(args.files) > 1:
        raise DocgenError.one("输出为一个文件时只能排一份纪要", path="-o",
                              hint=f"把 -o 改为文件夹，如 -o {output.stem}")
    if args.format and parse_formats(args.format) != [fmt]:
        raise DocgenError.one(f"--format {args.format} 与输出文件“{output.name}”的后缀不一致",
                              path="--format", hint="去掉 --format，或让 -o 指向文件夹")
    return output.parent, output.stem, [fmt]


# --------------------------------------------------------------------------- preview


def _add_preview(sub: Any) -> None:
    p = sub.add_parser("preview", help="在浏览器中预览排版结果，保存文件后自动刷新",
                       description="在本机 127.0.0.1 上启动预览服务，显示与 PDF 相同的排版页面；"
                                   "文件保存后页面自动刷新，草稿有错误时在页面中显示。按 Ctrl-C 停止。")
    p.add_argument("file", metavar="FILE", help="纪要草稿（.yaml）")
    p.add_argument("--port", type=_port, default=8000, metavar="P",
                   help="端口（缺省 8000；0 表示自动选择空闲端口）")
    p.set_defaults(func=_cmd_preview)


def _cmd_preview(args: argparse.Namespace) -> int:
    from .preview import serve
    return serve(Path(args.file), args.port, say=say)


# --------------------------------------------------------------------------- edit


def _add_edit(sub: Any) -> None:
    p = sub.add_parser("edit", help="在浏览器中编辑纪要：表单与排版页面并排",
                       description="在本机 127.0.0.1 上启动编辑服务，第一行输出带访问令牌的地址。"
                                   "表单中的修改随时排版显示；保存时写回 YAML 文件。按 Ctrl-C 停止。")
    p.add_argument("file", metavar="FILE", help="纪要草稿（.yaml；不存在时新建）")
    p.add_argument("--port", type=_port, default=0, metavar="P",
                   help="端口（缺省 0，即自动选择空闲端口）")
    p.set_defaults(func=_cmd_edit)


def _cmd_edit(args: argparse.Namespace) -> int:
    from .desk.serve import serve
    return serve(Path(args.file), args.port, say=say)


# --------------------------------------------------------------------------- batch


def _add_batch(sub: Any) -> None:
    p = sub.add_parser("batch", help="批量排版：YAML 草稿和存档纪要（.txt/.pdf/.docx），可在 Dask 集群上运行",
                       description="逐个处理文件或文件夹中的纪要：YAML 草稿直接排版；存档纪要"
                                   "（.txt/.pdf/.docx）先读回 YAML（写在输出文件夹中），再排版。"
                                   "某个文件出错不影响其余文件；有任何文件失败时退出码为 1。"
                                   "输出文件夹中的 docgen-batch.jsonl 记录每个输入的处理结果："
                                   "再次运行只处理新增、改动或失败的文件（--force 全部重新生成）。")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="文件或文件夹")
    p.add_argument("-o", "--output", metavar="DIR", help="输出文件夹")
    p.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                   help="并行进程数（缺省为 CPU 核数；与 --scheduler local 同用时为工作进程数）")
    p.add_argument("--format", default="pdf,docx", metavar="pdf,docx,html",
                   help="输出格式，逗号分隔（缺省 pdf,docx）")
    p.add_argument("--force", action="store_true",
                   help="全部重新生成，并覆盖不是 docgen 生成的同名文件")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="在 Dask 集群上运行：tcp://主机:端口，或 local[:N] 启动本机 N 个工作进程"
                        "（需安装 docgen[cluster]）")
    p.add_argument("--report", metavar="DIR", default=None,
                   help="不处理文件，只汇报 DIR 中批处理记录的情况")
    p.add_argument("--published-list", metavar="来源.csv", default=None,
                   help="存档纪要的来源清单（CSV，两列：文件名，发布日期或网址），"
                        "原文没有写年份时据此推出会议日期；清单改动的文件会重新读回")
    p.set_defaults(func=_cmd_batch)


def _cmd_batch(args: argparse.Namespace) -> int:
    if args.report:
        if args.inputs or args.output:
            raise DocgenError.one("--report 只汇报已有的批处理记录，不能同时给出输入文件或 -o")
        from .batch import report
        return report(Path(args.report))
    if not args.inputs:
        raise DocgenError.one("没有给出输入文件或文件夹", hint="docgen batch 文件夹 -o 输出文件夹")
    if not args.output:
        raise DocgenError.one("没有给出输出文件夹", hint="用 -o 指定，例如 -o out")
    from .batch import run_batch
    from .batch.published import read_published_list
    from .render.api import parse_formats
    formats = parse_formats(args.format)
    listed = read_published_list(Path(args.published_list)) if args.published_list else None
    return run_batch(args.inputs, Path(args.output), formats=formats, jobs=args.jobs,
                     force=args.force, debug=getattr(args, "debug", False),
                     scheduler=args.scheduler, published=listed)


# --------------------------------------------------------------------------- doctor


def _add_doctor(sub: Any) -> None:
    p = sub.add_parser("doctor", help="检查字体、Pango、HarfBuzz、LibreOffice 等运行环境",
                       description="列出每个字体角色用到的字体文件和各组件版本；"
                                   "缺少必需组件时退出码为 1，并给出修复命令。")
    p.set_defaults(func=_cmd_doctor)


def _cmd_doctor(args: argparse.Namespace) -> int:
    from .doctor import report
    text, code = report()
    say(text)
    return code


# --------------------------------------------------------------------------- parse, diff


def _add_parse(sub: Any) -> None:
    p = sub.add_parser("parse", help="把存档的纪要（.txt/.pdf/.docx）读回 YAML",
                       description="读取存档纪要（PDF 提取的文本、网页复制的文本、PDF 或 DOCX），"
                                   "输出 docgen YAML。警告输出到标准错误；读出纪要时退出码为 0，"
                                   "输入不是纪要或无法读取时为 2。")
    p.add_argument("input", metavar="INPUT", help="存档纪要：.txt、.pdf 或 .docx")
    p.add_argument("-o", "--output", metavar="OUT.yaml", default=None,
                   help="输出的 YAML 文件（省略或写 - 时输出到标准输出）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    p.add_argument("--published", metavar="日期或网址", default=None,
                   help="原文的发布日期（2023-07-10、2023-07 或 2023）或原文网页的网址；"
                        "原文只写“6月20日”而没有年份时，据此推出会议日期")
    p.add_argument("--profile", metavar="P", default=None,
                   help="读出的 YAML 使用的版式（名称或版式文件）；缺省按发文机关选择，"
                        "没有该机关的版式时用通用版式 generic")
    p.set_defaults(func=_cmd_parse)


def _cmd_parse(args: argparse.Namespace) -> int:
    from .parse.api import cmd_parse
    return cmd_parse(args.input, args.output, force=args.force, published=args.published,
                     profile=args.profile)


def _add_diff(sub: Any) -> None:
    p = sub.add_parser("diff", help="逐字段比较两份纪要（YAML 或存档的 .txt/.pdf/.docx）",
                       description="逐字段列出两份纪要的差异。相同时退出码为 0，不同时为 1，无法读取时为 2。")
    p.add_argument("a", metavar="A", help="第一份纪要（.yaml、.txt、.pdf 或 .docx）")
    p.add_argument("b", metavar="B", help="第二份纪要")
    p.set_defaults(func=_cmd_diff)


def _cmd_diff(args: argparse.Namespace) -> int:
    from .diff import cmd_diff
    return cmd_diff(args.a, args.b)


# --------------------------------------------------------------------------- audit


def _add_audit(sub: Any) -> None:
    p = sub.add_parser("audit", help="检查成品纪要（PDF 或 DOCX）是否符合 GB/T 9704-2012",
                       description="测量成品纪要的版心、行数字数、字体字号、纪要标志、版记和页码，"
                                   "逐条列出不符合之处和改法。DOCX 按文档自身的设置检查，"
                                   "版面各项（版记所在页、纪要标志位置、各页页码）按 LibreOffice 转换的 PDF 测量。"
                                   "符合时退出码为 0，不符合时为 1，无法读取时为 2；"
                                   "半角标点等文字校对只作提示，不影响退出码。")
    p.add_argument("file", metavar="FILE", help="成品纪要：.pdf 或 .docx")
    p.add_argument("--profile", metavar="P", default=None,
                   help="按版式检查纪要标志字号等（名称或版式文件；缺省只查国标）")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（缺省 text）")
    p.set_defaults(func=_cmd_audit)


def _cmd_audit(args: argparse.Namespace) -> int:
    from .audit import audit_file
    from .audit.report import as_json, as_text
    from .model import load_profile
    profile = load_profile(args.profile) if args.profile else None
    report = audit_file(args.file, profile)
    write_stdout(as_json(report) if args.format == "json" else as_text(report))
    return EXIT_OK if report.conforms else EXIT_NONCONFORMING


# --------------------------------------------------------------------------- the table
#
# One line per subcommand. Each is an ``_add_<name>(sub)`` function that calls
# ``sub.add_parser(...)`` and ``set_defaults(func=_cmd_<name>)``; the command returns its exit
# code and raises DocgenError for bad input. Write outputs with docgen.atomic.

SUBCOMMANDS: list[Callable[[Any], None]] = [
    _add_check,
    _add_schema,
    _add_new,
    _add_templates,
    _add_render,
    _add_parse,
    _add_diff,
    _add_audit,
    _add_batch,
    _add_preview,
    _add_edit,
    _add_doctor,
]


# --------------------------------------------------------------------------- main


class _Parser(argparse.ArgumentParser):
    """argparse with its error line in Chinese (exit code 2, as argparse does)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"错误：命令行参数有误：{message}\n"
                              f"（使用 {self.prog} -h 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # Accepted both before and after the subcommand; SUPPRESS keeps a later default from
    # overwriting a --debug given before the subcommand.
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="出错时显示完整的 Python 调用栈")
    parser = _Parser(prog="docgen", parents=[common],
                     description="会议纪要（GB/T 9704-2012）：YAML → DOCX/PDF，以及把存档纪要读回 YAML。")
    parser.add_argument("--version", action="version", version=f"docgen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    original = sub.add_parser

    def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        kwargs.setdefault("parents", [common])
        return original(name, **kwargs)

    sub.add_parser = add_parser  # type: ignore[method-assign]
    for add in SUBCOMMANDS:
        add(sub)
    return parser


def _quiet_stdio() -> None:
    """Never die of an unencodable character on a non-UTF-8 console."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def main(argv: list[str] | None = None) -> int:
    _quiet_stdio()
    # pydantic looks for plugins among every installed distribution's entry points the
    # first time a model is built: ~30 ms of a 0.45 s `docgen check`, for plugins docgen
    # has none of (pydantic's documented switch; a user's own setting is kept)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = getattr(args, "debug", False)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_INPUT
    try:
        return int(func(args) or 0)
    except DocgenError as exc:
        if debug:
            traceback.print_exc()
        for problem in exc.problems or [Problem("输入有误")]:
            error(problem)
        return EXIT_INPUT
    except KeyboardInterrupt:
        if debug:
            traceback.print_exc()
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            traceback.print_exc()
        else:
            print(f"内部错误：{type(exc).__name__}: {exc} 请使用 --debug 查看详情", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
