"""Placeholder CLI."""

import sys

from cleaner import clean


def main() -> None:
    """Print the JSON of the file named first."""
    with open(sys.argv[1], encoding="utf-8") as f:
        print(clean(f.read(), source=sys.argv[1]).to_json(indent=2))
