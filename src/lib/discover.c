/* discover.c: theme discovery, downstream of the whole pipeline.
 *
 * Every analysed comment is cut into candidate phrases: runs of 1 to 3
 * consecutive word tokens inside one clause whose first and last words are
 * content words (not stopwords, not sentiment words, not generic English
 * such as "really" or "got"). A candidate's key is its stem sequence, so
 * "runs small" and "running small" count together; its display is the most
 * frequent lookup form. A comment counts once per candidate.
 *
 * Memory is fixed when the vb_discovery is made. Comment counts go through
 * Space-Saving (Metwally et al. 2005) over `max_candidates` slots: a
 * phrase not in a full table replaces the one with the smallest count and
 * inherits that count as its `error`, so each count overestimates the truth
 * by at most `error` <= N / max_candidates (N = comment-phrase pairs seen),
 * and every phrase with more than that many comments is in the table. Word
 * frequencies (for the collocation test) and, with `uncovered`, the counts
 * in the covered comments go to Count-Min sketches (Cormode and
 * Muthukrishnan 2005; 4 x 65536 counters, conservative update), which
 * overestimate by at most e/65536 of their total with probability 1 - e^-4.
 * Both errors make the scores below smaller, never larger.
 *
 * discover_rank.c then filters, scores (against discover_background.c's
 * general text, or the covered comments) and groups the candidates and
 * writes the themes.
 */
#include "discover_int.h"

#include "alloc.h"
#include "arena.h"
#include "ascii.h"
#include "buf.h"
#include "error.h"
#include "jsonw.h"
#include "issue.h"   /* a rejected score is described as a report describes it */
#include "lexicon.h" /* vb_senti_hash */
#include "metric.h"  /* vb_metric_spec: scores are read as a report reads them */
#include "score_words.h" /* ... and so are numbers with their answer's words */
#include "text.h"        /* vb_lang: the stemmer and folder of the language */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h> /* access */

/* ---- Statistics ---------------------------------------------------------- */

static double xlogx_over(double o, double e)
{
    return o > 0 && e > 0 ? o * log(o / e) : 0.0;
}

double vb_discover_g2(double a, double n1, double b, double n2)
{
    double n = n1 + n2, with = a + b, without = n - with;
    if (n1 <= 0 || n2 <= 0 || with <= 0 || without <= 0)
        return 0.0;
    double g = xlogx_over(a, n1 * with / n) + xlogx_over(n1 - a, n1 * without / n) +
               xlogx_over(b, n2 * with / n) + xlogx_over(n2 - b, n2 * without / n);
    return g > 0 ? 2.0 * g : 0.0;
}

double vb_discover_colloc_g2(double observed, double expected)
{
    if (observed <= expected || expected <= 0)
        return 0.0;
    return 2.0 * (observed * log(observed / expected) - (observed - expected));
}

/* ---- Generic English words ---------------------------------------------- */

/* Words that are neither stopwords (lexicons/en/stopwords.txt keeps
 * negations and contrast words on purpose) nor themes: negations,
 * contrast words, boosters, contractions written without the apostrophe,
 * adverbs and verbs that any text uses, the narration of a purchase
 * ("bought", "ordered"; the nouns "order" and "purchase" stay), the
 * "n't", "ve", "ll" and "re" of text tokenised as "do n't" and "i 've",
 * the "Pros:" and "Cons:" headings of review forms, and chat
 * abbreviations ("tbh", "imo"), which no general text lists. They may sit
 * inside a phrase ("fits true to size") but never start or end one.
 * Sorted for bsearch. */
