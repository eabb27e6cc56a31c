"""The typed output of cleaning: Document, its parts, and the JSON Schema they follow."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, NamedTuple

#: Every ``removed[].kind`` the pipeline may emit, with what it means (also in the JSON Schema).
REMOVED_KINDS: dict[str, str] = {
    "header": "the date header line (date, caption, credit moved to their fields)",
    "tags": "the tags line (tags moved to the tags field)",
    "title": "the headline or the page title (the headline moved to the title field)",
    "related": "a related-article link or a related/read-more list",
    "appeal": "a donation, subscription, newsletter or membership appeal",
    "share": "a share or follow prompt",
    "notice": "a cookie, consent, embed or advertising notice",
    "navigation": "menus, breadcrumbs, runs of short link-like lines",
    "footer": "copyright, legal and contact lines, and everything after them",
    "comment": "reader comments",
    "byline": "an author line or bio",
    "duplicate": "a paragraph repeated inside the document",
    "learned": "a block learned as repeated across documents of a site",
    "other": "text after the article that is not prose of the article",
}


class Removed(NamedTuple):
    """One span of the normalised text kept out of the body, with why."""

    kind: str
    reason: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of this entry."""
        return {
            "kind": self.kind,
            "reason": self.reason,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


class Related(NamedTuple):
    """An inline related-article link such as ``Title – Site Name``."""

    title: str
    site: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of this link."""
        return {"title": self.title, "site": self.site}


class Stats(NamedTuple):
    """Character and paragraph counts of one document."""

    chars: int
    body_chars: int
    paragraphs: int
    removed_chars: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of these counts."""
        return {
            "chars": self.chars,
            "body_chars": self.body_chars,
            "paragraphs": self.paragraphs,
            "removed_chars": self.removed_chars,
        }


class Document(NamedTuple):
    """A cleaned document: the fields of the JSON contract, in its order.

    ``body_spans`` gives the ``[start, end)`` offsets of each body paragraph in the normalised text, so that the
    body paragraphs and ``removed`` together can be checked to tile the input.
    """

    source: str | None
    date: str | None
    datetime: str | None
    title: str | None
    caption: str | None
    credit: str | None
    body: str
    tags: list[str]
    related: list[Related]
    language: str | None
    removed: list[Removed]
    stats: Stats
    warnings: list[str]
    body_spans: list[tuple[int, int]] = []  # noqa: RUF012 (a NamedTuple default, never mutated)

    def to_dict(self, *, removed: bool = True, fields: tuple[str, ...] | None = None) -> dict[str, Any]:
        """Return the JSON object of this document; ``removed=False`` drops the audit trail.

        >>> from cleaner import clean
        >>> sorted(clean("Hello world.", source="x.txt").to_dict(fields=("source", "body")).items())
        [('body', 'Hello world.'), ('source', 'x.txt')]
        """
        out: dict[str, Any] = {
            "source": self.source,
            "date": self.date,
            "datetime": self.datetime,
            "title": self.title,
            "caption": self.caption,
            "credit": self.credit,
            "body": self.body,
            "tags": list(self.tags),
            "related": [r.to_dict() for r in self.related],
            "language": self.language,
            "removed": [r.to_dict() for r in self.removed],
            "stats": self.stats.to_dict(),
            "warnings": list(self.warnings),
            "body_spans": [[s, e] for s, e in self.body_spans],
        }
        if not removed:
            del out["removed"], out["body_spans"]
        if fields is not None:
            out = {k: out[k] for k in fields if k in out}
        return out

    def json_members(self, *, removed: bool = True) -> dict[str, str]:
        """Return the compact JSON text of each field, by name, in the order of :meth:`to_dict`.

        The same text ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))`` gives each value, written
        directly: building the dicts of :meth:`to_dict` and walking them again costs twice as much.

        >>> from cleaner import clean
        >>> clean("Hello world.").json_members()["stats"]
        '{"chars":12,"body_chars":12,"paragraphs":1,"removed_chars":0}'
        """
        st = self.stats
        out = {
            "source": _string(self.source),
            "date": _string(self.date),
            "datetime": _string(self.datetime),
            "title": _string(self.title),
            "caption": _string(self.caption),
            "credit": _string(self.credit),
            "body": encode_basestring(self.body),
            "tags": _strings(self.tags),
            "related": "["
            + ",".join([f'{{"title":{encode_basestring(r.title)},"site":{_string(r.site)}}}' for r in self.related])
            + "]",
            "language": _string(self.language),
            "removed": "["
            + ",".join(
                [
                    f'{{"kind":{encode_basestring(r.kind)},"reason":{encode_basestring(r.reason)},'
                    f'"start":{r.start},"end":{r.end},"text":{encode_basestring(r.text)}}}'
                    for r in self.removed
                ]
            )
            + "]",
            "stats": f'{{"chars":{st.chars},"body_chars":{st.body_chars},"paragraphs":{st.paragraphs},'
            f'"removed_chars":{st.removed_chars}}}',
            "warnings": _strings(self.warnings),
            "body_spans": "[" + ",".join([f"[{s},{e}]" for s, e in self.body_spans]) + "]",
        }
        if not removed:
            del out["removed"], out["body_spans"]
        return out

    def to_json(self, *, indent: int | None = None, removed: bool = True, fields: tuple[str, ...] | None = None) -> str:
        """Return the document as JSON text (UTF-8 characters kept, not escaped); the same text as ``json.dumps``
        of :meth:`to_dict` with these options.

        >>> from cleaner import clean
        >>> clean("Hello world.", source="x.txt").to_json(fields=("source", "body"))
        '{"source":"x.txt","body":"Hello world."}'
        """
        if indent is not None:
            separators = (",", ": ") if indent else (",", ":")
            obj = self.to_dict(removed=removed, fields=fields)
            return json.dumps(obj, ensure_ascii=False, indent=indent, separators=separators)
        return json_object(self.json_members(removed=removed), fields)


def _string(value: str | None) -> str:
    """Return the JSON text of a string or null."""
    return "null" if value is None else encode_basestring(value)


def _strings(values: list[str]) -> str:
    """Return the JSON text of a list of strings."""
    return "[" + ",".join(map(encode_basestring, values)) + "]"


def json_object(members: dict[str, str], fields: tuple[str, ...] | None = None) -> str:
    """Return the compact JSON object of ``members`` (name to JSON text), only ``fields`` in their order if given.

    >>> json_object({"a": "1", "b": "null"}), json_object({"a": "1", "b": "null"}, ("b", "c"))
    ('{"a":1,"b":null}', '{"b":null}')
    """
    if fields is not None:
        members = {k: members[k] for k in fields if k in members}
    return "{" + ",".join([f"{encode_basestring(k)}:{v}" for k, v in members.items()]) + "}"


FIELDS: tuple[str, ...] = (
    "source",
    "date",
    "datetime",
    "title",
    "caption",
    "credit",
    "body",
    "tags",
    "related",
    "language",
    "removed",
    "stats",
    "warnings",
    "body_spans",
)

_NULLABLE_STRING = {"type": ["string", "null"]}
_COUNT = {"type": "integer", "minimum": 0}

#: The JSON Schema (draft 2020-12) of one output object; ``cleaner schema`` prints it.
JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://github.com/cleaner/cleaner/schema/document.json",
    "title": "cleaner document",
    "description": "One cleaned article. Offsets index the normalised text (after decoding and repairs). "
    "--fields projects this object and --no-removed drops removed and body_spans, so no property is required "
    "beyond what was asked for.",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "source": {
            **_NULLABLE_STRING,
            "description": "the input as given: a path, '-' for stdin, FILE:LINE for JSONL",
        },
        "date": {
            "type": ["string", "null"],
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "description": "publication date, YYYY-MM-DD",
        },
        "datetime": {
            **_NULLABLE_STRING,
            "description": "ISO 8601 date and time when a time is given, with its UTC offset when one is written "
            "or a zone named",
        },
        "title": {**_NULLABLE_STRING, "description": "the headline, when the text shows one"},
        "caption": {**_NULLABLE_STRING, "description": "the lead image's caption from the header line"},
        "credit": {**_NULLABLE_STRING, "description": "the photo credit as written after its marker"},
        "body": {"type": "string", "description": "the article: paragraphs separated by one blank line"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "related": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "site"],
                "properties": {"title": {"type": "string"}, "site": _NULLABLE_STRING},
            },
        },
        "language": {**_NULLABLE_STRING, "description": "ISO 639-1 code of the document's language"},
        "removed": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["kind", "reason", "start", "end", "text"],
                "properties": {
                    "kind": {
                        "enum": sorted(REMOVED_KINDS),
                        "description": "; ".join(f"{k}: {v}" for k, v in REMOVED_KINDS.items()),
                    },
                    "reason": {"type": "string"},
                    "start": _COUNT,
                    "end": _COUNT,
                    "text": {"type": "string"},
                },
            },
        },
        "stats": {
            "type": "object",
            "additionalProperties": False,
            "required": ["chars", "body_chars", "paragraphs", "removed_chars"],
            "properties": dict.fromkeys(("chars", "body_chars", "paragraphs", "removed_chars"), _COUNT),
        },
        "warnings": {"type": "array", "items": {"type": "string"}},
        "body_spans": {
            "type": "array",
            "description": "[start, end) of each body paragraph in the normalised text",
            "items": {"type": "array", "items": _COUNT, "minItems": 2, "maxItems": 2},
        },
        "record": {
            "type": "object",
            "description": "with --input-format jsonl: the input record's other fields, as read",
        },
    },
}
