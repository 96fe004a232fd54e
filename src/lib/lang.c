/* lang.c: the language of a run. vb_lang_load() resolves a name or ISO
 * code against the algorithms the installed libstemmer actually has, and
 * loads the language's word lists (<data_dir>/<code>/stopwords.txt,
 * pronouns.txt, non_answers.txt and spellings.tsv) into a read-only hash
 * table of words, their flags and their right spellings. The result is
 * immutable and shared by every thread; per-thread state (the stemmer and
 * its cache) lives in vb_text.
 *
 * Words are stored in the same form tokens are compared in (their
 * `lookup`: NFKC, case folded, apostrophes unified), so a list may be
 * written in any case and with typographic apostrophes. */
#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "error.h"
#include "norm.h"
#include "stem.h"
#include "text.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* libstemmer algorithm <-> ISO 639-1 code, which names the lexicon folder.
 * "porter" is the original English algorithm and reads the English data. */
static const struct {
    const char *name;
    const char *code;
} codes[] = {
    {"arabic", "ar"},     {"armenian", "hy"},   {"basque", "eu"},    {"catalan", "ca"},
    {"danish", "da"},     {"dutch", "nl"},      {"english", "en"},   {"esperanto", "eo"},
    {"estonian", "et"},   {"finnish", "fi"},    {"french", "fr"},    {"german", "de"},
    {"greek", "el"},      {"hindi", "hi"},      {"hungarian", "hu"}, {"indonesian", "id"},
    {"irish", "ga"},      {"italian", "it"},    {"lithuanian", "lt"}, {"nepali", "ne"},
    {"norwegian", "no"},  {"polish", "pl"},     {"portuguese", "pt"}, {"romanian", "ro"},
    {"russian", "ru"},    {"serbian", "sr"},    {"spanish", "es"},   {"swedish", "sv"},
    {"tamil", "ta"},      {"turkish", "tr"},    {"yiddish", "yi"},   {"porter", "en"},
};
#define N_CODES (sizeof codes / sizeof codes[0])

#define MAX_LINE_BYTES 1024
#define MAX_WORD_BYTES (1u << 20) /* all of the lists' words together */

/* How a list's lines read: one word, a phrase (its entry is the answer
 * key, vb_lang_answer_key()), or a misspelling and its right spelling. */
typedef enum { LIST_WORDS, LIST_PHRASES, LIST_SPELLINGS } list_kind;

/* The word lists and the flag each gives its entries. */
static const struct {
    const char *file;
    uint32_t flag;
    list_kind kind;
} lists[] = {
    {"stopwords.txt", VB_TOKEN_STOPWORD, LIST_WORDS},
    {"pronouns.txt", VB_TOKEN_PRONOUN, LIST_WORDS},
    {"non_answers.txt", VB_LANG_NON_ANSWER, LIST_PHRASES},
    {"spellings.tsv", 0, LIST_SPELLINGS},
};

typedef struct listed_word {
    uint32_t off, len;             /* bytes in vb_lang.pool */
    uint32_t hash;
    uint32_t flags;                /* VB_TOKEN_* or VB_LANG_NON_ANSWER of the lists that have it */
    uint32_t right_off, right_len; /* its right spelling in the pool; right_len 0: none */
} listed_word;

struct vb_lang {
    const vb_allocator *alloc;
    const char *stemmer_name; /* libstemmer's static string */
    char code[16];
    vb_buf pool;              /* the listed words, back to back */
    listed_word *words;
    size_t n_words;
    uint32_t *table;          /* index + 1 into words, 0 = empty */
    size_t n_slots;           /* power of two, or 0 when no list has a word */
};

const char **vb_languages(void)
{
    return vb_stem_algorithms();
}

static bool ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        const char ca = (*a >= 'A' && *a <= 'Z') ? (char)(*a | 0x20) : *a;
        const char cb = (*b >= 'A' && *b <= 'Z') ? (char)(*b | 0x20) : *b;
        if (ca != cb)
            return false;
    }
    return *a == *b;
}

/* Finds `language` among libstemmer's algorithms, by name or by code. */
static const char *resolve(const char *language, const char **code)
{
    const char *name = language;
    for (size_t i = 0; i < N_CODES; i++)
        if (ascii_ieq(language, codes[i].code) && strcmp(codes[i].name, "porter") != 0) {
            name = codes[i].name;
            break;
        }
    for (const char **a = vb_stem_algorithms(); *a != NULL; a++) {
        if (!ascii_ieq(name, *a))
            continue;
        *code = *a; /* no ISO code: the folder is named after the algorithm */
        for (size_t i = 0; i < N_CODES; i++)
            if (strcmp(codes[i].name, *a) == 0)
                *code = codes[i].code;
        return *a;
    }
    return NULL;
}

