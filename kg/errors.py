"""One error hierarchy for the whole library.

Every error names the input it is about and says what to do, so that the CLI can print it
as it is and exit non-zero, and a caller can catch ``KgError`` alone.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose."""

    exit_code = 1


class InputError(KgError):
    """An input (file, record, option value) cannot be read or is not what kg expects."""

    exit_code = 2


class ModelError(KgError):
    """The spaCy pipeline named by the user cannot be loaded."""

    exit_code = 2


class StoreError(KgError):
    """The graph store cannot be opened, read or written."""


class QueryError(KgError):
    """A SPARQL query is malformed or unknown."""

    exit_code = 2


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
