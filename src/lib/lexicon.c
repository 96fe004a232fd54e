/* lexicon.c: loads, validates and indexes the sentiment lexicon.
 *
 * The sentiment stage (sentiment.c) asks one question per token: what role
 * does this word play? So every term, single word or phrase, gets one
 * entry in an open-addressing hash table keyed by FNV-1a of its lookup
 * form, and the entry collects every role the files give it. Phrases are
 * found from their first word: its entry records the longest phrase that
 * starts with it, so a word that starts no phrase costs one probe.
 *
 * Files are plain UTF-8 TSV (format in lexicons/README.md): comment lines
 * start with '#', "[kind]" lines switch the kind of the entries that
 * follow, and each entry is TERM<TAB>FIELDS. Each shipped file has a
 * default kind; user files default to "valence". Later entries override
 * earlier ones field by field, so a user file can re-score one word
 * without touching its other roles. The first bad line stops the load
 * with FILE:LINE and what is wrong.
 */
#include "lexicon.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "error.h"
#include "norm.h"
#include "rule_words.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TERM_BYTES 255
#define MAX_PHRASE_WORDS VB_SENTI_MAX_PHRASE_WORDS
#define MAX_FILE_BYTES ((size_t)64 << 20)
#define MAX_FIELDS 6
#define PAIR_BITS 65536u

struct vb_senti_lex {
    const vb_allocator *alloc;
    vb_arena strings;         /* term text, lives as long as the lexicon */
    vb_senti_entry *entries;  /* n_entries used of cap_entries */
    size_t n_entries, cap_entries;
    size_t n_unfiled;         /* entries no file lists among them (name_rule_words()) */
    uint64_t *slots;          /* n_slots (a power of 2); 0 = empty, else slot_of() */
    size_t n_slots;
    /* Bit (hash & (PAIR_BITS - 1)) is set for the hash of the first two
     * words of every phrase. */
    uint64_t pairs[PAIR_BITS / 64];
    /* What vb_senti_lex_is_contrast() returns for a word in no entry that
     * ends in "n't" (a rare form such as "usedn't", or a misspelling). */
    vb_senti_entry nt_word;
};

typedef enum kind { KIND_VALENCE, KIND_BOOSTER, KIND_NEGATOR, KIND_CONTRAST, KIND_EXCESS } kind;
typedef enum origin { ORIGIN_BASE, ORIGIN_CX, ORIGIN_USER } origin;

static const struct {
    const char *name;
    kind kind;
    origin origin;
} shipped[] = {
    {"valence.tsv", KIND_VALENCE, ORIGIN_BASE},   {"emoji.tsv", KIND_VALENCE, ORIGIN_BASE},
    {"boosters.tsv", KIND_BOOSTER, ORIGIN_BASE},  {"negators.tsv", KIND_NEGATOR, ORIGIN_BASE},
    {"contrast.tsv", KIND_CONTRAST, ORIGIN_BASE}, {"idioms.tsv", KIND_VALENCE, ORIGIN_BASE},
    {"cx.tsv", KIND_VALENCE, ORIGIN_CX},
};

static const char *const kind_names[] = {"valence", "booster", "negator", "contrast", "excess"};

/* ---- the hash table ------------------------------------------------------ */

/* A slot: the upper half of its entry's hash, and in the lower half the entry's index + 1.
 * A probe for a term with no entry, as most of those for phrases are, then reads no entry. */
static uint64_t slot_of(uint64_t hash, size_t index)
{
    return (hash & 0xFFFFFFFF00000000u) | (uint32_t)(index + 1);
}

static vb_senti_entry *find_mut(const vb_senti_lex *lex, uint64_t hash, const char *term,
                                size_t len)
{
    if (lex->n_slots == 0)
        return NULL;
    size_t mask = lex->n_slots - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        uint64_t s = lex->slots[i];
        if (s == 0)
            return NULL;
        if ((s ^ hash) >> 32 != 0)
            continue;
        vb_senti_entry *e = &lex->entries[(uint32_t)s - 1];
        if (e->hash == hash && e->term_len == len && memcmp(e->term, term, len) == 0)
            return e;
    }
}

