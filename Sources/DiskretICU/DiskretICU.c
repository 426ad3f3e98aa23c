// The only file that includes ICU's headers. See DiskretICU.h for why.
#include "DiskretICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

void dk_error_name(int32_t code, char *buffer, int32_t capacity) {
    if (capacity <= 0) return;
    const char *name = u_errorName((UErrorCode)code);
    strncpy(buffer, name, (size_t)capacity - 1);
    buffer[capacity - 1] = 0;
}

void dk_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity <= 0) return;
    strncpy(buffer, text, (size_t)capacity - 1);
    buffer[capacity - 1] = 0;
}

// MARK: Break iteration

struct dk_breaker { UBreakIterator *iterator; };

dk_breaker *dk_breaker_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(kind == DK_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD, locale, NULL, 0, &status);
    *error = status;
    if (U_FAILURE(status)) return NULL;
    dk_breaker *breaker = malloc(sizeof(dk_breaker));
    if (!breaker) { ubrk_close(iterator); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->iterator = iterator;
    return breaker;
}

dk_breaker *dk_breaker_clone(const dk_breaker *source, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_clone(source->iterator, &status);
    *error = status;
    if (U_FAILURE(status)) return NULL;
    dk_breaker *breaker = malloc(sizeof(dk_breaker));
    if (!breaker) { ubrk_close(iterator); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->iterator = iterator;
    return breaker;
}

void dk_breaker_close(dk_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

// A text to detach iterators and matchers from a buffer that is about to go away.
static const UChar dk_empty_text[1] = {0};

int32_t dk_breaker_set_text(dk_breaker *breaker, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    if (!text) { text = dk_empty_text; length = 0; }
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    return status;
}

int32_t dk_breaker_next(dk_breaker *breaker, int32_t *rule_status) {
    int32_t boundary = ubrk_next(breaker->iterator);
    if (boundary == UBRK_DONE) return -1;
    *rule_status = ubrk_getRuleStatus(breaker->iterator);
    return boundary;
}

// MARK: Regular expressions

struct dk_regex { URegularExpression *regex; };

static dk_regex *dk_regex_wrap(URegularExpression *regex, int32_t *error) {
    dk_regex *wrapper = malloc(sizeof(dk_regex));
    if (!wrapper) { uregex_close(regex); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    wrapper->regex = regex;
    return wrapper;
}

dk_regex *dk_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                        int32_t *error, int32_t *error_line, int32_t *error_offset) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    memset(&parse, 0, sizeof parse);
    URegularExpression *regex = uregex_open((const UChar *)pattern, length, flags, &parse, &status);
    *error = status;
    *error_line = parse.line;
    *error_offset = parse.offset;
    if (U_FAILURE(status)) return NULL;
    return dk_regex_wrap(regex, error);
}

dk_regex *dk_regex_clone(const dk_regex *source, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *regex = uregex_clone(source->regex, &status);
    *error = status;
    if (U_FAILURE(status)) return NULL;
    return dk_regex_wrap(regex, error);
}

void dk_regex_close(dk_regex *regex) {
    if (!regex) return;
    uregex_close(regex->regex);
    free(regex);
}

int32_t dk_regex_group_count(dk_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t count = uregex_groupCount(regex->regex, &status);
    return U_FAILURE(status) ? 0 : count;
}

int32_t dk_regex_set_text(dk_regex *regex, const uint16_t *text, int32_t length, int32_t time_limit) {
    UErrorCode status = U_ZERO_ERROR;
    if (!text) { text = dk_empty_text; length = 0; }
    uregex_setText(regex->regex, (const UChar *)text, length, &status);
    uregex_useTransparentBounds(regex->regex, 1, &status);
    uregex_useAnchoringBounds(regex->regex, 0, &status);
    uregex_setTimeLimit(regex->regex, time_limit, &status);
    return status;
}

int32_t dk_regex_set_region(dk_regex *regex, int32_t start, int32_t end) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setRegion(regex->regex, start, end, &status);
    return status;
}

