"""Every output, examples and CLI runs alike, follows the JSON Schema that ``cleaner schema`` prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, EXAMPLES, PROSE, Invoke
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from cleaner import clean
from cleaner.document import FIELDS, REMOVED_KINDS
from cleaner.files import document_bytes, document_object, json_bytes


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    """Return a validator for the schema as the CLI prints it."""
    from click.testing import CliRunner

    from cleaner.cli import main

    result = CliRunner().invoke(main, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(validator: Draft202012Validator, obj: Any) -> list[str]:
    """Return the schema violations of ``obj`` as readable lines."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(obj)]


def test_the_schema_rejects_what_it_must(validator: Draft202012Validator) -> None:
    """The schema is not vacuous: a wrong type, an unknown field and an unknown kind are refused."""
    good = clean(ARTICLE).to_dict()
    assert errors(validator, good) == []
    assert errors(validator, {**good, "body": None})
    assert errors(validator, {**good, "bodyy": ""})
    assert errors(validator, {**good, "date": "29.11.2022"})
    bad_kind = {**good, "removed": [{"kind": "spam", "reason": "", "start": 0, "end": 1, "text": "x"}]}
    assert errors(validator, bad_kind)


def test_the_schema_lists_every_removed_kind(validator: Draft202012Validator) -> None:
    """The ``kind`` enum is the documented set."""
    kind = validator.schema["properties"]["removed"]["items"]["properties"]["kind"]
    assert set(kind["enum"]) == set(REMOVED_KINDS)


@pytest.mark.parametrize("expected", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_examples_follow_the_schema(validator: Draft202012Validator, expected: Path) -> None:
    """Each example's expected output is valid."""
    assert errors(validator, json.loads(expected.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    "options",
    [[], ["--no-removed"], ["--fields", "source,body,tags"], ["--fields", "stats,removed", "--no-removed"]],
    ids=["all", "no-removed", "fields", "fields-no-removed"],
)
def test_cli_outputs_follow_the_schema(
    validator: Draft202012Validator, invoke: Invoke, tmp_path: Path, options: list[str]
) -> None:
    """What ``cleaner clean`` prints, whatever the shaping options, is valid; so is a document with no body (a
    header line alone: an empty file is refused)."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text(" date 2022-11-29 A caption. (Photo: AP)\n", encoding="utf-8")
    result = invoke(["clean", str(tmp_path / "a.txt"), str(tmp_path / "empty.txt"), *options])
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 2
    for doc in docs:
        assert errors(validator, doc) == []


def test_jsonl_input_output_follows_the_schema(validator: Draft202012Validator, invoke: Invoke) -> None:
    """The ``record`` field added for JSON Lines input is in the schema."""
    data = json.dumps({"text": PROSE[0], "id": 3, "meta": {"site": "x"}}) + "\n"
    doc = json.loads(invoke(["clean", "--input-format", "jsonl"], input=data).stdout)
    assert doc["record"] == {"id": 3, "meta": {"site": "x"}}
    assert errors(validator, doc) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.sampled_from([ARTICLE, *PROSE]))
def test_any_text_gives_a_valid_document(validator: Draft202012Validator, text: str) -> None:
    """Cleaning never raises on any text and always gives a valid document."""
    assert errors(validator, clean(text, source="x").to_dict()) == []


#: Strings JSON must escape, or must not: quotes, backslashes, controls, a lone surrogate, line separators, emoji.
_AWKWARD = 'a"b\\c\n\t\x00\x1f\x7f\udc80\u2028é😀</script>'


@settings(max_examples=60, deadline=None)
@given(
    st.text(max_size=200) | st.sampled_from([ARTICLE, *PROSE, _AWKWARD]),
    st.booleans(),
    st.none() | st.lists(st.sampled_from([*FIELDS, "record", "nope"]), max_size=5).map(tuple),
)
def test_json_text_is_json_dumps_of_the_dict(text: str, removed: bool, fields: tuple[str, ...] | None) -> None:
    """The JSON written directly from the fields (to_json, and the command line's writer) is byte for byte
    ``json.dumps`` of ``to_dict``, for every projection, and with an input record."""
    doc = clean(text, source=_AWKWARD)
    expected = json.dumps(doc.to_dict(removed=removed, fields=fields), ensure_ascii=False, separators=(",", ":"))
    assert doc.to_json(removed=removed, fields=fields) == expected
    record = {"id": 7, "text": _AWKWARD, "n": [1.5, None, True]}
    obj = document_object(doc, record, removed=removed, fields=fields)
    assert document_bytes(doc, record, removed=removed, fields=fields) == json_bytes(obj)