const vb_senti_entry *vb_senti_lex_find(const vb_senti_lex *lex, uint64_t hash,
                                        const char *term, size_t len)
{
    return find_mut(lex, hash, term, len);
}

const vb_senti_entry *vb_senti_lex_get(const vb_senti_lex *lex, const char *term, size_t len)
{
    return find_mut(lex, vb_senti_hash(term, len), term, len);
}

/* `e` if it has a role, else NULL. */
static const vb_senti_entry *with_role(const vb_senti_entry *e)
{
    return e != NULL && vb_senti_entry_has_role(e) ? e : NULL;
}

/* Whether `e` is a plain judgement: a valence, and no word the rules name. */
static bool plain_judgement(const vb_senti_entry *e)
{
    return e != NULL && vb_senti_entry_judges(e) && e->word == RW_NONE;
}

/* Of a compound of two words with no entry in any form, the part that
 * judges it: an adverb of manner before a participle ("well-designed",
 * "ill-fitting", "poorly-sewn", "ugly-looking"), or after a word of
 * degree the word it raises ("super-soft", "uber-comfy"; not boosted, as
 * the unit is the one word). A noun before a judgement is left alone: a
 * "non-issue", "flip-flops", "size-wise" or "semi-sheer" is no issue,
 * flop, wisdom or sheer fabric. */
static const vb_senti_entry *judging_part(const vb_senti_lex *lex, const char *w, size_t len)
{
    const char *hyphen = memchr(w, '-', len);
    const size_t n_first = (size_t)(hyphen - w), n_second = len - n_first - 1;
    if (memchr(hyphen + 1, '-', n_second) != NULL)
        return NULL;
    const vb_senti_entry *first = vb_senti_lex_get(lex, w, n_first);
    const bool adverb = (n_first == 4 && memcmp(w, "well", 4) == 0) ||
                        (n_first == 3 && memcmp(w, "ill", 3) == 0) ||
                        (n_first > 3 && memcmp(w + n_first - 2, "ly", 2) == 0);
    if (adverb && plain_judgement(first))
        return first;
    if (first == NULL || !(first->flags & VB_LEX_BOOSTER) || first->boost <= 0.0f)
        return NULL;
    const vb_senti_entry *second = vb_senti_lex_get(lex, hyphen + 1, n_second);
    return plain_judgement(second) ? second : NULL;
}

/* The entry of a hyphenated word that has none of its own. Customers write
 * a compound closed up, hyphenated or apart, and the lexicon lists one
 * form: the word closed up ("over-priced" as "overpriced", "w-o-w"), else
 * the phrase written apart ("high-quality", "easy-to-use", "true-to-size"),
 * else that of the part that judges it (judging_part()).
 * "re-" is not closed up: "re-sent" and "re-signed" are not "resent" and
 * "resigned". */
static const vb_senti_entry *compound_entry(const vb_senti_lex *lex, const char *w, size_t len)
{
    char closed[MAX_TERM_BYTES], apart[MAX_TERM_BYTES];
    const size_t n_closed = len <= MAX_TERM_BYTES ? vb_norm_closed_up(w, len, closed) : 0;
    if (n_closed == 0)
        return NULL; /* most words: no hyphen */
    for (size_t i = 0; i < len; i++)
        apart[i] = w[i] == '-' ? ' ' : w[i];
    const vb_senti_entry *e = NULL;
    if (!(len > 3 && memcmp(w, "re-", 3) == 0))
        e = with_role(vb_senti_lex_get(lex, closed, n_closed));
    if (e == NULL)
        e = with_role(vb_senti_lex_get(lex, apart, len));
    return e != NULL ? e : judging_part(lex, w, len);
}

const void *vb_senti_lex_is_contrast(const char *lookup, size_t len, void *ctx, bool *contrast)
{
    const vb_senti_lex *lex = ctx;
    const vb_senti_entry *e = vb_senti_lex_get(lex, lookup, len);
    if (e == NULL)
        e = compound_entry(lex, lookup, len);
    *contrast = e != NULL && (e->flags & VB_LEX_CONTRAST) != 0;
    if (e == NULL && vb_senti_ends_nt(lookup, len))
        return &lex->nt_word;
    return e;
}