int32_t dk_regex_find_next(dk_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    UBool found = uregex_findNext(regex->regex, &status);
    if (U_FAILURE(status)) return status > 0 ? -status : status;
    return found ? 1 : 0;
}

int32_t dk_regex_looking_at(dk_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    UBool found = uregex_lookingAt(regex->regex, -1, &status);
    if (U_FAILURE(status)) return status > 0 ? -status : status;
    return found ? 1 : 0;
}

int32_t dk_regex_start(dk_regex *regex, int32_t group) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t index = uregex_start(regex->regex, group, &status);
    return U_FAILURE(status) ? -1 : index;
}

int32_t dk_regex_end(dk_regex *regex, int32_t group) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t index = uregex_end(regex->regex, group, &status);
    return U_FAILURE(status) ? -1 : index;
}

// MARK: Normalisation, folding, transliteration

int32_t dk_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = form == DK_NFC ? unorm2_getNFCInstance(&status)
                                                    : unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return -status;
    int32_t needed = unorm2_normalize(normalizer, (const UChar *)source, length, (UChar *)destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(status)) return -status;
    return needed;
}

struct dk_folder {
    const UNormalizer2 *casefold;
    UTransliterator *latin;   // opened lazily: most German words never need it
    USpoofChecker *spoof;     // opened lazily
    UChar *buffer;
    int32_t capacity;
};

dk_folder *dk_folder_open(int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *casefold = unorm2_getNFKCCasefoldInstance(&status);
    *error = status;
    if (U_FAILURE(status)) return NULL;
    dk_folder *folder = calloc(1, sizeof(dk_folder));
    if (!folder) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    folder->casefold = casefold;
    return folder;
}

void dk_folder_close(dk_folder *folder) {
    if (!folder) return;
    if (folder->latin) utrans_close(folder->latin);
    if (folder->spoof) uspoof_close(folder->spoof);
    free(folder->buffer);
    free(folder);
}

static int dk_folder_reserve(dk_folder *folder, int32_t capacity) {
    if (folder->capacity >= capacity) return 1;
    UChar *grown = realloc(folder->buffer, sizeof(UChar) * (size_t)capacity);
    if (!grown) return 0;
    folder->buffer = grown;
    folder->capacity = capacity;
    return 1;
}

// Case-folds into folder->buffer; returns the length or a negative error.
static int32_t dk_folder_casefold(dk_folder *folder, const uint16_t *source, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = unorm2_normalize(folder->casefold, (const UChar *)source, length, folder->buffer, folder->capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || needed > folder->capacity) {
        if (!dk_folder_reserve(folder, needed * 3 + 16)) return -U_MEMORY_ALLOCATION_ERROR;
        status = U_ZERO_ERROR;
        needed = unorm2_normalize(folder->casefold, (const UChar *)source, length, folder->buffer, folder->capacity, &status);
    }
    if (U_FAILURE(status)) return -status;
    return needed;
}

// A character and the ASCII text it folds to.
typedef struct { UChar code; const char *ascii; } dk_ascii_entry;

