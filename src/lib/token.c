/* token.c: the tokeniser, and sentence and clause segmentation.
 *
 * Comments mix words with things a word tokeniser mangles: emoji (one
 * grapheme cluster each, glued to words or to each other), emoticons,
 * URLs, e-mail addresses, @mentions, #hashtags, "1,000" and "10%". The
 * scanner walks the (repaired, entity-decoded) text once, left to right.
 * ASCII bytes are classified by a table; only non-ASCII bytes are decoded
 * and classified through norm.c. At each token start the more specific
 * kinds are tried first (keycap, URL, e-mail, emoticon), then words and
 * numbers, emoji, tags, punctuation runs, and anything else is a symbol.
 * Every trial either fails at once on its first byte or consumes what it
 * scanned, and failed e-mail scans are remembered, so the scan is linear.
 * An e-mail address is tried only when a word stops at one of "@._%+-".
 *
 * Segmentation then marks sentence and clause starts on the finished
 * tokens, using their normalised text: sentence ends after ". ! ? …" (not
 * after abbreviations) and at line breaks, clause ends at ", ; : – —",
 * brackets and a spaced "-", and before the caller's contrast words. */
#include "token.h"

#include "norm.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* For a helper of the per-word path that the compiler would otherwise
 * call out of line, at a cost that shows in every token. */
#if defined(__GNUC__)
#define HOT_INLINE static inline __attribute__((always_inline))
#else
#define HOT_INLINE static inline
#endif

enum {
    C_SPACE = 1u << 0,   /* white space and control characters: separators */
    C_LINE = 1u << 1,    /* a line break (with C_SPACE) */
    C_FORMAT = 1u << 2,  /* Cf: ignored, but kept inside words */
    C_ALPHA = 1u << 3,   /* letters and marks */
    C_DIGIT = 1u << 4,
    C_PUNCT = 1u << 5,
    C_SYMBOL = 1u << 6,
    C_EMOJI = 1u << 7,
    C_EMAIL = 1u << 8,   /* may appear in the local part of an address */
    C_URL = 1u << 9,     /* may appear in a URL */
    C_DOMAIN = 1u << 10, /* may appear in a domain label */
    C_EMO = 1u << 11,    /* may start an emoticon */
    C_OPENS = 1u << 12,  /* a letter that may open a URL or an emoticon: h w f x o t */
    C_OPENS_NEXT = C_OPENS << 1 /* may follow one of those in an opening: t w D - _ . */
};
#define C_WORD (C_ALPHA | C_DIGIT)

/* 256 entries: bytes from 0x80 are 0, so a fast loop needs no ASCII test. */
static const uint16_t ascii_class[256] = {
    /* 0x00   */ C_SPACE,
    /* 0x01   */ C_SPACE,
    /* 0x02   */ C_SPACE,
    /* 0x03   */ C_SPACE,
    /* 0x04   */ C_SPACE,
    /* 0x05   */ C_SPACE,
    /* 0x06   */ C_SPACE,
    /* 0x07   */ C_SPACE,
    /* 0x08   */ C_SPACE,
    /* 0x09   */ C_SPACE,
    /* 0x0A   */ C_SPACE | C_LINE,
    /* 0x0B   */ C_SPACE,
    /* 0x0C   */ C_SPACE,
    /* 0x0D   */ C_SPACE | C_LINE,
    /* 0x0E   */ C_SPACE,
    /* 0x0F   */ C_SPACE,
    /* 0x10   */ C_SPACE,
    /* 0x11   */ C_SPACE,
    /* 0x12   */ C_SPACE,
    /* 0x13   */ C_SPACE,
    /* 0x14   */ C_SPACE,
    /* 0x15   */ C_SPACE,
    /* 0x16   */ C_SPACE,
    /* 0x17   */ C_SPACE,
    /* 0x18   */ C_SPACE,
    /* 0x19   */ C_SPACE,
    /* 0x1A   */ C_SPACE,
    /* 0x1B   */ C_SPACE,
    /* 0x1C   */ C_SPACE,
    /* 0x1D   */ C_SPACE,
    /* 0x1E   */ C_SPACE,
    /* 0x1F   */ C_SPACE,
    /* ' '    */ C_SPACE,
    /* '!'    */ C_PUNCT | C_URL,
    /* '"'    */ C_PUNCT,
    /* '#'    */ C_PUNCT | C_URL,
    /* '$'    */ C_SYMBOL | C_URL,
    /* '%'    */ C_PUNCT | C_EMAIL | C_URL,
    /* '&'    */ C_PUNCT | C_URL,
    /* "'"    */ C_PUNCT | C_URL,
    /* '('    */ C_PUNCT | C_URL,
    /* ')'    */ C_PUNCT | C_URL,
    /* '*'    */ C_PUNCT | C_URL,
    /* '+'    */ C_SYMBOL | C_EMAIL | C_URL,
    /* ','    */ C_PUNCT | C_URL,
    /* '-'    */ C_PUNCT | C_EMAIL | C_DOMAIN | C_URL | C_EMO | C_OPENS_NEXT,
    /* '.'    */ C_PUNCT | C_EMAIL | C_URL | C_OPENS_NEXT,
    /* '/'    */ C_PUNCT | C_URL,
    /* '0'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* '1'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* '2'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* '3'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* '4'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* '5'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* '6'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* '7'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* '8'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* '9'    */ C_DIGIT | C_EMAIL | C_URL | C_DOMAIN,
    /* ':'    */ C_PUNCT | C_URL | C_EMO,
    /* ';'    */ C_PUNCT | C_URL | C_EMO,
    /* '<'    */ C_SYMBOL | C_EMO,
    /* '='    */ C_SYMBOL | C_URL | C_EMO,
    /* '>'    */ C_SYMBOL | C_EMO,
    /* '?'    */ C_PUNCT | C_URL,
    /* '@'    */ C_PUNCT | C_URL,
    /* 'A'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'B'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'C'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'D'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS_NEXT,
    /* 'E'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'F'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS,
    /* 'G'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'H'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS,
    /* 'I'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'J'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'K'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'L'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'M'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'N'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'O'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS,
    /* 'P'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'Q'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'R'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'S'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'T'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS | C_OPENS_NEXT,
    /* 'U'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'V'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'W'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS | C_OPENS_NEXT,
    /* 'X'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS,
    /* 'Y'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'Z'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* '['    */ C_PUNCT | C_URL,
    /* '\\'   */ C_PUNCT,
    /* ']'    */ C_PUNCT | C_URL,
    /* '^'    */ C_SYMBOL | C_EMO,
    /* '_'    */ C_PUNCT | C_EMAIL | C_URL | C_OPENS_NEXT,
    /* '`'    */ C_SYMBOL,
    /* 'a'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'b'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'c'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'd'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'e'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'f'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS,
    /* 'g'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'h'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS,
    /* 'i'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'j'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'k'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'l'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'm'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'n'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'o'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS,
    /* 'p'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'q'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'r'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 's'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 't'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS | C_OPENS_NEXT,
    /* 'u'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'v'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'w'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS | C_OPENS_NEXT,
    /* 'x'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN | C_OPENS,
    /* 'y'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* 'z'    */ C_ALPHA | C_EMAIL | C_URL | C_DOMAIN,
    /* '{'    */ C_PUNCT,
    /* '|'    */ C_SYMBOL,
    /* '}'    */ C_PUNCT,
    /* '~'    */ C_SYMBOL | C_URL,
    /* 0x7F   */ C_SPACE,
};

