#!/usr/bin/env bash
# Checksums of everything a refactoring must not change: the masked output of the fixture notes, of a case
# with its roster, of pseudonymised notes, and of the evaluation corpora, plus the figures of `rules check`,
# `diskret test` and `diskret eval`. Run it before and after a change and compare the two outputs with diff.
#
# Usage: scripts/behaviour-checksums.sh CORPORA_DIR [DISKRET]
#   CORPORA_DIR  a folder with grascco-dev.jsonl and germeval2014-dev.jsonl (not part of the repository; a
#                missing file is reported and skipped)
#   DISKRET      the executable (default: .build/release/diskret)
# Environment: DISKRET_RULES (default: Rules) and FIXTURES (default: Fixtures) pin the rule pack and fixtures,
# so that two builds can be compared on the same inputs while the repository's own copies move on.
set -euo pipefail
corpora=${1:?usage: scripts/behaviour-checksums.sh CORPORA_DIR [DISKRET]}
diskret=${2:-.build/release/diskret}
rules=${DISKRET_RULES:-Rules}
fixtures=${FIXTURES:-Fixtures}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A fixed case key, so that pseudonyms, surrogates and date shifts are the same in every run.
printf 'diskret behaviour checksum key' | sha256sum | cut -c1-64 | xxd -r -p > "$work/case.key"
chmod 600 "$work/case.key"
pseudonymise=(--case-key "$work/case.key" --mask person=surrogate,date=shift,address=surrogate,contact=pseudonym,id=pseudonym,organisation=pseudonym,age=age-band)

# A cache of its own, built by the first run: the pack cache is keyed on the executable, so two builds never
# share one, and the user's own cache is left alone.
export XDG_CACHE_HOME="$work/cache"
run() { "$diskret" "$@" --rules "$rules"; }
sum() { printf '%s  %s\n' "$(sha256sum < "$1" | cut -c1-64)" "$2"; }
# Timing is the one part of the figures that may change.
figures() { sed -E 's/seconds: [0-9.]+/seconds: -/'; }

run rules check "$rules" > "$work/rules-check.txt" 2>&1 || true
run test "$fixtures" > "$work/test.txt" 2>&1 || true
for note in "$fixtures"/notes/*.txt; do
    printf '== %s\n' "$(basename "$note")"
    run filter --input "$note"
    run filter --input "$note" "${pseudonymise[@]}" --anchor-date 2024-01-01
done > "$work/notes.txt" 2>&1
for note in "$fixtures"/cases/K-2024-017/*.txt; do
    printf '== %s\n' "$(basename "$note")"
    run filter --input "$note" --roster "$fixtures/cases/K-2024-017.yaml" --report -
done > "$work/case.txt" 2>&1
run filter --jsonl < "$fixtures/corpus.jsonl" > "$work/fixtures.jsonl"
run filter --jsonl --explain < "$fixtures/corpus.jsonl" > "$work/fixtures-explain.jsonl"
run eval "$fixtures/corpus.jsonl" | figures > "$work/eval-fixtures.txt"

sum "$work/rules-check.txt" "rules check"
sum "$work/test.txt" "diskret test"
sum "$work/notes.txt" "fixture notes, masked and pseudonymised"
sum "$work/case.txt" "fixture case with roster, output and report"
sum "$work/fixtures.jsonl" "fixture corpus, filter --jsonl"
sum "$work/fixtures-explain.jsonl" "fixture corpus, filter --jsonl --explain"
for corpus in grascco-dev germeval2014-dev; do
    if [[ ! -f "$corpora/$corpus.jsonl" ]]; then echo "missing: $corpora/$corpus.jsonl (skipped)"; continue; fi
    run filter --jsonl < "$corpora/$corpus.jsonl" > "$work/$corpus.jsonl"
    run filter --jsonl "${pseudonymise[@]}" < "$corpora/$corpus.jsonl" > "$work/$corpus-pseudonymised.jsonl"
    run eval "$corpora/$corpus.jsonl" | figures > "$work/eval-$corpus.txt"
    sum "$work/$corpus.jsonl" "$corpus, filter --jsonl"
    sum "$work/$corpus-pseudonymised.jsonl" "$corpus, filter --jsonl, pseudonymised"
done

echo
echo "-- rules check"; cat "$work/rules-check.txt"
echo "-- diskret test"; tail -1 "$work/test.txt"
for figures in "$work"/eval-*.txt; do echo "-- eval $(basename "$figures" .txt | sed 's/^eval-//')"; cat "$figures"; done
