"""Benchmark: build sites of 1 to 10,000 synthetic briefings and print the figures.

Run from the project folder:
    python benchmarks/run.py  [--sizes 1 10 100 1000 10000] [--where FOLDER] [--save [FILE]]
                              [--no-serve]

Each build runs `build.py build` in its own process, so wall time includes the
interpreter's start; CPU time counts the process and its workers (os.wait4);
peak memory is the whole process tree's, sampled (`TreeMemory`). Also timed:
`build.py check` on the same site, the search page answering a query in headless
Chromium (when Playwright is installed), and the default one-briefing build; and, to
tell a slow hour from a slow build, writing 10,000 plain files and a fixed pure-Python loop.
`--save` writes benchmarks/results.md with the machine described. At 1,000 briefings,
the incremental case too (`incremental`): one briefing changed and the site rebuilt,
and under `build.py serve` from the save to the page reloaded. The figures that
matter are ratios within the run (rebuild against cold build, 10,000 against 1,000),
since absolute times on a shared machine change from hour to hour.

Every site is built in one scratch folder, deleted only once all figures are taken:
on ext4, creating files is slow for minutes after thousands were deleted (`perf`
shows the time in `recently_deleted`, called from `ext4_create`), and each build
would otherwise pay for the folders of the size measured before it. For the same
reason, runs made within minutes of each other slow each other down.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental import rebuild_after_one_change, serve_reload_seconds  # noqa: E402
from synthetic import write_synthetic_briefings  # noqa: E402

TARGETS = "1,000 briefings: build <= 15 s wall and <= 500 MB peak; check <= 3 s; " \
          "bytes per briefing within 10% of the 10-briefing figure; search answers within 1 s " \
          "(open search.html from disk to results, headless Chromium); default build <= 1.5 s. " \
          "One briefing changed in 1,000: rebuild <= 1/10 of the cold build, and under serve " \
          "the page reloaded within 2 s. 10,000 briefings against 1,000: CPU <= 11x, " \
          "peak memory <= 3x, bytes per briefing within 5%."
INCREMENTAL_AT = 1000
"""Briefings of the site the incremental case changes one of (`--incremental-at`)."""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


@dataclass
class Row:
    briefings: int
    build: Run
    check: Run
    pages: int
    output_bytes: int
    search_seconds: float | None = None
    rebuild: Run | None = None
    """One briefing changed, the site built again with the cold build's cache."""
    serve_reload: float | None = None
    """Under serve: seconds from saving one briefing's change to the page reloaded with it."""

    @property
    def bytes_per_briefing(self) -> float:
        return self.output_bytes / self.briefings


def timed(args: list[str]) -> Run:
    """Run a command; its wall time, CPU time (its own and its workers') and peak memory.

    A large build forks worker processes, so the peak is of the memory of the whole process
    tree, sampled: each process's proportional set size (pages shared after a fork are split
    between the processes sharing them), summed. Where /proc is missing, the peak resident
    size of the largest single process (os.wait4) stands in."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = TreeMemory(process.pid)
    peak.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    peak.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{process.stderr.read().decode()}")
    peak_mb = peak.peak_mb or usage.ru_maxrss / 1024
    return Run(wall, usage.ru_utime + usage.ru_stime, peak_mb)


class TreeMemory(threading.Thread):
    """Samples, every 20 ms, the summed memory (PSS) of a process and its descendants."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mb = 0.0
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(0.02):
            total = sum(_pss_kb(pid) for pid in _tree(self.pid))
            self.peak_mb = max(self.peak_mb, total / 1024)

    def stop(self) -> None:
        self._stopped.set()
        self.join()


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(child) for child in children)
    return pids


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def project_config(folder: Path) -> Path:
    """A mkdocs.yml like the project's, for a docs folder elsewhere."""
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: templates", f"custom_dir: {PROJECT / 'templates'}")
    text = text.replace("  - templates", f"  - {PROJECT / 'templates'}")
    text = text.replace("docs_dir: docs", f"docs_dir: {folder / 'docs'}")
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def measure(count: int, scratch: Path, *, serve: bool = True,
            incremental_at: int = INCREMENTAL_AT) -> Row:
    """Build `count` synthetic briefings in a folder of their own in `scratch`, left there;
    at `incremental_at` briefings, rebuild after one changed, and preview it (`serve`)."""
    folder = Path(tempfile.mkdtemp(prefix=f"{count}-", dir=scratch))
    write_synthetic_briefings(folder / "docs", count)
    config = project_config(folder)
    build_py = [sys.executable, str(PROJECT / "build.py"), "--config", str(config)]
    check = timed(build_py + ["check"])
    build = timed(build_py + ["build", "--site-dir", str(folder / "site")])
    files = [p for p in (folder / "site").rglob("*") if p.is_file()]
    pages = sum(1 for p in files if p.suffix == ".html")
    row = Row(count, build, check, pages, sum(p.stat().st_size for p in files),
              search_time(folder / "site"))
    if count == incremental_at:
        row.rebuild = rebuild_after_one_change(folder, count, build_py, timed)
        row.serve_reload = serve_reload_seconds(folder, count, build_py) if serve else None
    return row


