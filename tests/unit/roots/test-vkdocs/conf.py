# The tiny project of tests/unit/test_sphinxext.py: MyST and the two vkdocs features it tries, strict references.
extensions = ["myst_parser", "vkdocs.sphinx.checklists", "vkdocs.sphinx.handouts"]
nitpicky = True
