"""Exceptions raised by the ingest package.

Every exception's ``str()`` is a complete sentence that can be shown to a user as is.
"""

from __future__ import annotations


class IngestError(Exception):
    """Base class: adding something to the knowledge base did not happen."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FetchError(IngestError):
    """A URL could not be fetched."""


class FetchRefused(FetchError):
    """The fetch was refused by policy (address, scheme, size, type, redirects)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"refused: {reason}")
        self.reason = reason


class FetchFailed(FetchError):
    """The fetch was allowed but did not succeed (network error, timeout, HTTP error)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"could not fetch {url}: {reason}")
        self.url = url
        self.reason = reason


class ExtractError(IngestError):
    """No usable text could be extracted from the content."""


class UnsupportedUpload(IngestError):
    """An uploaded file is of a kind we do not ingest."""


class AlreadyIngested(IngestError):
    """The same URL or the same text is already in the knowledge base."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(f"already in the knowledge base as {doc_id}")
        self.doc_id = doc_id