bool vb_senti_lex_may_start_phrase(const vb_senti_lex *lex, uint64_t hash)
{
    const size_t bit = (size_t)hash & (PAIR_BITS - 1);
    return (lex->pairs[bit / 64] >> (bit % 64)) & 1u;
}

size_t vb_senti_lex_size(const vb_senti_lex *lex)
{
    return lex->n_entries - lex->n_unfiled;
}

/* Keeps the table at most half full. */
static vb_status grow_slots(vb_senti_lex *lex)
{
    size_t n = lex->n_slots == 0 ? 1024 : lex->n_slots * 2;
    uint64_t *slots = vb_calloc(lex->alloc, n, sizeof *slots);
    if (slots == NULL)
        return VB_ENOMEM;
    for (size_t k = 0; k < lex->n_entries; k++) {
        size_t i = (size_t)lex->entries[k].hash & (n - 1);
        while (slots[i] != 0)
            i = (i + 1) & (n - 1);
        slots[i] = slot_of(lex->entries[k].hash, k);
    }
    vb_free(lex->alloc, lex->slots);
    lex->slots = slots;
    lex->n_slots = n;
    return VB_OK;
}

/* Returns the entry for `term`, adding an empty one if needed. */
static vb_senti_entry *intern(vb_senti_lex *lex, const char *term, size_t len)
{
    uint64_t hash = vb_senti_hash(term, len);
    vb_senti_entry *e = find_mut(lex, hash, term, len);
    if (e != NULL)
        return e;
    if ((lex->n_entries + 1) * 2 > lex->n_slots && grow_slots(lex) != VB_OK)
        return NULL;
    if (lex->n_entries == lex->cap_entries) {
        size_t cap = lex->cap_entries == 0 ? 1024 : lex->cap_entries * 2;
        if (vb_mul_overflows(cap, sizeof *lex->entries))
            return NULL;
        vb_senti_entry *grown = vb_realloc(lex->alloc, lex->entries, cap * sizeof *grown);
        if (grown == NULL)
            return NULL;
        lex->entries = grown;
        lex->cap_entries = cap;
    }
    char *copy = vb_arena_strndup(&lex->strings, term, len);
    if (copy == NULL)
        return NULL;
    e = &lex->entries[lex->n_entries];
    memset(e, 0, sizeof *e);
    e->term = copy;
    e->term_len = (uint32_t)len;
    e->hash = hash;
    size_t mask = lex->n_slots - 1;
    size_t i = (size_t)hash & mask;
    while (lex->slots[i] != 0)
        i = (i + 1) & mask;
    lex->slots[i] = slot_of(hash, lex->n_entries++);
    return e;
}

/* ---- parsing ------------------------------------------------------------- */

typedef struct parser {
    vb_senti_lex *lex;
    const char *path;
    size_t line_no;
    kind kind;
    origin origin;
    vb_error *err;
} parser;

static vb_status bad(parser *p, const char *fmt, const char *arg)
{
    vb_error_set(p->err, VB_EPARSE, p->path, p->line_no, fmt, arg);
    return VB_EPARSE;
}

static bool utf8_valid(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > len || (n == 2 && c < 0xC2))
            return false;
        for (size_t k = 1; k < n; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
        i += n;
    }
    return true;
}

/* Parses a field of the form -?D+(.D+)? with at most 15 digits into *out
 * and returns true; false for any other text. The value is exactly what
 * strtod() gives, only cheaper (it dominated loading): the digits make an
 * integer below 2^53 and 10^k (k <= 15) is exact, so one correctly rounded
 * division gives the double nearest the decimal (Clinger's fast path). */
