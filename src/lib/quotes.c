/* quotes.c: representative comments per theme, as mergeable top-k lists.
 *
 * Each theme keeps two lists, its most positive and its most negative
 * mentions; report.c picks from the one that matches the theme's
 * direction, which is only known at the end. A list holds the best
 * VB_QUOTE_KEEP distinct comments (distinct = different folded text) under
 * a total order, so adding comments one by one, or merging two lists,
 * always ends with the same list: top-k of the best copy of each comment.
 * Long comments are cut to an excerpt around the theme's first match.
 */
#include "quotes.h"

#include "alloc.h"

#include <limits.h>
#include <string.h>

/* A byte as fold_key() hashes it: letters lower-cased, digits and
 * non-ASCII bytes (so accented words stay whole) as they are, anything
 * else 0 (a separator). */
static const unsigned char folded[256] = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F,
    0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF,
    0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF,
    0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF,
    0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF,
    0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF,
};

static bool is_word_byte(unsigned char c)
{
    return folded[c] != 0;
}

/* FNV-1a over the words, ASCII lower-cased, with one separator for each
 * run of anything else: "Late!!  delivery" == "late delivery". */
static uint64_t fold_key(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u;
    bool gap = false;
    for (size_t i = 0; i < len; i++) {
        const unsigned char c = folded[(unsigned char)s[i]];
        if (c == 0) {
            gap = true;
            continue;
        }
        if (gap) {
            h = (h ^ ' ') * 1099511628211u;
            gap = false;
        }
        h = (h ^ c) * 1099511628211u;
    }
    return h;
}

#define SHORT_QUOTE_BYTES 200

/* Sentiment in the list's direction, in steps of 0.25: within a step,
 * shorter and newer comments win. */
static int strength(double sentiment, int dir)
{
    const double s = sentiment * dir * 4 + 1e-9;
    /* floor() without the call: every offer ranks here, most stop here */
    if (!(s > -0x1p30 && s < 0x1p30)) return s > 0 ? INT_MAX : INT_MIN;
    const int i = (int)s; /* truncated: one above floor() for a negative fraction */
    return i - (s < (double)i);
}

static int bytes_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    return c != 0 ? c : alen < blen ? -1 : alen > blen ? 1 : 0;
}

static vb_quote_rank make_rank(double sentiment, size_t full_len, bool has_time, int64_t time,
                               int dir)
{
    return (vb_quote_rank){.strength = strength(sentiment, dir),
                           .is_short = full_len <= SHORT_QUOTE_BYTES,
                           .has_time = has_time,
                           .time = time};
}

static vb_quote_rank quote_rank(const vb_quote *q, int dir)
{
    return make_rank(q->sentiment, q->full_len, q->has_time, q->time, dir);
}

static int compare_ranks(const vb_quote_rank *a, const vb_quote_rank *b)
{
    if (a->strength != b->strength) return a->strength > b->strength ? -1 : 1;
    if (a->is_short != b->is_short) return a->is_short ? -1 : 1;
    if (a->has_time != b->has_time) return a->has_time ? -1 : 1;
    if (a->has_time && a->time != b->time) return a->time > b->time ? -1 : 1;
    return 0;
}

/* The total order of a list: stronger, then short enough to read at a
 * glance, then newer, then the folded text's key, then the id, then the
 * text and the theme's spans, so that two copies of one comment that
 * differ anywhere never tie (a tie would keep whichever came first, and
 * a merge could then differ from one pass). */
static int compare_rank(const vb_quote *a, const vb_quote *b, int dir)
{
    const vb_quote_rank ra = quote_rank(a, dir), rb = quote_rank(b, dir);
    return compare_ranks(&ra, &rb);
}

