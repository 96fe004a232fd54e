/* entity.c: HTML character references. Survey tools and web forms often
 * export comments with "&amp;", "&#39;" or "&eacute;" in them; decoding them
 * lets "don&#39;t" be the word "don't". The stage runs only when a '&' is
 * present. Decoding shortens the text, so each decoded reference is recorded
 * as a segment, and token offsets are mapped back through the segments: the
 * offsets a caller sees always refer to the text as exported. */
#include "entity.h"

#include "encoding.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct named_entity {
    const char *name;
    int32_t cp;
} named_entity;

/* Sorted by strcmp for bsearch. Names are case-sensitive, as in HTML. */
static const named_entity named[] = {
    {"AElig", 0xC6},    {"Aacute", 0xC1},   {"Acirc", 0xC2},    {"Agrave", 0xC0},
    {"Aring", 0xC5},    {"Atilde", 0xC3},   {"Auml", 0xC4},     {"Ccedil", 0xC7},
    {"Eacute", 0xC9},   {"Ecirc", 0xCA},    {"Egrave", 0xC8},   {"Euml", 0xCB},
    {"Iacute", 0xCD},   {"Icirc", 0xCE},    {"Igrave", 0xCC},   {"Iuml", 0xCF},
    {"Ntilde", 0xD1},   {"OElig", 0x152},   {"Oacute", 0xD3},   {"Ocirc", 0xD4},
    {"Ograve", 0xD2},   {"Oslash", 0xD8},   {"Otilde", 0xD5},   {"Ouml", 0xD6},
    {"Scaron", 0x160},  {"Uacute", 0xDA},   {"Ucirc", 0xDB},    {"Ugrave", 0xD9},
    {"Uuml", 0xDC},     {"Yacute", 0xDD},   {"aacute", 0xE1},   {"acirc", 0xE2},
    {"aelig", 0xE6},    {"agrave", 0xE0},   {"amp", '&'},       {"apos", '\''},
    {"aring", 0xE5},    {"atilde", 0xE3},   {"auml", 0xE4},     {"bdquo", 0x201E},
    {"bull", 0x2022},   {"ccedil", 0xE7},   {"cent", 0xA2},     {"copy", 0xA9},
    {"dagger", 0x2020}, {"darr", 0x2193},   {"deg", 0xB0},      {"divide", 0xF7},
    {"eacute", 0xE9},   {"ecirc", 0xEA},    {"egrave", 0xE8},   {"emsp", 0x2003},
    {"ensp", 0x2002},   {"euml", 0xEB},     {"euro", 0x20AC},   {"frac12", 0xBD},
    {"frac14", 0xBC},   {"frac34", 0xBE},   {"gt", '>'},        {"hearts", 0x2665},
    {"hellip", 0x2026}, {"iacute", 0xED},   {"icirc", 0xEE},    {"iexcl", 0xA1},
    {"igrave", 0xEC},   {"iquest", 0xBF},   {"iuml", 0xEF},     {"laquo", 0xAB},
    {"larr", 0x2190},   {"ldquo", 0x201C},  {"lrm", 0x200E},    {"lsaquo", 0x2039},
    {"lsquo", 0x2018},  {"lt", '<'},        {"mdash", 0x2014},  {"middot", 0xB7},
    {"minus", 0x2212},  {"nbsp", 0xA0},     {"ndash", 0x2013},  {"ntilde", 0xF1},
    {"oacute", 0xF3},   {"ocirc", 0xF4},    {"oelig", 0x153},   {"ograve", 0xF2},
    {"oslash", 0xF8},   {"otilde", 0xF5},   {"ouml", 0xF6},     {"para", 0xB6},
    {"permil", 0x2030}, {"plusmn", 0xB1},   {"pound", 0xA3},    {"quot", '"'},
    {"raquo", 0xBB},    {"rarr", 0x2192},   {"rdquo", 0x201D},  {"reg", 0xAE},
    {"rlm", 0x200F},    {"rsaquo", 0x203A}, {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"scaron", 0x161},  {"sect", 0xA7},     {"shy", 0xAD},      {"szlig", 0xDF},
    {"thinsp", 0x2009}, {"times", 0xD7},    {"trade", 0x2122},  {"uacute", 0xFA},
    {"uarr", 0x2191},   {"ucirc", 0xFB},    {"ugrave", 0xF9},   {"uuml", 0xFC},
    {"yacute", 0xFD},   {"yen", 0xA5},      {"yuml", 0xFF},     {"zwj", 0x200D},
    {"zwnj", 0x200C},
};

#define MAX_NAME_LEN 8 /* longest name in the table */