// What "Any-Latin; Latin-ASCII; Lower" makes of the symbols and punctuation of Latin-1, Latin Extended-A/B,
// General Punctuation, currency, letterlike symbols, number forms and arrows (U+0080–U+024F and
// U+2000–U+21FF) where it changes them; every other non-letter there it leaves alone. Generated from ICU 72
// with the transliterator itself; a test compares the fast path with it for every character of both ranges.
static const dk_ascii_entry dk_latin_ascii_symbols[] = {
    {0x00A0, " "},
    {0x00A1, "!"},
    {0x00A9, "(c)"},
    {0x00AB, "<<"},
    {0x00AD, "-"},
    {0x00AE, "(r)"},
    {0x00B1, "+/-"},
    {0x00BB, ">>"},
    {0x00BC, " 1/4"},
    {0x00BD, " 1/2"},
    {0x00BE, " 3/4"},
    {0x00BF, "?"},
    {0x00D7, "*"},
    {0x00F7, "/"},
    {0x2000, " "},
    {0x2001, " "},
    {0x2002, " "},
    {0x2003, " "},
    {0x2004, " "},
    {0x2005, " "},
    {0x2006, " "},
    {0x2007, " "},
    {0x2008, " "},
    {0x2009, " "},
    {0x200A, " "},
    {0x2010, "-"},
    {0x2011, "-"},
    {0x2012, "-"},
    {0x2013, "-"},
    {0x2014, "-"},
    {0x2015, "-"},
    {0x2016, "||"},
    {0x2018, "'"},
    {0x2019, "'"},
    {0x201A, ","},
    {0x201B, "'"},
    {0x201C, "\""},
    {0x201D, "\""},
    {0x201E, ",,"},
    {0x201F, "\""},
    {0x2024, "."},
    {0x2025, ".."},
    {0x2026, "..."},
    {0x2032, "'"},
    {0x2033, "\""},
    {0x2039, "<"},
    {0x203A, ">"},
    {0x203C, "!!"},
    {0x2044, "/"},
    {0x2045, "["},
    {0x2046, "]"},
    {0x2047, "??"},
    {0x2048, "?!"},
    {0x2049, "!?"},
    {0x204E, "*"},
    {0x205F, " "},
    {0x20A0, "ce"},
    {0x20A2, "cr"},
    {0x20A3, "fr."},
    {0x20A4, "l."},
    {0x20A7, "pts"},
    {0x20B9, "rs"},
    {0x20BA, "tl"},
    {0x2100, "a/c"},
    {0x2101, "a/s"},
    {0x2105, "c/o"},
    {0x2106, "c/u"},
    {0x2116, "no"},
    {0x2117, "(p)"},
    {0x2118, "p"},
    {0x211E, "rx"},
    {0x2121, "tel"},
    {0x213B, "fax"},
    {0x2150, " 1/7"},
    {0x2151, " 1/9"},
    {0x2152, " 1/10"},
    {0x2153, " 1/3"},
    {0x2154, " 2/3"},
    {0x2155, " 1/5"},
    {0x2156, " 2/5"},
    {0x2157, " 3/5"},
    {0x2158, " 4/5"},
    {0x2159, " 1/6"},
    {0x215A, " 5/6"},
    {0x215B, " 1/8"},
    {0x215C, " 3/8"},
    {0x215D, " 5/8"},
    {0x215E, " 7/8"},
    {0x215F, " 1/"},
    {0x2160, "i"},
    {0x2161, "ii"},
    {0x2162, "iii"},
    {0x2163, "iv"},
    {0x2164, "v"},
    {0x2165, "vi"},
    {0x2166, "vii"},
    {0x2167, "viii"},
    {0x2168, "ix"},
    {0x2169, "x"},
    {0x216A, "xi"},
    {0x216B, "xii"},
    {0x216C, "l"},
    {0x216D, "c"},
    {0x216E, "d"},
    {0x216F, "m"},
    {0x2170, "i"},
    {0x2171, "ii"},
    {0x2172, "iii"},
    {0x2173, "iv"},
    {0x2174, "v"},
    {0x2175, "vi"},
    {0x2176, "vii"},
    {0x2177, "viii"},
    {0x2178, "ix"},
    {0x2179, "x"},
    {0x217A, "xi"},
    {0x217B, "xii"},
    {0x217C, "l"},
    {0x217D, "c"},
    {0x217E, "d"},
    {0x217F, "m"},
    {0x2189, " 0/3"},
    {0x2190, "<-"},
    {0x2192, "->"},
    {0x2194, "<->"},
};

