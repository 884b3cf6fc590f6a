"""One build step beyond pyproject.toml: compile the message catalogs into the wheel.

The catalogs (``src/vkdocs/locale/<lang>/LC_MESSAGES/*.po``) are committed as
text; their compiled ``.mo`` files are not. When a wheel is built, this step
compiles each ``.po`` with Babel (a build requirement) and ships the ``.mo``
in its place, into a build folder emptied of the package first (a module left
there by an earlier build in the tree never reaches the wheel). An editable install (``pip install -e .``) and a source tree
read the ``.po`` files directly: :mod:`vkdocs.i18n` compiles them in memory.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithCatalogs(build_py):
    """``build_py``, then every catalog compiled: ``vkdocs.mo`` in the wheel instead of ``vkdocs.po``."""

    def run(self) -> None:
        if not getattr(self, "editable_mode", False):
            # A fresh copy of the package at every build: a module removed or moved since the last
            # build in this tree (left in build/lib) must not end up in the wheel.
            shutil.rmtree(Path(self.build_lib) / "vkdocs", ignore_errors=True)
        super().run()
        if getattr(self, "editable_mode", False):
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        source = Path(self.get_package_dir("vkdocs")) / "locale"
        target = Path(self.build_lib) / "vkdocs" / "locale"
        for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
            built = target / po.relative_to(source)
            built.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as handle:
                catalog = read_po(handle, abort_invalid=True)
            with built.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalog)
            built.unlink(missing_ok=True)


setup(cmdclass={"build_py": BuildPyWithCatalogs})
