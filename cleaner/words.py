"""Whole-word search in a text: what the credit markers and the weighted phrases of the lexicons both need."""

from __future__ import annotations


def has_whole(phrase: str, text: str) -> bool:
    """Tell whether ``phrase`` occurs in ``text`` as whole words: no letter or digit just before or after it.

    >>> has_whole("support us", "please support us!"), has_whole("support us", "support user"), has_whole("ph", "photo")
    (True, False, False)
    """
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(phrase, start + 1)
    return False