static bool short_decimal(const char *s, double *out)
{
    static const double pow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const bool neg = *s == '-';
    s += neg;
    uint64_t m = 0;
    int n_digits = 0, n_frac = 0;
    bool point = false;
    for (;; s++) {
        if (*s >= '0' && *s <= '9') {
            m = m * 10 + (uint64_t)(*s - '0');
            n_digits++;
            n_frac += point;
        } else if (*s == '.' && !point && n_digits > 0) {
            point = true;
        } else {
            break;
        }
    }
    if (*s != '\0' || n_digits == 0 || n_digits > 15 || (point && n_frac == 0))
        return false;
    const double v = (double)m / pow10[n_frac];
    *out = neg ? -v : v;
    return true;
}

/* Parses a whole field as a number within [lo, hi]. */
static vb_status number(parser *p, const char *field, double lo, double hi, const char *what,
                        float *out)
{
    char *end = NULL;
    double v;
    errno = 0;
    if (short_decimal(field, &v))
        end = (char *)field + strlen(field);
    else
        v = strtod(field, &end);
    if (end == field || *end != '\0' || errno != 0 || !isfinite(v)) {
        char msg[96];
        snprintf(msg, sizeof msg, "%s is not a number: \"%.40s\"", what, field);
        return bad(p, "%s", msg);
    }
    if (v < lo || v > hi) {
        char msg[96];
        snprintf(msg, sizeof msg, "%s %g is outside %g..%g", what, v, lo, hi);
        return bad(p, "%s", msg);
    }
    *out = (float)v;
    return VB_OK;
}

/* Folds ASCII letters in place and checks the term's shape: no empty
 * words, single spaces, at most MAX_PHRASE_WORDS words. Returns the number
 * of words, or 0 with the error set. */
static size_t check_term(parser *p, char *term, size_t len)
{
    if (len == 0)
        return bad(p, "%s", "empty term"), 0;
    if (len > MAX_TERM_BYTES)
        return bad(p, "%s", "term longer than 255 bytes"), 0;
    if (!utf8_valid((const unsigned char *)term, len))
        return bad(p, "%s", "term is not valid UTF-8"), 0;
    size_t n_words = 1;
    for (size_t i = 0; i < len; i++) {
        if (term[i] >= 'A' && term[i] <= 'Z')
            term[i] = (char)(term[i] - 'A' + 'a');
        if (term[i] == ' ') {
            if (i == 0 || i + 1 == len || term[i + 1] == ' ')
                return bad(p, "%s", "term has a leading, trailing or double space"), 0;
            n_words++;
        } else if (term[i] == '\r' || term[i] == '\n' || term[i] == '\v' || term[i] == '\f') {
            return bad(p, "%s", "term contains a control character"), 0;
        }
    }
    if (n_words > MAX_PHRASE_WORDS)
        return bad(p, "%s", "phrase has more than 8 words"), 0;
    return n_words;
}

