/* themes.c: the compiled theme matcher and aspect sentiment.
 *
 * The stage after sentiment. At load, every match/match_alone/exclude
 * term of the taxonomy (taxonomy.c) is run through a vb_text exactly as a
 * comment would be, and
 *  - each token stem is interned: a hash table maps stem -> id (1..n);
 *  - words and phrases become paths in a trie over stem ids, whose edges
 *    live in one hash table keyed by (node, stem id); the node where a
 *    term ends lists its outputs (theme, role);
 *  - prefixes go to a hash table of their own, keyed by the prefix's
 *    lookup form, with the set of prefix lengths in use;
 *  - A NEAR/k B adds A and B as above with "near" outputs;
 *  - regexes are compiled by match.c.
 * Per record, each token's stem id comes from the vb_text word cache
 * (vb_themes_term_id() is asked once per distinct word), or is one hash
 * lookup; from each token the trie is walked while the following ids
 * continue a path (a 64-bit mask of child ids per node rules out most
 * steps without a probe), and its lookup form is hashed once,
 * incrementally, probing the prefix table at each prefix length in use.
 * So the cost per token depends on the text and on the longest phrase,
 * not on how many themes there are. NEAR operands are kept in a list of
 * their own per node and looked at only when the other side's first stem
 * may be in the sentence.
 *
 * Record hits are sorted by a counting sort on the theme.
 *
 * Sentences are resolved one at a time: the outputs hit in a sentence
 * set role bits per theme (free, conditional on the parent, excluded);
 * themes are then decided in taxonomy order, which puts parents first, so
 * a child's conditional terms can look at its parent's result. Per-theme
 * scratch is stamped with a sentence generation instead of being cleared,
 * so a sentence costs what it hits, not the size of the taxonomy.
 */
#include "themes.h"

#include "alloc.h"
#include "buf.h"
#include "jsonw.h"
#include "lexicon.h" /* vb_senti_hash: FNV-1a, incremental */
#include "match.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PREFIX_BYTES 255
#define TEXT_MAX_BYTES ((size_t)1 << 30)

#define TRY(expr)                                                                            \
    do {                                                                                     \
        vb_status st_ = (expr);                                                              \
        if (st_ != VB_OK)                                                                    \
            return st_;                                                                      \
    } while (0)

/* Roles of an output; the first three are also per-sentence theme flags. */
enum {
    ROLE_FREE = 1u << 0,   /* counts on its own */
    ROLE_COND = 1u << 1,   /* counts where the parent matches */
    ROLE_EXCL = 1u << 2,   /* suppresses the theme in this sentence */
    ROLE_NEAR_A = 1u << 3, /* left operand of NEAR rule `near` */
    ROLE_NEAR_B = 1u << 4, /* right operand */
    FLAG_MATCHED = 1u << 5 /* per-sentence flag: the theme matches here */
};

/* ---- hash tables ---------------------------------------------------------- */

/* Strings to a value (stem -> id, prefix -> first output). Open addressing,
 * at most half full. */
typedef struct str_slot {
    const char *s; /* NULL: empty */
    uint64_t hash;
    uint32_t len;
    uint32_t value;
} str_slot;

typedef struct str_table {
    str_slot *slots;
    size_t n_slots; /* a power of 2, or 0 */
    size_t n_used;
} str_table;

static str_slot *str_find(const str_table *t, uint64_t hash, const char *s, size_t len)
{
    if (t->n_slots == 0)
        return NULL;
    size_t mask = t->n_slots - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        str_slot *e = &t->slots[i];
        if (e->s == NULL)
            return NULL;
        if (e->hash == hash && e->len == len && memcmp(e->s, s, len) == 0)
            return e;
    }
}

static vb_status str_grow(str_table *t, const vb_allocator *a)
{
    size_t n = t->n_slots == 0 ? 64 : t->n_slots * 2;
    str_slot *slots = vb_calloc(a, n, sizeof *slots);
    if (slots == NULL)
        return VB_ENOMEM;
    for (size_t k = 0; k < t->n_slots; k++) {
        if (t->slots[k].s == NULL)
            continue;
        size_t i = (size_t)t->slots[k].hash & (n - 1);
        while (slots[i].s != NULL)
            i = (i + 1) & (n - 1);
        slots[i] = t->slots[k];
    }
    vb_free(a, t->slots);
    t->slots = slots;
    t->n_slots = n;
    return VB_OK;
}

/* Finds `s` or adds it with value 0 (its text copied into `strings`). */
static vb_status str_intern(str_table *t, const vb_allocator *a, vb_arena *strings,
                            const char *s, size_t len, str_slot **out)
{
    uint64_t hash = vb_senti_hash(s, len);
    *out = str_find(t, hash, s, len);
    if (*out != NULL)
        return VB_OK;
    if ((t->n_used + 1) * 2 > t->n_slots)
        TRY(str_grow(t, a));
    char *copy = vb_arena_strndup(strings, s, len);
    if (copy == NULL)
        return VB_ENOMEM;
    size_t mask = t->n_slots - 1;
    size_t i = (size_t)hash & mask;
    while (t->slots[i].s != NULL)
        i = (i + 1) & mask;
    t->slots[i] = (str_slot){copy, hash, (uint32_t)len, 0};
    t->n_used++;
    *out = &t->slots[i];
    return VB_OK;
}

/* Trie edges: (node << 32 | stem id) -> child node. Key 0 is never used
 * (stem ids start at 1), so it marks an empty slot. */
typedef struct edge_slot {
    uint64_t key;
    uint32_t child;
} edge_slot;

typedef struct edge_table {
    edge_slot *slots;
    size_t n_slots;
    size_t n_used;
} edge_table;

static inline size_t edge_hash(uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17);
}

static inline uint32_t edge_find(const edge_table *t, uint32_t node, uint32_t id)
{
    if (t->n_slots == 0)
        return 0;
    const uint64_t key = (uint64_t)node << 32 | id;
    const size_t mask = t->n_slots - 1;
    for (size_t i = edge_hash(key) & mask;; i = (i + 1) & mask) {
        if (t->slots[i].key == key)
            return t->slots[i].child;
        if (t->slots[i].key == 0)
            return 0;
    }
}

