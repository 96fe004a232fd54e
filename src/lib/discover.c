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
 * vb_discovery_result() filters, scores, groups near-duplicates and builds
 * the themes; the writers turn them into a taxonomy draft or a table.
 */
#include "discover.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "jsonw.h"
#include "lexicon.h" /* vb_senti_hash */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 3          /* longest candidate, in words */
#define KEY_BYTES 64         /* stems joined by ' ', NUL included */
#define SURFACE_BYTES 96     /* lookup forms joined by ' ', NUL included */
#define N_EXAMPLES 3
#define EXAMPLE_BYTES 200    /* excerpt length before the ellipses */
#define EXAMPLE_SLOT (EXAMPLE_BYTES + 2 * 3 + 1) /* "…" is 3 bytes */
#define EXAMPLE_BEFORE 60    /* bytes of context kept before a mention */
#define SKETCH_DEPTH 4
#define SKETCH_WIDTH ((size_t)1 << 16)
#define COLLOC_MIN_G2 10.83  /* chi-square with 1 df at p = 0.001 */
#define COHESION_MIN 0.08   /* of the rarer end word's mentions, in the phrase */
#define ABSORB_RATIO 0.5     /* X inside P, P in >= half of X's comments: X is P */
#define MAX_MATCH 8          /* match entries per theme */
#define POOL_MIN 1000        /* candidates considered for grouping: */
#define POOL_PER_THEME 10    /*   max(POOL_MIN, POOL_PER_THEME x top) */
#define MAX_SLUG 48
#define NONE UINT32_MAX

enum {
    MARK_WORD = 1,      /* a word token */
    MARK_EDGE = 2,      /* may start or end a candidate */
    MARK_SENTIMENT = 4, /* a one-word cue */
    MARK_IN_CUE = 8,    /* inside a cue of several words */
    MARK_CUE_START = 16 /* the first word of such a cue */
};

/* A tracked phrase: one Space-Saving slot. */
typedef struct cand {
    uint64_t hash;             /* of key */
    uint64_t count;            /* comments, overestimated by at most `error` */
    uint64_t error;            /* the count inherited when it took the slot */
    uint64_t occurrences;      /* mentions in target comments since it took the slot */
    double senti_sum;          /* per observed comment: compound of the first
                                  mention's clause */
    double score_sum;          /* scores of observed comments that have one */
    uint64_t n_scored;
    uint32_t heap_pos;         /* index in vb_discovery.heap */
    uint32_t surface_count[2]; /* Misra-Gries counters of the two surfaces */
    uint8_t key_len, n_words;
    uint8_t stop_mask;         /* bit i: word i is not a content word */
    uint8_t n_examples;
    char key[KEY_BYTES];
    char surface[2][SURFACE_BYTES];
    char example[N_EXAMPLES][EXAMPLE_SLOT];
} cand;

/* A candidate of the record being added. */
typedef struct ngram {
    uint64_t hash;
    uint32_t first_token;      /* first mention */
    uint32_t occurrences;      /* mentions in this record */
    uint8_t key_len, surface_len, n_words, stop_mask;
    char key[KEY_BYTES];
    char surface[SURFACE_BYTES];
} ngram;

/* Content words of a candidate, sorted: what near-duplicates share. */
typedef struct cset {
    uint8_t n;
    uint8_t off[MAX_WORDS], len[MAX_WORDS]; /* into the candidate's key */
} cset;

typedef struct ranked {
    uint32_t cand;
    uint64_t observed;         /* count - error: a lower bound of the true count */
    double score, g2;
    cset set;
    bool absorbed;             /* mostly part of a longer candidate */
} ranked;

typedef struct group {
    uint32_t member[MAX_MATCH]; /* indexes into the ranked pool; [0] is the best */
    bool variant[MAX_MATCH];    /* same content words as [0]: counts add up */
    size_t n_members;
    uint64_t count, error, n_scored;
    double senti_sum, score_sum;
} group;

struct vb_discovery {
    vb_allocator alloc;
    vb_discovery_options opts;
    char language[16];
    bool english;

