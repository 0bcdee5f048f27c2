"""``python -m benchmarks.compare REV...``: the seed's warm PDF render at several git revisions,
in alternated rounds, so that a change of 5 % can be told from the machine's drift.

Each revision is checked out once into a temporary worktree and measured in a fresh process
per round (its own ``docgen`` on ``sys.path``; this checkout's fonts, fontconfig file and
virtualenv). A round runs every revision once, in turn, so slow minutes hit them all alike.
Prints, per revision, the median over rounds of each process's median render time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from docgen.environment import FONT_DIR, REPO_ROOT, fontconfig_file

PROBE = """
import statistics, sys, time
from pathlib import Path
from docgen.environment import ensure_fontconfig_env
ensure_fontconfig_env()
from docgen.model.load import load_minutes
from docgen.render.api import render_bytes
m = load_minutes(Path(sys.argv[1])).minutes
for _ in range(2):
    render_bytes(m, "pdf")
times = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    render_bytes(m, "pdf")
    times.append((time.perf_counter() - t) * 1000)
print(statistics.median(times))
"""


def measure(tree: Path, runs: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree), DOCGEN_FONT_DIR=str(FONT_DIR),
               FONTCONFIG_FILE=str(fontconfig_file()))
    seed = tree / "fixtures" / "suzhou-2020-96.yaml"
    out = subprocess.run([sys.executable, "-c", PROBE, str(seed), str(runs)], env=env,
                         cwd=tree, check=True, capture_output=True, text=True)
    return float(out.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("revs", nargs="+", help="git revisions, oldest first")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=10, help="warm renders per process")
    args = ap.parse_args(argv)
    results: dict[str, list[float]] = {rev: [] for rev in args.revs}
    with tempfile.TemporaryDirectory() as tmp:
        trees = {}
        for rev in args.revs:
            tree = Path(tmp) / rev.replace("/", "_")
            subprocess.run(["git", "-C", str(REPO_ROOT), "worktree", "add", "--detach", "-q",
                            str(tree), rev], check=True)
            trees[rev] = tree
        try:
            for n in range(args.rounds):
                for rev, tree in trees.items():
                    results[rev].append(measure(tree, args.runs))
                print(f"round {n + 1}: " + "  ".join(f"{r} {results[r][-1]:.0f}" for r in trees),
                      flush=True)
        finally:
            for tree in trees.values():
                subprocess.run(["git", "-C", str(REPO_ROOT), "worktree", "remove", "--force",
                                str(tree)], check=False)
    for rev, values in results.items():
        print(f"{rev:12s} render_pdf_ms {statistics.median(values):6.1f}   rounds "
              + " ".join(f"{v:.0f}" for v in values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
