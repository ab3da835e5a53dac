"""The fixed choices the command line offers, in a module that imports nothing.

``annotator --help`` builds its parsers from these without loading the modules that act on
them; those modules take their constants from here.
"""

from __future__ import annotations

SCOPES = ("overlap", "sentence", "paragraph")  # where two labels co-occur
FIELDS = ("annotator", "author", "source", "year")  # what a crosstab counts by
CONTEXT = 60  # code points of context each side of a retrieved passage, unless asked otherwise
THEMES = ("system", "light", "dark", "high-contrast")
SUGGESTER = "suggester"  # the annotator of suggestions applied from the command line

# The names of annotator.formats.registry (a test checks they agree): every format
# written, and those that can be imported.
FORMAT_NAMES = ("json", "csv", "jsonl", "w3c", "refi-qda", "doccano", "label-studio", "brat")
READABLE_FORMATS = ("w3c", "refi-qda", "doccano", "label-studio", "brat")