/* The end of the run of ASCII letters and digits from j: the tokeniser's
 * commonest loop. Where SSE2 is there, sixteen bytes are classified at
 * once and the run's end is one bit scan, not a branch per byte whose
 * exit the branch predictor cannot guess (words differ in length). */
static inline size_t ascii_word_run(const unsigned char *s, size_t j, size_t len)
{
#if defined(__SSE2__)
    /* Ranges by signed compares: a byte in [lo, lo + n) plus 0x80 - lo
     * is in [-128, -128 + n). Bytes from 0x80 fall in neither range. */
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i to_alpha = _mm_set1_epi8((char)(0x80 - 'a'));
    const __m128i alpha_end = _mm_set1_epi8((char)(0x80 + 26));
    const __m128i to_digit = _mm_set1_epi8((char)(0x80 - '0'));
    const __m128i digit_end = _mm_set1_epi8((char)(0x80 + 10));
    while (len - j >= 16) {
        const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
        const __m128i lower = _mm_or_si128(x, case_bit); /* 'A'..'Z' -> 'a'..'z' */
        const __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(lower, to_alpha), alpha_end);
        const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, to_digit), digit_end);
        const unsigned stop = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit)) & 0xFFFFu;
        if (stop != 0)
            return j + (size_t)__builtin_ctz(stop);
        j += 16;
    }
#endif
    while (j < len && (ascii_class[s[j]] & C_WORD))
        j++;
    return j;
}

static const uint16_t unicode_class[] = {
    [VB_CC_SPACE] = C_SPACE,       [VB_CC_LINE] = C_SPACE | C_LINE,
    [VB_CC_FORMAT] = C_FORMAT,     [VB_CC_LETTER] = C_ALPHA | C_URL,
    [VB_CC_DIGIT] = C_DIGIT | C_URL, [VB_CC_PUNCT] = C_PUNCT,
    [VB_CC_SYMBOL] = C_SYMBOL,     [VB_CC_EMOJI] = C_EMOJI,
};

/* Emoticons, grouped by first character (the order within a group is
 * the order of the trials: longest first where one is a prefix of another). */
static const struct {
    const char *text;
    uint8_t len;
} emoticons[] = {
    {">:-(", 4}, {">:(", 3},
    {":'-(", 4}, {":-)", 3}, {":-(", 3}, {":-D", 3}, {":-d", 3}, {":-P", 3}, {":-p", 3},
    {":-/", 3}, {":-\\", 3}, {":-|", 3}, {":'(", 3}, {":')", 3}, {":-O", 3}, {":-o", 3},
    {":-*", 3}, {":-]", 3}, {":-[", 3}, {":)", 2}, {":(", 2}, {":D", 2}, {":d", 2}, {":P", 2},
    {":p", 2}, {":/", 2}, {":\\", 2}, {":|", 2}, {":O", 2}, {":o", 2}, {":*", 2}, {":]", 2},
    {":[", 2},
    {"X-D", 3}, {"XD", 2},
    {";-)", 3}, {";-D", 3}, {";-d", 3}, {";-P", 3}, {";-p", 3}, {";_;", 3}, {";)", 2}, {";D", 2},
    {";d", 2}, {";P", 2}, {";p", 2},
    {"</3", 3}, {"<\\3", 3}, {"<3", 2},
    {"^_^", 3}, {"^.^", 3}, {"^^", 2},
    {"-_-", 3},
    {"o_O", 3}, {"o.O", 3}, {"o_o", 3},
    {"O_o", 3},
    {"T_T", 3},
    {"t_t", 3},
    {"=)", 2}, {"=(", 2}, {"=D", 2}, {"=d", 2}, {"=]", 2}, {"=[", 2}, {"=/", 2}, {"=P", 2},
    {"=p", 2},
    {"xD", 2},
};

