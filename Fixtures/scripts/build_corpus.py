#!/usr/bin/env python3
"""Build the fixture corpus from the marked-up notes.

Reads DIR/source/*.txt, where gold annotations are written inline as [[surface text|label]], and writes
  - DIR/notes/<name>.txt: the plain note (mark-up removed), and
  - DIR/corpus.jsonl: one {"id", "text", "entities": [{"start", "end", "label", "text"}]} per note,
    offsets in Unicode code points, end exclusive.
DIR is Fixtures by default; a blind batch is built with its own folder:
  python3 Fixtures/scripts/build_corpus.py                        # Fixtures/
  python3 Fixtures/scripts/build_corpus.py Fixtures/blind/batch-01
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = {"person", "date", "age", "address", "organisation", "contact", "id", "title", "profession", "other"}
MARK = re.compile(r"\[\[(.+?)\|([a-z]+)\]\]", re.S)


def parse(source, name):
    text, entities, position = [], [], 0
    length = 0
    for match in MARK.finditer(source):
        plain = source[position:match.start()]
        if "[[" in plain or "]]" in plain:
            sys.exit(f"{name}: unbalanced mark-up before offset {match.start()}")
        text.append(plain)
        length += len(plain)
        surface, label = match.group(1), match.group(2)
        if label not in LABELS:
            sys.exit(f"{name}: unknown label '{label}'")
        entities.append({"start": length, "end": length + len(surface), "label": label, "text": surface})
        text.append(surface)
        length += len(surface)
        position = match.end()
    rest = source[position:]
    if "[[" in rest or "]]" in rest:
        sys.exit(f"{name}: unbalanced mark-up at the end")
    text.append(rest)
    plain = "".join(text)
    for entity in entities:
        assert plain[entity["start"]:entity["end"]] == entity["text"], (name, entity)
    return plain, entities


def main():
    root = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
    source_dir = os.path.join(root, "source")
    notes_dir = os.path.join(root, "notes")
    os.makedirs(notes_dir, exist_ok=True)
    lines, count = [], 0
    for name in sorted(os.listdir(source_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(source_dir, name), encoding="utf-8") as handle:
            plain, entities = parse(handle.read(), name)
        with open(os.path.join(notes_dir, name), "w", encoding="utf-8") as handle:
            handle.write(plain)
        lines.append(json.dumps({"id": name[:-4], "text": plain, "entities": entities}, ensure_ascii=False))
        count += len(entities)
    with open(os.path.join(root, "corpus.jsonl"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"{len(lines)} notes, {count} entities")


if __name__ == "__main__":
    main()
