/* text.h: the text stages for one comment, from raw bytes to tokens.
 *
 *   utf8.c     repair: invalid sequences -> U+FFFD (counted), NUL and
 *              control characters kept as data
 *   entity.c   HTML entity decoding (&amp; &#39; &eacute; ...), with a map
 *              from decoded offsets back to the original ones
 *   token.c    tokeniser: words, numbers, emoji clusters, emoticons, URLs,
 *              e-mails, @mentions, #hashtags, punctuation runs; sentence and
 *              clause boundaries
 *   norm.c     NFKC + case folding (utf8proc's one use in analysis), ASCII fast
 *              path; elongation reduction for lookups
 *   stem.c     Snowball stems through a per-thread cache
 *
 * Comments repeat a few thousand words endlessly, so vb_text interns each
 * distinct token (by kind and bytes): its norm, lookup form, stem, flags,
 * word-lexicon entry and term id are worked out once and then found with
 * one hash probe. Interned strings live in a pool that is only ever cleared between
 * records, so tokens may point into it.
 *
 * vb_text is per-thread state (stemmer, cache, scratch); the vb_lang it
 * reads (stopwords, clause words) is shared and immutable.
 */
#ifndef VB_TEXT_H
#define VB_TEXT_H

#include "arena.h"
#include "verbatim.h"

#include <stdint.h>

/* Immutable language data shared by all threads. */
typedef struct vb_lang vb_lang;

/* Loads the word lists lexicons/<code>/stopwords.txt, pronouns.txt,
 * non_answers.txt and spellings.tsv (those present) for `language` (a
 * libstemmer name or ISO code: "english", "en", "german", "de", ...).
 * VB_EINVAL in err for a language libstemmer does not have. */
vb_lang *vb_lang_load(const char *data_dir, const char *language, const vb_allocator *a,
                      vb_error *err);
void vb_lang_free(vb_lang *lang);
/* ISO code of the language's lexicon folder ("en"), or the libstemmer
 * name when there is no code. */
const char *vb_lang_code(const vb_lang *lang);
/* The same for a language named as vb_lang_load() takes it, without
 * loading its lists; NULL for a language libstemmer does not have. */
const char *vb_language_code(const char *language);
const char *vb_lang_stemmer_name(const vb_lang *lang);
/* The VB_TOKEN_STOPWORD and VB_TOKEN_PRONOUN flags of a word (its lookup
 * form) from the lists that have it. */
uint32_t vb_lang_word_flags(const vb_lang *lang, const char *norm, size_t len);

/* Non-answers: whole comments that say nothing ("n/a", "no comment",
 * "see above"), listed in lexicons/<code>/non_answers.txt. A comment's
 * answer key is the lookup forms of its words back to back without
 * ASCII punctuation or spaces ("N/A." -> "na", "No comment" ->
 * "nocomment"), so that tokenising "n/a" one way or another does not
 * matter. The flag marks a key in the lists' table and never reaches a
 * token. */
#define VB_LANG_NON_ANSWER (1u << 31)
#define VB_ANSWER_KEY_MAX 48 /* bytes; a longer comment is an answer */
/* Appends the key bytes of one lookup form to key[at..cap); returns the
 * new length, or cap + 1 when they do not fit. */
size_t vb_lang_answer_key(char *key, size_t at, size_t cap, const char *lookup, size_t len);
bool vb_lang_is_non_answer(const vb_lang *lang, const char *key, size_t len);
bool vb_lang_is_stopword(const vb_lang *lang, const char *norm, size_t len);
/* Common misspellings ("recieved", "definately"), listed in
 * lexicons/<code>/spellings.tsv: the text stages read such a word as its
 * right spelling, so that sentiment, stems and themes all find it. True,
 * with the right spelling's lookup form in *right, for a listed lookup
 * form; the pointer lives as long as `lang`. */
bool vb_lang_respelled(const vb_lang *lang, const char *lookup, size_t len, const char **right,
                       size_t *right_len);

/* The word lexicon of a later stage (the sentiment module supplies it).
 * It is asked once per distinct word, with the word's lookup form, and
 * its answer is cached with the stem: it returns the word's entry, opaque
 * to the text stages and handed back per token in vb_doc.entries (NULL:
 * not in the lexicon), and sets *clause when a clause boundary goes
 * before the word (contrastive words such as "but", "however"). */
typedef const void *(*vb_clause_word_fn)(const char *lookup, size_t len, void *ctx,
                                         bool *clause);

/* The term lexicon of a later stage (the theme matcher supplies it). It
 * is asked once per distinct token of any kind, with the token's stem,
 * and its answer is cached with the stem and handed back per token in
 * vb_doc.terms: a 32-bit value that only the term lexicon reads (the
 * theme matcher packs a stem id and flags into it), 0: in no term. */
typedef uint32_t (*vb_term_word_fn)(const char *stem, size_t len, const void *ctx);

typedef struct vb_text vb_text;

vb_text *vb_text_new(const vb_lang *lang, const vb_allocator *a);
void vb_text_free(vb_text *t);
/* Sets the word lexicon (NULL: none). Clears the word cache. */
void vb_text_set_clause_words(vb_text *t, vb_clause_word_fn fn, void *ctx);
/* Sets the term lexicon (NULL: none). Clears the word cache. */
void vb_text_set_term_words(vb_text *t, vb_term_word_fn fn, const void *ctx);

/* The analysed text of one record, in `arena` (valid until it is reset). */
typedef struct vb_doc {
    const char *text;      /* UTF-8 repaired input; offsets refer to it */
    size_t len;
    size_t n_invalid_utf8;
    vb_token *tokens;
    size_t n_tokens;
    vb_span *sentences;
    size_t n_sentences;
    vb_span *clauses;      /* each clause lies inside one sentence */
    size_t n_clauses;
    /* entries[i]: what the word lexicon returned for token i (a word), or
     * NULL; the whole array is NULL without a word lexicon. `lexicon` and
     * `lexicon_ctx` say whose entries they are. */
    const void **entries;
    vb_clause_word_fn lexicon;
    const void *lexicon_ctx;
    /* terms[i]: what the term lexicon returned for token i; NULL without
     * a term lexicon. `term_lexicon` and `term_ctx` say whose ids. */
    const uint32_t *terms;
    vb_term_word_fn term_lexicon;
    const void *term_ctx;
    bool non_answer; /* the whole comment is a non-answer ("n/a") */
} vb_doc;

/* Runs every stage over `text` (any bytes). Returns VB_OK, or VB_ENOMEM.
 * The token strings (norm, lookup, stem) live in `arena` or in `t`'s
 * word cache: they are valid until the arena is reset or the next call of
 * vb_text_forget(), vb_text_set_clause_words() or vb_text_set_term_words()
 * on `t`, whichever comes first, so several records analysed one after
 * the other can be in use together. */
vb_status vb_text_analyze(vb_text *t, vb_arena *arena, const char *text, size_t len,
                          vb_doc *out);

/* Says that no token of an earlier vb_text_analyze() is in use any more,
 * so that a full word cache can be cleared. Call it before each record,
 * or each batch of records analysed together; without it a full cache
 * stays full (records come out the same, more slowly). */
void vb_text_forget(vb_text *t);

#endif