static const char *const generic_en[] = {
    "able", "absolutely", "actually", "ago", "ain't", "almost", "along", "already", "also",
    "although", "always", "another", "anybody", "anyone", "anything", "anyway", "anywhere",
    "aren't", "around", "away", "back", "barely", "basically", "became", "become", "becomes",
    "bit", "bought", "btw", "but", "buy", "buying", "came", "can't", "cannot", "cant",
    "certainly", "come", "comes", "coming", "completely", "cons", "couldn't", "couldnt",
    "definitely", "did", "didn't", "didnt", "doesn't", "doesnt", "don't", "done", "dont",
    "either", "else", "enough", "especially", "etc", "even", "ever", "every", "everybody",
    "everyone", "everything", "except", "extremely", "fairly", "finally", "first", "forward",
    "fyi", "gave", "get", "gets", "getting", "give", "gives", "go", "goes", "going", "gone",
    "got", "gotten", "guess", "hadn't", "happen", "happened", "happening", "happens", "hardly",
    "hasn't", "haven't", "he'd", "he'll", "he's", "here's", "highly", "how's", "however", "i'd",
    "id", "idk", "im", "imho", "imo", "incredibly", "isn't", "isnt", "ive", "just", "kind",
    "kinda", "knew", "know", "last", "least", "less", "let", "like", "little", "ll", "lol",
    "lot", "lots", "made", "make", "makes", "making", "many", "may", "maybe", "might", "much",
    "must", "mustn't", "n't", "need", "needed", "needs", "never", "ngl", "no", "none", "nor",
    "normally", "not", "nothing", "often", "ok", "okay", "omg", "one", "ones", "ordered",
    "overall", "perhaps", "plan", "planning", "please", "pretty", "previous", "probably", "pros",
    "purchased", "put", "quite", "rather", "re", "really", "received", "said", "saw", "say",
    "says", "see", "seem", "seemed", "seems", "seen", "seriously", "several", "she'd", "she'll",
    "she's", "shouldn't", "simply", "since", "slightly", "somebody", "someone", "something",
    "sometimes", "somewhat", "soon", "still", "super", "sure", "take", "taken", "takes", "tbh",
    "thing", "things", "think", "though", "thought", "three", "thus", "took", "totally", "tried",
    "tries", "truly", "try", "trying", "two", "typically", "unless", "us", "usually", "ve",
    "want", "wanted", "wants", "wasn't", "wasnt", "way", "well", "went", "weren't", "what's",
    "whatever", "whereas", "who's", "whole", "within", "without", "won't", "wont", "wouldn't",
    "wouldnt", "yes", "yet",
};

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

static bool is_generic_en(const char *lookup, size_t len)
{
    char w[24];
    if (len >= sizeof w)
        return false;
    memcpy(w, lookup, len);
    w[len] = '\0';
    return bsearch(w, generic_en, sizeof generic_en / sizeof generic_en[0],
                   sizeof generic_en[0], cmp_word) != NULL;
}

/* ---- Options and language ------------------------------------------------ */

void vb_discovery_options_init(vb_discovery_options *o)
{
    memset(o, 0, sizeof *o);
    o->language = "en";
    o->max_candidates = 16384;
    o->min_count = 5;
    o->top = 30;
}

/* ---- Hashing, sketches, the table --------------------------------------- */

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* Cell of row `row` for hash `h` (double hashing from one 64-bit mix). */
static size_t sketch_cell(uint64_t h, size_t row)
{
    uint64_t m = mix64(h);
    uint32_t h1 = (uint32_t)m, h2 = (uint32_t)(m >> 32) | 1u;
    return row * SKETCH_WIDTH + ((h1 + (uint32_t)row * h2) & (SKETCH_WIDTH - 1));
}

uint32_t vb_discover_sketch_get(const uint32_t *s, uint64_t h)
{
    uint32_t m = UINT32_MAX;
    for (size_t r = 0; r < SKETCH_DEPTH; r++) {
        uint32_t v = s[sketch_cell(h, r)];
        if (v < m)
            m = v;
    }
    return m;
}

/* Conservative update: only the cells at the minimum grow, which keeps
 * the overestimate smaller than adding to every row. */
static void sketch_add(uint32_t *s, uint64_t h)
{
    uint32_t m = vb_discover_sketch_get(s, h);
    if (m == UINT32_MAX)
        return;
    for (size_t r = 0; r < SKETCH_DEPTH; r++) {
        size_t c = sketch_cell(h, r);
        if (s[c] == m)
            s[c] = m + 1;
    }
}

static uint32_t table_find(const vb_discovery *d, uint64_t h, const char *key, size_t len)
{
    for (size_t i = mix64(h) & d->slot_mask;; i = (i + 1) & d->slot_mask) {
        uint32_t v = d->slots[i];
        if (v == 0)
            return NONE;
        const cand *c = &d->cands[v - 1];
        if (c->hash == h && c->key_len == len && memcmp(c->key, key, len) == 0)
            return v - 1;
    }
}

