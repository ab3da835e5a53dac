from __future__ import annotations


class SetFormatError(ValueError):
    """An annotation set that cannot be read or imported.

    ``str()`` names the file, the JSON path (``documents[3].annotations[17].end``) and
    what is wrong, in the words the command line and the GUI both show.
    """

    def __init__(self, file: str, path: str, problem: str) -> None:
        self.file = file
        self.path = path
        self.problem = problem
        where = f"{file}: {path}" if path else file
        super().__init__(f"{where}: {problem}")


class SetConflictError(SetFormatError):
    """An annotation id already in the database with other content (``--replace`` wins)."""
