/* fuzz_lexicon.c: the lexicon loader (lexicon.c) on any user lexicon file,
 * and the scorer with whatever it loaded.
 *
 * Input: one options byte (bit 0: load it over the shipped English files,
 * else over an empty language folder), then the file. A file that loads
 * must give a lexicon whose entries can be looked up and which scores the
 * file's own text and a few fixed comments within the usual invariants
 * (see fuzz_check_doc_sentiment()); one that does not gives VB_EPARSE
 * (with source and line) or VB_EIO. */
#include "fuzz_text_env.h"

#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char empty_dir[256];
    static const char *const comments[] = {
        "The refund was not very good, but the staff were kind of great :)",
        "NEVER again!!! \xF0\x9F\x98\xA1 too slow, although cheap",
    };
    if (size < 1) return 0;
    fuzz_env *env = fuzz_env_get();
    if (empty_dir[0] == '\0') {
        fuzz_tmp_path(empty_dir, sizeof empty_dir, "emptylang");
        FUZZ_CHECK(mkdir(empty_dir, 0700) == 0 || access(empty_dir, F_OK) == 0);
    }
    const char *lang_dir = (data[0] & 1) ? VB_FUZZ_DATA_DIR "/en" : empty_dir;
    char path[256];
    fuzz_tmp_path(path, sizeof path, "user.tsv");
    fuzz_write_file(path, data + 1, size - 1);
    const char *const files[] = {path};

    vb_error err = {0};
    vb_senti_lex *lex = vb_senti_lex_load(lang_dir, files, 1, NULL, &err);
    remove(path);
    if (lex == NULL) {
        FUZZ_CHECK(err.code == VB_EPARSE || err.code == VB_EIO || err.code == VB_ELIMIT);
        FUZZ_CHECK(err.message[0] != '\0');
        if (err.code == VB_EPARSE) FUZZ_CHECK(err.line > 0);
        return 0;
    }
    (void)vb_senti_lex_size(lex);
    /* Every line's first field as a term. */
    const char *text = (const char *)data + 1;
    const size_t len = size - 1;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        const size_t line_len = nl != NULL ? (size_t)(nl - (text + pos)) : len - pos;
        const char *tab = memchr(text + pos, '\t', line_len);
        const size_t term_len = tab != NULL ? (size_t)(tab - (text + pos)) : line_len;
        const vb_senti_entry *e = vb_senti_lex_get(lex, text + pos, term_len);
        if (e != NULL) {
            FUZZ_CHECK(e->term != NULL && e->term[e->term_len] == '\0');
            FUZZ_CHECK(e->hash == vb_senti_hash(e->term, e->term_len));
            FUZZ_CHECK(vb_senti_lex_find(lex, e->hash, e->term, e->term_len) == e);
            if (e->flags & VB_LEX_VALENCE)
                FUZZ_CHECK(isfinite(e->valence) && e->valence >= -4 && e->valence <= 4);
        }
        pos += line_len + 1;
    }

    vb_text_set_clause_words(env->text, vb_senti_lex_is_contrast, lex);
    for (size_t i = 0; i <= sizeof comments / sizeof *comments; i++) {
        const char *c = i < 2 ? comments[i] : text;
        const size_t c_len = i < 2 ? strlen(c) : len;
        vb_doc d;
        FUZZ_CHECK(vb_text_analyze(env->text, &env->arena, c, c_len, &d) == VB_OK);
        vb_doc_sentiment ds;
        FUZZ_CHECK(vb_sentiment_score(lex, &d, &env->arena, true, &ds) == VB_OK);
        fuzz_check_doc_sentiment(&d, &ds, true);
        vb_arena_reset(&env->arena);
    }
    /* The word cache holds entries of `lex`: drop it before `lex` goes. */
    vb_text_set_clause_words(env->text, vb_senti_lex_is_contrast, env->lex);
    vb_senti_lex_free(lex);
    return 0;
}