static void table_insert(vb_discovery *d, uint32_t idx)
{
    size_t i = mix64(d->cands[idx].hash) & d->slot_mask;
    while (d->slots[i] != 0)
        i = (i + 1) & d->slot_mask;
    d->slots[i] = idx + 1;
}

/* Linear-probing deletion by backward shift: no tombstones, so probes
 * stay short however many phrases come and go. */
static void table_remove(vb_discovery *d, uint32_t idx)
{
    size_t i = mix64(d->cands[idx].hash) & d->slot_mask;
    while (d->slots[i] != idx + 1)
        i = (i + 1) & d->slot_mask;
    for (size_t j = i;;) {
        j = (j + 1) & d->slot_mask;
        if (d->slots[j] == 0)
            break;
        size_t home = mix64(d->cands[d->slots[j] - 1].hash) & d->slot_mask;
        /* Move slots[j] into the hole at i unless its home lies in (i, j]. */
        bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            d->slots[i] = d->slots[j];
            i = j;
        }
    }
    d->slots[i] = 0;
}

static void heap_swap(vb_discovery *d, size_t a, size_t b)
{
    uint32_t t = d->heap[a];
    d->heap[a] = d->heap[b];
    d->heap[b] = t;
    d->cands[d->heap[a]].heap_pos = (uint32_t)a;
    d->cands[d->heap[b]].heap_pos = (uint32_t)b;
}

static void heap_up(vb_discovery *d, size_t i)
{
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (d->cands[d->heap[parent]].count <= d->cands[d->heap[i]].count)
            break;
        heap_swap(d, i, parent);
        i = parent;
    }
}

static void heap_down(vb_discovery *d, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < d->n_cands && d->cands[d->heap[l]].count < d->cands[d->heap[m]].count)
            m = l;
        if (r < d->n_cands && d->cands[d->heap[r]].count < d->cands[d->heap[m]].count)
            m = r;
        if (m == i)
            return;
        heap_swap(d, i, m);
        i = m;
    }
}

/* ---- Life cycle ---------------------------------------------------------- */

/* The background of d->opts.background, or the language's own when
 * there is one; none for "" or without a data directory. Its words are
 * stemmed as the text stage stems the language. */
static vb_status load_background(vb_discovery *d, vb_error *err)
{
    const vb_discovery_options *o = &d->opts;
    if (o->background != NULL ? o->background[0] == '\0' : o->data_dir == NULL)
        return VB_OK;
    vb_error lang_err;
    vb_lang *lang = vb_lang_load(NULL, o->language, &d->alloc, &lang_err);
    if (lang == NULL) {
        if (err != NULL)
            *err = lang_err;
        return lang_err.code;
    }
    const char *path = o->background;
    char own[4096];
    if (path == NULL) {
        int n = snprintf(own, sizeof own, "%s/%s/background.tsv", o->data_dir, vb_lang_code(lang));
        if (n > 0 && (size_t)n < sizeof own && access(own, F_OK) == 0)
            path = own;
    }
    vb_status st = VB_OK;
    if (path != NULL)
        st = vb_background_load(&d->background, path, vb_lang_stemmer_name(lang), &d->alloc, err);
    vb_lang_free(lang);
    return st;
}

