from __future__ import annotations

import json

MAX_SHOWN = 300  # characters of a JSON path or a problem a message shows


class SetFormatError(ValueError):
    """An annotation set that cannot be read or imported.

    ``str()`` names the file, the JSON path (``documents[3].annotations[17].end``) and
    what is wrong, in the words the command line and the GUI both show.
    """

    def __init__(self, file: str, path: str, problem: str) -> None:
        self.file = file
        self.path = path
        self.problem = problem
        where = f"{file}: {_cut(path)}" if path else file
        super().__init__(f"{where}: {_cut(problem)}")


def member_path(path: str, key: str) -> str:
    """The JSON path of ``key`` inside the object at ``path``. A key that cannot be
    shown as it is (a control character, a lone surrogate) is written as a JSON string
    in brackets, so that a message stays one printable line."""
    if key.isprintable():
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"


def _cut(text: str) -> str:
    """``text``, or its start and end around an ellipsis when it is very long (a path
    a thousand levels deep, a value of megabytes quoted in a problem)."""
    if len(text) <= MAX_SHOWN:
        return text
    half = MAX_SHOWN // 2
    return f"{text[:half]}…{text[-half:]}"


class SetConflictError(SetFormatError):
    """An annotation id already in the database with other content (``--replace`` wins)."""
