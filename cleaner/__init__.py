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

    >>> clean_bytes("Caf\\u00e9 au lait.".encode("cp1252")).warnings
    ['not valid UTF-8: decoded as cp1252']
    """
    return run(data, config, source)