/* Handles one entry line, already split into fields (NUL-terminated). */
static vb_status entry_line(parser *p, char **fields, size_t n_fields)
{
    static const size_t min_fields[] = {2, 2, 1, 3, 2};
    static const size_t max_fields[] = {3, 2, 1, 4, 2};
    static const char *const usage[] = {
        "expected TERM<TAB>VALENCE[<TAB>NOTE] in a [valence] section",
        "expected TERM<TAB>WEIGHT in a [booster] section",
        "expected TERM alone in a [negator] section",
        "expected TERM<TAB>BEFORE<TAB>AFTER[<TAB>MAIN] in a [contrast] section",
        "expected TERM<TAB>VALENCE in an [excess] section",
    };
    if (n_fields < min_fields[p->kind] || n_fields > max_fields[p->kind])
        return bad(p, "%s", usage[p->kind]);
    size_t len = strlen(fields[0]);
    size_t n_words = check_term(p, fields[0], len);
    if (n_words == 0)
        return VB_EPARSE;
    if (n_words > 1 && (p->kind == KIND_CONTRAST || p->kind == KIND_EXCESS))
        return bad(p, "%s", "contrast and excess terms must be single words");

    float v[3] = {0, 0, 0};
    switch (p->kind) {
    case KIND_VALENCE:
    case KIND_EXCESS:
        if (number(p, fields[1], -4, 4, "valence", &v[0]) != VB_OK)
            return VB_EPARSE;
        break;
    case KIND_BOOSTER:
        if (number(p, fields[1], -2, 2, "weight", &v[0]) != VB_OK)
            return VB_EPARSE;
        break;
    case KIND_CONTRAST:
        /* Only BEFORE may be negative: it turns (contrast.tsv, "until"). */
        for (size_t k = 1; k < n_fields; k++)
            if (number(p, fields[k], k == 1 ? -4 : 0, 4,
                       k == 1 ? "before" : k == 2 ? "after" : "main", &v[k - 1]) != VB_OK)
                return VB_EPARSE;
        break;
    case KIND_NEGATOR:
        break;
    }

    vb_senti_entry *e = intern(p->lex, fields[0], len);
    if (e == NULL)
        goto oom;
    if (n_words > 1) {
        e->flags |= VB_LEX_PHRASE;
        /* The first word must know how long a phrase may start with it. */
        const char *space = memchr(fields[0], ' ', len);
        vb_senti_entry *first = intern(p->lex, fields[0], (size_t)(space - fields[0]));
        if (first == NULL)
            goto oom;
        e = (vb_senti_entry *)vb_senti_lex_get(p->lex, fields[0], len); /* entries may move */
        if (first->max_words < n_words)
            first->max_words = (uint32_t)n_words;
        first->phrase_words |= 1u << n_words;
        first->next_bytes |= (uint64_t)1 << ((unsigned char)space[1] & 63);
        const char *second_end = memchr(space + 1, ' ', len - (size_t)(space + 1 - fields[0]));
        const size_t pair_len = second_end != NULL ? (size_t)(second_end - fields[0]) : len;
        const size_t bit = (size_t)vb_senti_hash(fields[0], pair_len) & (PAIR_BITS - 1);
        p->lex->pairs[bit / 64] |= (uint64_t)1 << (bit % 64);
    }
    switch (p->kind) {
    case KIND_VALENCE:
        e->flags = (e->flags & ~(uint32_t)(VB_LEX_CX | VB_LEX_USER)) | VB_LEX_VALENCE |
                   (p->origin == ORIGIN_CX ? VB_LEX_CX : 0) |
                   (p->origin == ORIGIN_USER ? VB_LEX_USER : 0);
        e->valence = v[0];
        break;
    case KIND_BOOSTER:
        e->flags |= VB_LEX_BOOSTER;
        e->boost = v[0];
        break;
    case KIND_NEGATOR:
        e->flags |= VB_LEX_NEGATOR;
        break;
    case KIND_CONTRAST:
        e->flags |= VB_LEX_CONTRAST;
        e->before = v[0];
        e->after = v[1];
        e->main = v[2];
        break;
    case KIND_EXCESS:
        e->flags |= VB_LEX_EXCESS;
        e->excess = v[0];
        break;
    }
    return VB_OK;
oom:
    vb_error_set(p->err, VB_ENOMEM, p->path, p->line_no, "out of memory");
    return VB_ENOMEM;
}

static vb_status section_line(parser *p, char *line, size_t len)
{
    if (len < 3 || line[len - 1] != ']')
        return bad(p, "%s", "a section line must look like [valence]");
    line[len - 1] = '\0';
    for (size_t k = 0; k < sizeof kind_names / sizeof kind_names[0]; k++) {
        if (strcmp(line + 1, kind_names[k]) == 0) {
            p->kind = (kind)k;
            return VB_OK;
        }
    }
    return bad(p, "unknown section [%s] (valence, booster, negator, contrast, excess)", line + 1);
}

