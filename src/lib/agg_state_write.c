/* agg_state_write.c: a vb_agg's state as text (agg_state.h has the
 * format).
 *
 * The writing is canonical: themes depth first, siblings by id; periods
 * and segments by key; only non-zero cells and entries. So two states with
 * the same figures are the same bytes, however the input was split.
 */
#include "agg.h"
#include "agg_state.h"

#include "alloc.h"
#include "buf.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLUSH_BYTES ((size_t)64 << 10)

/* ---- Numbers as text --------------------------------------------------------- */

static const char hex_digits[] = "0123456789abcdef";

/* A double as an exact hex float, "-0x1.8p+1", without the locale. */
static size_t format_double(double v, char out[40])
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int biased = (int)((bits >> 52) & 0x7ff);
    uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
    if (biased == 0x7ff) biased = frac = 0; /* never written: the values are finite */
    /* normal: 0x1.frac p(biased - 1023); subnormal: 0x0.frac p-1022; 0x0p+0 */
    const int e = biased != 0 ? biased - 1023 : frac != 0 ? -1022 : 0;
    size_t n = 0;
    if (bits >> 63) out[n++] = '-';
    out[n++] = '0';
    out[n++] = 'x';
    out[n++] = biased != 0 ? '1' : '0';
    if (frac != 0) {
        out[n++] = '.';
        for (int d = 12; d >= 0 && frac != 0; d--) { /* no trailing zeros */
            out[n++] = hex_digits[(frac >> (d * 4)) & 15];
            frac &= ((uint64_t)1 << (d * 4)) - 1;
        }
    }
    n += (size_t)snprintf(out + n, 40 - n, "p%+d", e);
    return n;
}

/* ---- Writing ------------------------------------------------------------------ */

typedef struct writer {
    vb_buf out;
    vb_write_fn write;
    void *ctx;
    vb_status st;
} writer;

static void put(writer *w, const char *s, size_t n)
{
    if (w->st == VB_OK) w->st = vb_buf_append(&w->out, s, n);
}

static void puts_(writer *w, const char *s)
{
    put(w, s, strlen(s));
}

static void end_line(writer *w)
{
    put(w, "\n", 1);
    if (w->st == VB_OK && w->out.len >= FLUSH_BYTES) {
        w->st = w->write(w->out.data, w->out.len, w->ctx);
        vb_buf_reset(&w->out);
    }
}

static void put_u64(writer *w, uint64_t v)
{
    char s[32];
    put(w, s, (size_t)snprintf(s, sizeof s, " %" PRIu64, v));
}

static void put_i64(writer *w, int64_t v)
{
    char s[32];
    put(w, s, (size_t)snprintf(s, sizeof s, " %" PRId64, v));
}

static void put_xsum(writer *w, const vb_xsum *x)
{
    char s[VB_XSUM_TEXT_MAX];
    put(w, " ", 1);
    put(w, s, vb_xsum_format(x, s));
}

static void put_double(writer *w, double v)
{
    char s[40];
    put(w, " ", 1);
    put(w, s, format_double(v, s));
}

/* " \"...\"", or " -" for NULL. */
static void put_string(writer *w, const char *s, size_t len)
{
    if (s == NULL) {
        put(w, " -", 2);
        return;
    }
    put(w, " \"", 2);
    size_t run = 0; /* bytes copied as they are, not yet put */
    for (size_t i = 0; i < len; i++) {
        const unsigned char c = (unsigned char)s[i];
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n"
                          : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
        char hex[5];
        if (esc == NULL && (c < 0x20 || c == 0x7f)) {
            hex[0] = '\\';
            hex[1] = 'x';
            hex[2] = hex_digits[c >> 4];
            hex[3] = hex_digits[c & 15];
            hex[4] = '\0';
            esc = hex;
        }
        if (esc == NULL) {
            run++;
            continue;
        }
        put(w, s + i - run, run);
        run = 0;
        puts_(w, esc);
    }
    put(w, s + len - run, run);
    put(w, "\"", 1);
}