    cand *cands;               /* max_candidates slots, n_cands in use */
    uint32_t n_cands;
    uint32_t *heap;            /* min-heap of slot indexes by count */
    uint32_t *slots;           /* open addressing, slot index + 1, 0 = empty */
    size_t slot_mask;
    uint32_t *words;           /* sketch: word tokens in target comments, by stem */
    uint32_t *ref;             /* sketch: covered comments per phrase (uncovered) */
    uint64_t n_word_tokens;    /* word tokens in target comments */

    size_t n_records, n_target, n_reference, evictions;
    uint64_t max_error;

    ngram *ngrams;             /* per-record scratch */
    size_t ngram_cap;
    uint8_t *marks;            /* per token: MARK_* */
    size_t mark_cap;

    vb_arena arena;            /* the result and its strings */
    vb_discovered *themes;
    size_t n_themes;
    bool result_valid;
    vb_buf out;                /* JSON or table */
};

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
 * ("bought", "ordered"; the nouns "order" and "purchase" stay). They may sit inside a phrase ("fits true to
 * size") but never start or end one. Sorted for bsearch. */
static const char *const generic_en[] = {
    "able", "absolutely", "actually", "ago", "ain't", "almost", "along", "already", "also",
    "although", "always", "another", "anybody", "anyone", "anything", "anyway", "anywhere",
    "aren't", "around", "away", "back", "barely", "basically", "became", "become", "becomes",
    "bit", "bought", "but", "buy", "buying", "came", "can't", "cannot", "cant", "certainly",
    "come", "comes", "coming", "completely", "couldn't", "couldnt", "definitely", "did",
    "didn't", "didnt", "doesn't", "doesnt", "don't", "done", "dont", "either", "else", "enough",
    "especially", "etc", "even", "ever", "every", "everybody", "everyone", "everything",
    "except", "extremely", "fairly", "finally", "first", "forward", "gave", "get", "gets",
    "getting", "give", "gives", "go", "goes", "going", "gone", "got", "gotten", "hadn't",
    "hardly", "hasn't", "haven't", "he'd", "he'll", "he's", "here's", "highly", "how's",
    "however", "i'd", "id", "im", "incredibly", "isn't", "isnt", "ive", "just", "kind", "kinda",
    "knew", "know", "last", "least", "less", "let", "like", "little", "lot", "lots", "made",
    "make", "makes", "making", "many", "may", "maybe", "might", "much", "must", "mustn't",
    "need", "needed", "needs", "never", "no", "none", "nor", "normally", "not", "nothing",
    "often", "ok", "okay", "one", "ones", "ordered", "overall", "perhaps", "plan", "planning",
    "please", "pretty", "previous", "probably", "purchased", "put", "quite", "rather", "really",
    "received", "said", "saw", "say", "says", "see", "seem", "seemed", "seems", "seen",
    "seriously", "several", "she'd", "she'll", "she's", "shouldn't", "simply", "since",
    "slightly", "somebody", "someone", "something", "sometimes", "somewhat", "soon", "still",
    "super", "sure", "take", "taken", "takes", "thing", "things", "think", "though", "thought",
    "three", "thus", "took", "totally", "tried", "tries", "truly", "try", "trying", "two",
    "typically", "unless", "us", "usually", "want", "wanted", "wants", "wasn't", "wasnt", "way",
    "well", "went", "weren't", "what's", "whatever", "whereas", "who's", "whole", "within",
    "without", "won't", "wont", "wouldn't", "wouldnt", "yes", "yet",
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

/* The ISO code of a libstemmer name ("english" -> "en"); other names are
 * kept as given. */
static void language_code(const char *name, char out[16])
{
    static const char *const names[][2] = {
        {"arabic", "ar"},     {"armenian", "hy"},  {"basque", "eu"},     {"catalan", "ca"},
        {"danish", "da"},     {"dutch", "nl"},     {"english", "en"},    {"finnish", "fi"},
        {"french", "fr"},     {"german", "de"},    {"greek", "el"},      {"hindi", "hi"},
        {"hungarian", "hu"},  {"indonesian", "id"}, {"irish", "ga"},     {"italian", "it"},
        {"lithuanian", "lt"}, {"nepali", "ne"},    {"norwegian", "no"},  {"porter", "en"},
        {"portuguese", "pt"}, {"romanian", "ro"},  {"russian", "ru"},    {"serbian", "sr"},
        {"spanish", "es"},    {"swedish", "sv"},   {"tamil", "ta"},      {"turkish", "tr"},
        {"yiddish", "yi"},
    };
    size_t n = 0;
    for (; name[n] != '\0' && n < 15; n++)
        out[n] = (name[n] >= 'A' && name[n] <= 'Z') ? (char)(name[n] - 'A' + 'a') : name[n];
    out[n] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(out, names[i][0]) == 0) {
            strcpy(out, names[i][1]);
            return;
        }
    }
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

static uint32_t sketch_get(const uint32_t *s, uint64_t h)
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
    uint32_t m = sketch_get(s, h);
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

static void set_error(vb_error *err, vb_status code, const char *msg)
{
    if (err == NULL)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

vb_discovery *vb_discovery_new(const vb_discovery_options *o, vb_error *err)
{
    vb_discovery_options defaults;
    if (o == NULL) {
        vb_discovery_options_init(&defaults);
        o = &defaults;
    }
    if (o->max_candidates < 16 || o->max_candidates > ((size_t)1 << 24)) {
        set_error(err, VB_EINVAL, "max_candidates must be between 16 and 16777216");
        return NULL;
    }
    const vb_allocator *a = vb_allocator_or_default(&o->alloc);
    vb_discovery *d = vb_calloc(a, 1, sizeof *d);
    if (d == NULL)
        goto fail;
    d->alloc = *a;
    d->opts = *o;
    d->opts.alloc = d->alloc;
    language_code(o->language != NULL ? o->language : "en", d->language);
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
    return d;

fail:
    vb_discovery_free(d);
    set_error(err, VB_ENOMEM, "out of memory");
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
        unsigned char c = (unsigned char)s[i];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            return true;
        if (c >= 0x80) /* a non-ASCII word character: letters, in practice */
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

/* Builds the candidate of tokens [i, i + n) into `g`; false when its key
 * or surface does not fit. */
static bool make_ngram(const vb_record *rec, const uint8_t *marks, size_t i, size_t n, bool cue,
                       ngram *g)
{
    size_t klen = 0, slen = 0;
    g->stop_mask = 0;
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
    void *marks = d->marks, *ngrams = d->ngrams;
    vb_status st = reserve(&d->alloc, &marks, &d->mark_cap, rec->n_tokens, 1);
    d->marks = marks;
    if (st == VB_OK)
        st = reserve(&d->alloc, &ngrams, &d->ngram_cap, rec->n_tokens * (MAX_WORDS + 1),
                     sizeof *d->ngrams);
    d->ngrams = ngrams;
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
    if (rec == NULL || rec->status != VB_OK)
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

/* ---- Scoring and grouping ------------------------------------------------ */

static void content_set(const cand *c, cset *s)
{
    s->n = 0;
    size_t w = 0, start = 0;
    for (size_t i = 0; i <= c->key_len; i++) {
        if (i < c->key_len && c->key[i] != ' ')
            continue;
        if (!(c->stop_mask & (1u << w))) {
            /* insertion sort: at most three words */
            size_t k = s->n++;
            while (k > 0) {
                const char *prev = c->key + s->off[k - 1];
                size_t plen = s->len[k - 1], len = i - start;
                int cmp = memcmp(prev, c->key + start, plen < len ? plen : len);
                if (cmp < 0 || (cmp == 0 && plen <= len))
                    break;
                s->off[k] = s->off[k - 1];
                s->len[k] = s->len[k - 1];
                k--;
            }
            s->off[k] = (uint8_t)start;
            s->len[k] = (uint8_t)(i - start);
        }
        w++;
        start = i + 1;
    }
}

static bool word_in(const cand *ca, const cset *a, size_t i, const cand *cb, const cset *b,
                    bool *used)
{
    for (size_t j = 0; j < b->n; j++) {
        if (!used[j] && a->len[i] == b->len[j] &&
            memcmp(ca->key + a->off[i], cb->key + b->off[j], a->len[i]) == 0) {
            used[j] = true;
            return true;
        }
    }
    return false;
}

/* True when the content words of `a` are all among those of `b` (as a
 * multiset); `strict` also requires `b` to have more. */
static bool subset(const cand *ca, const cset *a, const cand *cb, const cset *b, bool strict)
{
    if (a->n > b->n || (strict && a->n == b->n) || a->n == 0)
        return false;
    bool used[MAX_WORDS] = {false};
    for (size_t i = 0; i < a->n; i++)
        if (!word_in(ca, a, i, cb, b, used))
            return false;
    return true;
}

static int cmp_ranked(const void *pa, const void *pb, const cand *cands)
{
    const ranked *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(cands[a->cand].key, cands[b->cand].key);
}

/* qsort has no context argument in C11: the candidates for the comparison
 * are passed through this, set only around the one qsort call. */
static const cand *sort_cands;
static int cmp_ranked_q(const void *a, const void *b)
{
    return cmp_ranked(a, b, sort_cands);
}

static const char *display(const cand *c)
{
    return c->surface_count[1] > c->surface_count[0] ? c->surface[1] : c->surface[0];
}

/* Scores every tracked candidate that qualifies into `out`; returns how
 * many. See README.md for the formulas. */
static size_t score_all(const vb_discovery *d, ranked *out)
{
    bool against_ref = d->opts.uncovered && d->n_reference > 0;
    double total = (double)d->n_word_tokens;
    size_t n = 0;
    for (uint32_t i = 0; i < d->n_cands; i++) {
        const cand *c = &d->cands[i];
        uint64_t observed = c->count - c->error;
        if (observed < d->opts.min_count || observed == 0)
            continue;
        double colloc = 0;
        if (c->n_words > 1) {
            double expected = total, first = 0, last = 0;
            size_t start = 0;
            for (size_t k = 0; k <= c->key_len; k++) {
                if (k < c->key_len && c->key[k] != ' ')
                    continue;
                last = sketch_get(d->words, vb_senti_hash(c->key + start, k - start));
                if (start == 0)
                    first = last;
                expected *= last / total;
                start = k + 1;
            }
            double o = (double)c->occurrences;
            colloc = vb_discover_colloc_g2(o, expected);
            if (colloc < COLLOC_MIN_G2 || o < COHESION_MIN * (first < last ? first : last))
                continue;
        }
        ranked *r = &out[n];
        memset(r, 0, sizeof *r);
        r->cand = i;
        r->observed = observed;
        if (against_ref) {
            double a = (double)observed, n1 = (double)d->n_target;
            double b = sketch_get(d->ref, c->hash), n2 = (double)d->n_reference;
            if (b > n2)
                b = n2;
            if (a / n1 <= b / n2)
                continue; /* not more frequent where the taxonomy fails */
            r->g2 = vb_discover_g2(a, n1, b, n2);
            r->score = r->g2;
        } else {
            r->g2 = colloc;
            r->score = (double)observed;
        }
        content_set(c, &r->set);
        n++;
    }
    sort_cands = d->cands;
    qsort(out, n, sizeof *out, cmp_ranked_q);
    sort_cands = NULL;
    return n;
}

/* Marks candidates that are mostly part of a longer one ("true" in "true
 * to size", "customer" in "customer service"): they add no theme. */
static void absorb(const vb_discovery *d, ranked *pool, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const cand *x = &d->cands[pool[i].cand];
        for (size_t j = 0; j < n && !pool[i].absorbed; j++) {
            const cand *p = &d->cands[pool[j].cand];
            if (j != i && subset(x, &pool[i].set, p, &pool[j].set, true) &&
                (double)pool[j].observed >= ABSORB_RATIO * (double)pool[i].observed)
                pool[i].absorbed = true;
        }
    }
}

/* Groups the pool greedily in rank order: a candidate with the same
 * content words as a member joins that group as a variant (its comments
 * add up); one containing a member's words is a more specific form and
 * joins as a match entry only (its comments are already counted); any
 * other starts a group while fewer than `top` exist. */
static size_t group_all(const vb_discovery *d, const ranked *pool, size_t n, group *groups)
{
    size_t n_groups = 0;
    for (size_t i = 0; i < n; i++) {
        if (pool[i].absorbed)
            continue;
        const cand *x = &d->cands[pool[i].cand];
        group *into = NULL;
        bool variant = false;
        for (size_t g = 0; g < n_groups && into == NULL; g++) {
            for (size_t m = 0; m < groups[g].n_members && into == NULL; m++) {
                const ranked *y = &pool[groups[g].member[m]];
                const cand *cy = &d->cands[y->cand];
                if (subset(x, &pool[i].set, cy, &y->set, false) && x->n_words > 0 &&
                    pool[i].set.n == y->set.n) {
                    into = &groups[g];
                    variant = true;
                } else if (subset(cy, &y->set, x, &pool[i].set, true)) {
                    into = &groups[g];
                }
            }
        }
        if (into == NULL) {
            if (n_groups == d->opts.top)
                continue;
            into = &groups[n_groups++];
            memset(into, 0, sizeof *into);
            variant = true;
        }
        if (into->n_members < MAX_MATCH) {
            into->variant[into->n_members] = variant;
            into->member[into->n_members++] = (uint32_t)i;
        }
        if (variant) {
            into->count += pool[i].observed;
            into->error += x->error;
            into->senti_sum += x->senti_sum;
            into->score_sum += x->score_sum;
            into->n_scored += x->n_scored;
        }
    }
    return n_groups;
}

/* ---- Building the themes -------------------------------------------------- */

/* Lower-case ASCII for the Latin-1 letters U+00C0..U+00FF (0 = none). */
static const char latin1_fold[64] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                                    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

static void make_slug(const char *s, char *out)
{
    size_t o = 0;
    bool dash = false;
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0' && o < MAX_SLUG; p++) {
        char c = 0;
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            c = (char)*p;
        else if (*p >= 'A' && *p <= 'Z')
            c = (char)(*p - 'A' + 'a');
        else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF)
            c = latin1_fold[*++p - 0x80];
        else if (*p == '\'')
            continue; /* "app's" -> "apps" */
        if (c == 0) {
            dash = o > 0;
            continue;
        }
        if (dash)
            out[o++] = '-';
        dash = false;
        if (o < MAX_SLUG)
            out[o++] = c;
    }
    if (o == 0)
        memcpy(out, "theme", (o = 5));
    out[o] = '\0';
}

static vb_status build_theme(vb_discovery *d, const ranked *pool, const group *g,
                             vb_discovered *t)
{
    const cand *best = &d->cands[pool[g->member[0]].cand];
    const char *label = display(best);
    size_t label_len = strlen(label);

    char slug[MAX_SLUG + 16], base[MAX_SLUG + 1];
    make_slug(label, base);
    snprintf(slug, sizeof slug, "%s", base);
    for (unsigned k = 2;; k++) {
        bool taken = false;
        for (size_t i = 0; i < d->n_themes && !taken; i++)
            taken = strcmp(d->themes[i].id + strlen("discovered."), slug) == 0;
        if (!taken)
            break;
        snprintf(slug, sizeof slug, "%s-%u", base, k);
    }
    char *id = vb_arena_alloc(&d->arena, strlen("discovered.") + strlen(slug) + 1);
    char *lab = vb_arena_strndup(&d->arena, label, label_len);
    const char **match = vb_arena_array(&d->arena, g->n_members, sizeof *match);
    const char **examples = vb_arena_array(&d->arena, N_EXAMPLES, sizeof *examples);
    if (id == NULL || lab == NULL || match == NULL || examples == NULL)
        return VB_ENOMEM;
    sprintf(id, "discovered.%s", slug);
    if (lab[0] >= 'a' && lab[0] <= 'z')
        lab[0] = (char)(lab[0] - 'a' + 'A');

    for (size_t m = 0; m < g->n_members; m++) {
        const cand *c = &d->cands[pool[g->member[m]].cand];
        const char *s = display(c);
        size_t len = strlen(s);
        char *e = vb_arena_alloc(&d->arena, len + 3);
        if (e == NULL)
            return VB_ENOMEM;
        if (c->n_words == 1)
            memcpy(e, s, len + 1);
        else
            sprintf(e, "\"%s\"", s);
        match[m] = e;
    }
    size_t n_examples = 0;
    for (size_t m = 0; m < g->n_members && n_examples < N_EXAMPLES; m++) {
        const cand *c = &d->cands[pool[g->member[m]].cand];
        for (size_t k = 0; k < c->n_examples && n_examples < N_EXAMPLES; k++) {
            bool dup = false;
            for (size_t j = 0; j < n_examples && !dup; j++)
                dup = strcmp(examples[j], c->example[k]) == 0;
            if (!dup && (examples[n_examples] = vb_arena_strndup(
                             &d->arena, c->example[k], strlen(c->example[k]))) == NULL)
                return VB_ENOMEM;
            n_examples += !dup;
        }
    }

    memset(t, 0, sizeof *t);
    t->id = id;
    t->label = lab;
    t->match = match;
    t->n_match = g->n_members;
    t->count = (size_t)g->count;
    t->count_error = (size_t)g->error;
    t->share = d->n_target > 0 ? (double)g->count / (double)d->n_target : 0.0;
    t->sentiment = g->count > 0 ? g->senti_sum / (double)g->count : 0.0;
    t->mean_score = g->n_scored > 0 ? g->score_sum / (double)g->n_scored : NAN;
    t->n_scored = (size_t)g->n_scored;
    t->score = pool[g->member[0]].score;
    t->g2 = pool[g->member[0]].g2;
    t->examples = examples;
    t->n_examples = n_examples;
    return VB_OK;
}

vb_status vb_discovery_result(vb_discovery *d, const vb_discovered **themes, size_t *n)
{
    if (!d->result_valid) {
        vb_arena_reset(&d->arena);
        d->themes = NULL;
        d->n_themes = 0;
        vb_status st = VB_ENOMEM;
        ranked *pool = vb_calloc(&d->alloc, d->n_cands > 0 ? d->n_cands : 1, sizeof *pool);
        size_t top = d->opts.top;
        group *groups = vb_calloc(&d->alloc, top > 0 ? top : 1, sizeof *groups);
        if (pool != NULL && groups != NULL) {
            size_t n_pool = score_all(d, pool);
            size_t limit = POOL_PER_THEME * top > POOL_MIN ? POOL_PER_THEME * top : POOL_MIN;
            if (n_pool > limit)
                n_pool = limit;
            absorb(d, pool, n_pool);
            size_t n_groups = group_all(d, pool, n_pool, groups);
            d->themes = vb_arena_array(&d->arena, n_groups > 0 ? n_groups : 1, sizeof *d->themes);
            st = d->themes != NULL ? VB_OK : VB_ENOMEM;
            for (size_t g = 0; g < n_groups && st == VB_OK; g++) {
                st = build_theme(d, pool, &groups[g], &d->themes[g]);
                d->n_themes += st == VB_OK;
            }
        }
        vb_free(&d->alloc, groups);
        vb_free(&d->alloc, pool);
        if (st != VB_OK) {
            d->n_themes = 0;
            return st;
        }
        d->result_valid = true;
    }
    *themes = d->themes;
    *n = d->n_themes;
    return VB_OK;
}

/* ---- Writers ---------------------------------------------------------- */

#define TRY(expr)                                                                             \
    do {                                                                                      \
        vb_status st_ = (expr);                                                               \
        if (st_ != VB_OK)                                                                     \
            return st_;                                                                       \
    } while (0)

static vb_status json_str(vb_buf *b, const char *s)
{
    return vb_json_string(b, s, strlen(s));
}

static vb_status write_json(vb_discovery *d, const vb_discovered *t, size_t n)
{
    vb_buf *b = &d->out;
    TRY(vb_buf_puts(b, "{\n  \"name\": \"discovered\",\n  \"language\": "));
    TRY(json_str(b, d->language));
    TRY(vb_buf_puts(b, ",\n  \"themes\": ["));
    for (size_t i = 0; i < n; i++) {
        TRY(vb_buf_puts(b, i > 0 ? ",\n    {\n      \"id\": " : "\n    {\n      \"id\": "));
        TRY(json_str(b, t[i].id));
        TRY(vb_buf_puts(b, ",\n      \"label\": "));
        TRY(json_str(b, t[i].label));
        TRY(vb_buf_puts(b, ",\n      \"match\": ["));
        for (size_t m = 0; m < t[i].n_match; m++) {
            TRY(vb_buf_puts(b, m > 0 ? ", " : ""));
            TRY(json_str(b, t[i].match[m]));
        }
        TRY(vb_buf_puts(b, "],\n      \"x-count\": "));
        TRY(vb_json_size(b, t[i].count));
        if (t[i].count_error > 0) {
            TRY(vb_buf_puts(b, ",\n      \"x-count-error\": "));
            TRY(vb_json_size(b, t[i].count_error));
        }
        TRY(vb_buf_puts(b, ",\n      \"x-share\": "));
        TRY(vb_json_number(b, t[i].share, 4));
        TRY(vb_buf_puts(b, ",\n      \"x-sentiment\": "));
        TRY(vb_json_number(b, t[i].sentiment, 3));
        if (t[i].n_scored > 0) {
            TRY(vb_buf_puts(b, ",\n      \"x-mean-score\": "));
            TRY(vb_json_number(b, t[i].mean_score, 3));
        }
        TRY(vb_buf_puts(b, ",\n      \"x-g2\": "));
        TRY(vb_json_number(b, t[i].g2, 1));
        TRY(vb_buf_puts(b, ",\n      \"x-examples\": ["));
        for (size_t k = 0; k < t[i].n_examples; k++) {
            TRY(vb_buf_puts(b, k > 0 ? ",\n        " : "\n        "));
            TRY(json_str(b, t[i].examples[k]));
        }
        TRY(vb_buf_puts(b, t[i].n_examples > 0 ? "\n      ]\n    }" : "]\n    }"));
    }
    return vb_buf_puts(b, n > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

vb_status vb_discovery_write_json(vb_discovery *d, const char **out, size_t *len)
{
    const vb_discovered *t;
    size_t n;
    TRY(vb_discovery_result(d, &t, &n));
    vb_buf_reset(&d->out);
    TRY(write_json(d, t, n));
    *out = d->out.data;
    *len = d->out.len;
    return VB_OK;
}

/* Columns of text (code points) in `s`. */
static size_t columns(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

#define PHRASE_COLS 44

/* Appends `s` padded or cut (with "…") to PHRASE_COLS columns. */
static vb_status put_phrase(vb_buf *b, const char *s)
{
    size_t len = strlen(s);
    if (columns(s, len) > PHRASE_COLS) {
        size_t cols = 0, i = 0;
        for (; i < len; i++) {
            if (((unsigned char)s[i] & 0xC0) != 0x80 && ++cols == PHRASE_COLS)
                break;
        }
        TRY(vb_buf_append(b, s, i));
        return vb_buf_puts(b, "\xE2\x80\xA6");
    }
    TRY(vb_buf_append(b, s, len));
    for (size_t c = columns(s, len); c < PHRASE_COLS; c++)
        TRY(vb_buf_putc(b, ' '));
    return VB_OK;
}

static vb_status write_table(vb_discovery *d, const vb_discovered *t, size_t n)
{
    vb_buf *b = &d->out;
    bool g2_vs_ref = d->opts.uncovered && d->n_reference > 0;
    TRY(vb_buf_printf(b, "%-*s %8s %7s %9s %10s %10s\n", PHRASE_COLS, "theme (+variants)",
                      "comments", "share", "sentiment", "mean score",
                      g2_vs_ref ? "G2 vs cov" : "colloc G2"));
    for (size_t i = 0; i < n; i++) {
        char phrase[256];
        const char *label = t[i].label;
        if (t[i].n_match > 1)
            snprintf(phrase, sizeof phrase, "%s (+%zu)", label, t[i].n_match - 1);
        else
            snprintf(phrase, sizeof phrase, "%s", label);
        TRY(put_phrase(b, phrase));
        char score[32], g2[32];
        if (t[i].n_scored > 0)
            snprintf(score, sizeof score, "%.2f", t[i].mean_score);
        else
            snprintf(score, sizeof score, "-");
        if (t[i].g2 > 0)
            snprintf(g2, sizeof g2, "%.1f", t[i].g2);
        else
            snprintf(g2, sizeof g2, "-");
        TRY(vb_buf_printf(b, " %8zu %6.1f%% %+9.2f %10s %10s\n", t[i].count, 100.0 * t[i].share,
                          t[i].sentiment + 0.0, score, g2));
    }
    return VB_OK;
}

vb_status vb_discovery_write_table(vb_discovery *d, const char **out, size_t *len)
{
    const vb_discovered *t;
    size_t n;
    TRY(vb_discovery_result(d, &t, &n));
    vb_buf_reset(&d->out);
    TRY(write_table(d, t, n));
    *out = d->out.data;
    *len = d->out.len;
    return VB_OK;
}
