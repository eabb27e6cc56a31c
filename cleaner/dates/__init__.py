"""Dates: ordered strategies read a written date, one validator decides whether it is real and plausible.

>>> from cleaner.config import Config
>>> found = read_header_date("Published November 29, 2022 10:03 PM", Config())
>>> found.verdict.date, found.verdict.datetime
('2022-11-29', '2022-11-29T22:03:00')
"""

from __future__ import annotations

from cleaner.dates.line import HeaderDate, read_header_date

__all__ = ["HeaderDate", "read_header_date"]
