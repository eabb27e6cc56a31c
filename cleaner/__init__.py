"""cleaner: turn scraped news-article text into clean, structured, auditable JSON.

>>> from cleaner import clean
>>> text = " date 2022-11-29 The Pentagon. Photo by Joshua Roberts\\n\\nThe hotline was used once.\\n\\nTags: A, B"
>>> doc = clean(text)
>>> doc.date, doc.caption, doc.credit, doc.tags
('2022-11-29', 'The Pentagon.', 'Joshua Roberts', ['A', 'B'])
>>> doc.body
'The hotline was used once.'
"""

from __future__ import annotations

from cleaner.config import Config
from cleaner.document import Document
from cleaner.pipeline import run

__version__ = "0.1.0"
__all__ = ["Config", "Document", "__version__", "clean", "clean_bytes"]


def clean(text: str, *, config: Config | None = None, source: str | None = None) -> Document:
    """Clean one article given as text and return its Document.

    >>> clean("Hello.\\n\\nTags: a; b").tags
    ['a', 'b']
    """
    return run(text, config, source)


def clean_bytes(data: bytes, *, config: Config | None = None, source: str | None = None) -> Document:
    """Clean one article given as bytes: decode (BOM, UTF-8, else a fallback, listed in warnings), then clean.

    Bytes that are not text raise ``cleaner.errors.InputError`` (a ``CleanerError``) with a one-line reason: a
    binary signature (PNG, PDF, gzip, ...), NUL-heavy or control-heavy data; with ``config.encoding`` set, bytes
    that encoding cannot decode raise ``DecodeError`` (an InputError). Empty or whitespace-only bytes are not an
    error here, as for ``clean("")``: the Document has an empty body and the warning ``no article text found``.
    The command line refuses such files; ``cleaner.stages.decode.check_input(data)`` does the same for a caller
    (it raises ``EmptyInputError`` for them, and InputError for binary data also under a forced encoding).

    >>> clean_bytes("Caf\\u00e9 au lait.".encode("cp1252")).warnings
    ['not valid UTF-8: decoded as cp1252']
    >>> clean_bytes(b" \\n").warnings
    ['no article text found']
    >>> clean_bytes(b"%PDF-1.7\\n...")
    Traceback (most recent call last):
    ...
    cleaner.errors.InputError: looks like a binary file (PDF document); not text
    """
    return run(data, config, source)