static int cmp_named(const void *key, const void *elem)
{
    return strcmp(key, ((const named_entity *)elem)->name);
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Parses the reference starting at s[0] == '&'. Returns its length
 * (including ';') and sets *cp, or returns 0 when it is not one we decode. */
static size_t parse_reference(const unsigned char *s, size_t len, int32_t *cp)
{
    size_t i = 1;
    if (i < len && s[i] == '#') {
        i++;
        const bool hex = i < len && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        const size_t digits_start = i;
        uint32_t v = 0;
        for (; i < len; i++) {
            const int d = hex ? hex_value(s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
            if (d < 0)
                break;
            v = v * (hex ? 16u : 10u) + (uint32_t)d;
            if (v > 0x10FFFF)
                v = 0x110000; /* saturate: too large either way */
        }
        if (i == digits_start || i >= len || s[i] != ';')
            return 0;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            v = VB_UTF8_REPLACEMENT;
        else if (v >= 0x80 && v <= 0x9F) {
            /* HTML5 reads these as Windows-1252, which is what exports
             * that went through a Windows tool meant ("&#146;"); the five
             * bytes it leaves undefined become U+FFFD */
            v = vb_cp1252_high[v - 0x80];
            if (v < 0xA0)
                v = VB_UTF8_REPLACEMENT;
        }
        *cp = (int32_t)v;
        return i + 1;
    }
    char name[MAX_NAME_LEN + 1];
    size_t n = 0;
    for (; i < len && n <= MAX_NAME_LEN; i++, n++) {
        const unsigned char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            break;
        if (n < MAX_NAME_LEN)
            name[n] = (char)c;
    }
    if (n == 0 || n > MAX_NAME_LEN || i >= len || s[i] != ';')
        return 0;
    name[n] = '\0';
    const named_entity *e =
        bsearch(name, named, sizeof named / sizeof named[0], sizeof named[0], cmp_named);
    if (e == NULL)
        return 0;
    *cp = e->cp;
    return i + 1;
}

vb_status vb_entity_decode(vb_arena *arena, const char *str, size_t len, const char **out,
                           size_t *out_len, vb_entity_map *map)
{
    const unsigned char *s = (const unsigned char *)str;
    *out = str;
    *out_len = len;
    map->segs = NULL;
    map->n_segs = 0;

    /* Find the first reference before allocating anything. */
    const unsigned char *amp = memchr(s, '&', len);
    int32_t cp = 0;
    size_t ref_len = 0;
    while (amp != NULL) {
        ref_len = parse_reference(amp, len - (size_t)(amp - s), &cp);
        if (ref_len > 0)
            break;
        amp = memchr(amp + 1, '&', len - (size_t)(amp + 1 - s));
    }
    if (amp == NULL)
        return VB_OK;

    /* Every reference is at least 4 bytes, so len / 4 segments suffice;
     * decoding never lengthens the text. */
    vb_entity_seg *segs = vb_arena_array(arena, len / 4 + 1, sizeof *segs);
    char *d = vb_arena_alloc(arena, len + 1);
    if (segs == NULL || d == NULL)
        return VB_ENOMEM;
    size_t i = 0, o = 0, n_segs = 0;
    while (amp != NULL) {
        const size_t at = (size_t)(amp - s);
        memcpy(d + o, s + i, at - i);
        o += at - i;
        vb_entity_seg *seg = &segs[n_segs++];
        seg->orig_start = at;
        seg->orig_end = at + ref_len;
        seg->dec_start = o;
        o += vb_utf8_encode(cp, d + o);
        seg->dec_end = o;
        i = at + ref_len;
        amp = NULL;
        for (const unsigned char *p = memchr(s + i, '&', len - i); p != NULL;
             p = memchr(p + 1, '&', len - (size_t)(p + 1 - s))) {
            ref_len = parse_reference(p, len - (size_t)(p - s), &cp);
            if (ref_len > 0) {
                amp = p;
                break;
            }
        }
    }
    memcpy(d + o, s + i, len - i);
    o += len - i;
    d[o] = '\0';
    *out = d;
    *out_len = o;
    map->segs = segs;
    map->n_segs = n_segs;
    return VB_OK;
}

/* Index of the last segment whose dec_start < pos (strict) or <= pos, or
 * n_segs when there is none. */
static size_t last_seg_before(const vb_entity_map *map, size_t pos, bool inclusive)
{
    size_t lo = 0, hi = map->n_segs; /* answer is in [lo - 1, hi) */
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const size_t ds = map->segs[mid].dec_start;
        if (inclusive ? ds <= pos : ds < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? map->n_segs : lo - 1;
}

size_t vb_entity_map_start(const vb_entity_map *map, size_t pos)
{
    const size_t k = last_seg_before(map, pos, true);
    if (k == map->n_segs)
        return pos;
    const vb_entity_seg *g = &map->segs[k];
    return pos < g->dec_end ? g->orig_start : g->orig_end + (pos - g->dec_end);
}

size_t vb_entity_map_end(const vb_entity_map *map, size_t pos)
{
    const size_t k = last_seg_before(map, pos, false);
    if (k == map->n_segs)
        return pos;
    const vb_entity_seg *g = &map->segs[k];
    return pos <= g->dec_end ? g->orig_end : g->orig_end + (pos - g->dec_end);
}