const char *vb_language_code(const char *language)
{
    const char *code = NULL;
    return resolve(language, &code) != NULL ? code : NULL;
}

static void unknown_language(const char *language, vb_error *err)
{
    if (err == NULL)
        return;
    char list[380];
    size_t n = 0;
    list[0] = '\0';
    for (const char **a = vb_stem_algorithms(); *a != NULL && n + 32 < sizeof list; a++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", *a);
    err->code = VB_EINVAL;
    err->source[0] = '\0';
    err->line = 0;
    snprintf(err->message, sizeof err->message,
             "unknown language \"%.60s\"; valid languages (or their ISO codes): %s", language,
             list);
}

static const listed_word *listed(const vb_lang *lang, const char *norm, size_t len)
{
    if (lang == NULL || lang->n_slots == 0)
        return NULL;
    const uint32_t h = vb_stem_hash(norm, len);
    const size_t mask = lang->n_slots - 1;
    for (size_t i = h & mask; lang->table[i] != 0; i = (i + 1) & mask) {
        const listed_word *w = &lang->words[lang->table[i] - 1];
        if (w->hash == h && w->len == len && memcmp(lang->pool.data + w->off, norm, len) == 0)
            return w;
    }
    return NULL;
}

static uint32_t listed_flags(const vb_lang *lang, const char *norm, size_t len)
{
    const listed_word *w = listed(lang, norm, len);
    return w != NULL ? w->flags : 0;
}

bool vb_lang_respelled(const vb_lang *lang, const char *lookup, size_t len, const char **right,
                       size_t *right_len)
{
    const listed_word *w = listed(lang, lookup, len);
    if (w == NULL || w->right_len == 0)
        return false;
    *right = lang->pool.data + w->right_off;
    *right_len = w->right_len;
    return true;
}

uint32_t vb_lang_word_flags(const vb_lang *lang, const char *norm, size_t len)
{
    return listed_flags(lang, norm, len) & ~VB_LANG_NON_ANSWER;
}

bool vb_lang_is_non_answer(const vb_lang *lang, const char *key, size_t len)
{
    return (listed_flags(lang, key, len) & VB_LANG_NON_ANSWER) != 0;
}

size_t vb_lang_answer_key(char *key, size_t at, size_t cap, const char *lookup, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        const unsigned char c = (unsigned char)lookup[i];
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            continue; /* "n/a", "n.a.", "don't": punctuation is no part of the key */
        if (at == cap)
            return cap + 1;
        key[at++] = (char)c;
    }
    return at;
}

bool vb_lang_is_stopword(const vb_lang *lang, const char *norm, size_t len)
{
    return (vb_lang_word_flags(lang, norm, len) & VB_TOKEN_STOPWORD) != 0;
}

/* Adds one normalised word of a list; build_table() merges duplicates. */
static vb_status add_word(vb_lang *lang, size_t *cap, const char *w, size_t len, uint32_t flag)
{
    if (lang->n_words == *cap) {
        const size_t n = *cap ? *cap * 2 : 256;
        listed_word *p = vb_mul_overflows(n, sizeof *p)
                             ? NULL
                             : vb_realloc(lang->alloc, lang->words, n * sizeof *p);
        if (p == NULL)
            return VB_ENOMEM;
        lang->words = p;
        *cap = n;
    }
    listed_word *lw = &lang->words[lang->n_words];
    lw->off = (uint32_t)lang->pool.len;
    lw->len = (uint32_t)len;
    lw->hash = vb_stem_hash(w, len);
    lw->flags = flag;
    lw->right_off = lw->right_len = 0;
    const vb_status st = vb_buf_append(&lang->pool, w, len);
    if (st != VB_OK)
        return st;
    lang->n_words++;
    return VB_OK;
}

