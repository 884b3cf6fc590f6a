"""One build step beyond pyproject.toml: compile the message catalogs into the wheel.

The catalogs (``src/vkdocs/locale/<lang>/LC_MESSAGES/*.po``) are committed as
text; their compiled ``.mo`` files are not. When a wheel is built, this step
compiles each ``.po`` with Babel (a build requirement) and ships the ``.mo``
in its place. An editable install (``pip install -e .``) and a source tree
read the ``.po`` files directly: :mod:`vkdocs.i18n` compiles them in memory.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithCatalogs(build_py):
    """``build_py``, then every catalog compiled: ``vkdocs.mo`` in the wheel instead of ``vkdocs.po``."""

    def run(self) -> None:
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
