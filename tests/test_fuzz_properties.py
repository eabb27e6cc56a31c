"""Fuzzing in CI (a few hundred cases each): text, bytes and scraped-article variants keep every property.

``python tests/fuzz/run_fuzz.py --examples 20000`` runs the same properties for as long as you like.
"""

from __future__ import annotations

from fuzz.properties import articles, byte_inputs, check_bytes, check_text, configs, texts
from hypothesis import HealthCheck, given, settings

from cleaner import Config

_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(texts)
def test_any_text_keeps_every_property(raw: str) -> None:
    """Any text: no exception, schema-valid JSON, spans tile the normalised text, same output twice."""
    check_text(raw)


@_SETTINGS
@given(articles(), configs)
def test_scraped_articles_keep_every_property_under_any_options(raw: str, config: Config) -> None:
    """Article-shaped text (headers, boilerplate, tags lines, odd breaks, mixed scripts) under any options."""
    check_text(raw, config)


@_SETTINGS
@given(byte_inputs, configs)
def test_any_bytes_are_cleaned_or_refused_with_input_error(raw: bytes, config: Config) -> None:
    """Any bytes (random, any encoding, BOMs, binary signatures): a Document or an InputError, nothing else."""
    check_bytes(raw, config)