/* Where each first character's group lies in emoticons[]: [begin, end).
 * Keep in step with the list (test_token checks every emoticon). */
static const struct {
    unsigned char first;
    uint8_t begin, end;
} emoticon_groups[] = {
    {'>', 0, 2},
    {':', 2, 33},
    {'X', 33, 35},
    {';', 35, 46},
    {'<', 46, 49},
    {'^', 49, 52},
    {'-', 52, 53},
    {'o', 53, 56},
    {'O', 56, 57},
    {'T', 57, 58},
    {'t', 58, 59},
    {'=', 59, 68},
    {'x', 68, 69},
};

typedef struct scanner {
    const unsigned char *s;
    size_t len;
    size_t word_end;      /* end of the last word or number, or SIZE_MAX */
    size_t no_email_before; /* an e-mail scan from before here fails */
} scanner;

static inline unsigned class_at(const scanner *sc, size_t i, int32_t *cp, size_t *n)
{
    const unsigned char c = sc->s[i];
    if (c < 0x80) {
        *cp = c;
        *n = 1;
        return ascii_class[c];
    }
    *n = vb_utf8_decode(sc->s + i, sc->len - i, cp);
    return unicode_class[vb_norm_class(*cp)];
}

static inline unsigned class_of_next(const scanner *sc, size_t i)
{
    int32_t cp;
    size_t n;
    return i < sc->len ? class_at(sc, i, &cp, &n) : 0;
}

static inline bool is_ascii_alnum(const scanner *sc, size_t i)
{
    return i < sc->len && sc->s[i] < 0x80 && (ascii_class[sc->s[i]] & C_WORD);
}

static bool bytes_at(const scanner *sc, size_t i, const char *lit, size_t n)
{
    return i <= sc->len && sc->len - i >= n && memcmp(sc->s + i, lit, n) == 0;
}

#define VS16 "\xEF\xB8\x8F"   /* U+FE0F, emoji presentation */
#define VS15 "\xEF\xB8\x8E"   /* U+FE0E, text presentation */
#define KEYCAP "\xE2\x83\xA3" /* U+20E3 */

/* The tokeniser's output, apart from the scanner: the scanner goes to
 * functions that are not inlined, and with it in memory every token
 * written could alias its fields, which would then be reloaded at each
 * token; vb_tokenize() keeps these in locals. */
typedef struct token_arrays {
    vb_token *tok;
    uint8_t *line_before;
    size_t cap; /* tokens allocated */
} token_arrays;

/* `a` grown to twice its capacity, with its first n tokens; tok is NULL
 * when the arena is out of memory. The old arrays are dropped with the
 * record, so the total stays under twice the final size. */
static token_arrays grow_tokens(vb_arena *arena, token_arrays a, size_t n)
{
    token_arrays g;
    g.cap = a.cap * 2;
    g.tok = vb_arena_array(arena, g.cap, sizeof *g.tok);
    g.line_before = vb_arena_alloc(arena, g.cap);
    if (g.tok == NULL || g.line_before == NULL) {
        g.tok = NULL;
        return g;
    }
    memcpy(g.tok, a.tok, n * sizeof *a.tok);
    memcpy(g.line_before, a.line_before, n);
    return g;
}

/* "1️⃣": [0-9#*], optional VS16, U+20E3. */
static size_t keycap_len(const scanner *sc, size_t i)
{
    size_t j = i + 1;
    if (bytes_at(sc, j, VS16, 3))
        j += 3;
    return bytes_at(sc, j, KEYCAP, 3) ? j + 3 - i : 0;
}

static bool starts_ci(const scanner *sc, size_t i, const char *lit, size_t n)
{
    if (sc->len - i < n)
        return false;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = sc->s[i + k];
        if (c >= 'A' && c <= 'Z')
            c |= 0x20;
        if (c != (unsigned char)lit[k])
            return false;
    }
    return true;
}

/* http(s)://..., ftp://..., www.x...: up to a space or a character URLs
 * do not contain, minus trailing punctuation and unbalanced brackets, as
 * in "(see http://x.org/a)." */
static size_t url_len(const scanner *sc, size_t i)
{
    size_t p;
    const unsigned char first = sc->s[i] | 0x20;
    if (first != 'h' && first != 'w' && first != 'f')
        return 0;
    /* Most words that start so fail at the second letter: "ht", "ft", "ww". */
    if (i + 1 >= sc->len || (sc->s[i + 1] | 0x20) != (first == 'w' ? 'w' : 't'))
        return 0;
    if (starts_ci(sc, i, "https://", 8))
        p = 8;
    else if (starts_ci(sc, i, "http://", 7))
        p = 7;
    else if (starts_ci(sc, i, "ftp://", 6))
        p = 6;
    else if (starts_ci(sc, i, "www.", 4) && is_ascii_alnum(sc, i + 4))
        p = 4;
    else
        return 0;
    size_t j = i + p, opens = 0, closes = 0;
    while (j < sc->len) {
        int32_t cp;
        size_t n;
        if (!(class_at(sc, j, &cp, &n) & C_URL))
            break;
        opens += cp == '(' || cp == '[';
        closes += cp == ')' || cp == ']';
        j += n;
    }
    while (j > i + p) {
        const unsigned char c = sc->s[j - 1];
        if (c != 0 && strchr(".,;:!?'\"*", c) != NULL) {
            j--;
        } else if ((c == ')' || c == ']') && closes > opens) {
            closes--;
            j--;
        } else {
            break;
        }
    }
    return j > i + p ? j - i : 0;
}

