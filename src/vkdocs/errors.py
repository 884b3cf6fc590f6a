"""Errors about bad input, each with a message in every language of the catalogs.

The library raises these; ``str(error)`` is the English message, and
``error.localized(lang)`` gives it in the reader's language, which is
what the command line prints.

>>> error = InputError("unknown_language", value="de", choices="ru, en")
>>> print(error)
Unknown language 'de'. Use one of: ru, en.
>>> print(error.localized("ru"))
Неизвестный язык 'de'. Допустимые значения: ru, en.
>>> isinstance(error, ValueError)
True

The reader's own input, the ``value`` parameter, is echoed at most
:data:`ECHO_LIMIT` characters long, so a pasted page of text gives a
one-line message:

>>> print(InputError("bad_date_format", value="1" * 500))  # doctest: +ELLIPSIS
Cannot read the date '111111111111111111111111111111111111111…'. Write it as ...
"""

from __future__ import annotations

import errno

from vkdocs.messages import message

#: How many characters of the reader's input a message echoes.
ECHO_LIMIT = 40

#: How many characters of a file or folder name a message shows: enough for any real path.
PATH_LIMIT = 200


class _Echo(str):
    """A shortened ``repr`` of a value that is not a string: ``{value!r}`` shows it as is."""

    def __repr__(self) -> str:
        return str(self)


def echo(value: object, limit: int = ECHO_LIMIT) -> object:
    """``value`` as a message may quote it: at most :data:`ECHO_LIMIT` characters, then ``…``.

    >>> from vkdocs.errors import echo
    >>> echo("2026-01-31")
    '2026-01-31'
    >>> len(echo("x" * 1000))
    40
    >>> print(repr(echo(list(range(100)))))
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …
    """
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - 1] + "…"
    shown = repr(value)
    return value if len(shown) <= limit else _Echo(shown[: limit - 1] + "…")


#: The system errors a command meets when it writes a file or a stream, by ``errno``: each has a message
#: ``os_<name>`` in every language. Others are said in the system's own words (``strerror``).
SYSTEM_ERRORS = {
    getattr(errno, name): name.lower()
    for name in (
        "EACCES",
        "EPERM",
        "EROFS",
        "EISDIR",
        "ENOTDIR",
        "ENOENT",
        "EEXIST",
        "ENOSPC",
        "EDQUOT",
        "EFBIG",
        "ENAMETOOLONG",
        "EPIPE",
        "EBADF",
        "EIO",
        "ELOOP",
        "EINVAL",
        "EXDEV",
    )
    if hasattr(errno, name)
}


def as_os_error(error: OSError | ValueError) -> OSError:
    """``error`` as an :class:`OSError`: a path the system refuses before asking the disk (a NUL character
    in it raises :class:`ValueError`) is an invalid name, ``EINVAL``.

    >>> as_os_error(ValueError("embedded null byte")).errno == errno.EINVAL
    True
    """
    if isinstance(error, OSError):
        return error
    return OSError(errno.EINVAL, str(error))


def system_reason(error: OSError, lang: str) -> str:
    """What the system said, in ``lang``: the common ``errno`` cases translated, its own words otherwise.

    >>> import errno, os
    >>> from vkdocs.errors import system_reason
    >>> system_reason(OSError(errno.EISDIR, os.strerror(errno.EISDIR)), "ru")
    'это папка, а не файл'
    >>> system_reason(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "en")
    'no space left on the device'
    >>> system_reason(OSError("something odd"), "en")
    'something odd'
    """
    name = SYSTEM_ERRORS.get(error.errno or 0)
    if name is not None:
        return message(f"os_{name}", lang)
    return str(error.strerror or error)


class _Localized(Exception):
    """An error whose message is looked up by ``key`` in :mod:`vkdocs.messages`.

    The ``value`` parameter (the reader's input) is echoed at most
    :data:`ECHO_LIMIT` characters long, ``path`` (a file or folder name) at
    most :data:`PATH_LIMIT`.
    """

    def __init__(self, key: str, **params: object) -> None:
        if "value" in params:
            params["value"] = echo(params["value"])
        if "path" in params:
            params["path"] = echo(str(params["path"]), PATH_LIMIT)
        self.key = key
        self.params = params
        super().__init__(message(key, "en", **params))

    def localized(self, lang: str) -> str:
        """The message in ``lang`` (``"ru"`` or ``"en"``)."""
        return message(self.key, lang, **self.params)


class InputError(_Localized, ValueError):
    """A value of the right type that is not acceptable (a malformed date, an unknown choice)."""


class InputTypeError(_Localized, TypeError):
    """A value of the wrong type (a number where a date is expected)."""


class CommandError(_Localized, RuntimeError):
    """A command that could not do its work; ``status`` is the ``vkdocs`` command's exit status.

    2 when the reader must change something first (a folder that cannot be
    used, a tool to install), 1 when the output failed, 130 when it was
    interrupted.

    >>> from vkdocs.errors import CommandError
    >>> error = CommandError("output_failed", status=1, reason="disk full")
    >>> error.status, str(error)
    (1, 'Could not write the output: disk full.')
    """

    def __init__(self, key: str, *, status: int, **params: object) -> None:
        super().__init__(key, **params)
        self.status = status