/* Parses the NUL-terminated contents of one file, line by line, in place. */
static vb_status parse(parser *p, char *text, size_t len)
{
    char *end = text + len;
    for (char *line = text; line < end;) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        char *stop = nl != NULL ? nl : end;
        char *next = nl != NULL ? nl + 1 : end;
        if (stop > line && stop[-1] == '\r')
            stop--;
        *stop = '\0';
        p->line_no++;
        size_t line_len = (size_t)(stop - line);
        if (p->line_no == 1 && line_len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            line += 3; /* a byte-order mark */
            line_len -= 3;
        }
        if (line_len == 0 || line[0] == '#') {
            line = next;
            continue;
        }
        if (line[0] == '[' && memchr(line, '\t', line_len) == NULL) {
            vb_status st = section_line(p, line, line_len);
            if (st != VB_OK)
                return st;
            line = next;
            continue;
        }
        char *fields[MAX_FIELDS + 1];
        size_t n_fields = 0;
        for (char *f = line;;) {
            if (n_fields == MAX_FIELDS + 1)
                return bad(p, "%s", "too many fields");
            fields[n_fields++] = f;
            char *tab = strchr(f, '\t');
            if (tab == NULL)
                break;
            *tab = '\0';
            f = tab + 1;
        }
        /* Trailing empty fields (a stray tab) are tolerated. */
        while (n_fields > 1 && fields[n_fields - 1][0] == '\0')
            n_fields--;
        if (n_fields > MAX_FIELDS)
            return bad(p, "%s", "too many fields");
        vb_status st = entry_line(p, fields, n_fields);
        if (st != VB_OK)
            return st;
        line = next;
    }
    return VB_OK;
}

/* Reads and parses one file. A missing optional file is not an error. */
static vb_status load_file(vb_senti_lex *lex, const char *path, kind k, origin o, bool optional,
                           vb_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        if (optional && errno == ENOENT)
            return VB_OK;
        vb_error_set(err, VB_EIO, path, 0, "cannot open: %s", strerror(errno));
        return VB_EIO;
    }
    vb_buf b;
    vb_buf_init(&b, lex->alloc, MAX_FILE_BYTES);
    vb_status st = VB_OK;
    for (;;) {
        st = vb_buf_reserve(&b, 65536);
        if (st != VB_OK)
            break;
        size_t n = fread(b.data + b.len, 1, 65536, f);
        b.len += n;
        b.data[b.len] = '\0';
        if (n < 65536)
            break;
    }
    if (st == VB_OK && ferror(f)) {
        st = VB_EIO;
        vb_error_set(err, st, path, 0, "read error: %s", strerror(errno)); /* a directory: EISDIR */
    } else if (st != VB_OK) {
        vb_error_set(err, st, path, 0, "%s",
                     st == VB_ELIMIT ? "file larger than 64 MiB" : "out of memory");
    }
    fclose(f);
    if (st == VB_OK) {
        parser p = {lex, path, 0, k, o, err};
        st = parse(&p, b.data, b.len);
    }
    vb_buf_free(&b);
    return st;
}

/* The entry of `term` (`len` bytes) if there is one, else a new one
 * marked VB_LEX_UNLISTED, which lookups treat as absent. NULL: out of
 * memory. */
static vb_senti_entry *intern_unlisted(vb_senti_lex *lex, const char *term, size_t len)
{
    vb_senti_entry *e = find_mut(lex, vb_senti_hash(term, len), term, len);
    if (e != NULL)
        return e;
    e = intern(lex, term, len);
    if (e != NULL) {
        e->flags = VB_LEX_UNLISTED;
        lex->n_unfiled++;
    }
    return e;
}

/* Gives every word the rules name its id (rule_words.h), so the sentiment
 * stage tests words by id; a word no file lists gets an entry of its own,
 * marked VB_LEX_UNLISTED so that lookups still treat it as absent. A word
 * a rule may score (RWSET_SCORED) and no file gives a role gets a neutral
 * valence instead, which makes it a candidate: its rule then works
 * whatever the files list. */
static vb_status name_rule_words(vb_senti_lex *lex)
{
#define VB_RULE_WORD_TEXT(id, text, sets) text,
    static const char *const texts[RW_COUNT] = {NULL, VB_RULE_WORDS(VB_RULE_WORD_TEXT)};
#undef VB_RULE_WORD_TEXT
    for (uint32_t id = 1; id < RW_COUNT; id++) {
        vb_senti_entry *e = intern_unlisted(lex, texts[id], strlen(texts[id]));
        if (e == NULL)
            return VB_ENOMEM;
        e->word = id;
        /* No role yet: in no file, or only the first word of phrases. */
        if ((vb_rule_word_sets(id) & RWSET_SCORED) && (e->flags & ~(uint32_t)VB_LEX_UNLISTED) == 0) {
            e->flags = VB_LEX_VALENCE;
            e->valence = 0.0;
        }
    }
    return VB_OK;
}