def search_time(site: Path) -> float | None:
    """Seconds from opening search.html?q=... from disk in headless Chromium to results shown
    (the index loaded and searched); None without Playwright and Debian's chromium."""
    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not chromium.exists():
        return None
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(chromium), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        started = time.perf_counter()
        page.goto((site / "search.html").as_uri() + "?q=missing+children")
        page.wait_for_function("document.getElementById('search-status').textContent !== ''")
        seconds = time.perf_counter() - started
        browser.close()
    return seconds


def default_build(scratch: Path) -> Run:
    folder = Path(tempfile.mkdtemp(prefix="default-", dir=scratch))
    return timed([sys.executable, str(PROJECT / "build.py"), "build", "--site-dir",
                  str(folder / "site")])


def table(rows: list[Row], default: Run, incremental_at: int = INCREMENTAL_AT) -> str:
    lines = ["| briefings | build wall s | build CPU s | peak MB, all processes | pages | "
             "output MB | KB per briefing | check wall s | search s |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        search = f"{r.search_seconds:.2f}" if r.search_seconds is not None else "n/a"
        lines.append(f"| {r.briefings:,} | {r.build.wall:.2f} | {r.build.cpu:.2f} | "
                     f"{r.build.peak_mb:.0f} | {r.pages:,} | {r.output_bytes / 1e6:.1f} | "
                     f"{r.bytes_per_briefing / 1e3:.1f} | {r.check.wall:.2f} | {search} |")
    lines.append("")
    by_count = {r.briefings: r for r in rows}
    if 10 in by_count and 1000 in by_count:
        ten, thousand = by_count[10].bytes_per_briefing, by_count[1000].bytes_per_briefing
        change = 100 * (thousand - ten) / ten
        lines.append(f"Bytes per briefing at 1,000 against 10: {change:+.1f}% "
                     "(target: within 10%).")
        lines.append("")
    lines += ratios(by_count, incremental_at)
    lines.append(f"Default one-briefing build (`python build.py`, interpreter start included): "
                 f"{default.wall:.2f} s wall, {default.peak_mb:.0f} MB peak.")
    return "\n".join(lines)


def ratios(by_count: dict[int, Row], incremental_at: int) -> list[str]:
    """The incremental and the tenfold figures (10,000 against 1,000), as ratios in this run."""
    lines = []
    cold = by_count.get(incremental_at)
    if cold is not None and cold.rebuild is not None:
        again = cold.rebuild
        lines.append(f"One briefing changed in {cold.briefings:,}, rebuilt: {again.wall:.2f} s "
                     f"wall, {again.cpu:.2f} s CPU, {again.peak_mb:.0f} MB peak; against the "
                     f"cold build: {again.wall / cold.build.wall:.2f} of its wall time, "
                     f"{again.cpu / cold.build.cpu:.2f} of its CPU (target: at most 0.10).")
        reload = (f"{cold.serve_reload:.2f} s" if cold.serve_reload is not None
                  else "not measured")
        lines.append(f"Under `build.py serve`, from saving that change to the page reloaded "
                     f"with it: {reload} (target: within 2 s).")
        lines.append("")
    large = by_count.get(10 * incremental_at)
    if cold is not None and large is not None:
        per, large_per = cold.bytes_per_briefing, large.bytes_per_briefing
        change = 100 * (large_per - per) / per
        lines.append(f"{large.briefings:,} briefings against {cold.briefings:,}: CPU "
                     f"{large.build.cpu / cold.build.cpu:.1f}x (target: at most 11x), wall "
                     f"{large.build.wall / cold.build.wall:.1f}x, peak memory "
                     f"{large.build.peak_mb / cold.build.peak_mb:.1f}x (target: at most 3x), "
                     f"bytes per briefing {change:+.1f}% (target: within 5%).")
        lines.append("")
    return lines


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB memory, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def writing_seconds(scratch: Path, files: int = 10_000, size: int = 20_000) -> float:
    """Seconds to write `files` files of `size` bytes into 100 folders in `scratch`: what
    writing a 1,000-briefing site costs this disk before any of our code runs. On a virtual
    machine it changes from hour to hour, so it is measured with every run."""
    data = b"x" * size
    tmp = tempfile.mkdtemp(prefix="disk-", dir=scratch)
    started = time.perf_counter()
    for n in range(files):
        folder = Path(tmp) / f"{n % 100}"
        folder.mkdir(exist_ok=True)
        (folder / f"{n}.html").write_bytes(data)
    return time.perf_counter() - started


def cpu_seconds(iterations: int = 3_000_000) -> float:
    """Seconds a fixed pure-Python loop takes here (the median of three runs): on a virtual
    machine the same work takes a fifth longer in some hours than in others, so it is
    measured with every run, like the disk."""
    times = []
    for _ in range(3):
        started, total = time.perf_counter(), 0
        for n in range(iterations):
            total += n * n
        times.append(time.perf_counter() - started)
    return sorted(times)[1]


def filesystem(folder: Path) -> str:
    """`/tmp (ext4)`: where the sites are built, and on what; building is mostly writing files."""
    folder = folder.resolve()
    best, kind = Path("/"), "unknown filesystem"
    mounts = Path("/proc/mounts")
    for line in (mounts.read_text().splitlines() if mounts.exists() else []):
        _, point, fstype, *_ = line.split()
        if folder.is_relative_to(point) and len(Path(point).parts) >= len(best.parts):
            best, kind = Path(point), fstype
    return f"{folder} ({kind})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000, 10000])
    parser.add_argument("--no-serve", action="store_true",
                        help="skip the preview's reload time (it builds the site once more)")
    parser.add_argument("--incremental-at", type=int, default=INCREMENTAL_AT,
                        help="size of the site the incremental case changes one briefing of")
    parser.add_argument("--where", type=Path, default=None,
                        help="folder to build the sites in (default: the system's temporary one)")
    parser.add_argument("--save", nargs="?", type=Path, const=Path(__file__).parent / "results.md",
                        help="write the results (default: benchmarks/results.md)")
    args = parser.parse_args()
    # Nothing is deleted until every figure is taken: after thousands of files are deleted,
    # ext4 is slow to create files for minutes (perf: recently_deleted, in ext4_create), and
    # a build would pay for the folders of the size measured before it.
    scratch = Path(tempfile.mkdtemp(prefix="briefing-bench-", dir=args.where))
    try:
        rows = []
        for count in args.sizes:
            rows.append(measure(count, scratch, serve=not args.no_serve,
                                incremental_at=args.incremental_at))
            # As it comes, so a run stopped before the end still tells what it measured.
            print(f"measured {count} briefings: {rows[-1]}", file=sys.stderr, flush=True)
        result = table(rows, default_build(scratch), args.incremental_at)
        where = filesystem(args.where or Path(tempfile.gettempdir()))
        where += (f"; writing 10,000 files of 20 KB there took {writing_seconds(scratch):.2f} s "
                  "(no Briefing code involved)")
        speed = f"a fixed pure-Python loop (3 million steps) took {cpu_seconds():.2f} s"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(result)
    print(f"\nSites built in {where}.\nCPU: {speed}.\nTargets: {TARGETS}")
    if args.save:
        command = " ".join(["python benchmarks/run.py", *sys.argv[1:]])
        text = (f"# Benchmark results\n\nMachine: {machine()}; {speed}\n\n"
                f"Sites built in: {where}\n\n"
                f"Command: `{command}`\n\n{result}\n\nTargets: {TARGETS}\n")
        args.save.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
