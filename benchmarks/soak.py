"""Soak run: many generated articles through ``extractor extract --jobs 2``, memory sampled.

    python benchmarks/soak.py --articles 20000 --jobs 2          # prints a table
    python benchmarks/soak.py --articles 2000 --json > soak.json

Each article is its own file: a headline, a dateline and four to eight paragraphs drawn from
corpus/ with every digit replaced at random, so no two files are alike. The run is one
``extractor extract FOLDER -o out.jsonl --jobs N -q`` process; every 0.5 s the resident
memory (VmRSS, /proc, Linux) of the parent and of each worker is read, and the table gives
them at each tenth of the files written. Flat memory: the last tenth's figures are those of
the first tenth, give or take the noise of a garbage-collected process.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def paragraphs() -> list[str]:
    found = []
    for path in sorted((ROOT / "corpus").rglob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if 40 <= len(block) <= 600:
                found.append(block)
    return found


def article(n: int, pool: list[str], rng: random.Random) -> str:
    body = "\n\n".join(
        re.sub(r"\d", lambda _: str(rng.randrange(10)), p)
        for p in rng.sample(pool, rng.randint(4, 8))
    )
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return f"第{n}号通报：警方破获案件\n\n本报讯（记者 张{n % 100}）{month}月{day}日，{body}\n"


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in command:
                found.append(int(entry.name))
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print the samples as JSON")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        chars = 0
        for n in range(args.articles):
            text = article(n, pool, rng)
            chars += len(text)
            (folder / f"a{n:06d}.txt").write_text(text, encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        exe = Path(sys.executable).with_name("extractor")
        command = [str(exe), "extract", str(folder), "-o", str(out), "-j", str(args.jobs), "-q"]
        started = time.monotonic()
        run = subprocess.Popen(command)
        samples = []
        while run.poll() is None:
            time.sleep(0.5)
            written = out.read_bytes().count(b"\n") if out.exists() else 0
            workers = [rss_mb(pid) for pid in children(run.pid)]
            samples.append(
                {
                    "seconds": round(time.monotonic() - started, 1),
                    "files": written,
                    "parent_mb": round(rss_mb(run.pid), 1),
                    "workers_mb": [round(w, 1) for w in workers],
                }
            )
        seconds = time.monotonic() - started
        lines = out.read_bytes().count(b"\n")
        errors = sum(1 for line in out.open(encoding="utf-8") if '"error"' in line)
    if args.json:
        json.dump(
            {"articles": args.articles, "chars": chars, "seconds": seconds, "samples": samples},
            sys.stdout,
            indent=1,
        )
        return
    print(
        f"{args.articles:,} articles ({chars:,} characters), --jobs {args.jobs}: "
        f"exit {run.returncode}, {lines:,} documents, {errors} errors, {seconds:.0f} s"
    )
    print("| files written | s | parent RSS MB | worker RSS MB |")
    print("|---:|---:|---:|---|")
    shown = set()
    for tenth in range(1, 11):
        goal = args.articles * tenth // 10
        sample = next((s for s in samples if s["files"] >= goal and s["workers_mb"]), None)
        if sample is None:
            sample = [s for s in samples if s["workers_mb"]][-1]
        if sample["seconds"] in shown:
            continue
        shown.add(sample["seconds"])
        workers = ", ".join(f"{w:.0f}" for w in sample["workers_mb"])
        print(
            f"| {sample['files']:,} | {sample['seconds']:.0f} | {sample['parent_mb']:.0f} | {workers} |"
        )


if __name__ == "__main__":
    main()