vb_discovery *vb_discovery_new(const vb_discovery_options *o, vb_error *err)
{
    vb_discovery_options defaults;
    if (o == NULL) {
        vb_discovery_options_init(&defaults);
        o = &defaults;
    }
    if (o->max_candidates < 16 || o->max_candidates > ((size_t)1 << 24)) {
        vb_error_set(err, VB_EINVAL, NULL, 0, "%s",
                     "max_candidates must be between 16 and 16777216");
        return NULL;
    }
    const vb_allocator *a = vb_allocator_or_default(&o->alloc);
    vb_discovery *d = vb_calloc(a, 1, sizeof *d);
    if (d == NULL)
        goto fail;
    d->alloc = *a;
    d->opts = *o;
    d->opts.alloc = d->alloc;
    if (d->opts.language == NULL)
        d->opts.language = "en";
    /* A language libstemmer lacks is kept as given: only the background
     * needs its stemmer, and that load reports it. */
    const char *code = vb_language_code(d->opts.language);
    snprintf(d->language, sizeof d->language, "%s", code != NULL ? code : d->opts.language);
    d->english = strcmp(d->language, "en") == 0;
    vb_arena_init(&d->arena, &d->alloc, (size_t)16 << 10);
    vb_buf_init(&d->out, &d->alloc, (size_t)1 << 30);

    size_t n_slots = 1;
    while (n_slots < 2 * o->max_candidates)
        n_slots <<= 1;
    d->slot_mask = n_slots - 1;
    d->cands = vb_calloc(&d->alloc, o->max_candidates, sizeof *d->cands);
    d->heap = vb_calloc(&d->alloc, o->max_candidates, sizeof *d->heap);
    d->slots = vb_calloc(&d->alloc, n_slots, sizeof *d->slots);
    d->words = vb_calloc(&d->alloc, SKETCH_DEPTH * SKETCH_WIDTH, sizeof *d->words);
    if (d->cands == NULL || d->heap == NULL || d->slots == NULL || d->words == NULL)
        goto fail;
    if (o->uncovered) {
        d->ref = vb_calloc(&d->alloc, SKETCH_DEPTH * SKETCH_WIDTH, sizeof *d->ref);
        if (d->ref == NULL)
            goto fail;
    }
    if (load_background(d, err) != VB_OK) {
        vb_discovery_free(d);
        return NULL;
    }
    return d;

fail:
    vb_discovery_free(d);
    vb_error_set(err, VB_ENOMEM, NULL, 0, "%s", "out of memory");
    return NULL;
}

void vb_discovery_free(vb_discovery *d)
{
    if (d == NULL)
        return;
    const vb_allocator a = d->alloc;
    vb_buf_free(&d->out);
    vb_arena_free(&d->arena);
    vb_free(&a, d->marks);
    vb_free(&a, d->ngrams);
    vb_free(&a, d->sets);
    vb_background_free(&d->background, &a);
    vb_free(&a, d->ref);
    vb_free(&a, d->words);
    vb_free(&a, d->slots);
    vb_free(&a, d->heap);
    vb_free(&a, d->cands);
    vb_free(&a, d);
}

void vb_discovery_summarise(const vb_discovery *d, vb_discovery_summary *out)
{
    out->records = d->n_records;
    out->target = d->n_target;
    out->reference = d->n_reference;
    out->evictions = d->evictions;
    out->max_error = (size_t)d->max_error;
    out->background_words = d->background.total;
}

/* ---- Scores --------------------------------------------------------------- */

bool vb_discovery_parse_score(const char *s, size_t len, char decimal_mark, const char *field,
                              double *score, vb_report_issue *why)
{
    return vb_discovery_read_score(s, len, decimal_mark, NULL, field, score, why);
}

bool vb_discovery_read_score(const char *s, size_t len, char decimal_mark, const char *labels,
                             const char *field, double *score, vb_report_issue *why)
{
    /* The parser a report uses (vb_read_score()), so that a theme's mean
     * score is made of the scores a report of the same export uses ("1e3",
     * "0x10", "nan" and "4,5" with a decimal point are not numbers there
     * either). A
     * report's scale and whole number checks do not apply: discovery has
     * no metric. */
    const char mark = decimal_mark == ',' ? ',' : '.';
    double v, top;
    if (labels != NULL && labels[0] == '\0') labels = NULL;
    if (s == NULL || !vb_read_score(s, len, mark, labels, &v, &top)) {
        *score = NAN;
        if (why != NULL) {
            size_t n = 0;
            if (s == NULL || vb_issue_blank(s, len))
                vb_issue_add(why, &n, field, "missing", NULL, 0);
            else
                vb_issue_not_score(why, &n, field, s, len, mark, labels != NULL);
        }
        return false;
    }
    *score = v;
    return true;
}

bool vb_discovery_check_score_labels(const char *labels, char *why, size_t why_size)
{
    /* No metric, so no scale: any number is a score. */
    const vb_metric_spec any = {.kind = VB_METRIC_MEAN, .bounded = false, .whole = false};
    return vb_score_labels_check(&any, labels, why, why_size);
}