/* local@domain.tld, ASCII only. A failed scan covers every start up to
 * the '@' it reached, which keeps "a.a.a.a..." linear. */
static size_t email_len(scanner *sc, size_t i)
{
    if (i < sc->no_email_before)
        return 0;
    const unsigned char *s = sc->s;
    size_t j = i;
    while (j < sc->len && (ascii_class[s[j]] & C_EMAIL))
        j++;
    if (j >= sc->len || s[j] != '@' || s[j - 1] == '.') {
        sc->no_email_before = j;
        return 0;
    }
    size_t k = j + 1, n_labels = 0, last = k;
    for (;;) {
        const size_t label = k;
        while (k < sc->len && s[k] < 0x80 && (ascii_class[s[k]] & C_DOMAIN))
            k++;
        if (k == label)
            break;
        n_labels++;
        last = label;
        if (s[k - 1] != '-' && k + 1 < sc->len && s[k] == '.' && is_ascii_alnum(sc, k + 1)) {
            k++;
            continue;
        }
        break;
    }
    if (n_labels < 2 || k - last < 2 || !(ascii_class[s[last]] & C_ALPHA)) {
        sc->no_email_before = j;
        return 0;
    }
    return k - i;
}

/* An emoticon at i, with the boundaries that keep ":D" out of ":Delivery",
 * "XD" out of "XDR" and ":/" out of "a:/b". */
static size_t emoticon_len(const scanner *sc, size_t i)
{
    size_t g = 0;
    const size_t n_groups = sizeof emoticon_groups / sizeof emoticon_groups[0];
    while (g < n_groups && emoticon_groups[g].first != sc->s[i])
        g++;
    if (g == n_groups)
        return 0;
    for (size_t e = emoticon_groups[g].begin; e < emoticon_groups[g].end; e++) {
        const char *m = emoticons[e].text;
        const size_t n = emoticons[e].len;
        if (!bytes_at(sc, i, m, n))
            continue;
        const unsigned char first = (unsigned char)m[0], last = (unsigned char)m[n - 1];
        if ((ascii_class[first] & C_WORD) && i == sc->word_end)
            continue; /* a letter-start emoticon must not be glued to a word */
        if (last == 'd' && i == sc->word_end)
            continue; /* "i&#39;d" (an apostrophe encoded twice) is no grin */
        size_t j = i + n;
        if (last == ')' || last == '(' || last == 'D' || last == 'd')
            while (j < sc->len && sc->s[j] == last)
                j++; /* ":)))" */
        const unsigned next = class_of_next(sc, j);
        if ((ascii_class[last] & C_WORD) && (next & C_WORD))
            continue;
        if ((last == '/' || last == '\\') && ((next & C_WORD) || (j < sc->len && sc->s[j] == '/')))
            continue;
        return j - i;
    }
    return 0;
}

static bool is_joiner(int32_t cp)
{
    return cp == '\'' || cp == '-' || cp == 0x2019 || cp == 0x2010 || cp == 0x2011;
}

/* A word (letters, marks, digits, inner apostrophes and hyphens) or a
 * number (digits with inner "." or ",", a time "10:30", a trailing "%").
 * "3pm" is a word; "3.5mm" is the number "3.5" and the word "mm"; "1-2"
 * is two numbers. */
static size_t scan_word(const scanner *sc, size_t i, vb_token_kind *kind)
{
    size_t j = i;
    bool all_digits = true, has_sep = false;
    if (ascii_class[sc->s[i]] & C_ALPHA) { /* an ASCII letter: a word from here */
        all_digits = false;
        j = i + 1;
    }
    while (j < sc->len) {
        /* The ASCII fast path: once a letter has been seen, ASCII letters
         * and digits just continue the word. */
        if (!all_digits) {
            j = ascii_word_run(sc->s, j, sc->len);
            if (j == sc->len)
                break;
        }
        int32_t cp;
        size_t n;
        const unsigned cls = class_at(sc, j, &cp, &n);
        if (cls & C_WORD) {
            if (cls & C_ALPHA) {
                if (all_digits && has_sep)
                    break;
                all_digits = false;
            }
            j += n;
            continue;
        }
        /* Only ". , :", joiners (all punctuation) and format characters
         * can continue a word: a space or a symbol ends it at once. */
        if (!(cls & (C_PUNCT | C_FORMAT)))
            break;
        const size_t k = j + n;
        const unsigned next = class_of_next(sc, k);
        if ((cp == '.' || cp == ',') && all_digits && (next & C_DIGIT)) {
            has_sep = true;
            j = k;
            continue;
        }
        if (cp == ':' && all_digits && !has_sep && j - i <= 2 && k + 1 < sc->len &&
            sc->s[k] >= '0' && sc->s[k] <= '9' && sc->s[k + 1] >= '0' && sc->s[k + 1] <= '9' &&
            !(class_of_next(sc, k + 2) & C_WORD)) {
            has_sep = true; /* a time, so that "10:30" is no emoticon or clause break */
            j = k + 2;
            continue;
        }
        if (is_joiner(cp) && (next & C_WORD) && !has_sep &&
            !(all_digits && (next & C_DIGIT) && cp != '\'' && cp != 0x2019)) {
            all_digits = false;
            j = k;
            continue;
        }
        if ((cls & C_FORMAT) && (next & C_WORD)) {
            j = k; /* soft hyphen, ZWNJ inside a word */
            continue;
        }
        break;
    }
    *kind = all_digits ? VB_TOKEN_NUMBER : VB_TOKEN_WORD;
    if (all_digits && j < sc->len && sc->s[j] == '%')
        j++;
    return j;
}

