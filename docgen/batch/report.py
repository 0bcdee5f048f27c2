"""``docgen batch --report DIR``: what the manifest says of a batch, checked against the disk."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import DocgenError
from .manifest import Manifest
from .marks import unchanged

SHOWN = 20


def report(out_dir: Path) -> int:
    """Print the summary; 0 when every input is done and its outputs intact, else 1."""
    manifest = Manifest.load(out_dir)
    if not manifest.records:
        raise DocgenError.one("这里没有批处理记录（docgen-batch.jsonl）", file=str(out_dir),
                              hint="先用 docgen batch … -o 这个文件夹 运行一次")
    records = list(manifest.records.values())
    status = Counter(r.get("status") for r in records)
    versions = Counter(r.get("docgen") for r in records)
    outputs = [(name, m) for r in records for name, m in (r.get("outputs") or {}).items()]
    damaged = [name for name, m in outputs if not unchanged(out_dir / name, m)]
    print(f"批处理记录：{manifest.path}")
    print(f"共 {len(records)} 个输入：完成 {status['done']} 个，失败 {status['failed']} 个；"
          f"输出文件 {len(outputs)} 个，其中 {len(damaged)} 个已不在或已改动")
    print("docgen 版本：" + "，".join(f"{v} 共 {n} 个" for v, n in versions.most_common()))
    seconds = sum(r.get("seconds", 0) for r in records)
    print(f"处理用时合计 {seconds:.1f} 秒；最近一条记录 {max(r.get('at', '') for r in records)}")
    if manifest.torn:
        print(f"有 {manifest.torn} 行记录不完整（运行被中断时写了一半），已忽略")
    failed = [r for r in records if r.get("status") == "failed"]
    if failed:
        print("失败的文件：")
        for r in failed[:SHOWN]:
            first = (r.get("error") or "").splitlines()[0] if r.get("error") else ""
            print(f"  {r.get('name')}：{first}")
        if len(failed) > SHOWN:
            print(f"  …… 另有 {len(failed) - SHOWN} 个")
    if damaged:
        print("已不在或已改动的输出（再次运行 docgen batch 会重新生成）：")
        for name in damaged[:SHOWN]:
            print(f"  {out_dir / name}")
    return 0 if not failed and not damaged else 1
