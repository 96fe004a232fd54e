/* norm.c: normalisation, the stage that makes "Don’t", "DON'T" and
 * "don't" one lookup key. It and utf8.c (the tables' display widths) are
 * the files that include utf8proc.h.
 *
 * A token's `norm` is NFKC + full case folding (so "ﬁ" -> "fi", "Ａ" -> "a",
 * "Straße" -> "strasse"; no locale-specific rules such as Turkish dotless
 * i). Most comment text is ASCII, and for ASCII tokens NFKC is the identity
 * and case folding is tolower, so those never reach utf8proc. utf8proc
 * allocates its result with malloc; we copy it into the record arena and
 * free it at once. A run of combining marks longer than VB_NORM_MAX_MARKS
 * is cut to its first VB_NORM_MAX_MARKS before utf8proc sees it (see
 * vb_norm_token()). The tokeniser also asks here for character classes and
 * grapheme breaks, so that it need not include utf8proc.h itself. */
#include "norm.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static _Thread_local size_t utf8proc_calls;

size_t vb_norm_utf8proc_calls(void)
{
    return utf8proc_calls;
}

/* Code points that start an emoji cluster by themselves. utf8proc has no
 * Emoji property, so these are the blocks of Extended_Pictographic that
 * are emoji by default; other pictographs (arrows, (c), TM) count only
 * when followed by VS16, which the tokeniser checks. */
static bool is_emoji_base(int32_t cp)
{
    if (cp >= 0x1F000 && cp <= 0x1FAFF)
        return true;
    if (cp >= 0x2600 && cp <= 0x27BF)
        return true;
    switch (cp) {
    case 0x231A: case 0x231B: case 0x2328: case 0x23CF: case 0x2B05: case 0x2B06:
    case 0x2B07: case 0x2B1B: case 0x2B1C: case 0x2B50: case 0x2B55: case 0x3030:
    case 0x303D: case 0x3297: case 0x3299:
        return true;
    default:
        return (cp >= 0x23E9 && cp <= 0x23F3) || (cp >= 0x23F8 && cp <= 0x23FA);
    }
}

vb_cclass vb_norm_class(int32_t cp)
{
    const utf8proc_category_t cat = utf8proc_category(cp);
    switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return VB_CC_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return VB_CC_DIGIT;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return VB_CC_PUNCT;
    case UTF8PROC_CATEGORY_ZS:
        return VB_CC_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return VB_CC_LINE;
    case UTF8PROC_CATEGORY_CC:
        return cp == 0x85 ? VB_CC_LINE : VB_CC_SPACE;
    case UTF8PROC_CATEGORY_CF:
        return VB_CC_FORMAT;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_CN:
        return is_emoji_base(cp) ? VB_CC_EMOJI : VB_CC_SYMBOL;
    default:
        return VB_CC_SYMBOL; /* Co, Cs */
    }
}

bool vb_norm_grapheme_break(int32_t prev, int32_t cp, int32_t *state)
{
    return utf8proc_grapheme_break_stateful(prev, cp, state);
}

static inline unsigned char ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20) : c;
}

/* ALLCAPS: 2+ letters, all of them upper (or title) case. */
static bool is_allcaps(const unsigned char *s, size_t len)
{
    size_t n_letters = 0, n_upper = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += vb_utf8_decode(s + i, len - i, &cp);
        if (cp < 0x80) {
            const bool up = cp >= 'A' && cp <= 'Z';
            n_upper += up;
            n_letters += up || (cp >= 'a' && cp <= 'z');
            continue;
        }
        const utf8proc_category_t cat = utf8proc_category(cp);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
            n_letters++;
            n_upper += cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        }
    }
    return n_letters >= 2 && n_upper == n_letters;
}

/* Replaces U+2019, U+2018 and U+02BC by "'" and drops invisible joiners
 * in place; returns the new length. */
static size_t fold_apostrophes(char *s, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        const unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
            s[o++] = '\'';
            i += 3;
        } else if (c == 0xCA && i + 1 < len && (unsigned char)s[i + 1] == 0xBC) {
            s[o++] = '\'';
            i += 2;
        } else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xAD) {
            i += 2; /* soft hyphen: invisible, "deli-very" is "delivery" */
        } else if ((c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBB &&
                    (unsigned char)s[i + 2] == 0xBF) ||
                   (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x81 &&
                    (unsigned char)s[i + 2] == 0xA0)) {
            i += 3; /* U+FEFF, U+2060: word joiners */
        } else {
            s[o++] = s[i++];
        }
    }
    s[o] = '\0';
    return o;
}

