"""vkdocs: helpers for the VKontakte page guides.

* :mod:`vkdocs.deadline`: until when a deleted page can be restored.
* :mod:`vkdocs.checklist`: the procedures as checklists, in every language of the catalogs.
* :mod:`vkdocs.triage`: the question path from a situation to the page to read.
* :mod:`vkdocs.handout`: personal handouts as PDFs; :mod:`vkdocs.latex`: the PDFs' LaTeX settings.
* :mod:`vkdocs.dataset`: the open dataset.
* :mod:`vkdocs.cli`: the ``vkdocs`` command.
* :mod:`vkdocs.sphinx`: the Sphinx extension the docs are built with (one module per feature).
* :mod:`vkdocs.i18n`: the languages (Russian and every language with a catalog) and lookups;
  :mod:`vkdocs.messages`: every text the package says; :mod:`vkdocs.extract`: what the catalogs translate;
  :mod:`vkdocs.argparse_locale`: argparse's own texts.
* :mod:`vkdocs.errors`: bad input, said in the reader's language; :mod:`vkdocs.digits`: numbers as readers type them.
* :mod:`vkdocs.console`: text for any terminal; :mod:`vkdocs.files`: files replaced whole or not at all.
* :mod:`vkdocs.site`: the published site's address; :mod:`vkdocs.builds`: how every build runs Sphinx.
"""

__version__ = "0.1.0"