/* ---- Adding a record ------------------------------------------------------ */

/* Grows a scratch array to hold `n` elements of `size` bytes. */
static vb_status reserve(const vb_allocator *a, void **p, size_t *cap, size_t n, size_t size)
{
    if (n <= *cap)
        return VB_OK;
    size_t want = *cap > 0 ? *cap : 64;
    while (want < n)
        want *= 2;
    if (vb_mul_overflows(want, size))
        return VB_ENOMEM;
    void *q = vb_realloc(a, *p, want * size);
    if (q == NULL)
        return VB_ENOMEM;
    *p = q;
    *cap = want;
    return VB_OK;
}

static bool has_letter(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (vb_ascii_alpha(s[i]))
            return true;
        if ((unsigned char)s[i] >= 0x80) /* a non-ASCII word character: letters, in practice */
            return true;
    }
    return false;
}

/* Marks each token: a word, a word that may start or end a candidate, a
 * sentiment word (a one-word cue: "love", "great"; cues of several words
 * such as "runs small" are CX phrases and stay candidates). */
static void mark_tokens(const vb_discovery *d, const vb_record *rec, uint8_t *marks)
{
    memset(marks, 0, rec->n_tokens);
    for (size_t i = 0; i < rec->n_cues; i++) {
        size_t first = rec->cues[i].first_token, n = rec->cues[i].n_tokens;
        if (first >= rec->n_tokens || n > rec->n_tokens - first)
            continue;
        if (n == 1) {
            marks[first] |= MARK_SENTIMENT;
            continue;
        }
        marks[first] |= MARK_CUE_START;
        for (size_t k = first; k < first + n; k++)
            marks[k] |= MARK_IN_CUE;
    }
    for (size_t i = 0; i < rec->n_tokens; i++) {
        const vb_token *t = &rec->tokens[i];
        if (t->kind != VB_TOKEN_WORD)
            continue;
        marks[i] |= MARK_WORD;
        if ((marks[i] & MARK_SENTIMENT) || (t->flags & VB_TOKEN_STOPWORD) ||
            t->lookup_len < 2 || t->stem_len == 0 || !has_letter(t->lookup, t->lookup_len))
            continue;
        if (d->english && is_generic_en(t->lookup, t->lookup_len))
            continue;
        marks[i] |= MARK_EDGE;
    }
}

/* A stem's share of a content-word set's hash: the set's hash is the sum
 * of its words' (any order, a word twice counts twice), mixed first so
 * that sums of FNV values do not collide in patterns (splitmix64's
 * finaliser). */
