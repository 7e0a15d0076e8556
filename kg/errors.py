"""One error hierarchy for the whole library.

Every error names the input it is about and says what to do, so that the CLI can print it
as it is and exit non-zero, and a caller can catch ``KgError`` alone.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose."""

    exit_code = 1


class InputError(KgError):
    """An input (file, record, option value) cannot be read or is not what kg expects.

    Raised as ``InputError(input=..., reason=..., hint=..., kind=...)`` it keeps its parts,
    so that a build can report each skipped input as data (which input, why, what to do)
    and count the skips by ``kind``; the message is the parts joined as one line.
    """

    exit_code = 2

    def __init__(self, message: str = "", *, input: str = "", reason: str = "", hint: str = "",
                 kind: str = "input") -> None:
        if not message:
            message = f"{input}: {reason}" + (f"; {hint}" if hint else "")
        super().__init__(message)
        self.input = input
        self.reason = reason or message
        self.hint = hint
        self.kind = kind

    def __reduce__(self):  # keep the parts across processes (pickle passes args only)
        return (_input_error, (str(self), self.input, self.reason, self.hint, self.kind))


def _input_error(message: str, input: str, reason: str, hint: str, kind: str) -> InputError:
    return InputError(message, input=input, reason=reason, hint=hint, kind=kind)


class ModelError(KgError):
    """The spaCy pipeline named by the user cannot be loaded."""

    exit_code = 2


class StoreError(KgError):
    """The graph store cannot be opened, read or written."""


class OutputError(KgError):
    """A file kg writes (graph files, an export) cannot be written."""


class QueryError(KgError):
    """A SPARQL query is malformed or unknown."""

    exit_code = 2


class QueryRefused(QueryError):
    """A query asks for what is not allowed here: an update, or a SERVICE call to another host."""


class QueryTimeout(QueryError):
    """A query ran longer than the time it was given."""

    exit_code = 1


class AssetError(KgError):
    """A browser library of the query page or graph view is not installed."""


class ValidationError(KgError):
    """A graph does not conform to the SHACL shapes."""


class GoldError(KgError):
    """A gold file for ``kg eval`` is malformed."""

    exit_code = 2


# Exit codes of the ``kg`` command, for scripts (README, "Exit codes"; ``kg --help``).
EXIT_OK = 0  # done: every article written or unchanged
EXIT_ERROR = 1  # an error: nothing (more) was written, or a check failed
EXIT_USAGE = 2  # a bad option, argument, query or input name (Click's own code for usage)
EXIT_PARTIAL = 3  # a build wrote some articles and skipped others
