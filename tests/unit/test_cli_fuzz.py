"""Every entry point of the command line, fed arbitrary text by Hypothesis: a status, one line, never a traceback.

``deadline``, ``checklist``, ``situations``, ``triage`` (answers on standard
input), ``handout``'s arguments and ``dataset`` (``vkdocs dataset`` and
``python -m vkdocs.dataset``) get text of every kind: empty, huge, control
characters, other scripts' digits, and bytes that are not UTF-8 (on the
command line Python reads them as lone surrogates, on standard input as
bytes it cannot decode). Whatever comes in, the command ends with status 0,
1 or 2, writes at most one line on standard error (exactly one when it
fails, none when it succeeds), and never shows a traceback.

Most examples call :func:`vkdocs.cli.main` in this process with its streams
captured; a few run the real program, where only a process shows what
happens to bytes and streams. The examples are the same at every run (the
``vkdocs`` profile in conftest.py: ``derandomize=True``), and few enough
that the whole file takes seconds (fewer under ``make check``: ``SCALE``). ``handout`` never reaches TeX here: its
build is replaced by one that fails as a build can, so arguments that pass
every check still end in a status.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vkdocs.cli import main
from vkdocs.handout import HandoutError

#: Examples per entry point, in this process and as the real program (fewer), for the profile's 100 examples
#: (``make test``); ``make check``'s profile (tests/unit/conftest.py) scales them down, never below one.
SCALE = settings.default.max_examples / 100
EXAMPLES = max(round(60 * SCALE), 1)
DATASET_EXAMPLES = max(round(30 * SCALE), 1)
PROCESS_EXAMPLES = max(round(8 * SCALE), 1)

fuzz = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])

# Text of every kind: anything printable or not, bytes that are not UTF-8 as Python's command line reads
# them (lone surrogates), very long runs, and near-misses of what the commands accept.
not_utf8 = st.binary(min_size=1, max_size=40).map(lambda raw: raw.decode("utf-8", "surrogateescape"))
huge = st.builds(lambda char, count: char * count, st.characters(), st.integers(1_000, 60_000))
near = st.sampled_from(
    [
        *("2026-10-01", "01.10.2026", "1.10.2026", "２０２６-10-01", "9999-12-31", "0000-00-00", "restore", "delete"),
        *("-", "--", "a-file", "a-file/x", "/dev/null", "/dev/full", "/proc/x", "/", ""),
    ]
)
text = st.one_of(st.text(max_size=60), not_utf8, huge, near, st.text(alphabet="\x00\x1b\r\n\t\x7f\u2028", max_size=20))
lang = st.one_of(st.sampled_from(["ru", "en"]), text)
option = st.one_of(st.none(), text)


@contextlib.contextmanager
def streams(stdin: bytes = b"") -> Iterator[tuple[io.StringIO, io.StringIO]]:
    """``sys.stdin`` reading ``stdin`` (UTF-8, as a terminal's would be), ``sys.stdout`` and ``sys.stderr`` captured."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        yield out, err
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def check(status: int, err: str) -> None:
    """The promise: 0, 1 or 2; one line on stderr when it fails, nothing when it succeeds; no traceback."""
    assert status in (0, 1, 2), (status, err)
    assert "Traceback" not in err
    if status == 0:
        assert err == ""
    else:
        assert err.count("\n") == 1 and err.endswith("\n") and err.startswith("vkdocs: "), err


def run_main(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    with streams(stdin) as (out, err):
        status = main(argv)
    check(status, err.getvalue())
    return status, out.getvalue(), err.getvalue()


def command_line(*parts: tuple[str, str | None]) -> list[str]:
    """An option list: each ``(name, value)`` with a value becomes ``name value``."""
    return [item for name, value in parts if value is not None for item in (name, value)]


@pytest.fixture(scope="module")
def in_a_scratch_folder(tmp_path_factory) -> Iterator[Path]:
    """Run where nothing matters: ``dataset`` and ``handout`` may be given a relative path."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "a-file").write_text("a file, not a folder", encoding="utf-8")
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(before)


@fuzz
@given(date=text, today=option, lang=lang)
def test_deadline(date, today, lang):
    run_main(["deadline", date, *command_line(("--today", today), ("--lang", lang))])


@fuzz
@given(situation=text, platform=option, fmt=option, lang=lang)
def test_checklist(situation, platform, fmt, lang):
    run_main(["checklist", situation, *command_line(("--platform", platform), ("--format", fmt), ("--lang", lang))])


@fuzz
@given(argv=st.lists(text, max_size=4))
def test_situations_and_any_command_line(argv):
    run_main(["situations", *argv])
    run_main(argv)


@fuzz
@given(
    answers=st.one_of(
        st.binary(max_size=200),
        st.lists(st.one_of(text, st.sampled_from(["1", "2", "3"])), max_size=5).map(
            lambda lines: "\n".join(lines).encode("utf-8", "surrogateescape")
        ),
        st.integers(1, 9).map(lambda digit: str(digit).encode() * 5_000 + b"\n"),
    ),
    lang=st.sampled_from(["ru", "en"]),
)
def test_triage_on_standard_input(answers, lang):
    status, out, err = run_main(["triage", "--lang", lang], stdin=answers)
    assert max(map(len, out.splitlines()), default=0) < 200  # every echoed answer is shortened
    assert len(err) < 600  # at most 40 characters of the answer, each shown escaped if unprintable


@fuzz
@given(situation=text, output=text, deleted_on=option, today=option, lang=lang)
def test_handout_arguments(in_a_scratch_folder, situation, output, deleted_on, today, lang):
    failed_build = HandoutError("handout_build_failed", status=1, log="build.log")
    with mock.patch("vkdocs.handout._run_sphinx", side_effect=failed_build):
        run_main(
            [
                "handout",
                situation,
                "--output",
                output,
                *command_line(("--deleted-on", deleted_on), ("--today", today), ("--lang", lang)),
            ]
        )
    leftovers = [path.name for path in in_a_scratch_folder.iterdir() if path.name.endswith(".part")]
    assert not leftovers


@settings(max_examples=DATASET_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(folder=text, lang=lang)
def test_dataset_command(in_a_scratch_folder, folder, lang):
    run_main(["dataset", folder, "--lang", lang])


# The real program: bytes on the command line and on standard input, closed streams.


def program(args: list[bytes], stdin: bytes, module: str = "vkdocs", **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", module, *args], input=stdin, capture_output=True, env=env, timeout=120, **kwargs
    )


raw = st.one_of(st.binary(max_size=60), st.text(max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass")))
raw_argument = raw.filter(lambda b: b"\x00" not in b)  # a NUL cannot be passed on a command line


@settings(max_examples=PROCESS_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(
    command=st.sampled_from([b"deadline", b"checklist", b"situations", b"triage", b"handout", b"dataset"]),
    args=st.lists(raw_argument, max_size=3),
    stdin=raw,
)
def test_the_program_with_bytes_anywhere(in_a_scratch_folder, command, args, stdin):
    if command == b"handout":
        args = [*args, b"--output", in_a_scratch_folder.joinpath("out", "x.pdf").as_posix().encode()]
    done = program([command, *args], stdin, cwd=in_a_scratch_folder)
    check(done.returncode, done.stderr.decode("utf-8", "replace"))


@settings(max_examples=PROCESS_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(folder=raw_argument, closed=st.sampled_from([None, 0, 1, 2]))
def test_python_m_vkdocs_dataset(in_a_scratch_folder, folder, closed):
    done = program(
        [folder],
        b"",
        module="vkdocs.dataset",
        cwd=in_a_scratch_folder,
        preexec_fn=None if closed is None else (lambda: os.close(closed)),
    )
    assert done.returncode in (0, 1, 2)
    if closed != 2:
        check(done.returncode, done.stderr.decode("utf-8", "replace"))