/* A combining mark: a code point that extends the character before it,
 * M* and the halfwidth sound marks U+FF9E and U+FF9F (Lm), which NFKC
 * turns into the combining U+3099 and U+309A. */
static bool is_mark(int32_t cp)
{
    if (cp < 0x300)
        return false;
    if (cp == 0xFF9E || cp == 0xFF9F)
        return true;
    const utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
}

/* Copies `s` to `out` (when not NULL) keeping only the first
 * VB_NORM_MAX_MARKS marks of each run of combining marks; returns the
 * resulting length. */
static size_t cap_marks(const unsigned char *s, size_t len, unsigned char *out)
{
    size_t run = 0, o = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        const size_t n = vb_utf8_decode(s + i, len - i, &cp);
        run = is_mark(cp) ? run + 1 : 0;
        if (run <= VB_NORM_MAX_MARKS) {
            if (out != NULL)
                memcpy(out + o, s + i, n);
            o += n;
        }
        i += n;
    }
    return o;
}

/* A word ending in " n't" or " 't" is a contraction written apart, which
 * the tokeniser keeps as one word ("does n't", "ca n't", "can 't");
 * without the space it is the word as written together ("doesn't",
 * "can't", "won't" from "wo n't"). In place; returns the new length. */
static size_t join_apart(char *d, size_t len)
{
    if (len < 4 || d[len - 1] != 't' || d[len - 2] != '\'') /* most words stop here */
        return len;
    size_t space = 0; /* none: a word starts with no space */
    if (d[len - 3] == ' ')
        space = len - 3;
    else if (len >= 5 && d[len - 3] == 'n' && d[len - 4] == ' ')
        space = len - 4;
    if (space == 0)
        return len;
    memmove(d + space, d + space + 1, len - space); /* with the NUL */
    return len - 1;
}

vb_status vb_norm_token(vb_arena *arena, const char *str, size_t len, vb_norm_mode mode,
                        const char **norm, size_t *norm_len, uint32_t *flags)
{
    const unsigned char *s = (const unsigned char *)str;
    char *d = vb_arena_alloc(arena, len + 1);
    if (d == NULL)
        return VB_ENOMEM;
    if (mode == VB_NORM_COPY) {
        memcpy(d, s, len);
        d[len] = '\0';
        *norm = d;
        *norm_len = len;
        return VB_OK;
    }
    /* The ASCII fast path: lowercase while copying; leave at the first
     * non-ASCII byte (the copy is then a waste of len + 1 arena bytes). */
    size_t n_upper = 0, n_letters = 0, i = 0;
    for (; i < len; i++) {
        const unsigned char c = s[i];
        if (c >= 0x80)
            break;
        const unsigned char lc = ascii_lower(c);
        n_upper += lc != c;
        n_letters += lc >= 'a' && lc <= 'z';
        d[i] = (char)lc;
    }
    if (i == len) {
        d[len] = '\0';
        size_t d_len = len;
        if (mode == VB_NORM_WORD) {
            if (n_letters >= 2 && n_upper == n_letters)
                *flags |= VB_TOKEN_ALLCAPS;
            d_len = join_apart(d, len);
        }
        *norm = d;
        *norm_len = d_len;
        return VB_OK;
    }

    /* utf8proc puts each run of combining marks in canonical order by
     * swapping neighbours, in time quadratic in the length of the run: a
     * letter under 50,000 marks ("zalgo" text) took seconds. No word needs
     * more than a few marks on a letter, so a longer run is cut first,
     * into `d`, which is free until utf8proc's result is copied in. A mark
     * takes 2+ bytes, so a shorter token cannot hold too long a run. */
    const unsigned char *src = s;
    size_t src_len = len;
    if (len > 2 * VB_NORM_MAX_MARKS && cap_marks(s, len, NULL) < len) {
        src_len = cap_marks(s, len, (unsigned char *)d);
        src = (const unsigned char *)d;
    }

    utf8proc_uint8_t *mapped = NULL;
    utf8proc_calls++;
    const utf8proc_ssize_t n = utf8proc_map(
        src, (utf8proc_ssize_t)src_len, &mapped,
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    if (n < 0) {
        /* Only out-of-memory is possible on repaired text, but fall back
         * to the text as is rather than lose the token. */
        free(mapped);
        if (n == UTF8PROC_ERROR_NOMEM)
            return VB_ENOMEM;
        memmove(d, src, src_len); /* src may be d */
        d[src_len] = '\0';
        *norm = d;
        *norm_len = src_len;
        return VB_OK;
    }
    /* Reuse the fast path's copy unless NFKC made the text longer. */
    if ((size_t)n <= len) {
        memcpy(d, mapped, (size_t)n);
        d[n] = '\0';
    } else {
        d = vb_arena_strndup(arena, (const char *)mapped, (size_t)n);
    }
    free(mapped);
    if (d == NULL)
        return VB_ENOMEM;
    size_t d_len = (size_t)n;
    if (mode == VB_NORM_WORD) {
        d_len = join_apart(d, fold_apostrophes(d, d_len));
        if (is_allcaps(s, len))
            *flags |= VB_TOKEN_ALLCAPS;
    }
    *norm = d;
    *norm_len = d_len;
    return VB_OK;
}

static bool is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    const utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* Copies `s` to `out` (when not NULL) with each run of three or more
 * identical letters cut to `keep` (1 or 2) letters; returns the resulting
 * length. Run by run, so nothing is written past that length. */
static size_t squeeze(const unsigned char *s, size_t len, size_t keep, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        const size_t n = vb_utf8_decode(s + i, len - i, &cp);
        /* The same bytes again are the same code point (a lead byte fixes
         * the length of its sequence). */
        size_t run = 1, end = i + n;
        while (end + n <= len && memcmp(s + end, s + i, n) == 0) {
            run++;
            end += n;
        }
        const size_t copies = run >= 3 && is_letter(cp) ? keep : run;
        for (size_t k = 0; k < copies; k++) {
            if (out != NULL)
                memcpy(out + o, s + i, n);
            o += n;
        }
        i = end;
    }
    return o;
}

