"""Benchmark ``cleaner batch``: files/s against a floor, rerun time, peak memory, jusText, start-up. Prints a table.

Run from the repository, with ../shared beside it (the dev pages the inputs are made from):

    python bench/batch_bench.py                      # 10,000 files, --jobs 1 and 2 (about 5 minutes on 2 cores)
    python bench/batch_bench.py --sizes 10000,100000 # add the 100,000-file run (about an hour more)

Not a test: nothing here fails on a number; it measures and prints, and the README quotes the table.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "dev"
#: Files per generated folder, like a scraper that writes one folder per site or per day.
PER_FOLDER = 500

#: The floor: the least any batch tool must do per file (read, decode, dump JSON, write), in one process.
FLOOR = r"""
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
for folder, dirs, names in os.walk(src):
    dirs.sort()
    out = os.path.join(dst, os.path.relpath(folder, src))
    os.makedirs(out, exist_ok=True)
    for name in sorted(names):
        with open(os.path.join(folder, name), "rb") as f:
            text = f.read().decode("utf-8", "replace")
        with open(os.path.join(out, os.path.splitext(name)[0] + ".json"), "w", encoding="utf-8") as f:
            f.write(json.dumps({"body": text}, ensure_ascii=False) + "\n")
"""


def env() -> dict[str, str]:
    """Return the environment of a child that imports this working tree's cleaner."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def generate(folder: Path, count: int) -> None:
    """Write ``count`` inputs cycled from the dev pages (dump and seedlike shapes), each one a little different."""
    texts = [p.read_bytes() for shape in ("dump", "seedlike") for p in sorted((DEV / shape).glob("*.txt"))]
    for i in range(count):
        sub = folder / f"site{i // PER_FOLDER:04d}"
        if i % PER_FOLDER == 0:
            sub.mkdir(parents=True, exist_ok=True)
        # A last line that differs per file, so that no two inputs (or outputs) are the same bytes.
        (sub / f"{i:06d}.txt").write_bytes(texts[i % len(texts)] + f"\n\nArchived copy {i:06d}.\n".encode())


class TreeMemory:
    """Sample the resident memory of a process and all its descendants, summed, and keep the peak."""

    def __init__(self, pid: int) -> None:
        """Watch the tree rooted at ``pid`` from a thread, every 20 ms."""
        self.pid, self.peak, self.done = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()

    def _tree(self) -> list[int]:
        """Return the pids of the tree."""
        pids, i = [self.pid], 0
        while i < len(pids):
            try:
                with open(f"/proc/{pids[i]}/task/{pids[i]}/children") as f:
                    pids += [int(p) for p in f.read().split()]
            except OSError:
                pass
            i += 1
        return pids

    def _poll(self) -> None:
        """Sum VmRSS over the tree until stopped."""
        while not self.done.wait(0.02):
            total = 0
            for pid in self._tree():
                try:
                    with open(f"/proc/{pid}/status") as f:
                        total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
                except (OSError, StopIteration):
                    pass
            self.peak = max(self.peak, total * 1024)

    def stop(self) -> int:
        """Stop sampling and return the peak in bytes."""
        self.done.set()
        self.thread.join()
        return self.peak


def timed(args: Sequence[str]) -> tuple[float, int, int]:
    """Run a command; return its wall time, the peak memory of its process tree, and its exit status."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env()
    )
    memory = TreeMemory(proc.pid)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return seconds, memory.stop(), proc.returncode


def batch(src: Path, out: Path, *args: str) -> list[str]:
    """Return the command that runs ``cleaner batch`` from this working tree."""
    return [sys.executable, "-m", "cleaner", "batch", str(src), str(out), "-q", *args]


def per_file_overhead(src: Path, work: Path, sample: int, rounds: int = 3) -> tuple[float, float]:
    """Return ms per file of cleaning ``sample`` inputs directly (read, clean_bytes, dump, write) and through batch.

    The two alternate for ``rounds`` rounds and the best of each counts, so that the load of the machine, which
    comes and goes, weighs on both alike.
    """
    sys.path.insert(0, str(ROOT))
    from cleaner import clean_bytes
    from cleaner.batch import Options, run_batch

    sub = work / "overhead-in"
    shutil.rmtree(sub, ignore_errors=True)
    sub.mkdir()
    for p in sorted(src.rglob("*.txt"))[:sample]:
        shutil.copy(p, sub / p.name)
    clean_bytes(b"warm up: load the lexicons and the model before timing")
    direct, through = [], []
    for r in range(rounds):
        out = work / f"overhead-direct-{r}"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(work / f"overhead-batch-{r}", ignore_errors=True)
        out.mkdir()
        start = time.perf_counter()
        for p in sorted(sub.iterdir()):
            doc = clean_bytes(p.read_bytes(), source=p.name)
            (out / (p.stem + ".json")).write_text(doc.to_json() + "\n", encoding="utf-8")
        direct.append(time.perf_counter() - start)
        start = time.perf_counter()
        run_batch(Options(str(sub), str(work / f"overhead-batch-{r}"), jobs=1))
        through.append(time.perf_counter() - start)
    return min(direct) / sample * 1000, min(through) / sample * 1000


def justext_rate(texts: list[str]) -> float:
    """Return jusText's documents per second over ``texts`` (each line a <p>), in this one process."""
    import justext

    stoplist = justext.get_stoplist("English")
    pages = [
        "<html><body>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in t.splitlines() if line.strip())
        + "</body></html>"
        for t in texts
    ]
    start = time.perf_counter()
    for page in pages:
        justext.justext(page, stoplist)
    return len(pages) / (time.perf_counter() - start)