// What "Any-Latin; Latin-ASCII; Lower" makes of each lower-case Cyrillic letter (ISO 9 through Latin-ASCII:
// "ж" -> "z", "щ" -> "s", "ю" -> "u"), generated from ICU's transliterator and checked against it by a test,
// for every letter and for every pair of them. Notes name Ukrainian and Russian clients often; opening the
// transliterator for one such name cost ~27 ms of a 2 KB note's start. Letters not listed take ICU's path.
static const dk_ascii_entry dk_cyrillic_ascii[] = {
    {0x0430, "a"}, {0x0431, "b"}, {0x0432, "v"}, {0x0433, "g"}, {0x0434, "d"}, {0x0435, "e"}, {0x0436, "z"},
    {0x0437, "z"}, {0x0438, "i"}, {0x0439, "j"}, {0x043A, "k"}, {0x043B, "l"}, {0x043C, "m"}, {0x043D, "n"},
    {0x043E, "o"}, {0x043F, "p"}, {0x0440, "r"}, {0x0441, "s"}, {0x0442, "t"}, {0x0443, "u"}, {0x0444, "f"},
    {0x0445, "h"}, {0x0446, "c"}, {0x0447, "c"}, {0x0448, "s"}, {0x0449, "s"}, {0x044A, "\""}, {0x044B, "y"},
    {0x044C, "'"}, {0x044D, "e"}, {0x044E, "u"}, {0x044F, "a"}, {0x0450, "e"}, {0x0451, "e"}, {0x0452, "d"},
    {0x0453, "g"}, {0x0454, "e"}, {0x0455, "z"}, {0x0456, "i"}, {0x0457, "i"}, {0x0458, "j"}, {0x0459, "l"},
    {0x045A, "n"}, {0x045B, "c"}, {0x045C, "k"}, {0x045D, "i"}, {0x045E, "u"}, {0x045F, "d"}, {0x0491, "g"},
    {0x0493, "g"}, {0x0495, "g"}, {0x0499, "z"}, {0x04C2, "z"}, {0x04D1, "a"}, {0x04D3, "a"}, {0x04D5, "ae"},
    {0x04D7, "e"}, {0x04DD, "z"}, {0x04DF, "z"}, {0x04E3, "i"}, {0x04E5, "i"}, {0x04E7, "o"}, {0x04ED, "e"},
    {0x04EF, "u"}, {0x04F1, "u"}, {0x04F3, "u"}, {0x04F5, "c"}, {0x04F9, "y"},
};

// The ASCII form of `c` from a table sorted by code, and its length; -1 when `c` is not in it.
static int32_t dk_table_ascii(const dk_ascii_entry *entries, size_t count, UChar c, UChar *out) {
    int32_t low = 0, high = (int32_t)count - 1;
    while (low <= high) {
        int32_t middle = (low + high) / 2;
        if (entries[middle].code == c) {
            int32_t n = 0;
            for (const char *s = entries[middle].ascii; *s && n < 8; s++) out[n++] = (UChar)*s;
            return n;
        }
        if (entries[middle].code < c) low = middle + 1; else high = middle - 1;
    }
    return -1;
}

