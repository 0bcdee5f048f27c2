"""Which files a batch takes from the paths it was given.

Files named on the command line are taken as they are. Folders are read one level deep;
when a folder holds several files of the same name (``a.yaml`` beside ``a.pdf``), one is
the source and the others are taken for its renderings and left alone: YAML first, then
.docx, .pdf, .txt. Two sources of the same name from different places would write the
same outputs: the later ones are refused (``render.api.one_name_each``).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from .jobs import ARCHIVE_SUFFIXES, YAML_SUFFIXES, Result

PREFERENCE = {s: i for i, s in enumerate(YAML_SUFFIXES + ARCHIVE_SUFFIXES)}


def collect(inputs: list[str]) -> tuple[list[Path], list[Result], int]:
    """(files to process, failures found on the way, same-name files set aside)."""
    files: list[Path] = []
    failed: list[Result] = []
    aside = 0
    seen: set[Path] = set()

    def take(path: Path) -> None:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            files.append(path)

    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for group in _by_stem(path):
                aside += len(group) - 1
                take(group[0])
        elif path.is_file():
            if path.suffix.lower() in PREFERENCE:
                take(path)
            else:
                failed.append(_refused(raw, Problem(
                    f"不支持的文件类型“{path.suffix or '（无扩展名）'}”", file=raw,
                    hint="可处理 .yaml/.yml 草稿和 .txt/.pdf/.docx 存档纪要")))
        else:
            failed.append(_refused(raw, Problem("找不到文件或文件夹", file=raw)))
    files, clashes = _one_name_each(files)
    return files, failed + clashes, aside


def _by_stem(folder: Path) -> list[list[Path]]:
    """The folder's inputs grouped by name, each group in order of preference."""
    groups: dict[str, list[Path]] = {}
    for child in sorted(folder.iterdir()):
        if child.is_file() and child.suffix.lower() in PREFERENCE and not child.name.startswith("."):
            groups.setdefault(child.stem, []).append(child)
    return [sorted(g, key=lambda p: PREFERENCE[p.suffix.lower()]) for g in groups.values()]


def _one_name_each(files: list[Path]) -> tuple[list[Path], list[Result]]:
    from ..render.api import one_name_each
    keep, refused = one_name_each(files)
    return keep, [_refused(p.file or "", p) for p in refused]


def _refused(name: str, problem: Problem) -> Result:
    return Result(name, "failed", key=str(Path(name).absolute()), errors=[str(problem)])
