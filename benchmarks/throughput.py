"""Throughput of the whole extractor against JioNLP, as whole processes (issue 8).

    pip install -e ".[bench]"        # installs jionlp for the comparison
    python benchmarks/throughput.py [--big-mb 1.8] [--small-mb 0.2] [--many 10000] [--repeat 3]
                                    [--json > run.json]   # later: --from-json run.json

Builds, under a temporary folder, a big corpus (at least ``--big-mb`` MB) and a small one
(``--small-mb`` MB) from the articles of corpus/ (every ``*.txt`` under it, in a fixed
shuffled order, each article once), and measures side by side the wall time of

  (a) ``extractor extract BIG -o out.jsonl --jobs 1 -q``
  (b) the same with ``--jobs 2``
  (c) JioNLP's ``extract_money`` + ``extract_time`` over the same files, in one process

Each article appears once: both tools keep what they have read (JioNLP whole inputs, the
extractor sentences and the words around numbers), so a corpus of copies measures their
caches as much as their reading. Until 2026-12-07 the corpus was copies of the 14 top-level
files (OCR'd pages, fewer numbers to a line than the articles), each made distinct by a line
of its own: that defeated JioNLP's cache of whole inputs but not the extractor's, whose
sentences repeated. The same code and machine, an hour apart (README, "Throughput"): the
extractor 71,204 chars/s on those copies and 37,904 on the articles, JioNLP 65,219 and
45,473, so 1.09x against 0.83x. A ``--big-mb`` larger than corpus/ starts the articles
over, and the report says the texts repeat.

Steady-state chars/s = (big - small chars) / (big - small seconds), which takes start-up
out; start-up = wall time on an empty input; peak RSS per process (the largest single
process, workers included, from getrusage of the children). With ``--repeat N`` every
measurement is taken N times, the three runs interleaved (a, b, c, a, b, c, …) so that a
slow spell of a shared machine falls on all of them alike, and the median is reported. Then RSS of ``--jobs 1`` over
``--many`` small files, against the same run over a tenth as many (flat means no growth).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

JIONLP_RUNNER = """
import sys
from pathlib import Path
import jionlp as jio
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text(encoding="utf-8")
    jio.ner.extract_money(text)
    jio.ner.extract_time(text)
"""

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(wall, peak, code)
"""


def articles() -> list[str]:
    """Every article of corpus/ (``*.txt`` at any depth), in a fixed shuffled order, so
    that any prefix holds every genre."""
    paths = sorted(CORPUS.rglob("*.txt"))
    random.Random(2026).shuffle(paths)
    return [p.read_text(encoding="utf-8") for p in paths]


