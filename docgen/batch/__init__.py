"""``docgen batch``: many drafts and archived minutes, on this machine or a Dask cluster.

The package follows a run from start to end:

* ``inputs``   — which files the paths given name (folders one level deep, one per name);
* ``jobs``     — one input's chain (parse an archived copy, then render), run anywhere;
* ``marks``    — how a file is remembered (hash, size, time);
* ``manifest`` — ``DIR/docgen-batch.jsonl``: what was done, so a run can resume;
* ``pool`` / ``cluster`` — where jobs run: local processes, or Dask (only with --scheduler);
* ``progress`` — a tqdm bar on a terminal, a line per file in a log;
* ``run``      — the command itself; ``report`` — ``docgen batch --report DIR``.

Every file is written atomically (docgen.atomic), so whatever stops a run leaves whole
outputs and a manifest from which the next run does only what is missing or changed.
"""

from .report import report
from .run import run_batch

__all__ = ["report", "run_batch"]