static int compare(const vb_quote *a, const vb_quote *b, int dir)
{
    int c = compare_rank(a, b, dir);
    if (c != 0) return c;
    /* Kept quotes are excerpts: compare what an excerpt keeps of the
     * whole comment, its length and folded key. */
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    c = bytes_cmp(a->id, a->id_len, b->id, b->id_len);
    if (c == 0 && a->segment != b->segment) {
        if (a->segment == NULL || b->segment == NULL) return a->segment == NULL ? -1 : 1;
        c = bytes_cmp(a->segment, a->segment_len, b->segment, b->segment_len);
    }
    if (c == 0) c = bytes_cmp(a->text, a->len, b->text, b->len);
    if (c != 0) return c;
    if (a->n_spans != b->n_spans) return a->n_spans < b->n_spans ? -1 : 1;
    for (size_t i = 0; i < a->n_spans; i++) {
        if (a->spans[i].start != b->spans[i].start)
            return a->spans[i].start < b->spans[i].start ? -1 : 1;
        if (a->spans[i].end != b->spans[i].end)
            return a->spans[i].end < b->spans[i].end ? -1 : 1;
    }
    return 0;
}

bool vb_quote_before(const vb_quote *a, const vb_quote *b, int dir)
{
    return compare(a, b, dir) < 0;
}

static void quote_free(const vb_allocator *a, vb_quote *q)
{
    vb_free(a, q->text); /* the id and segment too: see own_strings() */
    memset(q, 0, sizeof *q);
}

/* Copies `len` bytes of `s` to `to`, NUL-terminated; returns the byte
 * after the NUL. */
static char *put_string(char *to, const char *s, size_t len)
{
    memcpy(to, s, len);
    to[len] = '\0';
    return to + len + 1;
}

/* Gives `q` one block for its text (q->len bytes, filled by the caller)
 * and copies of `id` and `segment` (NULL: none), each NUL-terminated: one
 * allocation, as a kept quote is replaced about once a record in an
 * export sorted by date. */
static vb_status own_strings(const vb_allocator *a, vb_quote *q, const char *id, size_t id_len,
                             const char *segment, size_t segment_len)
{
    q->id = q->segment = NULL;
    const size_t seg_bytes = segment != NULL ? segment_len + 1 : 0;
    q->text = vb_malloc(a, q->len + 1 + id_len + 1 + seg_bytes);
    if (q->text == NULL) return VB_ENOMEM;
    q->text[q->len] = '\0';
    q->id = q->text + q->len + 1;
    q->id_len = id_len;
    char *end = put_string(q->id, id, id_len);
    q->segment_len = segment != NULL ? segment_len : 0;
    if (segment != NULL) {
        q->segment = end;
        put_string(q->segment, segment, segment_len);
    }
    return VB_OK;
}

void vb_quote_list_free(const vb_allocator *a, vb_quote_list *l)
{
    for (size_t s = 0; s < l->n; s++)
        quote_free(a, &l->items[s]);
    l->n = 0;
}

/* Start of the UTF-8 sequence holding byte `i`. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Makes `q` an owned excerpt of the offer: the whole text when short,
 * else VB_QUOTE_MAX_BYTES around the first span, cut at spaces. */
