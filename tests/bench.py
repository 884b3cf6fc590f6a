"""`make bench`: what vkdocs costs, beside a bare Furo build of the same pages.

One run prints one table: the full bilingual build, a one-language build, an
incremental rebuild after touching one page, the doctests, `make test`, and
the bytes a first visit to the heaviest page downloads (HTML, CSS, JS, fonts,
images: everything Chromium fetches until the network is idle, empty cache).
Each figure stands beside the same figure for a bare build made on the fly: a
temporary conf.py with only myst_parser, sphinx_design and furo (plus the
settings needed to read the same sources: MyST syntax extensions, languages
and catalogs), over the same docs/ folder. Our own directives are unknown
there, so the bare build is not strict and renders them as errors; that makes
the baseline, if anything, lighter.

Then it says whether the issue's targets hold:
* a page's first-visit bytes at most 1.5x the bare Furo baseline (the worst page counts);
* the bilingual build at most 2.2x the one-language build. The bilingual
  build is timed as `make html` runs it, both languages side by side; the
  same two builds one after the other are shown too (the English build costs
  more than the Russian one: Sphinx parses every translated message again).

Not collected by pytest (it is --ignore'd in pyproject.toml). Timings are
wall-clock seconds on a shared machine: compare ratios, not absolute times.
"""

from __future__ import annotations

import functools
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "tests"))

from docbuild import LANGUAGES, page_names  # noqa: E402