/* `s` squeezed (see squeeze(); `n` the squeezed length), as a
 * NUL-terminated copy in `arena`. */
static vb_status squeezed_copy(vb_arena *arena, const unsigned char *s, size_t len, size_t keep,
                               size_t n, const char **out, size_t *out_len)
{
    char *d = vb_arena_alloc(arena, n + 1);
    if (d == NULL)
        return VB_ENOMEM;
    squeeze(s, len, keep, d);
    d[n] = '\0';
    *out = d;
    *out_len = n;
    return VB_OK;
}

vb_status vb_norm_lookup(vb_arena *arena, const char *norm, size_t len, const char **lookup,
                         size_t *lookup_len, uint32_t *flags)
{
    const unsigned char *s = (const unsigned char *)norm;
    /* Cheap byte test first: in ASCII a run of three equal letters is a
     * run of three equal bytes; other text takes the decoding pass. */
    bool maybe = len > 0 && s[0] >= 0x80;
    for (size_t i = 1; i < len && !maybe; i++)
        maybe = s[i] >= 0x80 || (i >= 2 && s[i] == s[i - 1] && s[i] == s[i - 2]);
    size_t n = len;
    if (maybe)
        n = squeeze(s, len, 2, NULL);
    if (n == len) {
        *lookup = norm;
        *lookup_len = len;
        return VB_OK;
    }
    if (squeezed_copy(arena, s, len, 2, n, lookup, lookup_len) != VB_OK)
        return VB_ENOMEM;
    *flags |= VB_TOKEN_ELONGATED;
    return VB_OK;
}

vb_status vb_norm_word_lookup(vb_arena *arena, const char *word, size_t len, const char **lookup,
                              size_t *lookup_len)
{
    const char *norm;
    size_t norm_len;
    uint32_t flags = 0;
    vb_status st = vb_norm_token(arena, word, len, VB_NORM_WORD, &norm, &norm_len, &flags);
    if (st == VB_OK)
        st = vb_norm_lookup(arena, norm, norm_len, lookup, lookup_len, &flags);
    return st;
}

vb_status vb_norm_unelongated(vb_arena *arena, const char *norm, size_t len, const char **out,
                              size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)norm;
    return squeezed_copy(arena, s, len, 1, squeeze(s, len, 1, NULL), out, out_len);
}

size_t vb_norm_closed_up(const char *word, size_t len, char *out)
{
    if (len < 3 || memchr(word, '-', len) == NULL || word[0] == '-' || word[len - 1] == '-')
        return 0; /* most words: no hyphen */
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (word[i] == '-' && word[i + 1] == '-')
            return 0;
        if (word[i] != '-')
            out[n++] = word[i];
    }
    return n;
}
