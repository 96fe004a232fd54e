/* fuzz_themes.c: the theme matcher (themes.c, match.c) with a fixed
 * taxonomy that has every kind of entry (words, phrases, prefixes, NEAR,
 * excludes, match_alone, answers, children, regexes including a
 * catastrophic one)
 * over any comment. Input: the comment. See fuzz_match() for the checks. */
#include "fuzz_themes_env.h"

static const char taxonomy[] =
    "{\"name\": \"fuzz\", \"language\": \"en\", \"themes\": [\n"
    " {\"id\": \"delivery\", \"label\": \"Delivery\",\n"
    "  \"match\": [\"deliver\", \"delivery\", \"shipping\", \"\\\"arrived late\\\"\", "
    "\"parcel*\",\n"
    "            \"wait NEAR/3 delivery\", \"\\\"very slow\\\" NEAR/2 courier*\"],\n"
    "  \"exclude\": [\"\\\"free delivery\\\"\"],\n"
    "  \"regex\": [\"\\\\bdelivery\\\\s+(slot|window)s?\\\\b\", \"(a|aa)+$\"],\n"
    "  \"children\": [\n"
    "   {\"id\": \"delivery.late\", \"label\": \"Late delivery\", \"match\": [\"late\", "
    "\"delay*\"],\n"
    "    \"match_alone\": [\"\\\"still waiting\\\"\"],\n"
    "    \"children\": [{\"id\": \"delivery.late.very\", \"match\": [\"week*\", "
    "\"\\u00e9t\\u00e9\"]}]}]},\n"
    " {\"id\": \"emoji\", \"label\": \"Emoji \\ud83d\\ude00\", \"match\": [\"\\ud83d\\ude21\", "
    "\":(\", \"<3\"],\n"
    "  \"regex\": [\"[\\\\x{1F600}-\\\\x{1F64F}]\", \"(?i)caf\\u00e9\"]},\n"
    " {\"id\": \"staff\", \"label\": \"Staff\",\n"
    "  \"children\": [{\"id\": \"staff.rude\", \"match\": [\"rude\", \"\\\"no manners\\\"\", "
    "\"r*\"],\n"
    "   \"answer\": [\"curt\", \"\\\"not polite\\\"\", \"=rude\", \"slow*\"]}]},\n"
    " {\"id\": \"price\", \"match\": [\"price NEAR/50 high\", \"expens*\", \"\\\"too much\\\"\",\n"
    "            \"(=cheap|\\\"good value\\\"|bargain*) NEAR/4 (price|deal|=offer)\"],\n"
    "  \"regex\": [\"\\\\d+\\\\s*(\\u20ac|\\\\$|eur)\", \"^.{0,3}$\"]}]}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static vb_themes *themes;
    static vb_theme_matcher *matcher;
    fuzz_env *env = fuzz_env_get();
    if (themes == NULL) {
        char path[256];
        fuzz_tmp_path(path, sizeof path, "themes.json");
        fuzz_write_file(path, taxonomy, sizeof taxonomy - 1);
        size_t n_problems = 0;
        vb_error err = {0};
        vb_status st =
            vb_themes_compile_file(path, env->lang, NULL, NULL, NULL, &themes, &n_problems, &err);
        remove(path);
        if (st != VB_OK || themes == NULL)
            fprintf(stderr, "fixed taxonomy: status %d, %zu problems: %s\n", (int)st, n_problems,
                    err.message);
        FUZZ_CHECK(st == VB_OK && themes != NULL && n_problems == 0);
        FUZZ_CHECK(vb_themes_n_regex(themes) == 6);
        matcher = vb_theme_matcher_new(themes, NULL);
        FUZZ_CHECK(matcher != NULL);
    }
    fuzz_match(env, themes, matcher, (const char *)data, size);
    return 0;
}
