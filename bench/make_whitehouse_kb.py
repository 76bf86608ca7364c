"""Turn the White House security set (documents.jsonl.gz) into a knowledge folder: one Markdown file per document.

    python bench/make_whitehouse_kb.py [--source FILE] [--out DIR]

Each file gets YAML front matter (title, date, url, section, tags, origin, source_id) and the body unchanged.
File names are flat and safe: the slug of the id's last part, with a short hash when cut or duplicated.
The data stays outside the repository (default /tmp/policybot-whitehouse-kb).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

SHARED = Path(os.environ.get("POLICYBOT_SHARED") or Path(__file__).resolve().parents[2] / "shared")
SOURCE = SHARED / "evaldata" / "whitehouse_security" / "documents.jsonl.gz"
OUT = Path("/tmp/policybot-whitehouse-kb")
ORIGIN = "White House briefing room"
MAX_SLUG = 100


def records(source: Path) -> Iterator[dict]:
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def slug(doc_id: str) -> str:
    """Lowercase ASCII letters, digits and single hyphens, at most MAX_SLUG characters."""
    text = re.sub(r"%[0-9a-f]{2}", "-", doc_id.rsplit("/", 1)[-1].lower())
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:MAX_SLUG].rstrip("-") or "document"


def file_name(doc_id: str, taken: set[str]) -> str:
    name = slug(doc_id)
    if name in taken or len(name) >= MAX_SLUG:
        name = f"{name}-{hashlib.sha1(doc_id.encode()).hexdigest()[:8]}"
    taken.add(name)
    return name + ".md"


def front_matter(record: dict) -> str:
    meta = {
        "title": " ".join(str(record["title"]).split()),
        "date": str(record["date"]),
        "url": record.get("source_url") or None,
        "section": record.get("section"),
        "tags": [record["section"]] if record.get("section") else [],
        "origin": ORIGIN,
        "source_id": record["id"],
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def write_folder(source: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    count = 0
    for record in records(source):
        path = out / file_name(record["id"], taken)
        path.write_bytes((front_matter(record) + record["text"]).encode("utf-8"))
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help=f"documents.jsonl.gz (default {SOURCE})")
    parser.add_argument("--out", type=Path, default=OUT, help=f"knowledge folder to write (default {OUT})")
    args = parser.parse_args(argv)
    count = write_folder(args.source, args.out)
    print(f"wrote {count} documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
