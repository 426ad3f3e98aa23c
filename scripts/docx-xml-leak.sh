#!/usr/bin/env bash
# What FoundationXML leaks when a .docx is refused for a damaged part: replays damaged documents through the
# docx fuzz target's replay tool under valgrind and prints the bytes "definitely lost" per document.
# FoundationXML turns every error libxml2 reports into an error object it never releases (about 72 bytes); it
# parses in libxml2's recover mode, so one damaged part could report an error per damaged element. The
# part reader stops at the first error, which bounds the loss to one report per refused document.
#
# Usage: scripts/docx-xml-leak.sh [DiskretFuzz]   (default: .build/debug/DiskretFuzz; build it with
#        `swift build --product DiskretFuzz`). Needs valgrind, binutils (strip) and python3.
set -euo pipefail
replay=${1:-.build/debug/DiskretFuzz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind 3.19 (Debian 12) cannot read the DWARF 5 of Swift's debug builds: measure a copy without it.
strip --strip-debug -o "$work/replay" "$replay"

# Damaged documents of three kinds, each 1 and 100 times: a tag never closed, 2,000 elements with an undeclared
# prefix (an error each in recover mode), a reference to character 0.
python3 - "$work" <<'PY'
import io, os, sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
bodies = {
    "unclosed": "<w:p><w:r><w:t>Frau K.</w:t></w:r>",
    "prefixes": "<w:p>" + "<x:r>Frau K.</x:r>" * 2000 + "</w:p>",
    "charref": "<w:p><w:r><w:t>Frau &#0; K.</w:t></w:r></w:p>",
}
for kind, body in bodies.items():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
    for count in (1, 100):
        folder = os.path.join(sys.argv[1], f"{kind}-{count}")
        os.makedirs(folder)
        for i in range(count):
            with open(os.path.join(folder, f"{i:03}.docx"), "wb") as f:
                f.write(buffer.getvalue())
PY

printf '%-10s %10s %12s %12s\n' kind documents "lost bytes" "per document"
for kind in unclosed prefixes charref; do
    for count in 1 100; do
        lost=$(DISKRET_FUZZ_TARGET=docx SWIFT_BACKTRACE=enable=no valgrind --leak-check=full "$work/replay" "$work/$kind-$count" 2>&1 \
            | sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' | tr -d ,)
        lost=${lost:-0}
        printf '%-10s %10d %12d %12.1f\n' "$kind" "$count" "$lost" "$(awk -v l="$lost" -v c="$count" 'BEGIN { print l / c }')"
    done
done