static vb_status build_table(vb_lang *lang)
{
    size_t n = 16;
    while (n < lang->n_words * 2)
        n *= 2;
    lang->table = vb_calloc(lang->alloc, n, sizeof *lang->table);
    if (lang->table == NULL)
        return VB_ENOMEM;
    lang->n_slots = n;
    for (size_t k = 0; k < lang->n_words; k++) {
        const listed_word *w = &lang->words[k];
        size_t i = w->hash & (n - 1);
        listed_word *dup = NULL;
        for (; lang->table[i] != 0 && dup == NULL; i = (i + 1) & (n - 1)) {
            listed_word *o = &lang->words[lang->table[i] - 1];
            if (o->hash == w->hash && o->len == w->len &&
                memcmp(lang->pool.data + o->off, lang->pool.data + w->off, w->len) == 0)
                dup = o;
        }
        if (dup != NULL) {
            dup->flags |= w->flags; /* a word in two lists has both flags */
            if (dup->right_len == 0) {
                dup->right_off = w->right_off;
                dup->right_len = w->right_len;
            }
        } else
            lang->table[i] = (uint32_t)k + 1;
    }
    return VB_OK;
}

/* Parses one line of a word list in place: '#' starts a comment,
 * blanks around the word are ignored, a line holds at most one word
 * (several with `phrases`). Returns the error message, or NULL; *word is
 * NULL for a blank line. */
static const char *parse_line(char *line, bool phrases, char **word, size_t *len)
{
    char *hash = strchr(line, '#');
    if (hash != NULL)
        *hash = '\0';
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' ||
                     line[n - 1] == '\t'))
        n--;
    line[n] = '\0';
    char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    *word = NULL;
    *len = 0;
    if (*p == '\0')
        return NULL;
    if (!phrases && strpbrk(p, " \t\v\f") != NULL)
        return "expected one word per line";
    const size_t w_len = (size_t)(line + n - p);
    if (vb_utf8_valid_len(p, w_len) != w_len)
        return "invalid UTF-8";
    *word = p;
    *len = w_len;
    return NULL;
}

/* The answer key of a phrase: its words' lookup forms, folded. Returns
 * the error message, or NULL. */
static const char *phrase_key(vb_arena *scratch, const char *phrase, char *key,
                              size_t *key_len, vb_status *st)
{
    static const char blanks[] = " \t\v\f";
    size_t at = 0;
    for (const char *w = phrase + strspn(phrase, blanks); *w != '\0' && at <= VB_ANSWER_KEY_MAX;) {
        const size_t len = strcspn(w, blanks);
        const char *lookup;
        size_t lookup_len;
        if ((*st = vb_norm_word_lookup(scratch, w, len, &lookup, &lookup_len)) != VB_OK)
            return "out of memory";
        at = vb_lang_answer_key(key, at, VB_ANSWER_KEY_MAX, lookup, lookup_len);
        w += len;
        w += strspn(w, blanks);
    }
    if (at == 0 || at > VB_ANSWER_KEY_MAX) {
        *st = VB_EPARSE;
        return at == 0 ? "no letter or digit in the phrase" : "phrase too long";
    }
    *key_len = at;
    return NULL;
}

/* A line of spellings.tsv, "misspelling<TAB>word": both words' lookup
 * forms. Returns the error message, or NULL. */
static const char *spelling_pair(vb_arena *scratch, const char *line, const char **wrong,
                                 size_t *wrong_len, const char **right, size_t *right_len,
                                 vb_status *st)
{
    static const char blanks[] = " \t\v\f";
    const size_t w_len = strcspn(line, blanks);
    const char *r = line + w_len + strspn(line + w_len, blanks);
    const size_t r_len = strcspn(r, blanks);
    if (r_len == 0 || r[r_len] != '\0') {
        *st = VB_EPARSE;
        return "expected a misspelling and its right spelling, one word each";
    }
    if ((*st = vb_norm_word_lookup(scratch, line, w_len, wrong, wrong_len)) != VB_OK ||
        (*st = vb_norm_word_lookup(scratch, r, r_len, right, right_len)) != VB_OK)
        return "out of memory";
    if (*wrong_len == *right_len && memcmp(*wrong, *right, *right_len) == 0) {
        *st = VB_EPARSE;
        return "a word spelt as itself";
    }
    return NULL;
}

/* Gives the word added last the right spelling `right`. */
static vb_status set_right(vb_lang *lang, const char *right, size_t len)
{
    listed_word *w = &lang->words[lang->n_words - 1];
    w->right_off = (uint32_t)lang->pool.len;
    w->right_len = (uint32_t)len;
    return vb_buf_append(&lang->pool, right, len);
}

