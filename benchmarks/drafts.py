"""Drafts made from the seed: more or fewer topics and items, shuffled, deterministic."""

from __future__ import annotations

import random
from pathlib import Path

from docgen.model import Minutes
from docgen.model.dump import dump

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "suzhou-2020-96.yaml"


def load_seed() -> Minutes:
    from docgen.model import load_minutes
    return load_minutes(SEED).minutes


def _with(seed: Minutes, topics: list[dict], session: int, attending: list | None = None) -> Minutes:
    data = seed.model_dump()
    data["topics"] = topics
    data["session"] = session
    data["preamble"] = None            # generated from the topics, so it matches them
    if attending is not None and data.get("attendance"):
        data["attendance"]["attending"] = attending
    return Minutes.model_validate(data)


def sized(seed: Minutes, n_topics: int) -> Minutes:
    """n topics: the seed's topics in turn (all their items), repeated as needed."""
    base = seed.model_dump()["topics"]
    topics = [base[i % len(base)] for i in range(n_topics)]
    return _with(seed, topics, seed.session or 1)


def varied(seed: Minutes, count: int, rng_seed: int = 9704) -> list[Minutes]:
    """``count`` drafts of varied length: 1…all topics in random order, each with a random
    non-empty selection of its items (shuffled), and part of the 列席 list."""
    rng = random.Random(rng_seed)
    base = seed.model_dump()
    drafts = []
    for i in range(count):
        chosen = rng.sample(base["topics"], rng.randint(1, len(base["topics"])))
        topics = []
        for topic in chosen:
            items = topic["items"]
            topics.append({**topic, "items": rng.sample(items, rng.randint(1, len(items)))})
        attending = None
        if base.get("attendance") and base["attendance"]["attending"]:
            full = base["attendance"]["attending"]
            attending = full[: rng.randint(1, len(full))]
        drafts.append(_with(seed, topics, 100 + i, attending))
    return drafts


def write_drafts(drafts: list[Minutes], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, m in enumerate(drafts):
        path = folder / f"draft-{i:03d}.yaml"
        path.write_text(dump(m), encoding="utf-8")
        paths.append(path)
    return paths
