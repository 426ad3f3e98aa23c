#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/uregex.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uchar.h>
#include <unicode/uspoof.h>