static vb_status edge_add(edge_table *t, const vb_allocator *a, uint32_t node, uint32_t id,
                          uint32_t child)
{
    if ((t->n_used + 1) * 2 > t->n_slots) {
        size_t n = t->n_slots == 0 ? 64 : t->n_slots * 2;
        edge_slot *slots = vb_calloc(a, n, sizeof *slots);
        if (slots == NULL)
            return VB_ENOMEM;
        for (size_t k = 0; k < t->n_slots; k++) {
            if (t->slots[k].key == 0)
                continue;
            size_t i = edge_hash(t->slots[k].key) & (n - 1);
            while (slots[i].key != 0)
                i = (i + 1) & (n - 1);
            slots[i] = t->slots[k];
        }
        vb_free(a, t->slots);
        t->slots = slots;
        t->n_slots = n;
    }
    const uint64_t key = (uint64_t)node << 32 | id;
    size_t mask = t->n_slots - 1;
    size_t i = edge_hash(key) & mask;
    while (t->slots[i].key != 0)
        i = (i + 1) & mask;
    t->slots[i] = (edge_slot){key, child};
    t->n_used++;
    return VB_OK;
}

/* ---- the compiled taxonomy ------------------------------------------------ */

typedef struct output {
    uint32_t theme;
    uint32_t role; /* one ROLE_* */
    uint32_t near; /* NEAR rule, for ROLE_NEAR_A/B */
    uint32_t next; /* next output of the same node or prefix; 0 ends */
} output;

typedef struct trie_node {
    uint32_t out;      /* first output other than a NEAR operand; 0 = none */
    uint32_t near_out; /* first NEAR operand output; 0 = none */
    uint64_t kids;     /* bit (id & 63) for each stem id a phrase goes on with */
    uint64_t partners; /* bit (id & 63) of the other side's first stem id of
                        * each NEAR operand here (all bits: a prefix) */
} trie_node;

typedef struct near_rule {
    uint32_t theme;
    uint32_t role; /* ROLE_FREE, ROLE_COND or ROLE_EXCL of the whole rule */
    uint32_t k;    /* at most k words apart */
    uint32_t first_id[2]; /* first stem id of A and of B; 0: a prefix */
} near_rule;

typedef struct regex_rule {
    vb_regex *re;
    uint32_t theme;
    uint32_t role;
    uint32_t index; /* 1-based among the theme's regexes, for warnings */
} regex_rule;

struct vb_themes {
    const vb_allocator *alloc;
    vb_arena strings;     /* ids, labels, stems, prefixes */
    vb_theme_info *info;  /* n_themes, taxonomy order */
    const char **json_head; /* per theme: {"id":...,"label":...,"sentiment": */
    size_t *json_head_len;
    size_t n_themes;
    str_table stems;      /* stem -> id */
    uint32_t *id_root;    /* stem id -> trie node of the one-token path, 0 = none */
    edge_table edges;     /* trie */
    trie_node *nodes;     /* node 0 is the root */
    size_t n_nodes, cap_nodes;
    output *outs;         /* outs[0] unused, so 0 can end a list */
    size_t n_outs, cap_outs;
    str_table prefixes;   /* prefix lookup form -> first output */
    bool prefix_len[MAX_PREFIX_BYTES + 1]; /* lengths in use */
    size_t max_prefix_len;
    near_rule *nears;
    size_t n_nears, cap_nears;
    regex_rule *regexes;
    size_t n_regexes, cap_regexes;
};

static vb_status grow(const vb_allocator *a, void **items, size_t *cap, size_t need,
                      size_t size)
{
    if (need <= *cap)
        return VB_OK;
    size_t new_cap = *cap == 0 ? 16 : *cap;
    while (new_cap < need)
        new_cap *= 2;
    if (vb_mul_overflows(new_cap, size))
        return VB_ENOMEM;
    void *p = vb_realloc(a, *items, new_cap * size);
    if (p == NULL)
        return VB_ENOMEM;
    *items = p;
    *cap = new_cap;
    return VB_OK;
}

void vb_themes_free(vb_themes *t)
{
    if (t == NULL)
        return;
    const vb_allocator *a = t->alloc;
    for (size_t i = 0; i < t->n_regexes; i++)
        vb_regex_free(t->regexes[i].re);
    vb_free(a, t->regexes);
    vb_free(a, t->nears);
    vb_free(a, t->outs);
    vb_free(a, t->nodes);
    vb_free(a, t->edges.slots);
    vb_free(a, t->stems.slots);
    vb_free(a, t->id_root);
    vb_free(a, t->prefixes.slots);
    vb_free(a, t->info);
    vb_free(a, t->json_head);
    vb_free(a, t->json_head_len);
    vb_arena_free(&t->strings);
    vb_free(a, t);
}

size_t vb_themes_count(const vb_themes *t)
{
    return t != NULL ? t->n_themes : 0;
}

const vb_theme_info *vb_themes_info(const vb_themes *t, size_t index)
{
    return t != NULL && index < t->n_themes ? &t->info[index] : NULL;
}

size_t vb_themes_n_regex(const vb_themes *t)
{
    return t != NULL ? t->n_regexes : 0;
}

/* Adds an output to the list whose head is *head, unless the head is the
 * same output already (a theme listing "deliver" and "delivered"). */
static vb_status add_output(vb_themes *t, uint32_t *head, uint32_t theme, uint32_t role,
                            uint32_t near)
{
    if (*head != 0) {
        const output *h = &t->outs[*head];
        if (h->theme == theme && h->role == role && h->near == near)
            return VB_OK;
    }
    if (t->n_outs == 0)
        t->n_outs = 1; /* outs[0] is the list end */
    TRY(grow(t->alloc, (void **)&t->outs, &t->cap_outs, t->n_outs + 1, sizeof *t->outs));
    t->outs[t->n_outs] = (output){theme, role, near, *head};
    *head = (uint32_t)t->n_outs++;
    return VB_OK;
}

/* ---- compiling ------------------------------------------------------------ */

/* The start of each theme's JSON object, escaped once at load. */
static vb_status build_json_heads(vb_themes *t)
{
    t->json_head = vb_calloc(t->alloc, t->n_themes, sizeof *t->json_head);
    t->json_head_len = vb_calloc(t->alloc, t->n_themes, sizeof *t->json_head_len);
    if (t->json_head == NULL || t->json_head_len == NULL)
        return VB_ENOMEM;
    vb_buf b;
    vb_buf_init(&b, t->alloc, (size_t)1 << 20);
    vb_status st = VB_OK;
    for (size_t i = 0; i < t->n_themes && st == VB_OK; i++) {
        const vb_theme_info *info = &t->info[i];
        vb_buf_reset(&b);
        if ((st = vb_buf_puts(&b, "{\"id\":")) != VB_OK ||
            (st = vb_json_string(&b, info->id, strlen(info->id))) != VB_OK ||
            (st = vb_buf_puts(&b, ",\"label\":")) != VB_OK ||
            (st = vb_json_string(&b, info->label, strlen(info->label))) != VB_OK ||
            (st = vb_buf_puts(&b, ",\"sentiment\":")) != VB_OK)
            break;
        t->json_head[i] = vb_arena_strndup(&t->strings, b.data, b.len);
        t->json_head_len[i] = b.len;
        if (t->json_head[i] == NULL)
            st = VB_ENOMEM;
    }
    vb_buf_free(&b);
    return st;
}