static void put_cstring(writer *w, const char *s)
{
    put_string(w, s, s != NULL ? strlen(s) : 0);
}

typedef struct id_ref {
    const char *id;
    uint32_t index;
} id_ref;

static int cmp_id(const void *a, const void *b)
{
    const id_ref *x = a, *y = b;
    const int c = strcmp(x->id, y->id);
    return c != 0 ? c : (x->index > y->index) - (x->index < y->index);
}

/* The canonical order of the themes: depth first, siblings by id. Fills
 * order[rank] = theme index and rank_of[theme] = rank (n entries each). */
static vb_status theme_order(const vb_agg *agg, uint32_t *order, uint32_t *rank_of)
{
    const vb_allocator *a = &agg->alloc;
    const size_t n = agg->n_themes;
    id_ref *refs = vb_calloc(a, n + 1, sizeof *refs);
    /* The children of theme p (slot p + 1; slot 0: the top level) are
     * kids[first[slot] .. first[slot + 1]), by id. */
    uint32_t *first = vb_calloc(a, n + 2, sizeof *first);
    uint32_t *filled = vb_calloc(a, n + 1, sizeof *filled);
    uint32_t *kids = vb_calloc(a, n + 1, sizeof *kids);
    uint32_t *stack = vb_calloc(a, n + 1, sizeof *stack);
    vb_status st = VB_ENOMEM;
    if (refs == NULL || first == NULL || filled == NULL || kids == NULL || stack == NULL)
        goto done;
    for (size_t t = 0; t < n; t++)
        refs[t] = (id_ref){agg->themes[t].id, (uint32_t)t};
    qsort(refs, n, sizeof *refs, cmp_id);
    for (size_t t = 0; t < n; t++)
        first[agg->themes[t].parent + 1]++;
    for (size_t slot = 0, sum = 0; slot <= n + 1; slot++) { /* counts to starts */
        const uint32_t c = slot <= n ? first[slot] : 0;
        first[slot] = (uint32_t)sum;
        sum += c;
    }
    for (size_t i = 0; i < n; i++) { /* in id order, so each slot is sorted */
        const size_t slot = (size_t)(agg->themes[refs[i].index].parent + 1);
        kids[first[slot] + filled[slot]++] = refs[i].index;
    }
    /* Depth first, each theme pushed once. */
    size_t sp = 0, k = 0;
    for (uint32_t i = first[1]; i > first[0]; i--)
        stack[sp++] = kids[i - 1];
    while (sp > 0) {
        const uint32_t t = stack[--sp];
        order[k] = t;
        rank_of[t] = (uint32_t)k++;
        for (uint32_t i = first[t + 2]; i > first[t + 1]; i--)
            stack[sp++] = kids[i - 1];
    }
    st = k == n ? VB_OK : VB_EINVAL; /* a cycle: impossible in an agg */
done:
    vb_free(a, refs);
    vb_free(a, first);
    vb_free(a, filled);
    vb_free(a, kids);
    vb_free(a, stack);
    return st;
}

static int cmp_group(const void *a, const void *b)
{
    const vb_agg_group *x = *(const vb_agg_group *const *)a, *y = *(const vb_agg_group *const *)b;
    const int c = memcmp(x->key, y->key, x->key_len < y->key_len ? x->key_len : y->key_len);
    return c != 0 ? c : (x->key_len > y->key_len) - (x->key_len < y->key_len);
}

static bool cell_is_zero(const vb_agg_cell *c)
{
    static const vb_agg_cell zero;
    return memcmp(c, &zero, sizeof zero) == 0;
}