/* Text tokenised the Penn Treebank way ("does n't", "ca n't"; some
 * exports write "can 't") keeps a contraction apart; it is one word, as
 * "doesn't" is, so its "n't" (or "'t") goes with the word before it
 * (norm.c then joins the two). Returns the end of that "n't" or "'t" when
 * one starts at `i`, right after a word that ends one space before, else
 * 0. Asked only of a word with an apostrophe and of an apostrophe, which
 * take the tokeniser's slower paths anyway. */
static size_t apart_nt_end(const scanner *sc, const vb_token *prev, size_t i)
{
    const unsigned char *s = sc->s;
    if (prev->kind != VB_TOKEN_WORD || prev->end + 1 != i || s[i - 1] != ' ')
        return 0;
    size_t k = i;
    if (s[k] == 'n' || s[k] == 'N')
        k++;
    else if (!(s[i - 2] == 'n' || s[i - 2] == 'N')) /* "can 't" */
        return 0;
    if (k < sc->len && s[k] == '\'')
        k++;
    else if (bytes_at(sc, k, "\xE2\x80\x99", 3)) /* ’ */
        k += 3;
    else
        return 0;
    if (k >= sc->len || (s[k] != 't' && s[k] != 'T') || (class_of_next(sc, k + 1) & C_WORD))
        return 0;
    return k + 1;
}

/* A word or number from i, or an e-mail address: only a word that
 * stops at a character of an address's local part can start one. */
static inline size_t scan_word_or_email(scanner *sc, size_t i, vb_token_kind *kind)
{
    const size_t end = scan_word(sc, i, kind);
    size_t m;
    if (sc->s[i] < 0x80 && end < sc->len &&
        (sc->s[end] == '@' || (ascii_class[sc->s[end]] & C_EMAIL)) &&
        (m = email_len(sc, i)) > 0) {
        *kind = VB_TOKEN_EMAIL;
        return i + m;
    }
    return end;
}

/* One grapheme cluster from i: a base with its modifiers, VS16, ZWJ
 * sequences, or a pair of regional indicators. */
static size_t cluster_len(const scanner *sc, size_t i)
{
    int32_t prev, cp;
    size_t n = vb_utf8_decode(sc->s + i, sc->len - i, &prev);
    size_t j = i + n;
    int32_t state = 0;
    while (j < sc->len) {
        n = vb_utf8_decode(sc->s + j, sc->len - j, &cp);
        if (vb_norm_grapheme_break(prev, cp, &state))
            break;
        prev = cp;
        j += n;
    }
    return j - i;
}

/* True when the byte at i may go on with an address's local part (or be
 * its '@'). A local part runs over such bytes up to the '@', so a word
 * stopped by one of them ("word.") followed by any other byte (a space)
 * starts no address, and email_len() need not look. */
static inline bool may_continue_address(const scanner *sc, size_t i)
{
    return i < sc->len && ((ascii_class[sc->s[i]] & C_EMAIL) || sc->s[i] == '@');
}

/* The end of an ASCII word (or address) from i, an ASCII letter, when
 * what follows cannot continue the word: the end of the text, a space,
 * punctuation other than a joiner. A word stopped by a byte of an address
 * ('.', '@', '%', '+', '_') is an e-mail address when email_len() finds
 * one, as in scan_word_or_email(). Else 0 (a joiner, a non-ASCII
 * character), and scan_word_or_email() decides. Most words end here,
 * without scan_word()'s general tests. */
HOT_INLINE size_t plain_word_end(scanner *sc, size_t i, vb_token_kind *kind)
{
    const unsigned char *s = sc->s;
    const size_t j = ascii_word_run(s, i + 1, sc->len);
    *kind = VB_TOKEN_WORD;
    if (j == sc->len)
        return j;
    const unsigned char c = s[j];
    const unsigned cls = ascii_class[c]; /* 0 from 0x80 */
    if (cls & C_SPACE)
        return j; /* the common case, one test */
    if (c >= 0x80 || c == '\'' || c == '-')
        return 0;
    if (c != '@' && !may_continue_address(sc, j + 1))
        return j; /* "word." at the end of a sentence: no address, no scan */
    size_t m;
    if (((cls & C_EMAIL) || c == '@') && (m = email_len(sc, i)) > 0) {
        *kind = VB_TOKEN_EMAIL;
        return i + m;
    }
    return j;
}

/* Whether the token at i, of class `cls`, is a plain word's start: a
 * letter, and not one of C_OPENS followed by a byte that goes on a URL
 * ("ht", "ft", "ww") or an emoticon ("XD", "X-D", "o_O", "o.O", "T_T").
 * Most words whose letter is one of those ("was", "for", "of") are
 * turned away by the byte after it, without the trials. One test of two
 * class bits, not a branch per byte to compare: whether a word starts
 * with such a letter follows the text. */
static inline bool plain_start(const scanner *sc, size_t i, unsigned cls)
{
    const unsigned next_cls = i + 1 < sc->len ? ascii_class[sc->s[i + 1]] : 0;
    return (cls & C_ALPHA) && !(cls & (next_cls >> 1) & C_OPENS); /* C_OPENS_NEXT >> 1 */
}

/* "@name" or "#tag" (a tag needs a letter: "#1" is not one). Not glued to
 * a preceding word: "C#" and "foo@bar" are not tags. */
