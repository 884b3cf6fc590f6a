"""`make bench`: what vkdocs costs, beside a bare Furo build of the same pages.

It prints two tables. The first: the full bilingual build, a one-language
build, an incremental rebuild after touching one page, the doctests, and
the bytes a first visit to the heaviest page downloads (HTML, CSS, JS, fonts,
images: everything Chromium fetches until the network is idle, empty cache).
Every timing is run once to warm up (discarded), then BENCH_RUNS times (5 by
default; `make bench BENCH_RUNS=7`), vkdocs and the bare build taking turns;
the table shows the median with the fastest and slowest run, and the ratio of
the medians. Bytes do not vary: they are measured once.
Each figure stands beside the same figure for a bare build made on the fly: a
temporary conf.py with only myst_parser, sphinx_design and furo (plus the
settings needed to read the same sources: MyST syntax extensions, languages
and catalogs, and Sphinx's own autodoc, which writes the API page's text from
the package's docstrings: without it the bare API page has none of that text
and weighs half as much), over the same docs/ folder. Our own directives are
unknown there, so the bare build is not strict and renders them as errors;
that makes the baseline, if anything, lighter.

The second, in one run, each beside a full `make html` (the tiers of
tests/README.md): `make check`, a clean `make test` (nothing remembered by the
page survey, as in CI), and `make test` again after editing one page (a
comment added to it, then taken out), each as a multiple of `make html`,
against the targets: at most 3×, 10× and 5×. `make bench BENCH_ONLY=tests`
prints this table alone.

Then it says whether the issue's targets hold:
* a page's first-visit bytes at most 1.5x the bare Furo baseline (the worst page counts);
* the bilingual build at most 2.2x the one-language build. The bilingual
  build is timed as `make html` runs it, both languages side by side; the
  same two builds one after the other are shown too (the English build costs
  more than the Russian one: Sphinx parses every translated message again).

Last, Lighthouse's four category scores for three pages, when a `lighthouse`
command is installed (tests/lighthouse.py; without one it says so and why).

Not collected by pytest (it is --ignore'd in pyproject.toml). Timings are
wall-clock seconds on a shared machine: compare ratios, not absolute times.
The tiers' table also gives each one's CPU-seconds (every process it started),
which other work on the machine disturbs less than the wall clock.
"""

from __future__ import annotations

import functools
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from browsing import launch, serve, unavailable_reason  # noqa: E402
from docbuild import LANGUAGES, page_names  # noqa: E402
from lighthouse import report as lighthouse_report  # noqa: E402

from vkdocs.builds import STRICT  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TOUCHED = "howto/restore" if (DOCS / "howto" / "restore.md").exists() else "index"

BARE_CONF = """\
# Bare Furo baseline for tests/bench.py: only myst_parser, sphinx_design and furo,
# and Sphinx's autodoc for the API page's text (the package's docstrings).
import sys
sys.path.insert(0, {src!r})
project = "vkdocs"
language = "ru"
locale_dirs = ["locale/"]
gettext_compact = False
extensions = ["myst_parser", "sphinx_design", "sphinx.ext.autodoc"{doctest}]
myst_enable_extensions = {myst!r}
source_suffix = {{".md": "markdown"}}
root_doc = "index"
exclude_patterns = {exclude!r}
html_theme = "furo"
doctest_global_setup = {doctest_setup!r}
"""


def read_conf() -> dict:
    namespace: dict = {"__file__": str(DOCS / "conf.py")}
    exec(compile((DOCS / "conf.py").read_text(encoding="utf-8"), str(DOCS / "conf.py"), "exec"), namespace)
    return namespace


def bare_conf(folder: Path, *, doctest: bool = False) -> Path:
    conf = read_conf()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(
        BARE_CONF.format(
            src=str(ROOT / "src"),
            doctest=', "sphinx.ext.doctest"' if doctest else "",
            myst=conf["myst_enable_extensions"],
            exclude=conf["exclude_patterns"],
            doctest_setup=conf.get("doctest_global_setup", ""),
        ),
        encoding="utf-8",
    )
    return folder


def env() -> dict:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1798675200")}
    environment.pop("READTHEDOCS", None)
    return environment


