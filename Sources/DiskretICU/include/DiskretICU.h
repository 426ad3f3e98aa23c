// DiskretICU: a C bridge to the system ICU that exposes only opaque handles and plain C types.
//
// Why a bridge: ICU's C API names are macros renaming to versioned symbols (ubrk_open -> ubrk_open_72) that
// Swift cannot see, and ICU's headers clash with the ICU that Foundation bundles on Linux when both meet in one
// Clang module graph. This header includes no ICU header, so any Swift module may import it.
#ifndef DISKRET_ICU_H
#define DISKRET_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Writes ICU's name for an error code (e.g. "U_REGEX_RULE_SYNTAX") into `buffer`.
void dk_error_name(int32_t code, char *buffer, int32_t capacity);

/// The ICU version string, e.g. "72.1".
void dk_icu_version(char *buffer, int32_t capacity);

// MARK: Break iteration

typedef struct dk_breaker dk_breaker;

/// Kinds of break iterator.
enum { DK_BREAK_WORD = 0, DK_BREAK_SENTENCE = 1 };

/// Opens a break iterator of `kind` for `locale`; NULL on failure with `*error` set.
dk_breaker *dk_breaker_open(int32_t kind, const char *locale, int32_t *error);
/// Clones a break iterator (cheaper than opening one); the clone has no text.
dk_breaker *dk_breaker_clone(const dk_breaker *breaker, int32_t *error);
void dk_breaker_close(dk_breaker *breaker);
/// Sets the UTF-16 text; the text must outlive its use by the iterator.
int32_t dk_breaker_set_text(dk_breaker *breaker, const uint16_t *text, int32_t length);
/// Returns the next boundary (or -1 at the end) and the rule status of the segment that ends there.
int32_t dk_breaker_next(dk_breaker *breaker, int32_t *rule_status);

// MARK: Regular expressions

typedef struct dk_regex dk_regex;

/// Flags for dk_regex_open (same values as ICU's URegexpFlag).
enum { DK_REGEX_CASE_INSENSITIVE = 2, DK_REGEX_COMMENTS = 4, DK_REGEX_MULTILINE = 8, DK_REGEX_DOTALL = 32 };

/// Compiles a UTF-16 pattern; on failure returns NULL with `*error`, `*error_line` and `*error_offset` set.
dk_regex *dk_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                        int32_t *error, int32_t *error_line, int32_t *error_offset);
/// Clones a compiled pattern for use on another thread or text.
dk_regex *dk_regex_clone(const dk_regex *regex, int32_t *error);
void dk_regex_close(dk_regex *regex);
/// Number of capture groups in the pattern.
int32_t dk_regex_group_count(dk_regex *regex);
/// Sets the UTF-16 subject text (which must outlive its use) and a time limit in ICU match steps (0: none).
int32_t dk_regex_set_text(dk_regex *regex, const uint16_t *text, int32_t length, int32_t time_limit);
/// Restricts matching to [start, end) with transparent, non-anchoring bounds (lookaround sees outside it).
int32_t dk_regex_set_region(dk_regex *regex, int32_t start, int32_t end);
/// Finds the next match in the region; 1 found, 0 none, negative: an ICU error code (e.g. time-out).
int32_t dk_regex_find_next(dk_regex *regex);
/// Matches at the region's start only; 1 matched, 0 not, negative: an ICU error code.
int32_t dk_regex_looking_at(dk_regex *regex);
/// Start and end (UTF-16 offsets) of group `group` of the last match; -1 if the group did not take part.
int32_t dk_regex_start(dk_regex *regex, int32_t group);
int32_t dk_regex_end(dk_regex *regex, int32_t group);

// MARK: Normalisation, folding, transliteration

/// Normalisation forms for dk_normalize.
enum { DK_NFC = 0, DK_NFKC_CASEFOLD = 1 };

/// Normalises UTF-16 `source` into `destination`; returns the length needed (which may exceed `capacity`),
/// or a negative ICU error code.
int32_t dk_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity);

typedef struct dk_folder dk_folder;

/// Opens a folder that turns words into matching keys; not thread-safe, one per thread.
dk_folder *dk_folder_open(int32_t *error);
void dk_folder_close(dk_folder *folder);
/// Folds a UTF-16 word into an ASCII-leaning UTF-8 key: NFKC case folding (which also drops soft hyphens and
/// other default-ignorables), German umlauts to ae/oe/ue, then Any-Latin; Latin-ASCII for what is left outside
/// ASCII (Müller, MÜLLER and Mueller give "mueller"; Москва gives "moskva"). Returns the key's length in bytes
/// (which may exceed `capacity`), or a negative ICU error code.
int32_t dk_fold_key(dk_folder *folder, const uint16_t *source, int32_t length, char *destination, int32_t capacity);
/// The same key, always through ICU's transliterator (the reference the Latin fast path is tested against).
int32_t dk_fold_key_transliterated(dk_folder *folder, const uint16_t *source, int32_t length, char *destination, int32_t capacity);

/// Writes the confusable skeleton (UTS #39) of NFKC-casefolded `source`; returns the length needed or a
/// negative ICU error code. Maps homoglyphs from other scripts (Cyrillic а) to their Latin look-alikes.
int32_t dk_skeleton(dk_folder *folder, const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity);

/// The confusable skeleton of `source` as written, without case folding (so that Cyrillic В and Latin B
/// meet, and Cyrillic в and Latin b do not); same results as dk_skeleton. For checking the look-alike table.
int32_t dk_skeleton_exact(dk_folder *folder, const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity);

// MARK: Unicode sets (for the pattern prefilter)

typedef struct dk_set dk_set;

/// Opens the set a UnicodeSet pattern names ("[\\p{Alphabetic}]", "[\\p{Nd}]"); NULL on failure with `*error`.
dk_set *dk_set_open_pattern(const uint16_t *pattern, int32_t length, int32_t *error);
void dk_set_close(dk_set *set);
/// The number of code point ranges in the set.
int32_t dk_set_range_count(const dk_set *set);
/// The `index`th range, from `*start` to `*end` inclusive.
void dk_set_range(const dk_set *set, int32_t index, uint32_t *start, uint32_t *end);
/// Writes the full case folding of code point `c` (UTF-16) into `destination`; returns its length.
int32_t dk_full_fold(uint32_t c, uint16_t *destination, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