static uint64_t set_part(const char *stem, size_t len)
{
    uint64_t x = vb_senti_hash(stem, len);
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9u;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

/* Builds the candidate of tokens [i, i + n) into `g`; false when its key
 * or surface does not fit. */
static bool make_ngram(const vb_record *rec, const uint8_t *marks, size_t i, size_t n, bool cue,
                       ngram *g)
{
    size_t klen = 0, slen = 0;
    g->stop_mask = 0;
    g->set_hash = 0;
    g->shared = g->mixed = false;
    g->partner = 0;
    for (size_t k = 0; k < n; k++) {
        const vb_token *t = &rec->tokens[i + k];
        size_t sep = k > 0;
        if (klen + sep + t->stem_len >= KEY_BYTES || slen + sep + t->lookup_len >= SURFACE_BYTES)
            return false;
        if (sep) {
            g->key[klen++] = ' ';
            g->surface[slen++] = ' ';
        }
        memcpy(g->key + klen, t->stem, t->stem_len);
        klen += t->stem_len;
        memcpy(g->surface + slen, t->lookup, t->lookup_len);
        slen += t->lookup_len;
        if (!cue && !(marks[i + k] & MARK_EDGE))
            g->stop_mask |= (uint8_t)(1u << k);
        else
            g->set_hash += set_part(t->stem, t->stem_len);
    }
    g->key[klen] = '\0';
    g->surface[slen] = '\0';
    g->key_len = (uint8_t)klen;
    g->surface_len = (uint8_t)slen;
    g->n_words = (uint8_t)n;
    g->first_token = (uint32_t)i;
    g->occurrences = 1;
    g->hash = vb_senti_hash(g->key, klen);
    return true;
}

static int cmp_ngram(const void *pa, const void *pb)
{
    const ngram *a = pa, *b = pb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    int c = strcmp(a->key, b->key);
    if (c != 0)
        return c;
    return a->first_token < b->first_token ? -1 : a->first_token > b->first_token;
}

/* A word of a cue phrase ("poor" in "poor quality") may end a candidate
 * only inside that phrase, so "coat is poor" is none. */
static bool within_cues(const uint8_t *marks, size_t i, size_t j)
{
    if (!((marks[i] | marks[j]) & MARK_IN_CUE))
        return true;
    for (size_t k = i; k <= j; k++)
        if (!(marks[k] & MARK_IN_CUE) || (k > i && (marks[k] & MARK_CUE_START)))
            return false;
    return true;
}

static int cmp_set_ref(const void *pa, const void *pb)
{
    const set_ref *a = pa, *b = pb;
    if (a->set_hash != b->set_hash)
        return a->set_hash < b->set_hash ? -1 : 1;
    return a->ngram < b->ngram ? -1 : a->ngram > b->ngram;
}

/* Marks the distinct candidates of the record that share their content
 * words with another one: variants ("delivery date", "date of
 * delivery") that discover_rank.c may put in one theme, where this
 * comment must count once. Each gets the other's hash when there are
 * two. Only phrases can be variants (two distinct one-word candidates
 * have different stems). Sets are told apart by their 64-bit hash; two
 * sets that collided would be taken for variants, which makes a theme's
 * count less exact, never more than its comments (see theme_count() in
 * discover_rank.c). */
static void mark_variants(vb_discovery *d, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (d->ngrams[i].n_words > 1) {
            d->sets[m].set_hash = d->ngrams[i].set_hash;
            d->sets[m++].ngram = (uint32_t)i;
        }
    }
    if (m < 2)
        return;
    qsort(d->sets, m, sizeof *d->sets, cmp_set_ref);
    for (size_t i = 0, end; i < m; i = end) {
        for (end = i + 1; end < m && d->sets[end].set_hash == d->sets[i].set_hash; end++)
            ;
        if (end - i < 2)
            continue;
        for (size_t k = i; k < end; k++) {
            ngram *g = &d->ngrams[d->sets[k].ngram];
            g->shared = true;
            g->mixed = end - i > 2;
            g->partner = end - i > 2 ? 0 : d->ngrams[d->sets[k == i ? i + 1 : i].ngram].hash;
        }
    }
}

/* Extracts the record's distinct candidates into d->ngrams; returns how
 * many, each with its first mention and number of mentions. */
static size_t extract(vb_discovery *d, const vb_record *rec)
{
    const uint8_t *marks = d->marks;
    size_t n = 0;
    for (size_t i = 0; i < rec->n_tokens; i++) {
        if (!(marks[i] & MARK_EDGE))
            continue;
        for (size_t len = 1; len <= MAX_WORDS && i + len <= rec->n_tokens; len++) {
            size_t j = i + len - 1;
            if (!(marks[j] & MARK_WORD) || rec->tokens[j].clause != rec->tokens[i].clause)
                break;
            if ((marks[j] & MARK_EDGE) && within_cues(marks, i, j) &&
                make_ngram(rec, marks, i, len, false, &d->ngrams[n]))
                n++;
        }
    }
    /* A sentiment phrase of the lexicons ("never arrived", "runs small")
     * is a candidate as a whole, whatever its words. */
    for (size_t c = 0; c < rec->n_cues; c++) {
        size_t i = rec->cues[c].first_token, len = rec->cues[c].n_tokens, j = i;
        if (len < 2 || len > MAX_WORDS || i + len > rec->n_tokens)
            continue;
        while (j < i + len && (marks[j] & MARK_WORD) &&
               rec->tokens[j].clause == rec->tokens[i].clause)
            j++;
        if (j == i + len && make_ngram(rec, marks, i, len, true, &d->ngrams[n]))
            n++;
    }
    qsort(d->ngrams, n, sizeof *d->ngrams, cmp_ngram);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (out > 0 && d->ngrams[out - 1].hash == d->ngrams[i].hash &&
            strcmp(d->ngrams[out - 1].key, d->ngrams[i].key) == 0) {
            d->ngrams[out - 1].occurrences++;
            continue;
        }
        if (out != i)
            d->ngrams[out] = d->ngrams[i];
        out++;
    }
    mark_variants(d, out);
    return out;
}

