"""vkdocs.console: the command's text on a terminal, a pipe or a file that may not take every character."""

from __future__ import annotations

import io

import pytest

from vkdocs.console import PLAIN, Fitted, fit, one_line, write


def test_text_the_encoding_carries_is_left_as_it_is():
    assert fit("☐ «Настройки» — 2 дня…", "utf-8") == "☐ «Настройки» — 2 дня…"


@pytest.mark.parametrize("encoding", ["cp1251", "ascii", "latin-1"])
def test_every_plain_stand_in_fits_the_encodings_the_command_falls_back_for(encoding):
    for stand_in in set(PLAIN.values()):
        stand_in.encode(encoding)  # raises if a stand-in is no plainer than what it replaces


def test_an_unknown_encoding_counts_as_utf8():
    assert fit("☐ «a»", "no-such-encoding") == "☐ «a»"
    assert fit("☐ «a»", None) == "☐ «a»"


def test_what_no_stand_in_covers_becomes_a_question_mark():
    assert fit("Кот ☺", "ascii") == "??? ?"


def test_one_line_escapes_every_line_break_and_control_character():
    text = one_line("a\nb\r\tc\x1b[31m")
    assert "\n" not in text and "\r" not in text and "\x1b" not in text
    assert text == "a\\nb\\r\\tc\\x1b[31m"


def test_write_fits_the_text_to_the_stream_and_flushes():
    target = io.TextIOWrapper(io.BytesIO(), encoding="cp1251")
    write(target, "☐ «Настройки»")
    assert target.buffer.getvalue() == '[ ] "Настройки"'.encode("cp1251")


def test_a_fitted_stream_reports_what_it_was_given_and_asks_the_terminal_about_itself():
    target = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    fitted = Fitted(target)
    assert fitted.write("«a»") == 3
    fitted.flush()
    assert target.buffer.getvalue() == b'"a"'
    assert fitted.isatty() is False