static void write_group(writer *w, const vb_agg *agg, const char *kind, const vb_agg_group *g,
                        const uint32_t *order)
{
    size_t n_cells = 0;
    vb_agg_cell c;
    for (size_t k = 0; k < agg->n_themes; k++) {
        vb_agg_cell_total(agg, g, order[k], &c);
        n_cells += !cell_is_zero(&c);
    }
    puts_(w, "group ");
    puts_(w, kind);
    put_string(w, g->key != NULL ? g->key : "", g->key_len);
    put_u64(w, g->records);
    put_u64(w, g->score.n);
    put_u64(w, n_cells);
    end_line(w);
    puts_(w, "sums");
    for (size_t i = 0; i < VB_GROUP_SUMS; i++) {
        vb_xsum sum;
        vb_agg_group_sum(g, i, &sum);
        put_xsum(w, &sum);
    }
    end_line(w);
    for (size_t k = 0; k < agg->n_themes; k++) {
        vb_agg_cell_total(agg, g, order[k], &c);
        if (cell_is_zero(&c)) continue;
        puts_(w, "cell");
        put_u64(w, k);
        put_u64(w, c.mentions);
        put_i64(w, c.sent_sum);
        put_u64(w, c.score.n);
        for (size_t i = 0; i < VB_CELL_SUMS; i++) {
            vb_xsum sum;
            vb_agg_cell_sum(&c, i, &sum);
            put_xsum(w, &sum);
        }
        end_line(w);
    }
}

static vb_status write_groups(writer *w, const vb_agg *agg, const char *kind,
                              const vb_agg_groups *gs, const uint32_t *order)
{
    const vb_agg_group **sorted = vb_calloc(&agg->alloc, gs->n + 1, sizeof *sorted);
    if (sorted == NULL) return VB_ENOMEM;
    for (size_t i = 0; i < gs->n; i++)
        sorted[i] = gs->items[i];
    qsort(sorted, gs->n, sizeof *sorted, cmp_group);
    for (size_t i = 0; i < gs->n; i++)
        write_group(w, agg, kind, sorted[i], order);
    vb_free(&agg->alloc, sorted);
    return VB_OK;
}

static void write_quotes(writer *w, size_t rank, const vb_quote_list *l, const char *dir)
{
    if (l->n == 0) return;
    puts_(w, "quotes");
    put_u64(w, rank);
    puts_(w, dir);
    put_u64(w, l->n);
    end_line(w);
    for (size_t i = 0; i < l->n; i++) {
        const vb_quote *q = vb_quote_list_at(l, i);
        char key[24];
        snprintf(key, sizeof key, " %016" PRIx64, q->key);
        puts_(w, "quote");
        puts_(w, key);
        put_u64(w, q->full_len);
        put_double(w, q->sentiment);
        if (q->has_time)
            put_i64(w, q->time);
        else
            put(w, " -", 2);
        put_u64(w, q->n_spans);
        for (size_t s = 0; s < q->n_spans; s++) {
            put_u64(w, q->spans[s].start);
            put_u64(w, q->spans[s].end);
        }
        put_string(w, q->segment, q->segment_len);
        put_string(w, q->id, q->id_len);
        put_string(w, q->text, q->len);
        end_line(w);
    }
}

/* "keyword N" */
static void count_line(writer *w, const char *keyword, uint64_t n)
{
    puts_(w, keyword);
    put_u64(w, n);
    end_line(w);
}

/* "keyword word": a name the reader matches as written. */
static void word_line(writer *w, const char *keyword, const char *word)
{
    puts_(w, keyword);
    puts_(w, " ");
    puts_(w, word);
    end_line(w);
}