static vb_status copy_excerpt(const vb_allocator *a, const vb_quote_offer *o, vb_quote *q)
{
    size_t from = 0, to = o->len;
    if (o->len > VB_QUOTE_MAX_BYTES) {
        size_t anchor = o->n_spans > 0 && o->spans[0].start < o->len ? o->spans[0].start : 0;
        from = anchor > VB_QUOTE_MAX_BYTES / 3 ? anchor - VB_QUOTE_MAX_BYTES / 3 : 0;
        if (from > 0) {
            size_t sp = from;
            while (sp < anchor && o->text[sp] != ' ')
                sp++;
            from = sp < anchor ? sp + 1 : char_start(o->text, from);
        }
        to = from + VB_QUOTE_MAX_BYTES < o->len ? from + VB_QUOTE_MAX_BYTES : o->len;
        if (to < o->len) {
            size_t sp = to;
            while (sp > from + VB_QUOTE_MAX_BYTES / 2 && o->text[sp] != ' ')
                sp--;
            to = o->text[sp] == ' ' ? sp : char_start(o->text, to);
        }
    }
    static const char ellipsis[] = "\xE2\x80\xA6"; /* … */
    const size_t pre = from > 0 ? 3 : 0, post = to < o->len ? 3 : 0;
    q->len = pre + (to - from) + post;
    if (own_strings(a, q, o->id != NULL ? o->id : "", o->id != NULL ? o->id_len : 0, o->segment,
                    o->segment_len) != VB_OK)
        return VB_ENOMEM;
    memcpy(q->text, ellipsis, pre);
    memcpy(q->text + pre, o->text + from, to - from);
    memcpy(q->text + pre + (to - from), ellipsis, post);
    q->n_spans = 0;
    for (size_t i = 0; i < o->n_spans && q->n_spans < VB_QUOTE_SPANS; i++) {
        size_t s = o->spans[i].start, e = o->spans[i].end;
        if (e > to) e = to;
        if (s < from || s >= e) continue;
        /* Spans come from the caller or a JSON file: one that does not
         * start and end on character boundaries is dropped, so that no
         * renderer that marks spans splits a character. */
        if (((unsigned char)o->text[s] & 0xC0) == 0x80 ||
            (e < to && ((unsigned char)o->text[e] & 0xC0) == 0x80))
            continue;
        q->spans[q->n_spans].start = s - from + pre;
        q->spans[q->n_spans].end = e - from + pre;
        q->n_spans++;
    }
    return VB_OK;
}

/* Puts `cand` (its key, sentiment, time, text and id set; text not yet
 * owned) into `l` if it belongs there. `own` makes the owned copy. */
typedef vb_status (*own_fn)(const vb_allocator *a, const void *src, vb_quote *q);

/* Takes the i-th best out of `l`, freeing it; returns its slot. */
static size_t list_remove(const vb_allocator *a, vb_quote_list *l, size_t i)
{
    const size_t slot = l->order[i];
    quote_free(a, &l->items[slot]);
    memmove(&l->order[i], &l->order[i + 1], l->n - i - 1);
    l->n--;
    return slot;
}

/* Puts `q` (owned) into free slot `slot` of `l`, at its rank. */
static void list_insert(vb_quote_list *l, int dir, size_t slot, const vb_quote *q)
{
    size_t at = 0;
    while (at < l->n && compare(vb_quote_list_at(l, at), q, dir) < 0)
        at++;
    memmove(&l->order[at + 1], &l->order[at], l->n - at);
    l->order[at] = (uint8_t)slot;
    l->items[slot] = *q;
    l->keys[slot] = q->key;
    l->n++;
    l->last = quote_rank(vb_quote_list_at(l, l->n - 1), dir);
}

static vb_status offer(const vb_allocator *a, vb_quote_list *l, int dir, const vb_quote *cand,
                       own_fn own, const void *src)
{
    /* The same comment already kept: keep the better copy. Else a full
     * list's last gives way, if the candidate ranks above it. */
    size_t same = 0;
    while (same < l->n && l->keys[same] != cand->key)
        same++;
    size_t out = l->n; /* rank of the one it replaces, if any */
    if (same < l->n) {
        out = 0;
        while (l->order[out] != same)
            out++;
    } else if (l->n == VB_QUOTE_KEEP) {
        out = l->n - 1;
    }
    if (out < l->n && compare(cand, vb_quote_list_at(l, out), dir) >= 0) return VB_OK;
    vb_quote q = *cand;
    vb_status st = own(a, src, &q);
    if (st != VB_OK) {
        quote_free(a, &q);
        return st;
    }
    const size_t slot = out < l->n ? list_remove(a, l, out) : l->n;
    list_insert(l, dir, slot, &q);
    return VB_OK;
}

static vb_status own_offer(const vb_allocator *a, const void *src, vb_quote *q)
{
    q->text = q->id = q->segment = NULL;
    return copy_excerpt(a, src, q);
}

static vb_status own_copy(const vb_allocator *a, const void *src, vb_quote *q)
{
    const vb_quote *from = src;
    if (own_strings(a, q, from->id, from->id_len, from->segment, from->segment_len) != VB_OK)
        return VB_ENOMEM;
    memcpy(q->text, from->text, from->len);
    return VB_OK;
}