/* Copies an excerpt of about EXAMPLE_BYTES around text[start, end) into
 * `dst`: cut at spaces and UTF-8 boundaries, runs of white space made one
 * space, "…" where text was cut. */
static void excerpt(const char *text, size_t len, size_t start, size_t end, char *dst)
{
    size_t from = start > EXAMPLE_BEFORE ? start - EXAMPLE_BEFORE : 0;
    if (from > 0) {
        size_t sp = from;
        while (sp < start && text[sp] != ' ' && text[sp] != '\n')
            sp++;
        from = sp < start ? sp + 1 : from;
        while (from < start && ((unsigned char)text[from] & 0xC0) == 0x80)
            from++;
    }
    size_t to = len - from > EXAMPLE_BYTES ? from + EXAMPLE_BYTES : len;
    if (to < len) {
        size_t sp = to;
        while (sp > end && text[sp] != ' ')
            sp--;
        if (sp > end)
            to = sp;
        while (to > from && ((unsigned char)text[to] & 0xC0) == 0x80)
            to--;
    }
    size_t o = 0;
    if (from > 0) {
        memcpy(dst, "\xE2\x80\xA6", 3);
        o = 3;
    }
    bool space = false;
    for (size_t i = from; i < to; i++) {
        char c = text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = true;
            continue;
        }
        if (space && o > 0 && dst[o - 1] != ' ')
            dst[o++] = ' ';
        space = false;
        dst[o++] = c;
    }
    if (to < len) {
        memcpy(dst + o, "\xE2\x80\xA6", 3);
        o += 3;
    }
    dst[o] = '\0';
}

static void remember_surface(cand *c, const ngram *g)
{
    for (int s = 0; s < 2; s++) {
        if (c->surface_count[s] > 0 && strcmp(c->surface[s], g->surface) == 0) {
            c->surface_count[s]++;
            return;
        }
    }
    for (int s = 0; s < 2; s++) {
        if (c->surface_count[s] == 0) {
            memcpy(c->surface[s], g->surface, (size_t)g->surface_len + 1);
            c->surface_count[s] = 1;
            return;
        }
    }
    c->surface_count[0]--;
    c->surface_count[1]--;
}

/* Counts one comment for candidate `g`: Space-Saving, then the statistics
 * kept since the candidate took its slot. */
static void count(vb_discovery *d, const ngram *g, const vb_record *rec, double score)
{
    uint32_t idx = table_find(d, g->hash, g->key, g->key_len);
    cand *c;
    if (idx != NONE) {
        c = &d->cands[idx];
        c->count++;
        heap_down(d, c->heap_pos);
    } else {
        uint64_t inherited = 0;
        if (d->n_cands < d->opts.max_candidates) {
            idx = d->n_cands++;
            c = &d->cands[idx];
            d->heap[idx] = idx;
            c->heap_pos = idx;
        } else {
            idx = d->heap[0];
            c = &d->cands[idx];
            inherited = c->count;
            table_remove(d, idx);
            d->evictions++;
            if (inherited > d->max_error)
                d->max_error = inherited;
        }
        uint32_t pos = c->heap_pos;
        memset(c, 0, sizeof *c);
        c->heap_pos = pos;
        c->hash = g->hash;
        c->count = inherited + 1;
        c->error = inherited;
        c->key_len = g->key_len;
        c->n_words = g->n_words;
        c->stop_mask = g->stop_mask;
        memcpy(c->key, g->key, (size_t)g->key_len + 1);
        table_insert(d, idx);
        if (inherited == 0)
            heap_up(d, pos);
        else
            heap_down(d, pos);
    }
    c->occurrences += g->occurrences;
    if (g->shared) {
        if (c->shared == 0) {
            c->partner = g->partner;
            c->mixed = g->mixed;
        } else if (g->mixed || g->partner != c->partner) {
            c->mixed = true;
        }
        c->shared++;
    }
    const vb_token *t = &rec->tokens[g->first_token];
    double s = rec->sentiment.compound;
    if (rec->clause_sentiment != NULL && t->clause < rec->n_clauses)
        s = rec->clause_sentiment[t->clause].compound;
    c->senti_sum += s;
    if (isfinite(score)) {
        c->score_sum += score;
        c->n_scored++;
    }
    remember_surface(c, g);
    if (c->n_examples < N_EXAMPLES) {
        const vb_token *last = &rec->tokens[g->first_token + g->n_words - 1];
        excerpt(rec->text, rec->text_len, t->start, last->end, c->example[c->n_examples++]);
    }
}