static void write_options(writer *w, const vb_agg *agg)
{
    const vb_report_options *o = &agg->opts;
    char line[64];
    snprintf(line, sizeof line, VB_STATE_MAGIC " %d\n", VB_STATE_VERSION);
    puts_(w, line);
    word_line(w, "metric", vb_metric_name(o->metric));
    puts_(w, "scale");
    put_double(w, o->scale_min);
    put_double(w, o->scale_max);
    end_line(w);
    count_line(w, "top-box", o->top_box);
    count_line(w, "lower-is-better", o->lower_is_better);
    word_line(w, "period", vb_period_name(o->period));
    const char *const names[] = {"score-col", "date-col", "segment-col", "weight-col"};
    const char *const cols[] = {o->score_col, o->date_col, o->segment_col, o->weight_col};
    for (size_t i = 0; i < 4; i++) {
        puts_(w, names[i]);
        put_cstring(w, cols[i]);
        end_line(w);
    }
    char fp[24];
    snprintf(fp, sizeof fp, "%016" PRIx64, agg->taxonomy);
    word_line(w, "taxonomy", !agg->taxonomy_known ? "-" : agg->taxonomy == 0 ? "none" : fp);
    puts_(w, "rejected");
    put_u64(w, agg->scores_rejected);
    put_u64(w, agg->dates_rejected);
    end_line(w);
    count_line(w, "records-rejected", agg->records_rejected);
}

vb_status vb_agg_write_state(const vb_agg *agg, vb_write_fn write, void *ctx)
{
    const vb_allocator *a = &agg->alloc;
    const size_t n = agg->n_themes;
    writer w = {.write = write, .ctx = ctx, .st = VB_OK};
    vb_buf_init(&w.out, a, (size_t)-1 / 2);
    uint32_t *order = vb_calloc(a, n + 1, sizeof *order);
    uint32_t *rank_of = vb_calloc(a, n + 1, sizeof *rank_of);
    if (order == NULL || rank_of == NULL) {
        w.st = VB_ENOMEM;
        goto done;
    }
    if ((w.st = theme_order(agg, order, rank_of)) != VB_OK) goto done;

    write_options(&w, agg);
    puts_(&w, "themes");
    put_u64(&w, n);
    end_line(&w);
    for (size_t k = 0; k < n; k++) {
        const vb_agg_theme *t = &agg->themes[order[k]];
        puts_(&w, "theme");
        put_u64(&w, k);
        if (t->parent >= 0)
            put_u64(&w, rank_of[t->parent]);
        else
            put(&w, " -", 2);
        put_cstring(&w, t->id);
        put_cstring(&w, t->label);
        end_line(&w);
    }

    puts_(&w, "groups");
    put_u64(&w, agg->periods.n);
    put_u64(&w, agg->segments.n);
    end_line(&w);
    write_group(&w, agg, "overall", &agg->overall, order);
    if (w.st == VB_OK) w.st = write_groups(&w, agg, "period", &agg->periods, order);
    if (w.st == VB_OK) w.st = write_groups(&w, agg, "segment", &agg->segments, order);

    for (size_t k = 0; k < n; k++) {
        write_quotes(&w, k, &agg->themes[order[k]].pos, " +");
        write_quotes(&w, k, &agg->themes[order[k]].neg, " -");
    }

    size_t n_sxx = 0;
    for (size_t s = 0; s < n; s++)
        for (size_t t = 0; t < n; t++) {
            vb_xsum x;
            vb_agg_sxx_exact(agg, s, t, &x);
            n_sxx += !vb_xsum_is_zero(&x);
        }
    puts_(&w, "drivers");
    put_u64(&w, n_sxx);
    end_line(&w);
    for (size_t s = 0; s < n; s++)
        for (size_t t = 0; t < n; t++) {
            vb_xsum x;
            vb_agg_sxx_exact(agg, order[s], order[t], &x);
            if (vb_xsum_is_zero(&x)) continue;
            puts_(&w, "sxx");
            put_u64(&w, s);
            put_u64(&w, t);
            put_xsum(&w, &x);
            end_line(&w);
        }
    puts_(&w, "end\n");
    if (w.st == VB_OK && w.out.len > 0) w.st = write(w.out.data, w.out.len, ctx);
done:
    vb_free(a, order);
    vb_free(a, rank_of);
    vb_buf_free(&w.out);
    return w.st;
}
