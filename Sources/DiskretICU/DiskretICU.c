// The only file that includes ICU's headers. See DiskretICU.h for why.
#include "DiskretICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
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

int32_t dk_fold_key(dk_folder *folder, const uint16_t *source, int32_t length, char *destination, int32_t capacity) {
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
