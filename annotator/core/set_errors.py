from __future__ import annotations

import json

from annotator.core.messages import FILE_PROBLEM, N_, joined, say

# Characters of a JSON path, and of a problem, that a message shows: enough for any real
# one, while a path a thousand levels deep or a value of megabytes is cut.
MAX_PATH, MAX_PROBLEM = 300, 1000


class SetFormatError(ValueError):
    """An annotation set that cannot be read or imported.

    ``str()`` names the file, the JSON path (``documents[3].annotations[17].end``) and
    what is wrong, in the words the command line and the GUI both show.
    """

    def __init__(self, file: str, path: str, problem: str) -> None:
        self.file = file
        self.path = path
        self.problem = problem
        where = say(FILE_PROBLEM, file=file, problem=_cut(path, MAX_PATH)) if path else file
        super().__init__(say(FILE_PROBLEM, file=where, problem=_cut(problem, MAX_PROBLEM)))


class UnplaceableSelections(SetFormatError):
    """Spans whose positions fit their text under no reading (a REFI-QDA selection whose
    name is not its quote under any way of counting); ``found`` lists each."""

    def __init__(self, file: str, found: list[str]) -> None:
        self.found = found
        if len(found) == 1:
            problem = N_(
                "{count} selection cannot be placed on the text (nothing imported; "
                "--skip-unplaceable imports the rest): {found}"
            )
        else:
            problem = N_(
                "{count} selections cannot be placed on the text (nothing imported; "
                "--skip-unplaceable imports the rest): {found}"
            )
        super().__init__(file, "", say(problem, count=len(found), found=joined("; ", found)))


def member_path(path: str, key: str) -> str:
    """The JSON path of ``key`` inside the object at ``path``. A key that cannot be
    shown as it is (a control character, a lone surrogate) is written as a JSON string
    in brackets, so that a message stays one printable line."""
    if key.isprintable():
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"


def _cut(text: str, most: int) -> str:
    """``text``, or its start and end around an ellipsis when it is longer than ``most``
    (then no longer a message to translate)."""

    if len(text) <= most:
        return text
    half = most // 2
    return f"{text[:half]}…{text[-half:]}"


class SetConflictError(SetFormatError):
    """An annotation id already in the database with other content (``--replace`` wins)."""