def sphinx_command(builder: str, language: str, out: Path, conf: Path | None) -> list[str]:
    """sphinx-build, strict like `make html` for vkdocs, lenient for the bare build."""
    flags = ["-q"] if conf else list(STRICT)
    return [
        sys.executable,
        "-m",
        "sphinx",
        *flags,
        "-b",
        builder,
        "-D",
        f"language={language}",
        "-d",
        str(out / "doctrees"),
        *(["-c", str(conf)] if conf else []),
        str(DOCS),
        str(out / builder),
    ]


def run_together(commands: list[list[str]], strict: bool) -> float:
    """Seconds until every command has finished, all started at once (like make --jobs)."""
    start = time.perf_counter()
    running = [
        subprocess.Popen(c, cwd=ROOT, env=env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for c in commands
    ]
    outputs = [process.communicate()[0] for process in running]
    seconds = time.perf_counter() - start
    for process, output, command in zip(running, outputs, commands, strict=True):
        if process.returncode and strict:
            sys.exit(f"{' '.join(command)} failed:\n{output}")
    return seconds


def sphinx(builder: str, language: str, out: Path, *, conf: Path | None) -> float:
    """Seconds one sphinx-build takes."""
    return run_together([sphinx_command(builder, language, out, conf)], strict=conf is None)


def fresh(*folders: Path) -> None:
    """Remove earlier output, so the next build is a full one."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Timing:
    """The runs of one measure, after the warm-up."""

    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def cell(self) -> str:
        return f"{self.median:.1f} s ({min(self.samples):.1f}–{max(self.samples):.1f})"


def repeat(name: str, measures: dict[str, Callable[[], float]]) -> dict[str, Timing]:
    """Each measure once to warm up, then RUNS times, the measures taking turns in every round."""
    samples: dict[str, list[float]] = {key: [] for key in measures}
    for round_ in range(RUNS + 1):
        print(f"  {name}: {'warm-up' if round_ == 0 else f'run {round_}/{RUNS}'}…", file=sys.stderr)
        for key, measure in measures.items():
            seconds = measure()
            if round_:
                samples[key].append(seconds)
    return {key: Timing(values) for key, values in samples.items()}


@dataclass
class Row:
    what: str
    ours: Timing | int | None
    bare: Timing | int | None

    @staticmethod
    def _value(cell: Timing | int | None) -> float | None:
        return cell.median if isinstance(cell, Timing) else cell

    @staticmethod
    def _show(cell: Timing | int | None) -> str:
        if cell is None:
            return "—"
        return cell.cell() if isinstance(cell, Timing) else f"{cell / 1024:.0f} KiB"

    def ratio(self) -> float | None:
        ours, bare = self._value(self.ours), self._value(self.bare)
        return ours / bare if ours is not None and bare else None

    def cells(self) -> list[str]:
        ratio = self.ratio()
        return [self.what, self._show(self.ours), self._show(self.bare), f"{ratio:.2f}×" if ratio else "—"]


def builds(work: Path) -> tuple[list[Row], dict[str, Path]]:
    confs = {"ours": None, "bare": bare_conf(work / "bare-conf")}
    doctest_confs = {"ours": None, "bare": bare_conf(work / "bare-conf-doctest", doctest=True)}
    first = LANGUAGES[0]

    def one(name: str, language: str) -> float:
        out = work / name / "one" / language
        fresh(out)
        return sphinx("html", language, out, conf=confs[name])

    def sequential(name: str) -> float:
        return sum(one(name, language) for language in LANGUAGES)

    def together(name: str) -> float:
        outs = [work / name / "together" / language for language in LANGUAGES]
        fresh(*outs)
        commands = [sphinx_command("html", lang, out, confs[name]) for lang, out in zip(LANGUAGES, outs, strict=True)]
        return run_together(commands, strict=confs[name] is None)

    def incremental(name: str) -> float:
        os.utime(DOCS / f"{TOUCHED}.md")
        return sphinx("html", first, work / name / "incremental" / first, conf=confs[name])

    def doctest(name: str) -> float:
        out = work / name / "doctest"
        fresh(out)
        return sphinx("doctest", first, out, conf=doctest_confs[name])

    timings = {
        "together": repeat("bilingual build, side by side", {n: functools.partial(together, n) for n in confs}),
        "sequential": repeat(
            "bilingual build, one after the other", {n: functools.partial(sequential, n) for n in confs}
        ),
        "one": repeat(f"one-language build ({first})", {n: functools.partial(one, n, first) for n in confs}),
    }
    for name in confs:  # the full build the incremental runs start from
        sphinx("html", first, work / name / "incremental" / first, conf=confs[name])
    timings["incremental"] = repeat("incremental rebuild", {n: functools.partial(incremental, n) for n in confs})
    timings["doctest"] = repeat("doctests", {n: functools.partial(doctest, n) for n in confs})
    rows = [
        Row(
            f"full bilingual build ({' + '.join(LANGUAGES)} side by side, as `make html`)",
            *timings["together"].values(),
        ),
        Row("bilingual build, one language after the other", *timings["sequential"].values()),
        Row(f"one-language build ({first})", *timings["one"].values()),
        Row(f"incremental rebuild after touching {TOUCHED}.md", *timings["incremental"].values()),
        Row("doctests (sphinx -b doctest)", *timings["doctest"].values()),
    ]
    sites = {}
    for name in confs:  # the pages weighed below: the last side-by-side build
        sites[name] = work / name / "site"
        for language in LANGUAGES:
            shutil.copytree(work / name / "together" / language / "html", sites[name] / language)
    return rows, sites


#: What a contributor edits between two runs of `make test`: a comment, so the page's HTML
#: changes (in every language) and its messages do not.
EDIT = "\n<!-- make bench: this page was edited -->\n"
SURVEY_CACHE = DOCS / "_build" / "page-survey"


def children_cpu() -> float:
    """CPU-seconds (user and system) of every finished child process so far, and of theirs."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def make(target: str) -> tuple[float, float, str]:
    """Seconds `make <target>` takes, the CPU-seconds it used (every process it started: Sphinx,
    TeX, Chromium...), and its last line (pytest's summary for the tests)."""
    start, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(["make", "--no-print-directory", target], cwd=ROOT, capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - start, children_cpu() - cpu
    if done.returncode:
        sys.exit(f"make {target} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return seconds, cpu, " + ".join(pytest_summaries(done.stdout))


def pytest_summaries(output: str) -> list[str]:
    """Each pytest summary line of ``output`` without its time (`make test` runs two pytest processes).

    >>> pytest_summaries("== 3 passed in 1.0s ==\\nnoise\\n1 failed, 2 passed in 9.9s (0:00:09)")
    ['3 passed', '1 failed, 2 passed']
    """
    return re.findall(r"^=* ?(\d+ (?:passed|failed|error).*?) in [\d.]+s\b.*$", output, re.MULTILINE)


def tiers() -> list[tuple[str, float, float, str]]:
    """In one run: a full `make html`, `make check`, a clean `make test`, and `make test` after editing one page.

    "Clean": nothing remembered from an earlier survey (CI starts so). The edit
    is undone afterwards, whatever happens.
    """
    page = DOCS / f"{TOUCHED}.md"
    original = page.read_text(encoding="utf-8")
    fresh(DOCS / "_build")
    measured = []
    for what, target in [("full `make html`", "html"), ("`make check`", "check"), ("clean `make test`", "test")]:
        print(f"  {what}…", file=sys.stderr)
        measured.append((what, *make(target)))
    try:
        page.write_text(original + EDIT, encoding="utf-8")
        print(f"  `make test` after editing {TOUCHED}.md…", file=sys.stderr)
        measured.append((f"`make test` again after editing {TOUCHED}.md", *make("test")))
    finally:
        page.write_text(original, encoding="utf-8")
    return measured


#: The issue's targets, as multiples of a full `make html`.
TIER_TARGETS = {"`make check`": 3, "clean `make test`": 10, "`make test` again": 5}


# The page itself and everything it fetched, as the browser's Resource Timing saw it.
FIRST_VISIT_BYTES = """() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
  .reduce((sum, entry) => sum + entry.encodedBodySize, 0)"""


def first_visits(sites: dict[str, Path]) -> dict[str, dict[str, int]]:
    """Bytes each page downloads on a first visit (fresh context, empty cache), per build."""
    from playwright.sync_api import sync_playwright

    weights: dict[str, dict[str, int]] = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, site in sites.items():
            weights[name] = {}
            with serve(site) as base:
                for language in LANGUAGES:
                    for page in page_names():
                        context = browser.new_context()  # empty cache: a first visit
                        tab = context.new_page()
                        tab.goto(f"{base}/{language}/{page}.html", wait_until="networkidle")
                        weights[name][f"{language}/{page}.html"] = tab.evaluate(FIRST_VISIT_BYTES)
                        context.close()
        browser.close()
    return weights


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sphinx as sphinx_package

    return (
        f"{os.cpu_count()} CPUs (nproc), {cpu}; Python {platform.python_version()}, "
        f"Sphinx {sphinx_package.__version__}, {platform.system()} {platform.release()}"
    )


def print_tiers(measured: list[tuple[str, float, float, str]]) -> None:
    """The tiers' table: wall-clock seconds against the targets, and CPU-seconds (steadier on a shared machine)."""
    html, html_cpu = measured[0][1:3]
    print("| measure | seconds | × full `make html` | target | CPU-seconds | × `make html`'s | summary |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for what, seconds, cpu, summary in measured:
        target = next((limit for prefix, limit in TIER_TARGETS.items() if what.startswith(prefix)), None)
        verdict = "" if target is None else f"≤ {target}× ({'holds' if seconds / html <= target else 'DOES NOT HOLD'})"
        shown = summary if "passed" in summary or "failed" in summary else ""
        print(
            f"| {what} | {seconds:.1f} | {seconds / html:.2f}× | {verdict} | {cpu:.0f} | {cpu / html_cpu:.2f}× | {shown} |"
        )


def main() -> int:
    reason = unavailable_reason()
    if reason:
        sys.exit(f"make bench weighs pages in Chromium: {reason}")
    if RUNS < 1:
        sys.exit(f"BENCH_RUNS must be 1 or more, not {RUNS}")
    if os.environ.get("BENCH_ONLY") != "tests":
        builds_and_bytes()
        print()
    print_tiers(tiers())
    print()
    print(f"- Machine: {machine()}; load average before: {LOAD_BEFORE}, after: {load()}")
    print("\n".join(lighthouse_report()))
    return 0


def builds_and_bytes() -> None:
    with tempfile.TemporaryDirectory(prefix="vkdocs-bench-") as folder:
        rows, sites = builds(Path(folder))
        print("  first visits…", file=sys.stderr)
        weights = first_visits(sites)
    ours, bare = weights["ours"], weights["bare"]
    heaviest = max(ours, key=ours.get)
    worst = max(ours, key=lambda page: ours[page] / bare[page])
    rows.append(Row(f"first visit to the heaviest page ({heaviest})", ours[heaviest], bare[heaviest]))
    if worst != heaviest:
        rows.append(Row(f"first visit, highest ratio ({worst})", ours[worst], bare[worst]))

    table = [["measure", "vkdocs", "bare Furo", "ratio"], *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(4)]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) + " |" for line in table
    ]
    lines.insert(1, "| " + " | ".join("-" * width for width in widths) + " |")
    print("\n".join(lines))
    bytes_ratio = ours[worst] / bare[worst]
    together, sequential, one = (row.ours for row in rows[:3])
    build_ratio = together.median / one.median
    serial_ratio = sequential.median / one.median
    bare_serial_ratio = rows[1].bare.median / rows[2].bare.median
    print()
    print(f"- Times: median of {RUNS} runs after a warm-up (fastest–slowest); ratios compare medians.")
    print(
        f"- First-visit bytes ≤ 1.5× bare Furo (worst page, {worst}: {bytes_ratio:.2f}×): "
        f"{'holds' if bytes_ratio <= 1.5 else 'DOES NOT HOLD'}"
    )
    print(
        f"- Bilingual build ≤ 2.2× one-language build (vkdocs: {build_ratio:.2f}×): "
        f"{'holds' if build_ratio <= 2.2 else 'DOES NOT HOLD'}; "
        f"one language after the other: {serial_ratio:.2f}× (bare Furo: {bare_serial_ratio:.2f}×)"
    )


def load() -> str:
    """The 1, 5 and 15 minute load averages: how busy the shared machine was."""
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


LOAD_BEFORE = load()

if __name__ == "__main__":
    sys.exit(main())