/* Whether offer `o` may enter list `l` of direction `dir`: not when the
 * list is full and `o` ranks below its last before the folded key is even
 * compared, for then it is below every kept comment, its own earlier copy
 * included, and offer() would leave the list as it is. Most comments stop
 * here, which spares hashing their text. */
static bool may_enter(const vb_quote_list *l, const vb_quote_offer *o, int dir)
{
    if (l->n < VB_QUOTE_KEEP) return true;
    const vb_quote_rank r = make_rank(o->sentiment, o->len, o->has_time, o->time, dir);
    return compare_ranks(&r, &l->last) <= 0;
}

vb_status vb_quote_offer_to(const vb_allocator *a, vb_agg_theme *t, vb_quote_offer *o)
{
    if (o->text == NULL || o->len == 0) return VB_OK;
    /* Compared before copying: the candidate borrows the offer's text. The
     * excerpt is a function of the text, so comparing the whole text ranks
     * the same comments the same way in every instance. */
    /* Ranked only in a direction it may go. */
    const bool to_pos = o->sentiment > -0.05 && may_enter(&t->pos, o, +1);
    const bool to_neg = o->sentiment < 0.05 && may_enter(&t->neg, o, -1);
    if (!to_pos && !to_neg) return VB_OK;
    vb_quote cand;
    memset(&cand, 0, sizeof cand); /* padding too: it is copied into the list */
    cand.full_len = o->len;
    cand.sentiment = o->sentiment;
    cand.has_time = o->has_time;
    cand.time = o->time;
    cand.text = (char *)o->text;
    cand.len = o->len;
    cand.id = (char *)(o->id != NULL ? o->id : "");
    cand.id_len = o->id != NULL ? o->id_len : 0;
    cand.segment = (char *)o->segment;
    cand.segment_len = o->segment_len;
    if (!o->has_key) {
        o->key = fold_key(o->text, o->len);
        o->has_key = true;
    }
    cand.key = o->key;
    if (to_pos) {
        vb_status st = offer(a, &t->pos, +1, &cand, own_offer, o);
        if (st != VB_OK) return st;
    }
    if (to_neg) return offer(a, &t->neg, -1, &cand, own_offer, o);
    return VB_OK;
}

vb_status vb_quote_merge_list(const vb_allocator *a, vb_quote_list *into, const vb_quote_list *from,
                              int dir)
{
    for (size_t i = 0; i < from->n; i++) {
        const vb_quote *q = vb_quote_list_at(from, i);
        vb_status st = offer(a, into, dir, q, own_copy, q);
        if (st != VB_OK) return st;
    }
    return VB_OK;
}

/* ---- Near duplicates ------------------------------------------------------ */

#define MAX_WORDS 64

static size_t word_hashes(const vb_quote *q, uint64_t *out)
{
    size_t n = 0, i = 0;
    while (i < q->len && n < MAX_WORDS) {
        while (i < q->len && !is_word_byte((unsigned char)q->text[i]))
            i++;
        size_t start = i;
        while (i < q->len && is_word_byte((unsigned char)q->text[i]))
            i++;
        if (i > start) {
            uint64_t h = fold_key(q->text + start, i - start);
            bool dup = false;
            for (size_t k = 0; k < n && !dup; k++)
                dup = out[k] == h;
            if (!dup) out[n++] = h;
        }
    }
    return n;
}

bool vb_quote_near_duplicate(const vb_quote *a, const vb_quote *b)
{
    if (a->key == b->key) return true;
    uint64_t wa[MAX_WORDS], wb[MAX_WORDS];
    size_t na = word_hashes(a, wa), nb = word_hashes(b, wb);
    if (na == 0 || nb == 0) return false;
    size_t common = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (wa[i] == wb[j]) {
                common++;
                break;
            }
    /* |A n B| / |A u B| >= 0.8 */
    return common * 5 >= (na + nb - common) * 4;
}