/* Adds the words of the list at `path`, if there is one, with `flag`. */
static vb_status load_list(vb_lang *lang, const char *path, uint32_t flag, list_kind kind,
                           size_t *cap, vb_error *err)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        if (errno == ENOENT)
            return VB_OK; /* a language without a list */
        vb_error_set(err, VB_EIO, path, 0, "cannot open: %s", strerror(errno));
        return VB_EIO;
    }
    vb_arena scratch;
    vb_arena_init(&scratch, lang->alloc, 4096);
    vb_status st = VB_OK;
    size_t line_no = 0;
    char line[MAX_LINE_BYTES + 2];
    while (fgets(line, sizeof line, f) != NULL) {
        line_no++;
        const size_t n = strlen(line);
        if (n > MAX_LINE_BYTES && line[n - 1] != '\n') {
            vb_error_set(err, VB_EPARSE, path, line_no, "%s", "line too long");
            st = VB_EPARSE;
            goto done;
        }
        char *word;
        size_t len;
        const char *bad = parse_line(line, kind != LIST_WORDS, &word, &len);
        if (bad != NULL) {
            vb_error_set(err, VB_EPARSE, path, line_no, "%s", bad);
            st = VB_EPARSE;
            goto done;
        }
        if (word == NULL)
            continue;
        const char *lookup, *right = NULL;
        size_t lookup_len, right_len = 0;
        char key[VB_ANSWER_KEY_MAX];
        vb_arena_reset(&scratch);
        if (kind == LIST_PHRASES) {
            bad = phrase_key(&scratch, word, key, &lookup_len, &st);
            lookup = key;
        } else if (kind == LIST_SPELLINGS) {
            bad = spelling_pair(&scratch, word, &lookup, &lookup_len, &right, &right_len, &st);
        } else {
            st = vb_norm_word_lookup(&scratch, word, len, &lookup, &lookup_len);
        }
        if (bad != NULL) {
            vb_error_set(err, st, path, line_no, "%s", bad);
            goto done;
        }
        if (st == VB_OK)
            st = add_word(lang, cap, lookup, lookup_len, flag);
        if (st == VB_OK && right != NULL)
            st = set_right(lang, right, right_len);
        if (st != VB_OK) {
            vb_error_set(err, st, path, line_no, "%s",
                         st == VB_ELIMIT ? "word lists too large" : "out of memory");
            goto done;
        }
    }
    if (ferror(f)) {
        vb_error_set(err, VB_EIO, path, line_no, "%s", "read error");
        st = VB_EIO;
    }
done:
    vb_arena_free(&scratch);
    fclose(f);
    return st;
}

static vb_status load_lists(vb_lang *lang, const char *data_dir, vb_error *err)
{
    size_t cap = 0;
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        char path[4096];
        const int n = snprintf(path, sizeof path, "%s/%s/%s", data_dir, lang->code, lists[k].file);
        if (n < 0 || (size_t)n >= sizeof path) {
            vb_error_set(err, VB_EINVAL, data_dir, 0, "%s", "data directory path too long");
            return VB_EINVAL;
        }
        const vb_status st = load_list(lang, path, lists[k].flag, lists[k].kind, &cap, err);
        if (st != VB_OK)
            return st;
    }
    if (lang->n_words == 0)
        return VB_OK;
    const vb_status st = build_table(lang);
    if (st != VB_OK)
        vb_error_set(err, st, data_dir, 0, "%s", "out of memory");
    return st;
}

vb_lang *vb_lang_load(const char *data_dir, const char *language, const vb_allocator *a,
                      vb_error *err)
{
    const char *code = NULL;
    const char *name = resolve(language != NULL ? language : "english", &code);
    if (name == NULL) {
        unknown_language(language, err);
        return NULL;
    }
    vb_lang *lang = vb_calloc(a, 1, sizeof *lang);
    if (lang == NULL) {
        vb_error_set(err, VB_ENOMEM, NULL, 0, "%s", "out of memory");
        return NULL;
    }
    lang->alloc = a;
    lang->stemmer_name = name;
    snprintf(lang->code, sizeof lang->code, "%s", code);
    vb_buf_init(&lang->pool, a, MAX_WORD_BYTES);
    if (data_dir != NULL && load_lists(lang, data_dir, err) != VB_OK) {
        vb_lang_free(lang);
        return NULL;
    }
    return lang;
}

void vb_lang_free(vb_lang *lang)
{
    if (lang == NULL)
        return;
    vb_buf_free(&lang->pool);
    vb_free(lang->alloc, lang->words);
    vb_free(lang->alloc, lang->table);
    vb_free(lang->alloc, lang);
}

const char *vb_lang_code(const vb_lang *lang)
{
    return lang->code;
}

const char *vb_lang_stemmer_name(const vb_lang *lang)
{
    return lang->stemmer_name;
}
