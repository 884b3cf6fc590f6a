"""vkdocs: helpers for the VKontakte page guides.

* :mod:`vkdocs.deadline`: until when a deleted page can be restored.
* :mod:`vkdocs.checklist`: the procedures as checklists in Russian and English.
* :mod:`vkdocs.cli`: the ``vkdocs`` command.
"""

__version__ = "0.1.0"