static size_t tag_len(const scanner *sc, size_t i)
{
    if (i == sc->word_end)
        return 0;
    size_t j = i + 1;
    bool letter = false;
    while (j < sc->len) {
        int32_t cp;
        size_t n;
        const unsigned cls = class_at(sc, j, &cp, &n);
        if (!(cls & C_WORD) && cp != '_')
            break;
        letter |= (cls & C_ALPHA) != 0;
        j += n;
    }
    if (j == i + 1 || (sc->s[i] == '#' && !letter))
        return 0;
    return j - i;
}

vb_status vb_tokenize(vb_arena *arena, const char *text, size_t len, vb_token_list *out)
{
    scanner sc = {0};
    sc.s = (const unsigned char *)text;
    sc.len = len;
    sc.word_end = SIZE_MAX;
    token_arrays out_arr;
    out_arr.cap = len / 4 + 16; /* about one token per word and a space */
    out_arr.tok = vb_arena_array(arena, out_arr.cap, sizeof *out_arr.tok);
    out_arr.line_before = vb_arena_alloc(arena, out_arr.cap);
    if (out_arr.tok == NULL || out_arr.line_before == NULL)
        return VB_ENOMEM;
    size_t n_tokens = 0;
    bool pending_line = false; /* a line break since the last token */

    size_t i = 0;
    while (i < len) {
        const unsigned char c = sc.s[i];
        if (c == ' ') { /* the commonest byte: skip it without a lookup */
            i++;
            continue;
        }
        int32_t cp;
        size_t n, m;
        const unsigned cls = class_at(&sc, i, &cp, &n);
        if (cls & (C_SPACE | C_FORMAT)) {
            pending_line |= (cls & C_LINE) != 0;
            i += n;
            continue;
        }
        vb_token_kind kind;
        size_t end;
        /* Most tokens are ASCII words whose first letter opens nothing
         * else (URL, emoticon): they end at once by plain_word_end(). */
        const bool plain = plain_start(&sc, i, cls);
        if (plain && c < 0x80 && (end = plain_word_end(&sc, i, &kind)) > 0) {
            /* a word, or an address glued to it: plain_word_end() set kind */
        } else if (!plain && (c == '#' || c == '*' || (c >= '0' && c <= '9')) &&
            (m = keycap_len(&sc, i)) > 0) {
            kind = VB_TOKEN_EMOJI;
            end = i + m;
        } else if (!plain && c < 0x80 && (cls & C_ALPHA) && (m = url_len(&sc, i)) > 0) {
            kind = VB_TOKEN_URL;
            end = i + m;
        } else if (!plain &&
                   (c == 'X' || c == 'x' || c == 'o' || c == 'O' || c == 'T' || c == 't') &&
                   i + 1 < len &&
                   (sc.s[i + 1] == 'D' || sc.s[i + 1] == '-' || sc.s[i + 1] == '_' ||
                    sc.s[i + 1] == '.') &&
                   (m = emoticon_len(&sc, i)) > 0) {
            kind = VB_TOKEN_EMOTICON;
            end = i + m;
        } else if (cls & C_WORD) {
            /* An ASCII word that opens no URL or emoticon after all ("the",
             * "for", "of") ends as a plain one does. */
            if (!(c < 0x80 && (cls & C_ALPHA) && (end = plain_word_end(&sc, i, &kind)) > 0)) {
                end = scan_word_or_email(&sc, i, &kind);
                if (n_tokens > 0 && apart_nt_end(&sc, &out_arr.tok[n_tokens - 1], i) == end) {
                    out_arr.tok[n_tokens - 1].end = sc.word_end = end; /* "does n't" */
                    i = end;
                    continue;
                }
            }
        } else if ((cls & C_EMOJI) || ((cls & C_SYMBOL) && bytes_at(&sc, i + n, VS16, 3))) {
            kind = VB_TOKEN_EMOJI;
            end = i + cluster_len(&sc, i);
        } else if ((c == '@' || c == '#') && (m = tag_len(&sc, i)) > 0) {
            kind = c == '@' ? VB_TOKEN_MENTION : VB_TOKEN_HASHTAG;
            end = i + m;
        } else if ((cls & C_EMO) && (m = emoticon_len(&sc, i)) > 0) {
            kind = VB_TOKEN_EMOTICON;
            end = i + m;
        } else if (cls & C_PUNCT) {
            if ((c == '\'' || c == 0xE2) && n_tokens > 0 &&
                (end = apart_nt_end(&sc, &out_arr.tok[n_tokens - 1], i)) > 0) {
                out_arr.tok[n_tokens - 1].end = sc.word_end = end; /* "can 't" */
                i = end;
                continue;
            }
            /* A run of punctuation ("!!!", "?!", "..."), which stops where
             * an emoticon or a tag begins: "great!!:)" */
            kind = VB_TOKEN_PUNCT;
            end = i + n;
            while (end < len) {
                int32_t cp2;
                size_t n2;
                if (!(class_at(&sc, end, &cp2, &n2) & C_PUNCT))
                    break;
                if ((cp2 < 0x80 && (ascii_class[cp2] & C_EMO) && emoticon_len(&sc, end) > 0) ||
                    ((cp2 == '@' || cp2 == '#') && tag_len(&sc, end) > 0))
                    break;
                end += n2;
            }
        } else {
            kind = VB_TOKEN_SYMBOL;
            end = i + n;
            if (bytes_at(&sc, end, VS15, 3))
                end += 3;
        }
        if (n_tokens == out_arr.cap && (out_arr = grow_tokens(arena, out_arr, n_tokens)).tok == NULL)
            return VB_ENOMEM;
        vb_token *t = &out_arr.tok[n_tokens];
        t->start = i; /* the rest is the later stages' to fill (token.h) */
        t->end = end;
        t->kind = kind;
        t->flags = 0;
        out_arr.line_before[n_tokens] = pending_line ? VB_BEFORE_LINE : 0;
        n_tokens++;
        pending_line = false;
        if (kind == VB_TOKEN_WORD || kind == VB_TOKEN_NUMBER)
            sc.word_end = end;
        i = end;
    }
    out->tokens = out_arr.tok;
    out->line_before = out_arr.line_before;
    out->n_tokens = n_tokens;
    return VB_OK;
}

