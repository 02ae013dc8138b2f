"""Writes the row contract's column lists into docs/sync.md (between the contract markers),
from app/contract — never typed by hand.  ``--check`` exits 1 when the file is out of date.

    python build/contract_doc.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.contract import PATCHABLE, ROWS  # noqa: E402
from app.contract.limits import (  # noqa: E402
    JSON_MAX_BYTES,
    JSON_MAX_DEPTH,
    MAX_OPS,
)
from app.contract.rows import DAY, INSTANT, UUID, UUID7  # noqa: E402

DOC = ROOT / "docs" / "sync.md"
BEGIN = "<!-- contract:begin (build/contract_doc.py writes this part) -->"
END = "<!-- contract:end -->"
NAMED = {  # patterns by the name the prose above the tables gives them
    UUID7: "UUIDv7",
    UUID: "UUID",
    INSTANT: "instant (`YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, UTC)",
    DAY: "day (`YYYY-MM-DD`)",
}


def _type(schema: dict[str, Any]) -> str:
    """One column's JSON type and rule, in a few words."""
    if "anyOf" in schema:
        parts = [_type(s) for s in schema["anyOf"]]
        return " or ".join(parts)
    if "const" in schema or schema.get("type") == "null":
        return "null"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type", "any")
    rules: list[str] = []
    if kind == "string":
        pattern = schema.get("pattern")
        if pattern in NAMED:
            return NAMED[pattern]
        if pattern:
            rules.append(f"matching `{pattern}`")
        if schema.get("minLength"):
            rules.append(f"≥ {schema['minLength']} chars")
        if "maxLength" in schema:
            rules.append(f"≤ {schema['maxLength']} chars")
        return "text" + (" " + ", ".join(rules) if rules else "")
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return f"integer {low}–{high}"
        return "integer" + (f" ≥ {low}" if low is not None else "")
    if kind == "boolean":
        return "true or false"
    if kind == "object":
        if "additionalProperties" in schema and isinstance(schema["additionalProperties"], dict):
            inner = _type(schema["additionalProperties"])
            most = schema.get("maxProperties")
            return f"object of {inner}" + (f", ≤ {most} keys" if most else "")
        return f"object (≤ {JSON_MAX_DEPTH} levels, ≤ {JSON_MAX_BYTES} bytes)"
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    return kind


def _summary(doc: str | None) -> str:
    """A model's first sentence, without the table name it ends with."""
    return (doc or "").strip().split(" (``")[0].rstrip(".") + "."


INTRO = f"""Every op is checked against these columns, on the desk before the change enters its
outbox and on the server before anything of it is stored (`app/contract`). Types are strict:
no number is read from text, no text from a number, no flag from `"yes"`; a column not listed
is refused. An insert carries every required column; a patch carries at least one column
marked *patch*, never null where the column is required. A change holds at most {MAX_OPS} ops,
with no key the contract does not name at any level, so nothing nests deeper than a JSON
column's {JSON_MAX_DEPTH} levels."""


def render() -> str:
    lines = [BEGIN, "", INTRO, ""]
    for table, model in ROWS.items():
        schema = model.model_json_schema()
        required = set(schema.get("required", ()))
        patchable = PATCHABLE[table]
        lines += [
            f"**`{table}`** — {_summary(model.__doc__)}",
            "",
            "| column | JSON value | required | patch |",
            "|---|---|---|---|",
        ]
        for name, prop in schema["properties"].items():
            resolved = prop
            if "$ref" in prop:
                resolved = schema["$defs"][prop["$ref"].split("/")[-1]]
            lines.append(
                f"| `{name}` | {_type(resolved)} | {'yes' if name in required else ''} | "
                f"{'yes' if name in patchable else ''} |"
            )
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def updated(text: str) -> str:
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    if not rest:
        raise SystemExit(f"{DOC}: no {BEGIN!r} marker")
    return head + render() + tail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the doc is out of date")
    args = parser.parse_args()
    text = DOC.read_text(encoding="utf-8")
    new = updated(text)
    if args.check:
        if new != text:
            print(f"{DOC} is out of date: run python build/contract_doc.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