/* Makes room for the candidates of `rec`, then extracts them. */
static vb_status prepare(vb_discovery *d, const vb_record *rec, size_t *n)
{
    if (rec->n_tokens > SIZE_MAX / (MAX_WORDS + 1))
        return VB_ENOMEM;
    void *marks = d->marks, *ngrams = d->ngrams, *sets = d->sets;
    vb_status st = reserve(&d->alloc, &marks, &d->mark_cap, rec->n_tokens, 1);
    d->marks = marks;
    if (st == VB_OK)
        st = reserve(&d->alloc, &ngrams, &d->ngram_cap, rec->n_tokens * (MAX_WORDS + 1),
                     sizeof *d->ngrams);
    d->ngrams = ngrams;
    if (st == VB_OK)
        st = reserve(&d->alloc, &sets, &d->set_cap, rec->n_tokens * (MAX_WORDS + 1),
                     sizeof *d->sets);
    d->sets = sets;
    if (st != VB_OK)
        return st;
    mark_tokens(d, rec, d->marks);
    *n = extract(d, rec);
    return VB_OK;
}

static int cmp_key(const void *pa, const void *pb)
{
    return strcmp(((const ngram *)pa)->key, ((const ngram *)pb)->key);
}

size_t vb_discover_keys(vb_discovery *d, const vb_record *rec, char *out, size_t cap,
                        vb_status *st)
{
    size_t n = 0, o = 0;
    *st = rec->n_tokens > 0 ? prepare(d, rec, &n) : VB_OK;
    if (*st != VB_OK)
        return 0;
    qsort(d->ngrams, n, sizeof *d->ngrams, cmp_key);
    if (cap > 0)
        out[0] = '\0';
    for (size_t i = 0; i < n && cap > 0; i++) {
        int w = snprintf(out + o, cap - o, "%s%s", i > 0 ? "|" : "", d->ngrams[i].key);
        if (w < 0 || (size_t)w >= cap - o)
            break;
        o += (size_t)w;
    }
    return n;
}

bool vb_discover_lookup(const vb_discovery *d, const char *key, uint64_t *count,
                        uint64_t *error, size_t *n_tracked)
{
    *n_tracked = d->n_cands;
    uint32_t i = table_find(d, vb_senti_hash(key, strlen(key)), key, strlen(key));
    if (i == NONE)
        return false;
    *count = d->cands[i].count;
    *error = d->cands[i].error;
    return true;
}

vb_status vb_discovery_add(vb_discovery *d, const vb_record *rec, double score)
{
    if (rec == NULL || rec->status != VB_OK || rec->non_answer)
        return VB_OK;
    bool has_word = false;
    for (size_t i = 0; i < rec->n_tokens && !has_word; i++)
        has_word = rec->tokens[i].kind == VB_TOKEN_WORD;
    if (!has_word)
        return VB_OK;
    size_t n;
    vb_status st = prepare(d, rec, &n);
    if (st != VB_OK)
        return st;

    d->result_valid = false;
    d->n_records++;
    bool target = !d->opts.uncovered || rec->n_themes == 0;
    if (!target) {
        d->n_reference++;
        for (size_t i = 0; i < n; i++)
            sketch_add(d->ref, d->ngrams[i].hash);
        return VB_OK;
    }
    d->n_target++;
    for (size_t i = 0; i < rec->n_tokens; i++) {
        const vb_token *t = &rec->tokens[i];
        if (t->kind == VB_TOKEN_WORD) {
            sketch_add(d->words, vb_senti_hash(t->stem, t->stem_len));
            d->n_word_tokens++;
        }
    }
    for (size_t i = 0; i < n; i++)
        count(d, &d->ngrams[i], rec, score);
    return VB_OK;
}
