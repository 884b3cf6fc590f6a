"""vkdocs: helpers for the VKontakte page guides.

* :mod:`vkdocs.deadline`: until when a deleted page can be restored.
* :mod:`vkdocs.checklist`: the procedures as checklists, in every language of the catalogs.
* :mod:`vkdocs.triage`: the question path from a situation to the page to read.
* :mod:`vkdocs.handout`: personal handouts as PDFs; :mod:`vkdocs.latex`: the PDFs' LaTeX settings.
* :mod:`vkdocs.dataset`: the open dataset.
* :mod:`vkdocs.cli`: the ``vkdocs`` command.
* :mod:`vkdocs.sphinx`: the Sphinx extension the docs are built with (one module per feature).
"""

__version__ = "0.1.0"