/* ---- Sentences and clauses ----------------------------------------------- */

static const struct {
    const char *text;
    size_t len;
} abbreviations[] = {
    {"approx", 6}, {"dr", 2}, {"etc", 3}, {"inc", 3}, {"jr", 2}, {"ltd", 3}, {"mr", 2},
    {"mrs", 3},    {"ms", 2}, {"prof", 4}, {"sr", 2}, {"st", 2}, {"vs", 2},
};

/* The first letters of abbreviations[] (bit c - 'a'), so that most
 * words before a dot skip the list. Keep in step with it (test_text
 * checks every abbreviation). */
#define ABBREVIATION_FIRST                                                                     \
    ((1u << ('a' - 'a')) | (1u << ('d' - 'a')) | (1u << ('e' - 'a')) | (1u << ('i' - 'a')) |   \
     (1u << ('j' - 'a')) | (1u << ('l' - 'a')) | (1u << ('m' - 'a')) | (1u << ('p' - 'a')) |   \
     (1u << ('s' - 'a')) | (1u << ('v' - 'a')))
#define ABBREVIATION_MAX_LEN 6u

/* What a punctuation token contains, found in one pass over its text. */
enum {
    P_END = 1u << 0,    /* ! ? 。 ؟ । : ends a sentence */
    P_DOT = 1u << 1,    /* . : ends a sentence unless an abbreviation's */
    P_CLAUSE = 1u << 2, /* , ; : ) ] – — 、 : ends a clause */
    P_OPEN = 1u << 3,   /* ( [ : starts a clause */
    P_HYPHENS = 1u << 4 /* nothing but '-' */
};

static unsigned punct_marks(const vb_token *t)
{
    const unsigned char *s = (const unsigned char *)t->norm;
    const size_t n = t->norm_len;
    if (n == 1) { /* most punctuation, ",", ".": the loop's cases for one byte */
        switch (s[0]) {
        case '!': case '?':
            return P_END;
        case '.':
            return P_DOT;
        case ',': case ';': case ':': case ')': case ']':
            return P_CLAUSE;
        case '(': case '[':
            return P_OPEN;
        case '-':
            return P_HYPHENS;
        default:
            return 0;
        }
    }
    unsigned m = n > 0 ? P_HYPHENS : 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char c = s[i];
        if (c != '-')
            m &= ~(unsigned)P_HYPHENS;
        switch (c) {
        case '!': case '?':
            m |= P_END;
            break;
        case '.':
            m |= P_DOT;
            break;
        case ',': case ';': case ':': case ')': case ']':
            m |= P_CLAUSE;
            break;
        case '(': case '[':
            m |= P_OPEN;
            break;
        case 0xD8: /* ؟ */
            if (i + 1 < n && s[i + 1] == 0x9F)
                m |= P_END;
            break;
        case 0xE0: /* । */
            if (i + 2 < n && s[i + 1] == 0xA5 && s[i + 2] == 0xA4)
                m |= P_END;
            break;
        case 0xE2: /* – — */
            if (i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94))
                m |= P_CLAUSE;
            break;
        case 0xE3: /* 。 、 */
            if (i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x82)
                m |= P_END;
            else if (i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x81)
                m |= P_CLAUSE;
            break;
        default:
            break;
        }
    }
    return m;
}

static bool glued(const vb_token *a, const vb_token *b)
{
    return a->end == b->start;
}

static bool is_dot(const vb_token *t)
{
    return t->kind == VB_TOKEN_PUNCT && t->norm_len > 0 && t->norm[0] == '.';
}

static bool is_letter_word(const vb_token *t)
{
    return t->kind == VB_TOKEN_WORD && t->lookup_len == 1;
}

static bool is_listed_abbreviation(const vb_token *w)
{
    const unsigned first = (unsigned char)w->lookup[0] - 'a';
    if (w->lookup_len > ABBREVIATION_MAX_LEN || first >= 26 || !((ABBREVIATION_FIRST >> first) & 1))
        return false;
    for (size_t k = 0; k < sizeof abbreviations / sizeof abbreviations[0]; k++)
        if (w->lookup_len == abbreviations[k].len && w->lookup[0] == abbreviations[k].text[0] &&
            memcmp(w->lookup, abbreviations[k].text, abbreviations[k].len) == 0)
            return true;
    return false;
}

/* "Mr.", "etc.", and the dots of "e.g." and "i.e.": a single letter glued
 * to a dot that is glued to another single letter and dot. */