/* Gives the second word of every phrase an entry (intern_unlisted()) and
 * sets the bit of its hash in the first word's next_words: the sentiment
 * stage then turns a phrase candidate away on the entry the text stage
 * already found for the next word, or on its having none. */
static vb_status link_second_words(vb_senti_lex *lex)
{
    const size_t n = lex->n_entries; /* interning adds entries; phrases are all before */
    for (size_t k = 0; k < n; k++) {
        if (!(lex->entries[k].flags & VB_LEX_PHRASE))
            continue;
        const char *term = lex->entries[k].term;
        const size_t len = lex->entries[k].term_len;
        const char *space = memchr(term, ' ', len);
        const char *second = space + 1;
        const size_t rest = len - (size_t)(second - term); /* bytes from the second word on */
        const char *end = memchr(second, ' ', rest);
        const size_t second_len = end != NULL ? (size_t)(end - second) : rest;
        const vb_senti_entry *w = intern_unlisted(lex, second, second_len);
        if (w == NULL)
            return VB_ENOMEM;
        /* Looked up after interning, which may move the entries. */
        vb_senti_entry *first = find_mut(lex, vb_senti_hash(term, (size_t)(space - term)), term,
                                         (size_t)(space - term));
        first->next_words |= (uint64_t)1 << (w->hash & 63);
    }
    return VB_OK;
}

/* Marks the terms that end in "n't" and sets up the entry shared by the
 * words in no file that do (see vb_senti_lex_is_contrast()). */
static void mark_nt(vb_senti_lex *lex)
{
    for (size_t k = 0; k < lex->n_entries; k++) {
        vb_senti_entry *e = &lex->entries[k];
        e->ends_nt = vb_senti_ends_nt(e->term, e->term_len);
    }
    lex->nt_word = (vb_senti_entry){.term = "n't", .term_len = 3, .flags = VB_LEX_UNLISTED,
                                    .hash = vb_senti_hash("n't", 3), .ends_nt = true};
}

vb_senti_lex *vb_senti_lex_load(const char *lang_dir, const char *const *user_files,
                                size_t n_user, const vb_allocator *a, vb_error *err)
{
    a = vb_allocator_or_default(a);
    vb_senti_lex *lex = vb_calloc(a, 1, sizeof *lex);
    if (lex == NULL) {
        vb_error_set(err, VB_ENOMEM, lang_dir, 0, "out of memory");
        return NULL;
    }
    lex->alloc = a;
    vb_arena_init(&lex->strings, a, 64 * 1024);

    char path[4096];
    for (size_t k = 0; k < sizeof shipped / sizeof shipped[0]; k++) {
        int n = snprintf(path, sizeof path, "%s/%s", lang_dir, shipped[k].name);
        if (n < 0 || (size_t)n >= sizeof path) {
            vb_error_set(err, VB_EINVAL, lang_dir, 0, "path too long");
            goto fail;
        }
        if (load_file(lex, path, shipped[k].kind, shipped[k].origin, true, err) != VB_OK)
            goto fail;
    }
    for (size_t k = 0; k < n_user; k++)
        if (load_file(lex, user_files[k], KIND_VALENCE, ORIGIN_USER, false, err) != VB_OK)
            goto fail;
    if (name_rule_words(lex) != VB_OK || link_second_words(lex) != VB_OK) {
        vb_error_set(err, VB_ENOMEM, lang_dir, 0, "out of memory");
        goto fail;
    }
    mark_nt(lex);
    return lex;
fail:
    vb_senti_lex_free(lex);
    return NULL;
}

void vb_senti_lex_free(vb_senti_lex *lex)
{
    if (lex == NULL)
        return;
    vb_arena_free(&lex->strings);
    vb_free(lex->alloc, lex->entries);
    vb_free(lex->alloc, lex->slots);
    vb_free(lex->alloc, lex);
}