def build_corpus(folder: Path, target_bytes: int, sources: list[str]) -> tuple[int, bool]:
    """Articles from ``sources``, each once, until ``target_bytes`` of UTF-8; returns the
    characters written and whether the articles had to start over (then each copy gets a
    line of its own, and the texts repeat all the same)."""
    folder.mkdir(parents=True, exist_ok=True)
    total = size = copy = 0
    while size < target_bytes:
        text = sources[copy % len(sources)]
        if copy >= len(sources):
            text = f"{text}\n\n（本文第{copy}份副本，编号{copy:06d}。）\n"
        (folder / f"c{copy:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
        size += len(text.encode("utf-8"))
        copy += 1
    return total, copy > len(sources)


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``command`` run as a fresh process tree."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    wall, peak_kb, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"failed ({code}): {' '.join(command)}")
    return float(wall), float(peak_kb) / 1024


def extractor_command(folder: Path, jobs: int, out: Path) -> list[str]:
    exe = shutil.which("extractor") or "extractor"
    return [exe, "extract", str(folder), "-o", str(out), "--jobs", str(jobs), "-q"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=float, default=1.8)
    parser.add_argument("--small-mb", type=float, default=0.2)
    parser.add_argument("--many", type=int, default=10_000)
    parser.add_argument("--no-jionlp", action="store_true", help="skip the JioNLP column")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, interleaved")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--from-json", type=Path, help="print the table of a saved --json run")
    args = parser.parse_args()
    if args.from_json:
        print(report(json.loads(args.from_json.read_text(encoding="utf-8"))))
        return

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sources = articles()
        big_chars, repeats = build_corpus(base / "big", int(args.big_mb * 1_000_000), sources)
        small_chars, _ = build_corpus(base / "small", int(args.small_mb * 1_000_000), sources)
        (base / "empty").mkdir()
        (base / "empty" / "empty.txt").write_text("", encoding="utf-8")
        big_mb = sum(p.stat().st_size for p in (base / "big").iterdir()) / 1e6
        out = base / "out.jsonl"

        runs: dict[str, object] = {
            "extractor --jobs 1": lambda folder: extractor_command(folder, 1, out),
            "extractor --jobs 2": lambda folder: extractor_command(folder, 2, out),
        }
        if not args.no_jionlp:
            runs["JioNLP extract_money + extract_time"] = lambda folder: [
                sys.executable,
                "-c",
                JIONLP_RUNNER,
                str(folder),
            ]
        taken: dict[str, dict[str, list[float]]] = {name: {} for name in runs}
        for round_ in range(1, args.repeat + 1):
            for name, command in runs.items():
                for size in ("big", "small", "empty"):
                    seconds, rss = measure(command(base / size))  # type: ignore[operator]
                    taken[name].setdefault(f"{size}_seconds", []).append(seconds)
                    taken[name].setdefault("rss", []).append(rss)
                print(f"measured {name} (round {round_})", file=sys.stderr)
        for name, t in taken.items():
            big_s, small_s = median(t["big_seconds"]), median(t["small_seconds"])
            rounds = [
                (big_chars - small_chars) / (b - s)
                for b, s in zip(t["big_seconds"], t["small_seconds"], strict=True)
            ]
            results[name] = {
                "big_seconds": big_s,
                "small_seconds": small_s,
                "steady_chars_per_s": (big_chars - small_chars) / (big_s - small_s),
                "steady_rounds": rounds,
                "steady_lowest_round": min(rounds),
                "steady_highest_round": max(rounds),
                "startup_seconds": median(t["empty_seconds"]),
                "peak_rss_mb": max(t["rss"]),
            }

        many = args.many
        if many:
            few = max(1, many // 10)
            for count, label in ((few, "few"), (many, "many")):
                folder = base / f"files_{count}"
                _small_files(folder, count)
                seconds, rss = measure(extractor_command(folder, 1, out))
                results[f"--jobs 1 over {count:,} files"] = {"seconds": seconds, "peak_rss_mb": rss}
                print(f"measured {count} files ({label})", file=sys.stderr)

    data = {
        "machine": f"{platform.machine()}, {_cores()} cores, Python {platform.python_version()}",
        "big_mb": big_mb,
        "big_chars": big_chars,
        "small_chars": small_chars,
        "repeats": repeats,
        "repeat": args.repeat,
        "results": results,
    }
    print(json.dumps(data, indent=2) if args.json else report(data))


def report(data: dict) -> str:
    """The Markdown table and the two ratios of a run (``--json`` output reads back in)."""
    results: dict[str, dict[str, float]] = data["results"]
    lines = [
        f"machine: {data['machine']}; big corpus {data['big_mb']:.1f} MB "
        f"({data['big_chars']:,} chars), small {data['small_chars']:,} chars; "
        f"median of {data['repeat']} interleaved runs"
        + {
            True: "; the big corpus repeats articles (caches favour both tools)",
            False: "; every article once",
        }.get(data.get("repeats"), ""),
        "",
        "| run | steady chars/s | rounds (lowest–highest) | start-up s | peak RSS MB | big corpus s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        if "steady_chars_per_s" in r:
            lines.append(
                f"| {name} | {r['steady_chars_per_s']:,.0f} | "
                f"{r['steady_lowest_round']:,.0f}–{r['steady_highest_round']:,.0f} | "
                f"{r['startup_seconds']:.2f} | {r['peak_rss_mb']:.0f} | {r['big_seconds']:.1f} |"
            )
    for name, r in results.items():
        if "steady_chars_per_s" not in r:
            lines.append(f"| {name} | | | | {r['peak_rss_mb']:.0f} | {r['seconds']:.1f} |")
    lines.append("")
    one, two = results["extractor --jobs 1"], results["extractor --jobs 2"]
    lines.append(_ratio("--jobs 2 / --jobs 1", two, one, 1.6))
    jionlp = results.get("JioNLP extract_money + extract_time")
    if jionlp:
        lines.append(_ratio("extractor --jobs 1 / JioNLP", one, jionlp, 2.5))
    return "\n".join(lines)


def _ratio(label: str, a: dict, b: dict, target: float) -> str:
    """The ratio of the median steady rates, and the median of the per-round ratios: the
    runs of one round follow each other, so a slow spell of a shared machine that falls
    on a round slows both sides of its ratio."""
    text = f"{label}: {a['steady_chars_per_s'] / b['steady_chars_per_s']:.2f}x"
    if "steady_rounds" in a and "steady_rounds" in b:
        paired = [x / y for x, y in zip(a["steady_rounds"], b["steady_rounds"], strict=True)]
        text += f"; per round {min(paired):.2f}x–{max(paired):.2f}x, median {median(paired):.2f}x"
    return f"{text} (target {target}x)"


def _small_files(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8")[:600] for p in sorted(CORPUS.glob("*.txt"))]
    for i in range(count):
        (folder / f"f{i:06d}.txt").write_text(f"{texts[i % len(texts)]}\n（编号{i}。）\n", "utf-8")


def _cores() -> int:
    try:
        import os

        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        return 1


if __name__ == "__main__":
    main()