def startup(runs: int, work: Path) -> tuple[list[float], list[float]]:
    """Return the wall times of ``cleaner clean small.txt`` and of ``python -c "import click, regex, json"``."""
    small = work / "small.txt"
    small.write_text(" date 2022-11-29 The Pentagon.\n\nThe hotline was used once.\n\nTags: Russia, USA\n")
    commands = (
        [sys.executable, "-m", "cleaner", "clean", str(small)],
        [sys.executable, "-c", "import click, regex, json"],
    )
    # An installed package has its bytecode compiled (pip does it); with PYTHONDONTWRITEBYTECODE set, a working tree
    # would otherwise recompile every changed module at every start. Compile it once, as an install would.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "cleaner")],
        stdout=subprocess.DEVNULL,
        check=True,
        env={k: v for k, v in env().items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for command, out in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env())
            out.append(time.perf_counter() - start)
    return times


def row(cells: Sequence[object]) -> str:
    """Return one Markdown table row."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def main(argv: Sequence[str] | None = None) -> None:
    """Generate the inputs, run every measurement, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="file counts, comma-separated (default: 10000)")
    parser.add_argument("--jobs", default="1,2", help="--jobs values to time (default: 1,2)")
    parser.add_argument("--dump-docs", type=int, default=500, help="dump pages for the jusText comparison")
    parser.add_argument("--overhead-sample", type=int, default=300, help="inputs for the per-file overhead")
    parser.add_argument("--startup-runs", type=int, default=20, help="runs of each start-up command")
    parser.add_argument("--work", help="folder for the generated trees (default: a temporary one, removed)")
    args = parser.parse_args(argv)
    if not DEV.is_dir():
        sys.exit(f"{DEV} is absent: the benchmark makes its inputs from the dev pages in ../shared")
    work = Path(args.work or tempfile.mkdtemp(prefix="batch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load before: {os.getloadavg()[0]:.2f}, work: {work}", file=sys.stderr)
    lines = [
        row(["files", "run", "seconds", "files/s", "× floor", "peak RSS, tree"]),
        row(["---:", "---", "---:", "---:", "---:", "---:"]),
    ]
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            src = work / f"in-{size}"
            if not src.exists():
                generate(src, size)
            shutil.rmtree(work / f"floor-{size}", ignore_errors=True)  # a kept --work folder: start afresh
            floor, floor_mem, _ = timed([sys.executable, "-c", FLOOR, str(src), str(work / f"floor-{size}")])
            lines.append(
                row(
                    [
                        f"{size:,}",
                        "floor (read, json.dumps, write)",
                        f"{floor:.1f}",
                        f"{size / floor:,.0f}",
                        "1",
                        f"{floor_mem / 2**20:.0f} MB",
                    ]
                )
            )
            for jobs in args.jobs.split(","):
                out = work / f"out-{size}-{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                first, mem, _ = timed(batch(src, out, "--jobs", jobs))
                lines.append(
                    row(
                        [
                            f"{size:,}",
                            f"cleaner batch --jobs {jobs}",
                            f"{first:.1f}",
                            f"{size / first:,.0f}",
                            f"{floor / first:.3f}",
                            f"{mem / 2**20:.0f} MB",
                        ]
                    )
                )
                again, mem, _ = timed(batch(src, out, "--jobs", jobs))
                lines.append(
                    row(
                        [
                            f"{size:,}",
                            f"rerun, unchanged ({again / first:.1%} of the first)",
                            f"{again:.2f}",
                            "",
                            "",
                            f"{mem / 2**20:.0f} MB",
                        ]
                    )
                )
                print("\n".join(lines[-2:]), file=sys.stderr)
        print("\n".join(lines))
        direct, through = per_file_overhead(work / f"in-{args.sizes.split(',')[0]}", work, args.overhead_sample)
        print(
            f"\nper file, {args.overhead_sample} inputs in-process, best of 3: clean_bytes + write {direct:.2f} ms, "
            f"cleaner.batch --jobs 1 {through:.2f} ms: the batch machinery adds {through - direct:.2f} ms a file"
        )
        dumps = sorted((DEV / "dump").glob("*.txt"))[: args.dump_docs]
        folder = work / "dump"
        folder.mkdir(exist_ok=True)
        for p in dumps:
            shutil.copy(p, folder / p.name)
        shutil.rmtree(work / "dump-out", ignore_errors=True)
        seconds, _, _ = timed(batch(folder, work / "dump-out", "--jobs", "1"))
        jt = justext_rate([p.read_text(encoding="utf-8", errors="replace") for p in dumps])
        ours = len(dumps) / seconds
        print(
            f"\n{len(dumps)} dump pages: cleaner batch --jobs 1 (process start included) {ours:.1f} docs/s; "
            f"jusText in one process {jt:.1f} docs/s; ratio {ours / jt:.2f}× (target 3×)"
        )
        ours_t, base_t = startup(args.startup_runs, work)
        print(
            f"\nstart-up over {args.startup_runs} runs: cleaner clean small.txt best {min(ours_t) * 1000:.0f} ms, "
            f"median {statistics.median(ours_t) * 1000:.0f} ms; python -c 'import click, regex, json' best "
            f"{min(base_t) * 1000:.0f} ms, median {statistics.median(base_t) * 1000:.0f} ms; ratio of medians "
            f"{statistics.median(ours_t) / statistics.median(base_t):.2f} (target ≤ 1.5)"
        )
        print(
            f"\nload after: {os.getloadavg()[0]:.2f} (other processes on the machine skew every number)",
            file=sys.stderr,
        )
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