CHROMIUM = Path(os.environ.get("VKDOCS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOUCHED = "howto/restore" if (DOCS / "howto" / "restore.md").exists() else "index"

BARE_CONF = """\
# Bare Furo baseline for tests/bench.py: only myst_parser, sphinx_design and furo.
import sys
sys.path.insert(0, {src!r})
project = "vkdocs"
language = "ru"
locale_dirs = ["locale/"]
gettext_compact = False
extensions = ["myst_parser", "sphinx_design"{doctest}]
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
    flags = ["-q"] if conf else ["-W", "--keep-going", "-n", "-q"]
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


@dataclass
class Row:
    what: str
    ours: float | None
    bare: float | None
    unit: str  # "s" or "B"

    def cells(self) -> list[str]:
        show = (lambda v: f"{v:.1f} s") if self.unit == "s" else (lambda v: f"{v / 1024:.0f} KiB")
        ratio = f"{self.ours / self.bare:.2f}×" if self.ours is not None and self.bare else "—"
        return [
            self.what,
            show(self.ours) if self.ours is not None else "—",
            show(self.bare) if self.bare else "—",
            ratio,
        ]


def builds(work: Path) -> tuple[list[Row], dict[str, Path]]:
    bare = bare_conf(work / "bare-conf")
    bare_doctest = bare_conf(work / "bare-conf-doctest", doctest=True)
    rows, sites = [], {}
    bilingual, sequential, one, incremental, doctest = {}, {}, {}, {}, {}
    for name, conf in (("ours", None), ("bare", bare)):
        site = work / name / "site"
        seconds = {}
        for language in LANGUAGES:
            print(f"  {name}: building {language}…", file=sys.stderr)
            seconds[language] = sphinx("html", language, work / name / language, conf=conf)
            target = site / language
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(work / name / language / "html", target)
        sequential[name] = sum(seconds.values())
        one[name] = seconds[LANGUAGES[0]]
        print(f"  {name}: building {' and '.join(LANGUAGES)} side by side…", file=sys.stderr)
        bilingual[name] = run_together(
            [sphinx_command("html", language, work / name / "together" / language, conf) for language in LANGUAGES],
            strict=conf is None,
        )
        os.utime(DOCS / f"{TOUCHED}.md")
        incremental[name] = sphinx("html", LANGUAGES[0], work / name / LANGUAGES[0], conf=conf)
        print(f"  {name}: doctests…", file=sys.stderr)
        doctest[name] = sphinx("doctest", LANGUAGES[0], work / name / "doctest", conf=bare_doctest if conf else None)
        sites[name] = site
    rows.append(
        Row(
            f"full bilingual build ({' + '.join(LANGUAGES)} side by side, as `make html`)",
            bilingual["ours"],
            bilingual["bare"],
            "s",
        )
    )
    rows.append(Row("bilingual build, one language after the other", sequential["ours"], sequential["bare"], "s"))
    rows.append(Row(f"one-language build ({LANGUAGES[0]})", one["ours"], one["bare"], "s"))
    rows.append(Row(f"incremental rebuild after touching {TOUCHED}.md", incremental["ours"], incremental["bare"], "s"))
    rows.append(Row("doctests (sphinx -b doctest)", doctest["ours"], doctest["bare"], "s"))
    return rows, sites


def make_test() -> float:
    print("  make test…", file=sys.stderr)
    start = time.perf_counter()
    done = subprocess.run(["make", "--no-print-directory", "test"], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"make test failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return seconds


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


# The page itself and everything it fetched, as the browser's Resource Timing saw it.
FIRST_VISIT_BYTES = """() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
  .reduce((sum, entry) => sum + entry.encodedBodySize, 0)"""


def first_visits(sites: dict[str, Path]) -> dict[str, dict[str, int]]:
    """Bytes each page downloads on a first visit (fresh context, empty cache), per build."""
    from playwright.sync_api import sync_playwright

    weights: dict[str, dict[str, int]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        for name, site in sites.items():
            server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            base = f"http://127.0.0.1:{server.server_address[1]}"
            weights[name] = {}
            for language in LANGUAGES:
                for page in page_names():
                    context = browser.new_context()  # empty cache: a first visit
                    tab = context.new_page()
                    tab.goto(f"{base}/{language}/{page}.html", wait_until="networkidle")
                    weights[name][f"{language}/{page}.html"] = tab.evaluate(FIRST_VISIT_BYTES)
                    context.close()
            server.shutdown()
            server.server_close()
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


def main() -> int:
    if not CHROMIUM.exists():
        sys.exit(
            f"make bench weighs pages in Chromium: no {CHROMIUM} (apt-get install --no-install-recommends chromium)"
        )
    with tempfile.TemporaryDirectory(prefix="vkdocs-bench-") as folder:
        rows, sites = builds(Path(folder))
        rows.append(Row("`make test`", make_test(), None, "s"))
        print("  first visits…", file=sys.stderr)
        weights = first_visits(sites)
    ours, bare = weights["ours"], weights["bare"]
    heaviest = max(ours, key=ours.get)
    worst = max(ours, key=lambda page: ours[page] / bare[page])
    rows.append(Row(f"first visit to the heaviest page ({heaviest})", ours[heaviest], bare[heaviest], "B"))
    if worst != heaviest:
        rows.append(Row(f"first visit, highest ratio ({worst})", ours[worst], bare[worst], "B"))

    table = [["measure", "vkdocs", "bare Furo", "ratio"], *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(4)]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) + " |" for line in table
    ]
    lines.insert(1, "| " + " | ".join("-" * width for width in widths) + " |")
    print("\n".join(lines))
    bytes_ratio = ours[worst] / bare[worst]
    build_ratio = rows[0].ours / rows[2].ours
    serial_ratio = rows[1].ours / rows[2].ours
    print()
    print(
        f"- First-visit bytes ≤ 1.5× bare Furo (worst page, {worst}: {bytes_ratio:.2f}×): "
        f"{'holds' if bytes_ratio <= 1.5 else 'DOES NOT HOLD'}"
    )
    print(
        f"- Bilingual build ≤ 2.2× one-language build (vkdocs: {build_ratio:.2f}×): "
        f"{'holds' if build_ratio <= 2.2 else 'DOES NOT HOLD'}; "
        f"one language after the other: {serial_ratio:.2f}× (bare Furo: {rows[1].bare / rows[2].bare:.2f}×)"
    )
    print("- `make test` has no bare-Furo counterpart (a bare build has no tests).")
    print(f"- Machine: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
