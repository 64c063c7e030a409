"""Benchmark: search from file:// on sites of 1,000 and 10,000 synthetic briefings.

Run from the project folder:
    python benchmarks/search.py  [--sizes 1000 10000] [--where FOLDER] [--save [FILE]]

Each site is built from the benchmark's synthetic briefings (`synthetic.py`) with
`build.py build`, as `run.py` builds them, then its search page is opened from disk in
Debian's headless Chromium (a fresh context per query, so nothing is cached) and a few
typical queries are entered: one word, two words, a name, a word with a typo. For each:

- time from typing to first results: from an `input` event to the status answering for
  exactly that text, both taken in the page (`performance.now()`), so Playwright's own
  delays are not counted; for a typed query, the slowest of the keys answered (a key the
  next one overtakes is not answered, and the reader keeps the previous results);
- what the query loaded of the index once the first page of 50 results is complete: the
  files of assets/search/ the page added as scripts, and their bytes on disk, against the
  whole index (search.js itself is counted in a column of its own).

"pasted" enters the query as one input (as pasting, or typing faster than the page's
pause); "typed" presses one key every `KEY_MS` ms, so every prefix is searched on the way,
as for a reader typing at a steady pace.

With `--where FOLDER`, a site already built there (`FOLDER/<size>/site`) is reused.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PROJECT, machine, project_config  # noqa: E402
from synthetic import write_synthetic_briefings  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
QUERIES = [("one word", "children"), ("one word, rarer", "custody"),
           ("two words", "missing children"), ("a name", "Billingham"),
           ("a typo", "supervison")]
KEY_MS = 120
"""A steady typist's pace, about 100 words a minute."""
RUNS = 3
SETTLE_MS = 500
"""After the first page of results is complete: time for anything else the page would load."""
TARGETS = "10,000 briefings: first results within 300 ms of typing; at most 1 MB of the index " \
          "loaded for a one-word query."
WATCH = """
window.__bench = {inputs: []};
document.addEventListener("input", event => {
  window.__bench.inputs.push({value: event.target.value.trim(), at: performance.now(), answered: 0});
}, true);
new MutationObserver(() => {
  const status = document.getElementById("search-status"), now = performance.now();
  if (!status) { return; }
  window.__bench.inputs.forEach(input => {
    if (!input.answered && input.value && status.textContent.includes("“" + input.value + "”")) {
      input.answered = now;
    }
  });
}).observe(document, {childList: true, subtree: true, characterData: true});
"""
"""Put in every page before its own scripts: per input event (a key, or a paste), what the
field held, when, and when the status first answered for exactly that text."""


@dataclass
class Measure:
    label: str
    query: str
    how: str
    milliseconds: float
    """Pasted: from the input to its first results. Typed: the slowest key's answer."""
    answered: str
    """Typed: how many of the keys were answered (the others were overtaken by the next key)."""
    files: int
    loaded_bytes: int


def build(count: int, where: Path) -> Path:
    """The site of `count` synthetic briefings in `where/<count>/site`, built unless there."""
    folder = where / str(count)
    site = folder / "site"
    if (site / "search.html").is_file():
        return site
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "docs").is_dir():
        write_synthetic_briefings(folder / "docs", count)
    config = project_config(folder)
    started = time.perf_counter()
    subprocess.run([sys.executable, str(PROJECT / "build.py"), "--config", str(config), "build",
                    "--site-dir", str(site)], check=True, stdout=subprocess.DEVNULL)
    print(f"built {count:,} briefings in {time.perf_counter() - started:.0f} s", flush=True)
    return site


def measure(browser, site: Path, label: str, query: str, how: str) -> Measure:
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH)
    page.goto((site / "search.html").as_uri())
    page.wait_for_function("() => document.getElementById('search-status').textContent !== ''")
    field = page.locator("#search-q")
    if how == "pasted":
        field.fill(query)
    else:
        field.press_sequentially(query, delay=KEY_MS)
    page.wait_for_function("q => window.__bench.inputs.some(i => i.value === q && i.answered)",
                           arg=query, timeout=60_000)
    # What the query loaded once its first page of results is complete, not only its first.
    page.wait_for_selector("#search-results:not([aria-busy])", timeout=60_000)
    page.wait_for_timeout(SETTLE_MS)
    inputs = page.evaluate("() => window.__bench.inputs")
    sources = page.eval_on_selector_all("script[src]", "all => all.map(s => s.src)")
    context.close()
    index = site / "assets" / "search"
    names = [src.rsplit("/", 1)[1] for src in sources if "/assets/search/" in src]
    answered = [i["answered"] - i["at"] for i in inputs if i["answered"]]
    return Measure(label, query, how, max(answered), f"{len(answered)} of {len(inputs)}",
                   len(names), sum((index / name).stat().st_size for name in names))


def index_size(site: Path) -> tuple[int, int]:
    files = list((site / "assets" / "search").glob("*.js"))
    return len(files), sum(f.stat().st_size for f in files)


def table(results: dict[int, list[Measure]], sites: dict[int, Path]) -> str:
    lines = ["| briefings | query | entered | ms to first results (typed: slowest key), "
             "median of 3 | keys answered | index files loaded | index KB loaded | "
             "with search.js, KB | share of index |",
             "|---:|---|---|---:|---:|---:|---:|---:|---:|"]
    for count, measures in results.items():
        _, total = index_size(sites[count])
        script = (sites[count] / "assets" / "search.js").stat().st_size
        for m in measures:
            lines.append(f"| {count:,} | {m.label}: `{m.query}` | {m.how} | {m.milliseconds:.0f} "
                         f"| {m.answered} | {m.files} | {m.loaded_bytes / 1e3:.0f} | "
                         f"{(m.loaded_bytes + script) / 1e3:.0f} | "
                         f"{100 * m.loaded_bytes / total:.2f}% |")
    lines.append("")
    for count, site in sites.items():
        files, total = index_size(site)
        lines.append(f"Index at {count:,} briefings: {files:,} files, {total / 1e6:.1f} MB.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--where", type=Path, help="build (or reuse) the sites here")
    parser.add_argument("--save", nargs="?", const=PROJECT / "benchmarks" / "search-results.md",
                        type=Path)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    where = args.where or Path(tempfile.mkdtemp(prefix="search-bench-"))
    sites = {count: build(count, where) for count in args.sizes}
    results: dict[int, list[Measure]] = {}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for count, site in sites.items():
            results[count] = []
            for label, query in QUERIES:
                for how in ("pasted", "typed"):
                    runs = [measure(browser, site, label, query, how) for _ in range(RUNS)]
                    middle = sorted(runs, key=lambda m: m.milliseconds)[len(runs) // 2]
                    middle.milliseconds = statistics.median(m.milliseconds for m in runs)
                    results[count].append(middle)
                    print(f"{count:,} {query!r} {how}: {middle.milliseconds:.0f} ms, "
                          f"{middle.loaded_bytes / 1e3:.0f} KB", flush=True)
        browser.close()
    text = table(results, sites)
    print(text)
    if args.save:
        args.save.write_text(
            f"# Search benchmark results\n\nMachine: {machine()}\n\n"
            f"Command: `python benchmarks/search.py --save`\n\n{text}\n\nTargets: {TARGETS}\n",
            encoding="utf-8")


if __name__ == "__main__":
    main()
