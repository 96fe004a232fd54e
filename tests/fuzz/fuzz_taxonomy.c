/* fuzz_taxonomy.c: the taxonomy reader (taxonomy.c) and compiler
 * (themes.c, match.c) on any file.
 *
 * Input: the file. It is read as a model (vb_taxonomy_read) whose
 * invariants are checked (parents before children, depths, terms pointing
 * at themes, NEAR k in range, every string valid), then compiled; when it
 * compiles without problems, the matcher runs over a few fixed comments. */
#include "fuzz_themes_env.h"

#include "taxonomy.h"

static size_t n_reported;

static void count_problem(const char *json_path, const char *message, void *ctx)
{
    (void)ctx;
    FUZZ_CHECK(json_path != NULL && json_path[0] == '$');
    FUZZ_CHECK(message != NULL && message[0] != '\0');
    n_reported++;
}

static void check_model(const vb_taxonomy *tax)
{
    FUZZ_CHECK(tax->name != NULL);
    for (size_t i = 0; i < tax->n_themes; i++) {
        const vb_tax_theme *th = &tax->themes[i];
        FUZZ_CHECK(th->id != NULL && th->label != NULL && th->path != NULL);
        FUZZ_CHECK(th->depth >= 1 && th->depth <= VB_TAX_MAX_DEPTH);
        if (th->parent < 0) {
            FUZZ_CHECK(th->depth == 1);
        } else {
            FUZZ_CHECK((size_t)th->parent < i);
            FUZZ_CHECK(tax->themes[th->parent].depth + 1 == th->depth);
        }
    }
    for (size_t i = 0; i < tax->n_terms; i++) {
        const vb_tax_term *t = &tax->terms[i];
        FUZZ_CHECK(t->theme < tax->n_themes);
        FUZZ_CHECK((unsigned)t->list < VB_TAX_N_LISTS);
        FUZZ_CHECK(t->raw != NULL);
        FUZZ_CHECK(t->near_k <= VB_TAX_MAX_NEAR);
        if (!vb_tax_list_is_regex(t->list)) {
            FUZZ_CHECK(t->near_k > 0 || t->a.next_alt == NULL); /* sets only with NEAR */
            for (const vb_tax_side *a = &t->a; a != NULL; a = a->next_alt)
                FUZZ_CHECK(a->text != NULL && a->text[a->len] == '\0');
            for (const vb_tax_side *b = &t->b; t->near_k > 0 && b != NULL; b = b->next_alt)
                FUZZ_CHECK(b->text != NULL && b->text[b->len] == '\0');
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const comments[] = {
        "The delivery was late again, but the staff were lovely!",
        "Wait for the parcel... still waiting after 3 weeks :( r\xC3\xA9sum\xC3\xA9 caf\xC3\xA9",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
        "",
        "\xF0\x9F\x98\xA1 price was too high! \xE2\x82\xAC 40 #fail @shop http://x.y/z",
    };
    fuzz_env *env = fuzz_env_get();
    char path[256];
    fuzz_tmp_path(path, sizeof path, "taxonomy.json");
    fuzz_write_file(path, data, size);

    vb_taxonomy *tax = NULL;
    size_t n_problems = 0;
    vb_error err = {0};
    n_reported = 0;
    vb_status st = vb_taxonomy_read(path, NULL, count_problem, NULL, &tax, &n_problems, &err);
    FUZZ_CHECK(st == VB_OK || st == VB_ELIMIT);
    if (st == VB_OK) {
        FUZZ_CHECK(tax != NULL && n_problems == n_reported);
        check_model(tax);
        vb_taxonomy_free(tax);
    }

    vb_themes *themes = NULL;
    n_reported = 0;
    st = vb_themes_compile_file(path, env->lang, NULL, count_problem, NULL, &themes, &n_problems,
                                &err);
    remove(path);
    FUZZ_CHECK(st == VB_OK || st == VB_ELIMIT);
    if (st != VB_OK) return 0;
    FUZZ_CHECK(n_problems == n_reported);
    FUZZ_CHECK((themes == NULL) == (n_problems > 0));
    if (themes == NULL) return 0;
    for (size_t i = 0; i < vb_themes_count(themes); i++) {
        const vb_theme_info *info = vb_themes_info(themes, i);
        FUZZ_CHECK(info != NULL && info->id != NULL && info->label != NULL);
        FUZZ_CHECK(info->parent < (int32_t)i);
        const char *json;
        size_t len;
        vb_themes_json_head(themes, i, &json, &len);
        FUZZ_CHECK(json != NULL && len > 0 && json[0] == '{');
    }
    FUZZ_CHECK(vb_themes_info(themes, vb_themes_count(themes)) == NULL);
    vb_theme_matcher *m = vb_theme_matcher_new(themes, NULL);
    FUZZ_CHECK(m != NULL);
    for (size_t i = 0; i < sizeof comments / sizeof *comments; i++)
        fuzz_match(env, themes, m, comments[i], strlen(comments[i]));
    vb_theme_matcher_free(m);
    vb_themes_free(themes);
    return 0;
}