static bool is_abbreviation_dot(const vb_token *t, size_t n, size_t i)
{
    if (i == 0 || !is_dot(&t[i]) || t[i - 1].kind != VB_TOKEN_WORD || !glued(&t[i - 1], &t[i]))
        return false;
    const vb_token *w = &t[i - 1];
    if (is_listed_abbreviation(w))
        return true;
    if (!is_letter_word(w))
        return false;
    if (i >= 2 && is_dot(&t[i - 2]) && glued(&t[i - 2], w))
        return true; /* the second dot of "e.g." */
    return i + 2 < n && is_letter_word(&t[i + 1]) && glued(&t[i], &t[i + 1]) &&
           is_dot(&t[i + 2]) && glued(&t[i + 1], &t[i + 2]);
}

/* Token i, a punctuation token with marks m, ends a sentence. */
static bool ends_sentence(const vb_token *t, size_t n, size_t i, unsigned m)
{
    if (m & P_END)
        return true;
    return (m & P_DOT) && !is_abbreviation_dot(t, n, i);
}

static bool clause_after(const vb_token *t, size_t n, size_t i, unsigned m)
{
    if (m & P_HYPHENS) /* "great - but": a spaced dash; "2019-2020" is not */
        return !(i > 0 && glued(&t[i - 1], &t[i]) && i + 1 < n && glued(&t[i], &t[i + 1]));
    return (m & P_CLAUSE) != 0;
}

static void close_span(vb_span *sp, const vb_token *t, size_t last)
{
    sp->n_tokens = last + 1 - sp->first_token;
    sp->end = t[last].end;
}

/* A growable array of spans in the arena (old copies stay until the
 * record ends: less than twice the final size). */
typedef struct span_list {
    vb_span *items;
    size_t n, cap;
} span_list;

/* Closes the open span before token i (if any) and opens one at i. */
static inline vb_status open_span(vb_arena *arena, span_list *l, const vb_token *t, size_t i)
{
    if (l->n > 0)
        close_span(&l->items[l->n - 1], t, i - 1);
    if (l->n == l->cap) {
        const size_t cap = l->cap * 2;
        vb_span *items = vb_arena_array(arena, cap, sizeof *items);
        if (items == NULL)
            return VB_ENOMEM;
        memcpy(items, l->items, l->n * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    vb_span *sp = &l->items[l->n++];
    sp->start = t[i].start;
    sp->first_token = i;
    return VB_OK;
}

/* One pass: where each sentence and clause starts is known at its first
 * token (the abbreviation test looks ahead, never at what is written),
 * so spans are opened and tokens numbered as it goes. Boundaries are only
 * ever placed before a token, so no span is empty. */
vb_status vb_token_segment(vb_arena *arena, vb_token *t, size_t n, const uint8_t *before,
                           vb_span **sentences, size_t *n_sentences, vb_span **clauses,
                           size_t *n_clauses)
{
    *sentences = *clauses = NULL;
    *n_sentences = *n_clauses = 0;
    if (n == 0)
        return VB_OK;
    span_list ss = {NULL, 0, n / 16 + 4}, cs = {NULL, 0, n / 8 + 4};
    ss.items = vb_arena_array(arena, ss.cap, sizeof *ss.items);
    cs.items = vb_arena_array(arena, cs.cap, sizeof *cs.items);
    if (ss.items == NULL || cs.items == NULL)
        return VB_ENOMEM;
    bool pend_s = true, pend_c = true;
    uint32_t sentence = 0, clause = 0; /* of token i; kept here, not reloaded from ss, cs */
    for (size_t i = 0; i < n; i++) {
        /* Most tokens are words inside a clause: they open nothing and
         * close nothing, and only take the current numbers. */
        if (!pend_c) {
            while (i < n && before[i] == 0 && t[i].kind != VB_TOKEN_PUNCT) {
                t[i].sentence = sentence;
                t[i].clause = clause;
                i++;
            }
            if (i == n)
                break;
        }
        const unsigned m = t[i].kind == VB_TOKEN_PUNCT ? punct_marks(&t[i]) : 0;
        const bool ns = pend_s || (before[i] & VB_BEFORE_LINE);
        const bool nc = ns || pend_c || (before[i] & VB_BEFORE_CLAUSE_WORD) || (m & P_OPEN);
        if (ns) {
            const vb_status st = open_span(arena, &ss, t, i);
            if (st != VB_OK)
                return st;
            sentence = (uint32_t)(ss.n - 1);
        }
        if (nc) {
            const vb_status st = open_span(arena, &cs, t, i);
            if (st != VB_OK)
                return st;
            clause = (uint32_t)(cs.n - 1);
        }
        t[i].sentence = sentence;
        t[i].clause = clause;
        pend_s = m != 0 && ends_sentence(t, n, i, m);
        pend_c = pend_s || (m != 0 && clause_after(t, n, i, m));
    }
    close_span(&ss.items[ss.n - 1], t, n - 1);
    close_span(&cs.items[cs.n - 1], t, n - 1);
    *sentences = ss.items;
    *n_sentences = ss.n;
    *clauses = cs.items;
    *n_clauses = cs.n;
    return VB_OK;
}

const char *vb_token_kind_name(vb_token_kind k)
{
    static const char *const names[] = {
        [VB_TOKEN_WORD] = "word",       [VB_TOKEN_NUMBER] = "number",
        [VB_TOKEN_EMOJI] = "emoji",     [VB_TOKEN_EMOTICON] = "emoticon",
        [VB_TOKEN_URL] = "url",         [VB_TOKEN_EMAIL] = "email",
        [VB_TOKEN_MENTION] = "mention", [VB_TOKEN_HASHTAG] = "hashtag",
        [VB_TOKEN_PUNCT] = "punct",     [VB_TOKEN_SYMBOL] = "symbol",
    };
    if ((unsigned)k >= sizeof names / sizeof names[0])
        return "unknown";
    return names[k];
}