// Latin letters with diacritics (after NFKC case folding) become their ASCII base letters, and the symbols
// above their ASCII forms, without ICU's transliterator, whose registry costs about 10 ms to open — most
// notes are Latin script only. Returns the number of units written to `out` (at most 8), or 0 when the
// character needs the transliterator. Non-letters it leaves unchanged are copied as they are.
static int32_t dk_latin_ascii(const UNormalizer2 *nfd, UChar c, UChar *out) {
    if (c >= 0x400 && c < 0x500) {  // Cyrillic: the listed letters only
        int32_t letter = dk_table_ascii(dk_cyrillic_ascii, sizeof(dk_cyrillic_ascii) / sizeof(dk_cyrillic_ascii[0]), c, out);
        return letter < 0 ? 0 : letter;
    }
    // Latin-1 to Latin Extended-B, Latin Extended Additional (Vietnamese: "Nguyễn", "Hạnh"), and the
    // general punctuation, letter-like and number-form blocks.
    int inRange = (c >= 0x80 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2000 && c < 0x2200);
    if (!inRange) return 0;
    int32_t symbol = dk_table_ascii(dk_latin_ascii_symbols, sizeof(dk_latin_ascii_symbols) / sizeof(dk_latin_ascii_symbols[0]), c, out);
    if (symbol >= 0) return symbol;  // an empty form (0) leaves the character to the transliterator, as before
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) return 0;
    if (!u_isalpha(c)) { out[0] = c; return 1; }  // left as it is, as the transliterator leaves it
    switch (c) {
    case 0xE6: out[0] = 'a'; out[1] = 'e'; return 2;  // æ
    case 0x153: out[0] = 'o'; out[1] = 'e'; return 2; // œ
    case 0xFE: out[0] = 't'; out[1] = 'h'; return 2;  // þ
    case 0xF8: out[0] = 'o'; return 1;                // ø
    case 0xF0: case 0x111: out[0] = 'd'; return 1;    // ð đ
    case 0x142: out[0] = 'l'; return 1;               // ł
    case 0x127: out[0] = 'h'; return 1;               // ħ
    case 0x131: out[0] = 'i'; return 1;               // ı
    case 0x167: out[0] = 't'; return 1;               // ŧ
    default: break;
    }
    if (!nfd) return 0;
    UChar decomposed[8];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_getDecomposition(nfd, c, decomposed, 8, &status);
    if (U_FAILURE(status) || n < 2 || decomposed[0] >= 0x80) return 0;
    for (int32_t i = 1; i < n; i++) if (decomposed[i] < 0x300 || decomposed[i] > 0x36F) return 0;
    out[0] = decomposed[0];
    return 1;
}