void vb_themes_json_head(const vb_themes *t, size_t index, const char **json, size_t *len)
{
    *json = t->json_head[index];
    *len = t->json_head_len[index];
}

typedef struct compiler {
    vb_themes *t;
    const vb_taxonomy *tax;
    vb_text *text;
    vb_arena scratch;           /* one term's analysis */
    vb_tax_report_fn report;
    void *ctx;
    size_t n_problems;
    bool *has_terms;            /* per theme: has match, match_alone or regex entries */
} compiler;

static void problem(compiler *c, const vb_tax_term *term, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void problem(compiler *c, const vb_tax_term *term, const char *fmt, ...)
{
    char path[1200], msg[768];
    snprintf(path, sizeof path, "%s.%s[%u]", c->tax->themes[term->theme].path,
             vb_tax_list_names[term->list], term->index);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->n_problems++;
    if (c->report != NULL)
        c->report(path, msg, c->ctx);
}

/* Compiles one operand, adding (theme, role, near) to the node or prefix
 * where it ends. A problem is reported and skipped (VB_OK). */
static vb_status compile_side(compiler *c, const vb_tax_term *term, const vb_tax_side *side,
                              uint32_t role, uint32_t near, uint32_t *first_id)
{
    vb_themes *t = c->t;
    *first_id = 0;
    vb_doc doc;
    vb_arena_reset(&c->scratch);
    TRY(vb_text_analyze(c->text, &c->scratch, side->text, side->len, &doc));
    size_t n_words = 0;
    for (size_t i = 0; i < doc.n_tokens; i++)
        n_words += doc.tokens[i].kind != VB_TOKEN_PUNCT;
    if (n_words == 0) {
        problem(c, term, "no words in \"%s\"", side->text);
        return VB_OK;
    }
    if (side->prefix) {
        const vb_token *k = &doc.tokens[0];
        if (doc.n_tokens != 1) {
            problem(c, term, "a prefix is one word followed by * (e.g. parcel*)");
            return VB_OK;
        }
        if (k->lookup_len > MAX_PREFIX_BYTES) {
            problem(c, term, "prefix longer than %d bytes", MAX_PREFIX_BYTES);
            return VB_OK;
        }
        str_slot *slot;
        TRY(str_intern(&t->prefixes, t->alloc, &t->strings, k->lookup, k->lookup_len, &slot));
        TRY(add_output(t, &slot->value, term->theme, role, near));
        t->prefix_len[k->lookup_len] = true;
        if (k->lookup_len > t->max_prefix_len)
            t->max_prefix_len = k->lookup_len;
        return VB_OK;
    }
    if (doc.n_sentences > 1) {
        problem(c, term, "a phrase cannot span sentences");
        return VB_OK;
    }
    uint32_t node = 0;
    for (size_t i = 0; i < doc.n_tokens; i++) {
        const vb_token *k = &doc.tokens[i];
        str_slot *slot;
        TRY(str_intern(&t->stems, t->alloc, &t->strings, k->stem, k->stem_len, &slot));
        if (slot->value == 0)
            slot->value = (uint32_t)t->stems.n_used;
        if (i == 0)
            *first_id = slot->value;
        uint32_t child = edge_find(&t->edges, node, slot->value);
        if (child == 0) {
            TRY(grow(t->alloc, (void **)&t->nodes, &t->cap_nodes, t->n_nodes + 1,
                     sizeof *t->nodes));
            child = (uint32_t)t->n_nodes++;
            t->nodes[child] = (trie_node){0, 0, 0, 0};
            TRY(edge_add(&t->edges, t->alloc, node, slot->value, child));
            t->nodes[node].kids |= (uint64_t)1 << (slot->value & 63);
        }
        node = child;
    }
    const bool is_near = role == ROLE_NEAR_A || role == ROLE_NEAR_B;
    return add_output(t, is_near ? &t->nodes[node].near_out : &t->nodes[node].out, term->theme,
                      role, near);
}

/* A child's `match` terms and regexes are conditional on its parent,
 * unless the parent has no terms of its own (a theme that only groups
 * children), where they could never count. */
static uint32_t role_of(const compiler *c, const vb_tax_theme *th, vb_tax_list list)
{
    if (list == VB_TAX_EXCLUDE)
        return ROLE_EXCL;
    if (list == VB_TAX_MATCH_ALONE || th->parent < 0 || !c->has_terms[th->parent])
        return ROLE_FREE;
    return ROLE_COND;
}

static vb_status compile_term(compiler *c, const vb_tax_term *term, uint32_t *n_regex_of_theme)
{
    vb_themes *t = c->t;
    const uint32_t role = role_of(c, &c->tax->themes[term->theme], term->list);
    if (term->list == VB_TAX_REGEX) {
        uint32_t index = ++n_regex_of_theme[term->theme];
        vb_regex *re;
        size_t offset;
        char msg[256];
        vb_status st = vb_regex_compile(term->raw, term->raw_len, t->alloc, &re, &offset, msg,
                                        sizeof msg);
        if (st == VB_EPARSE) {
            problem(c, term, "bad regex at offset %zu: %s", offset, msg);
            return VB_OK;
        }
        TRY(st);
        st = grow(t->alloc, (void **)&t->regexes, &t->cap_regexes, t->n_regexes + 1,
                  sizeof *t->regexes);
        if (st != VB_OK) {
            vb_regex_free(re);
            return st;
        }
        t->regexes[t->n_regexes++] = (regex_rule){re, term->theme, role, index};
        return VB_OK;
    }
    uint32_t first_a, first_b;
    if (term->near_k == 0)
        return compile_side(c, term, &term->a, role, 0, &first_a);
    TRY(grow(t->alloc, (void **)&t->nears, &t->cap_nears, t->n_nears + 1, sizeof *t->nears));
    const uint32_t near = (uint32_t)t->n_nears++;
    t->nears[near] = (near_rule){term->theme, role, term->near_k, {0, 0}};
    TRY(compile_side(c, term, &term->a, ROLE_NEAR_A, near, &first_a));
    TRY(compile_side(c, term, &term->b, ROLE_NEAR_B, near, &first_b));
    t->nears[near].first_id[0] = first_a;
    t->nears[near].first_id[1] = first_b;
    return VB_OK;
}

static vb_status compile(compiler *c)
{
    vb_themes *t = c->t;
    const vb_taxonomy *tax = c->tax;
    if (tax->n_themes == 0)
        return VB_OK;
    t->info = vb_calloc(t->alloc, tax->n_themes, sizeof *t->info);
    if (t->info == NULL)
        return VB_ENOMEM;
    for (size_t i = 0; i < tax->n_themes; i++) {
        const vb_tax_theme *th = &tax->themes[i];
        t->info[i].id = vb_arena_strndup(&t->strings, th->id, strlen(th->id));
        t->info[i].label = vb_arena_strndup(&t->strings, th->label, strlen(th->label));
        if (t->info[i].id == NULL || t->info[i].label == NULL)
            return VB_ENOMEM;
        t->info[i].parent = th->parent;
    }
    t->n_themes = tax->n_themes;
    TRY(grow(t->alloc, (void **)&t->nodes, &t->cap_nodes, 1, sizeof *t->nodes));
    t->nodes[0] = (trie_node){0, 0, 0, 0};
    t->n_nodes = 1;
    uint32_t *n_regex = vb_calloc(t->alloc, tax->n_themes, sizeof *n_regex);
    c->has_terms = vb_calloc(t->alloc, tax->n_themes, sizeof *c->has_terms);
    vb_status st = n_regex != NULL && c->has_terms != NULL ? VB_OK : VB_ENOMEM;
    for (size_t i = 0; i < tax->n_terms && st == VB_OK; i++)
        if (tax->terms[i].list != VB_TAX_EXCLUDE)
            c->has_terms[tax->terms[i].theme] = true;
    for (size_t i = 0; i < tax->n_terms && st == VB_OK; i++)
        st = compile_term(c, &tax->terms[i], n_regex);
    /* The first step of every walk is kept by stem id, so a token's stem
     * id also gives its trie node. */
    if (st == VB_OK) {
        t->id_root = vb_calloc(t->alloc, t->stems.n_used + 1, sizeof *t->id_root);
        if (t->id_root == NULL)
            st = VB_ENOMEM;
    }
    for (size_t i = 0; st == VB_OK && i < t->stems.n_slots; i++) {
        str_slot *e = &t->stems.slots[i];
        if (e->s != NULL)
            t->id_root[e->value] = edge_find(&t->edges, 0, e->value);
    }
    for (size_t i = 0; st == VB_OK && i < t->n_nodes; i++) {
        trie_node *nd = &t->nodes[i];
        for (uint32_t o = nd->near_out; o != 0; o = t->outs[o].next) {
            const uint32_t other =
                t->nears[t->outs[o].near].first_id[t->outs[o].role == ROLE_NEAR_A];
            nd->partners |= other == 0 ? ~(uint64_t)0 : (uint64_t)1 << (other & 63);
        }
    }
    if (st == VB_OK)
        st = build_json_heads(t);
    vb_free(t->alloc, n_regex);
    vb_free(t->alloc, c->has_terms);
    c->has_terms = NULL;
    return st;
}

/* Reports a language the taxonomy names that is not the analysis language.
 * Returns VB_OK or VB_ENOMEM; *mismatch says whether they differ. */
static vb_status check_language(compiler *c, const vb_lang *lang, bool report, bool *mismatch)
{
    *mismatch = false;
    const char *want = c->tax->language;
    if (want == NULL)
        return VB_OK;
    vb_error e;
    vb_lang *tl = vb_lang_load(NULL, want, c->t->alloc, &e);
    if (tl == NULL) {
        if (e.code == VB_ENOMEM)
            return VB_ENOMEM;
        *mismatch = true;
        if (report) {
            c->n_problems++;
            if (c->report != NULL)
                c->report("$.language", "unknown language (see 'verbatim --help' for --lang)",
                          c->ctx);
        }
        return VB_OK;
    }
    if (strcmp(vb_lang_stemmer_name(tl), vb_lang_stemmer_name(lang)) != 0) {
        *mismatch = true;
        if (report) {
            char msg[256];
            snprintf(msg, sizeof msg, "the taxonomy is for %s, the analysis language is %s",
                     vb_lang_stemmer_name(tl), vb_lang_stemmer_name(lang));
            c->n_problems++;
            if (c->report != NULL)
                c->report("$.language", msg, c->ctx);
        }
    }
    vb_lang_free(tl);
    return VB_OK;
}

/* The work of vb_themes_compile_file(); `lenient_language` turns a
 * language mismatch into "no themes" instead of a problem. `lang` NULL:
 * the taxonomy's own language, else English. */
static vb_status compile_file(const char *path, const vb_lang *lang, const vb_allocator *a,
                              vb_tax_report_fn report, void *ctx, bool lenient_language,
                              vb_themes **out, size_t *n_problems, vb_error *err)
{
    *out = NULL;
    *n_problems = 0;
    a = vb_allocator_or_default(a);
    vb_taxonomy *tax;
    size_t n_syntax;
    vb_status st = vb_taxonomy_read(path, a, report, ctx, &tax, &n_syntax, err);
    if (st != VB_OK)
        return st;

    compiler c;
    memset(&c, 0, sizeof c);
    c.tax = tax;
    c.report = report;
    c.ctx = ctx;
    c.n_problems = n_syntax;
    vb_arena_init(&c.scratch, a, 4096);
    vb_lang *own_lang = NULL;
    c.t = vb_calloc(a, 1, sizeof *c.t);
    if (c.t == NULL) {
        st = VB_ENOMEM;
        goto done;
    }
    c.t->alloc = a;
    vb_arena_init(&c.t->strings, a, 16384);
    if (lang == NULL) {
        vb_error e;
        own_lang = vb_lang_load(NULL, tax->language != NULL ? tax->language : "english", a, &e);
        if (own_lang == NULL && e.code == VB_ENOMEM) {
            st = VB_ENOMEM;
            goto done;
        }
        if (own_lang == NULL) {
            c.n_problems++;
            if (report != NULL)
                report("$.language", "unknown language", ctx);
            own_lang = vb_lang_load(NULL, "english", a, &e);
            if (own_lang == NULL) {
                st = VB_ENOMEM;
                goto done;
            }
        }
        lang = own_lang;
    } else {
        bool mismatch;
        st = check_language(&c, lang, !lenient_language, &mismatch);
        if (st != VB_OK || (mismatch && lenient_language))
            goto done;
    }
    c.text = vb_text_new(lang, a);
    if (c.text == NULL) {
        st = VB_ENOMEM;
        goto done;
    }
    st = compile(&c);

done:
    if (st == VB_ENOMEM && err != NULL) {
        memset(err, 0, sizeof *err);
        err->code = VB_ENOMEM;
        snprintf(err->source, sizeof err->source, "%.255s", path);
        snprintf(err->message, sizeof err->message, "out of memory");
    }
    if (st == VB_OK && c.n_problems == 0 && c.t != NULL && c.t->info != NULL) {
        *out = c.t;
        c.t = NULL;
    }
    *n_problems = c.n_problems;
    vb_themes_free(c.t);
    vb_text_free(c.text);
    vb_lang_free(own_lang);
    vb_arena_free(&c.scratch);
    vb_taxonomy_free(tax);
    return st;
}

vb_status vb_themes_compile_file(const char *path, const vb_lang *lang, const vb_allocator *a,
                                 vb_tax_report_fn report, void *ctx, vb_themes **out,
                                 size_t *n_problems, vb_error *err)
{
    return compile_file(path, lang, a, report, ctx, false, out, n_problems, err);
}

/* Keeps the first problem for vb_error. */
typedef struct first_problem {
    char path[256];
    char message[400];
    size_t n;
} first_problem;

static void keep_first(const char *json_path, const char *message, void *ctx)
{
    first_problem *f = ctx;
    if (f->n++ == 0) {
        snprintf(f->path, sizeof f->path, "%s", json_path);
        snprintf(f->message, sizeof f->message, "%s", message);
    }
}

vb_status vb_themes_load(const char *data_dir, const char *taxonomy, const vb_lang *lang,
                         const vb_allocator *a, vb_themes **out, vb_error *err)
{
    *out = NULL;
    if (taxonomy != NULL && taxonomy[0] == '\0')
        return VB_OK;
    char def[4096];
    const char *path = taxonomy;
    if (path == NULL) {
        /* The default taxonomy is optional: no file, no themes. */
        int n = snprintf(def, sizeof def, "%s/themes/cx.json", data_dir != NULL ? data_dir : ".");
        if (n < 0 || (size_t)n >= sizeof def)
            return VB_OK;
        FILE *f = fopen(def, "rb");
        if (f == NULL)
            return VB_OK;
        fclose(f);
        path = def;
    }
    first_problem first;
    memset(&first, 0, sizeof first);
    size_t n_problems;
    vb_status st = compile_file(path, lang, a, keep_first, &first, taxonomy == NULL, out,
                                &n_problems, err);
    if (st != VB_OK)
        return st;
    if (n_problems > 0 && err != NULL) {
        memset(err, 0, sizeof *err);
        err->code = VB_EPARSE;
        snprintf(err->source, sizeof err->source, "%.255s", path);
        if (n_problems > 1)
            snprintf(err->message, sizeof err->message, "%.200s: %.250s (and %zu more problems)",
                     first.path, first.message, n_problems - 1);
        else
            snprintf(err->message, sizeof err->message, "%.200s: %.300s", first.path,
                     first.message);
    }
    return n_problems > 0 ? VB_EPARSE : VB_OK;
}

size_t vb_taxonomy_check(const char *path, const vb_options *opts,
                         vb_taxonomy_report_fn report, void *ctx, vb_taxonomy_counts *counts,
                         vb_error *err)
{
    vb_options defaults;
    if (opts == NULL) {
        vb_options_init(&defaults);
        defaults.language = NULL;
        opts = &defaults;
    }
    if (counts != NULL)
        memset(counts, 0, sizeof *counts);
    const vb_allocator *a = vb_allocator_or_default(&opts->alloc);
    vb_lang *lang = NULL;
    if (opts->language != NULL) {
        lang = vb_lang_load(NULL, opts->language, a, err);
        if (lang == NULL)
            return SIZE_MAX;
    }
    vb_themes *t;
    size_t n_problems;
    vb_status st = compile_file(path, lang, a, report, ctx, false, &t, &n_problems, err);
    if (st == VB_OK && t != NULL && counts != NULL) {
        counts->n_themes = t->n_themes;
        for (size_t i = 0; i < t->n_themes; i++)
            counts->n_top_level += t->info[i].parent < 0;
        counts->n_regex = t->n_regexes;
    }
    vb_themes_free(t);
    vb_lang_free(lang);
    return st == VB_OK ? n_problems : SIZE_MAX;
}

/* ---- matching ------------------------------------------------------------- */

uint32_t vb_themes_term_id(const char *stem, size_t len, const void *themes)
{
    const vb_themes *t = themes;
    const str_slot *s = str_find(&t->stems, vb_senti_hash(stem, len), stem, len);
    return s != NULL ? s->value : 0;
}

typedef struct near_state {
    uint32_t gen;              /* sentence generation the rest belongs to */
    bool has_a, has_b;
    uint32_t a_first, a_last;  /* last occurrence of each side (token indices) */
    uint32_t b_first, b_last;
} near_state;


typedef struct sent_hit {
    uint32_t theme;
    uint32_t first, last; /* tokens, inclusive */
} sent_hit;

typedef struct rec_hit {
    uint32_t theme;
    uint32_t clause;      /* of the first token */
    uint32_t sentence;    /* of the first token */
    size_t start, end;    /* bytes */
} rec_hit;

struct vb_theme_matcher {
    const vb_themes *t;
    const vb_allocator *alloc;
    vb_regex_scratch *rx;   /* NULL without regexes */
    uint32_t gen;           /* current sentence generation; 0 is never current */
    uint32_t *theme_gen;    /* n_themes: generation of theme_flags[i] */
    uint8_t *theme_flags;   /* n_themes: ROLE_FREE|COND|EXCL|FLAG_MATCHED */
    uint32_t *touched;      /* n_themes: themes hit in this sentence */
    size_t n_touched;
    near_state *nears;      /* n_nears */
    bool *regex_off;        /* n_regexes: cut off by a limit in this record */
    const uint32_t *ids;    /* per token of the record: stem id, 0 = in no term */
    uint32_t *own_ids;      /* ids, when the doc does not bring them */
    size_t cap_own_ids;
    uint32_t *wpos;         /* per token of the sentence: words (non-punctuation
                             * tokens) before it in the sentence */
    size_t cap_wpos;
    const vb_doc *doc;      /* the record and sentence [s_first, s_end) */
    size_t s_first, s_end;
    bool near_ready;        /* ids_seen and wpos are set for the sentence */
    uint64_t ids_seen;      /* bit (id & 63) of every stem id in the sentence */
    sent_hit *shits;
    size_t n_shits, cap_shits;
    rec_hit *rhits;
    size_t n_rhits, cap_rhits;
    rec_hit *sorted;        /* rhits by theme, cap_sorted */
    size_t cap_sorted;
    uint32_t *bucket;       /* n_themes + 1: where each theme's hits start */
    vb_buf text;            /* a sentence's normalised text, for regexes */
    size_t *offs;           /* per token of the sentence: where its norm starts */
    size_t cap_offs;
    const char *warning;
    size_t limit_hits;
    vb_arena *arena;        /* the record's, for the warning */
};

vb_theme_matcher *vb_theme_matcher_new(const vb_themes *t, const vb_allocator *a)
{
    a = vb_allocator_or_default(a);
    vb_theme_matcher *m = vb_calloc(a, 1, sizeof *m);
    if (m == NULL)
        return NULL;
    m->t = t;
    m->alloc = a;
    vb_buf_init(&m->text, a, TEXT_MAX_BYTES);
    size_t n = t->n_themes;
    m->theme_gen = vb_calloc(a, n, sizeof *m->theme_gen);
    m->theme_flags = vb_calloc(a, n, sizeof *m->theme_flags);
    m->touched = vb_calloc(a, n, sizeof *m->touched);
    m->bucket = vb_calloc(a, n + 1, sizeof *m->bucket);
    if (m->theme_gen == NULL || m->theme_flags == NULL || m->touched == NULL ||
        m->bucket == NULL)
        goto fail;
    if (t->n_nears > 0 && (m->nears = vb_calloc(a, t->n_nears, sizeof *m->nears)) == NULL)
        goto fail;
    if (t->n_regexes > 0) {
        m->regex_off = vb_calloc(a, t->n_regexes, sizeof *m->regex_off);
        m->rx = vb_regex_scratch_new(a);
        if (m->regex_off == NULL || m->rx == NULL)
            goto fail;
    }
    return m;

fail:
    vb_theme_matcher_free(m);
    return NULL;
}

void vb_theme_matcher_free(vb_theme_matcher *m)
{
    if (m == NULL)
        return;
    const vb_allocator *a = m->alloc;
    vb_regex_scratch_free(m->rx);
    vb_buf_free(&m->text);
    vb_free(a, m->theme_gen);
    vb_free(a, m->theme_flags);
    vb_free(a, m->touched);
    vb_free(a, m->nears);
    vb_free(a, m->regex_off);
    vb_free(a, m->own_ids);
    vb_free(a, m->wpos);
    vb_free(a, m->shits);
    vb_free(a, m->rhits);
    vb_free(a, m->sorted);
    vb_free(a, m->bucket);
    vb_free(a, m->offs);
    vb_free(a, m);
}

static vb_status add_hit(vb_theme_matcher *m, uint32_t theme, uint32_t role, uint32_t first,
                         uint32_t last)
{
    if (m->theme_gen[theme] != m->gen) {
        m->theme_gen[theme] = m->gen;
        m->theme_flags[theme] = 0;
        m->touched[m->n_touched++] = theme;
    }
    m->theme_flags[theme] |= (uint8_t)role;
    if (role == ROLE_EXCL)
        return VB_OK;
    TRY(grow(m->alloc, (void **)&m->shits, &m->cap_shits, m->n_shits + 1, sizeof *m->shits));
    m->shits[m->n_shits++] = (sent_hit){theme, first, last};
    return VB_OK;
}

/* One occurrence of a NEAR operand. Occurrences arrive in order of their
 * first token, so the other side's latest occurrence is its nearest one
 * before this; pairs the other way round are found when the later one
 * arrives. */
static vb_status near_hit(vb_theme_matcher *m, const output *o, uint32_t first, uint32_t last)
{
    const near_rule *rule = &m->t->nears[o->near];
    near_state *ns = &m->nears[o->near];
    if (ns->gen != m->gen) {
        memset(ns, 0, sizeof *ns);
        ns->gen = m->gen;
    }
    const bool is_a = o->role == ROLE_NEAR_A;
    const bool other = is_a ? ns->has_b : ns->has_a;
    const uint32_t of = is_a ? ns->b_first : ns->a_first;
    const uint32_t ol = is_a ? ns->b_last : ns->a_last;
    if (other && ol < first &&
        m->wpos[first - m->s_first] - m->wpos[ol - m->s_first] <= rule->k) {
        TRY(add_hit(m, rule->theme, rule->role, of, ol));
        TRY(add_hit(m, rule->theme, rule->role, first, last));
    }
    if (is_a) {
        ns->has_a = true;
        ns->a_first = first;
        ns->a_last = last;
    } else {
        ns->has_b = true;
        ns->b_first = first;
        ns->b_last = last;
    }
    return VB_OK;
}

/* What NEAR operands need, worked out once per sentence and only for a
 * sentence that has one: the stem ids present and the word positions. */
static vb_status prepare_near(vb_theme_matcher *m)
{
    const size_t first = m->s_first, end = m->s_end;
    TRY(grow(m->alloc, (void **)&m->wpos, &m->cap_wpos, end - first, sizeof *m->wpos));
    uint64_t seen = 0;
    uint32_t words = 0;
    for (size_t i = first; i < end; i++) {
        seen |= (uint64_t)1 << (m->ids[i] & 63);
        m->wpos[i - first] = words;
        words += m->doc->tokens[i].kind != VB_TOKEN_PUNCT;
    }
    m->ids_seen = seen;
    m->near_ready = true;
    return VB_OK;
}

/* A NEAR operand whose other side cannot occur in the sentence (its first
 * stem is not there) changes nothing and is skipped. */
static vb_status emit(vb_theme_matcher *m, uint32_t head, uint32_t first, uint32_t last)
{
    const output *outs = m->t->outs;
    for (uint32_t i = head; i != 0; i = outs[i].next) {
        const output *o = &outs[i];
        if (o->role == ROLE_NEAR_A || o->role == ROLE_NEAR_B) {
            if (!m->near_ready)
                TRY(prepare_near(m));
            const uint32_t other = m->t->nears[o->near].first_id[o->role == ROLE_NEAR_A];
            if (other == 0 || ((m->ids_seen >> (other & 63)) & 1))
                TRY(near_hit(m, o, first, last));
        } else {
            TRY(add_hit(m, o->theme, o->role, first, last));
        }
    }
    return VB_OK;
}

/* Prefixes that the token's lookup form starts with: one incremental hash
 * over the bytes, one probe at each length some prefix has. */
static vb_status prefix_hits(vb_theme_matcher *m, const vb_token *k, uint32_t i)
{
    const vb_themes *t = m->t;
    size_t n = k->lookup_len < t->max_prefix_len ? k->lookup_len : t->max_prefix_len;
    uint64_t h = VB_SENTI_HASH_INIT;
    for (size_t len = 1; len <= n; len++) {
        h = vb_senti_hash_more(h, k->lookup + len - 1, 1);
        if (!t->prefix_len[len])
            continue;
        const str_slot *s = str_find(&t->prefixes, h, k->lookup, len);
        if (s != NULL)
            TRY(emit(m, s->value, i, i));
    }
    return VB_OK;
}

/* The first token of the sentence [first, end) whose norm form ends
 * after byte `at` of the sentence text (`end` if none). */
static size_t first_ending_after(const vb_theme_matcher *m, const vb_token *toks, size_t first,
                                 size_t end, size_t at)
{
    size_t lo = first, hi = end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->offs[mid - first] + toks[mid].norm_len <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first token of the sentence [first, end) that starts at or after
 * byte `at` of the sentence text (`end` if none). */
static size_t first_starting_at(const vb_theme_matcher *m, size_t first, size_t end, size_t at)
{
    size_t lo = first, hi = end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->offs[mid - first] < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static vb_status regex_hits(vb_theme_matcher *m, const vb_doc *doc, size_t first, size_t end)
{
    const vb_themes *t = m->t;
    TRY(grow(m->alloc, (void **)&m->offs, &m->cap_offs, end - first, sizeof *m->offs));
    vb_buf_reset(&m->text);
    for (size_t i = first; i < end; i++) {
        if (i > first)
            TRY(vb_buf_putc(&m->text, ' '));
        m->offs[i - first] = m->text.len;
        TRY(vb_buf_append(&m->text, doc->tokens[i].norm, doc->tokens[i].norm_len));
    }
    const char *s = m->text.data != NULL ? m->text.data : "";
    const size_t len = m->text.len;
    for (size_t r = 0; r < t->n_regexes; r++) {
        const regex_rule *rule = &t->regexes[r];
        if (m->regex_off[r])
            continue;
        size_t at = 0, ms, me;
        while (at <= len) {
            vb_regex_result res = vb_regex_find(rule->re, m->rx, s, len, at, &ms, &me);
            if (res == VB_REGEX_NOMATCH)
                break;
            if (res == VB_REGEX_LIMIT) {
                /* Skip this regex for the rest of the record, so a record
                 * costs at most one cut-off search per regex. */
                m->regex_off[r] = true;
                if (m->limit_hits++ == 0) {
                    char buf[300];
                    int n = snprintf(buf, sizeof buf,
                                     "theme \"%s\": regex %u hit the match limit; skipped",
                                     t->info[rule->theme].id, rule->index);
                    m->warning = vb_arena_strndup(m->arena, buf, (size_t)n < sizeof buf
                                                                    ? (size_t)n
                                                                    : sizeof buf - 1);
                    if (m->warning == NULL)
                        return VB_ENOMEM;
                }
                break;
            }
            if (me > ms) {
                /* The tokens the match touches: from the first that ends
                 * after its start to the last that starts before its end
                 * (none when it matched only the spaces between tokens). */
                size_t a = first_ending_after(m, doc->tokens, first, end, ms);
                size_t b = first_starting_at(m, first, end, me);
                if (a < b)
                    TRY(add_hit(m, rule->theme, rule->role, (uint32_t)a, (uint32_t)(b - 1)));
                at = me;
            } else {
                if (ms >= len)
                    break;
                /* An empty match: step over one character. */
                at = ms + 1;
                while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80)
                    at++;
            }
        }
    }
    return VB_OK;
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* True when a parent (or theirs) of `theme` is excluded in this sentence:
 * an exclude cancels the theme with everything under it. */
static bool ancestor_excluded(const vb_theme_matcher *m, uint32_t theme)
{
    for (int32_t p = m->t->info[theme].parent; p >= 0; p = m->t->info[p].parent)
        if (m->theme_gen[p] == m->gen && (m->theme_flags[p] & ROLE_EXCL))
            return true;
    return false;
}

/* Decides the themes of the sentence and moves their spans to the record:
 * a theme matches unless excluded here, by its own free terms, or by its
 * conditional terms where its parent matches. Ancestors get the spans too. */
static vb_status resolve_sentence(vb_theme_matcher *m, const vb_doc *doc)
{
    const vb_themes *t = m->t;
    if (m->n_touched > 16) {
        qsort(m->touched, m->n_touched, sizeof *m->touched, compare_u32);
    } else {
        for (size_t i = 1; i < m->n_touched; i++) {
            uint32_t x = m->touched[i];
            size_t j = i;
            for (; j > 0 && m->touched[j - 1] > x; j--)
                m->touched[j] = m->touched[j - 1];
            m->touched[j] = x;
        }
    }
    for (size_t i = 0; i < m->n_touched; i++) {
        const uint32_t th = m->touched[i];
        uint8_t f = m->theme_flags[th];
        bool matched = false;
        if (!(f & ROLE_EXCL) && !ancestor_excluded(m, th)) {
            if (f & ROLE_FREE) {
                matched = true;
            } else if (f & ROLE_COND) {
                int32_t p = t->info[th].parent;
                matched = p >= 0 && m->theme_gen[p] == m->gen &&
                          (m->theme_flags[p] & FLAG_MATCHED);
            }
        }
        if (matched)
            m->theme_flags[th] = (uint8_t)(f | FLAG_MATCHED);
    }
    for (size_t i = 0; i < m->n_shits; i++) {
        const sent_hit *h = &m->shits[i];
        if (!(m->theme_flags[h->theme] & FLAG_MATCHED))
            continue;
        const vb_token *a = &doc->tokens[h->first], *b = &doc->tokens[h->last];
        for (int32_t th = (int32_t)h->theme; th >= 0; th = t->info[th].parent) {
            TRY(grow(m->alloc, (void **)&m->rhits, &m->cap_rhits, m->n_rhits + 1,
                     sizeof *m->rhits));
            m->rhits[m->n_rhits++] =
                (rec_hit){(uint32_t)th, a->clause, a->sentence, a->start, b->end};
        }
    }
    return VB_OK;
}

static vb_status match_sentence(vb_theme_matcher *m, const vb_doc *doc, const vb_span *s)
{
    const vb_themes *t = m->t;
    if (++m->gen == 0) {
        /* 2^32 sentences later: forget every stamp once. */
        memset(m->theme_gen, 0, t->n_themes * sizeof *m->theme_gen);
        for (size_t i = 0; i < t->n_nears; i++)
            m->nears[i].gen = 0;
        m->gen = 1;
    }
    m->n_touched = 0;
    m->n_shits = 0;
    const size_t first = s->first_token, end = s->first_token + s->n_tokens;
    const bool prefixes = t->max_prefix_len > 0;
    m->s_first = first;
    m->s_end = end;
    m->near_ready = false;
    const uint32_t *ids = m->ids;
    for (size_t i = first; i < end; i++) {
        uint32_t node = t->id_root[ids[i]];
        for (size_t j = i; node != 0;) {
            const trie_node *nd = &t->nodes[node];
            if (nd->out != 0)
                TRY(emit(m, nd->out, (uint32_t)i, (uint32_t)j));
            if (nd->near_out != 0) {
                if (!m->near_ready)
                    TRY(prepare_near(m));
                if (nd->partners & m->ids_seen)
                    TRY(emit(m, nd->near_out, (uint32_t)i, (uint32_t)j));
            }
            if (++j >= end)
                break;
            const uint32_t next = ids[j];
            if (next == 0 || !((nd->kids >> (next & 63)) & 1))
                break;
            node = edge_find(&t->edges, node, next);
        }
        if (prefixes && doc->tokens[i].kind != VB_TOKEN_PUNCT)
            TRY(prefix_hits(m, &doc->tokens[i], (uint32_t)i));
    }
    if (t->n_regexes > 0 && s->n_tokens > 0)
        TRY(regex_hits(m, doc, first, end));
    if (m->n_touched == 0)
        return VB_OK;
    return resolve_sentence(m, doc);
}

static int compare_rec_hits(const void *a, const void *b)
{
    const rec_hit *x = a, *y = b;
    if (x->theme != y->theme)
        return x->theme < y->theme ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

/* Turns the record's spans into vb_theme_hits: per theme, spans sorted
 * and overlapping ones merged; sentiment the mean compound of the
 * distinct clauses where its spans start. */
static void sort_rec_hits(rec_hit *h, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (compare_rec_hits(&h[i - 1], &h[i]) <= 0)
            continue;
        if (n > 32) { /* not the usual nearly sorted run */
            qsort(h, n, sizeof *h, compare_rec_hits);
            return;
        }
        rec_hit x = h[i];
        size_t j = i;
        for (; j > 0 && compare_rec_hits(&h[j - 1], &x) > 0; j--)
            h[j] = h[j - 1];
        h[j] = x;
    }
}

/* Sorts the record's hits by theme, start and end: a counting sort by
 * theme (stable), then each theme's hits, which arrive nearly in order. */
static vb_status sort_hits(vb_theme_matcher *m)
{
    const size_t n_themes = m->t->n_themes;
    if (m->n_rhits <= 16) {
        sort_rec_hits(m->rhits, m->n_rhits);
        return VB_OK;
    }
    TRY(grow(m->alloc, (void **)&m->sorted, &m->cap_sorted, m->n_rhits, sizeof *m->sorted));
    uint32_t *b = m->bucket;
    memset(b, 0, (n_themes + 1) * sizeof *b);
    for (size_t i = 0; i < m->n_rhits; i++)
        b[m->rhits[i].theme + 1]++;
    for (size_t th = 0; th < n_themes; th++)
        b[th + 1] += b[th];
    for (size_t i = 0; i < m->n_rhits; i++)
        m->sorted[b[m->rhits[i].theme]++] = m->rhits[i];
    /* b[th] is now where theme th + 1 starts. */
    size_t start = 0;
    for (size_t th = 0; th < n_themes; th++) {
        if (b[th] - start > 1)
            sort_rec_hits(&m->sorted[start], b[th] - start);
        start = b[th];
    }
    rec_hit *x = m->rhits;
    size_t cap = m->cap_rhits;
    m->rhits = m->sorted;
    m->cap_rhits = m->cap_sorted;
    m->sorted = x;
    m->cap_sorted = cap;
    return VB_OK;
}

/* The sentiment a mention takes: its clause's, or, when the clause holds
 * no sentiment word at all (a theme named in a list: "the food, service
 * and decor were all excellent"), its sentence's. */
static double aspect_score(const vb_doc_sentiment *ds, const rec_hit *x)
{
    const vb_sentiment *c = &ds->clauses[x->clause];
    if (c->pos == 0.0 && c->neg == 0.0 && ds->sentences != NULL)
        return ds->sentences[x->sentence].compound;
    return c->compound;
}

static vb_status collect(vb_theme_matcher *m, const vb_doc_sentiment *ds, vb_arena *arena,
                         vb_theme_result *out)
{
    TRY(sort_hits(m));
    size_t n_themes = 0;
    for (size_t i = 0; i < m->n_rhits; i++)
        n_themes += i == 0 || m->rhits[i].theme != m->rhits[i - 1].theme;
    vb_theme_hit *hits = vb_arena_array(arena, n_themes, sizeof *hits);
    vb_range *ranges = vb_arena_array(arena, m->n_rhits, sizeof *ranges);
    if (hits == NULL || ranges == NULL)
        return VB_ENOMEM;
    size_t h = 0, r = 0;
    for (size_t i = 0; i < m->n_rhits;) {
        const uint32_t theme = m->rhits[i].theme;
        vb_theme_hit *hit = &hits[h++];
        hit->theme = theme;
        hit->spans = &ranges[r];
        hit->n_spans = 0;
        double sum = 0;
        size_t n_clauses = 0;
        uint32_t last_clause = UINT32_MAX;
        for (; i < m->n_rhits && m->rhits[i].theme == theme; i++) {
            const rec_hit *x = &m->rhits[i];
            if (x->clause != last_clause) {
                last_clause = x->clause;
                if (ds != NULL && ds->clauses != NULL)
                    sum += aspect_score(ds, x);
                n_clauses++;
            }
            if (hit->n_spans > 0 && x->start < ranges[r - 1].end) {
                if (x->end > ranges[r - 1].end)
                    ranges[r - 1].end = x->end;
            } else {
                ranges[r++] = (vb_range){x->start, x->end};
                hit->n_spans++;
            }
        }
        hit->sentiment = n_clauses > 0 ? sum / (double)n_clauses : 0.0;
    }
    out->hits = hits;
    out->n_hits = n_themes;
    return VB_OK;
}

vb_status vb_themes_match(vb_theme_matcher *m, const vb_doc *doc, const vb_doc_sentiment *ds,
                          vb_arena *arena, vb_theme_result *out)
{
    memset(out, 0, sizeof *out);
    const vb_themes *t = m->t;
    const size_t n = doc->n_tokens;
    if (n == 0)
        return VB_OK;
    /* Stem ids come with the doc when its vb_text knows this taxonomy
     * (vb_text_set_term_words() with vb_themes_term_id), cached per word. */
    if (doc->term_lexicon == vb_themes_term_id && doc->term_ctx == t && doc->terms != NULL) {
        m->ids = doc->terms;
    } else {
        TRY(grow(m->alloc, (void **)&m->own_ids, &m->cap_own_ids, n, sizeof *m->own_ids));
        for (size_t i = 0; i < n; i++)
            m->own_ids[i] = vb_themes_term_id(doc->tokens[i].stem, doc->tokens[i].stem_len, t);
        m->ids = m->own_ids;
    }
    m->doc = doc;
    m->n_rhits = 0;
    m->warning = NULL;
    m->limit_hits = 0;
    m->arena = arena;
    if (t->n_regexes > 0)
        memset(m->regex_off, 0, t->n_regexes * sizeof *m->regex_off);
    for (size_t s = 0; s < doc->n_sentences; s++)
        TRY(match_sentence(m, doc, &doc->sentences[s]));
    out->warning = m->warning;
    out->regex_limit_hits = m->limit_hits;
    if (m->n_rhits == 0)
        return VB_OK;
    return collect(m, ds, arena, out);
}