static int32_t dk_fold_key_with(dk_folder *folder, const uint16_t *source, int32_t length, char *destination,
                                int32_t capacity, int fast) {
    if (!dk_folder_reserve(folder, length * 3 + 16)) return -U_MEMORY_ALLOCATION_ERROR;
    int32_t folded = dk_folder_casefold(folder, source, length);
    if (folded < 0) return folded;
    // German umlauts become two letters (de-ASCII), in place, so that Müller and Mueller meet.
    int32_t expanded = 0, ascii = 1;
    for (int32_t i = 0; i < folded; i++) {
        UChar c = folder->buffer[i];
        expanded += (c == 0xE4 || c == 0xF6 || c == 0xFC) ? 2 : 1;
    }
    if (!dk_folder_reserve(folder, expanded + folded + 16)) return -U_MEMORY_ALLOCATION_ERROR;
    UChar *out = folder->buffer + folded;
    int32_t n = 0;
    for (int32_t i = 0; i < folded; i++) {
        UChar c = folder->buffer[i];
        if (c == 0xE4) { out[n++] = 'a'; out[n++] = 'e'; }
        else if (c == 0xF6) { out[n++] = 'o'; out[n++] = 'e'; }
        else if (c == 0xFC) { out[n++] = 'u'; out[n++] = 'e'; }
        else { out[n++] = c; if (c >= 0x80) ascii = 0; }
    }
    memmove(folder->buffer, out, sizeof(UChar) * (size_t)n);
    int32_t keyLength = n;
    if (!ascii && fast) {
        UErrorCode status = U_ZERO_ERROR;
        const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
        if (U_FAILURE(status)) nfd = NULL;
        if (!dk_folder_reserve(folder, keyLength * 9 + 16)) return -U_MEMORY_ALLOCATION_ERROR;
        UChar *latin = folder->buffer + keyLength;
        int32_t m = 0, handled = 1;
        for (int32_t i = 0; i < keyLength && handled; i++) {
            UChar c = folder->buffer[i];
            if (c < 0x80) { latin[m++] = c; continue; }
            int32_t written = dk_latin_ascii(nfd, c, latin + m);
            if (written == 0) handled = 0; else m += written;
        }
        if (handled) {
            memmove(folder->buffer, latin, sizeof(UChar) * (size_t)m);
            keyLength = m;
            ascii = 1;  // done: what is left outside ASCII is what the transliterator would leave too
        }
    }
    if (!ascii) {
        UErrorCode status = U_ZERO_ERROR;
        if (!folder->latin) {
            static const UChar id[] = u"Any-Latin; Latin-ASCII; Lower";
            folder->latin = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
            if (U_FAILURE(status)) { folder->latin = NULL; return -status; }
        }
        int32_t limit = keyLength;
        if (!dk_folder_reserve(folder, keyLength * 4 + 16)) return -U_MEMORY_ALLOCATION_ERROR;
        utrans_transUChars(folder->latin, folder->buffer, &keyLength, folder->capacity, 0, &limit, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) return -status;
        if (U_FAILURE(status)) return -status;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = 0;
    u_strToUTF8(destination, capacity, &written, folder->buffer, keyLength, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return written;
    if (U_FAILURE(status)) return -status;
    return written;
}

int32_t dk_fold_key(dk_folder *folder, const uint16_t *source, int32_t length, char *destination, int32_t capacity) {
    return dk_fold_key_with(folder, source, length, destination, capacity, 1);
}

int32_t dk_fold_key_transliterated(dk_folder *folder, const uint16_t *source, int32_t length, char *destination, int32_t capacity) {
    return dk_fold_key_with(folder, source, length, destination, capacity, 0);
}

int32_t dk_skeleton(dk_folder *folder, const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    if (!folder->spoof) {
        folder->spoof = uspoof_open(&status);
        if (U_FAILURE(status)) { folder->spoof = NULL; return -status; }
    }
    if (!dk_folder_reserve(folder, length * 3 + 16)) return -U_MEMORY_ALLOCATION_ERROR;
    int32_t folded = dk_folder_casefold(folder, source, length);
    if (folded < 0) return folded;
    int32_t needed = uspoof_getSkeleton(folder->spoof, 0, folder->buffer, folded, (UChar *)destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(status)) return -status;
    return needed;
}

int32_t dk_skeleton_exact(dk_folder *folder, const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    if (!folder->spoof) {
        folder->spoof = uspoof_open(&status);
        if (U_FAILURE(status)) { folder->spoof = NULL; return -status; }
    }
    int32_t needed = uspoof_getSkeleton(folder->spoof, 0, (const UChar *)source, length, (UChar *)destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(status)) return -status;
    return needed;
}

// MARK: Unicode sets

struct dk_set { USet *set; };

static dk_set *dk_set_wrap(USet *set) {
    if (!set) return NULL;
    dk_set *wrapper = malloc(sizeof(dk_set));
    if (!wrapper) { uset_close(set); return NULL; }
    wrapper->set = set;
    return wrapper;
}

dk_set *dk_set_open_pattern(const uint16_t *pattern, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    USet *set = uset_openPattern((const UChar *)pattern, length, &status);
    *error = status;
    if (U_FAILURE(status)) return NULL;
    dk_set *wrapper = dk_set_wrap(set);
    if (!wrapper) *error = U_MEMORY_ALLOCATION_ERROR;
    return wrapper;
}

void dk_set_close(dk_set *set) {
    if (!set) return;
    uset_close(set->set);
    free(set);
}

int32_t dk_set_range_count(const dk_set *set) { return uset_getRangeCount(set->set); }

void dk_set_range(const dk_set *set, int32_t index, uint32_t *start, uint32_t *end) {
    UChar32 first = 0, last = -1;
    UErrorCode status = U_ZERO_ERROR;
    uset_getItem(set->set, index, &first, &last, NULL, 0, &status);
    *start = (uint32_t)first;
    *end = (uint32_t)last;
}

int32_t dk_full_fold(uint32_t c, uint16_t *destination, int32_t capacity) {
    UChar source[2];
    int32_t length = 0;
    UBool error = 0;
    U16_APPEND((UChar *)source, length, 2, (UChar32)c, error);
    if (error) return 0;
    UErrorCode status = U_ZERO_ERROR;
    int32_t folded = u_strFoldCase((UChar *)destination, capacity, source, length, U_FOLD_CASE_DEFAULT, &status);
    return U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR ? 0 : folded;
}
