/* test_entity.c: HTML character references and the map back to original
 * offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "entity.h"
#include "text.h"

#include "test_arena.h"

static const char *decode(const char *in, vb_entity_map *map)
{
    const char *out;
    size_t out_len;
    assert_int_equal(vb_entity_decode(&arena, in, strlen(in), &out, &out_len, map), VB_OK);
    assert_int_equal(strlen(out), out_len);
    return out;
}

static void test_no_entity_no_copy(void **state)
{
    (void)state;
    vb_entity_map map;
    const char *in = "fish & chips &unknown; &amp &#; &#xZ;";
    assert_ptr_equal(decode(in, &map), in); /* nothing decodable: untouched */
    assert_int_equal(map.n_segs, 0);
}

static void test_basic(void **state)
{
    (void)state;
    vb_entity_map map;
    assert_string_equal(decode("a &amp; b &lt;3 &gt; &quot;x&quot; &apos; &#39; &#x27;", &map),
                        "a & b <3 > \"x\" ' ' '");
    assert_string_equal(decode("&nbsp;|&hellip;|&mdash;|&ndash;|&rsquo;|&ldquo;&rdquo;", &map),
                        "\xC2\xA0|\xE2\x80\xA6|\xE2\x80\x94|\xE2\x80\x93|\xE2\x80\x99|"
                        "\xE2\x80\x9C\xE2\x80\x9D");
    assert_string_equal(decode("caf&eacute; &Uuml;ber &szlig; &euro;5 &copy;&reg;&trade;", &map),
                        "caf\xC3\xA9 \xC3\x9C"
                        "ber \xC3\x9F \xE2\x82\xAC"
                        "5 \xC2\xA9\xC2\xAE\xE2\x84\xA2");
    assert_string_equal(decode("&AMP; stays, &Eacute; is upper", &map), "&AMP; stays, \xC3\x89 is upper");
}

static void test_numeric(void **state)
{
    (void)state;
    vb_entity_map map;
    assert_string_equal(decode("&#233;&#xE9;&#X1F44D;", &map),
                        "\xC3\xA9\xC3\xA9\xF0\x9F\x91\x8D");
    /* 0, surrogates and values past U+10FFFF become U+FFFD. */
    assert_string_equal(decode("&#0;&#xD800;&#x110000;&#99999999999;", &map),
                        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    /* Windows-1252 in the C1 range, as browsers read it. */
    assert_string_equal(decode("don&#146;t", &map), "don\xE2\x80\x99t");
}

static void test_offset_map(void **state)
{
    (void)state;
    vb_entity_map map;
    /*            0123456789012345678 */
    const char *in = "a&amp;b caf&eacute; x";
    const char *out = decode(in, &map);
    assert_string_equal(out, "a&b caf\xC3\xA9 x");
    assert_int_equal(map.n_segs, 2);
    /* "a" [0,1) -> [0,1); "&" [1,2) -> [1,6); "b" [2,3) -> [6,7) */
    assert_int_equal(vb_entity_map_start(&map, 0), 0);
    assert_int_equal(vb_entity_map_end(&map, 1), 1);
    assert_int_equal(vb_entity_map_start(&map, 1), 1);
    assert_int_equal(vb_entity_map_end(&map, 2), 6);
    assert_int_equal(vb_entity_map_start(&map, 2), 6);
    /* "café" [4,9) -> [8,19); "x" [10,11) -> [20,21) */
    assert_int_equal(vb_entity_map_start(&map, 4), 8);
    assert_int_equal(vb_entity_map_end(&map, 9), 19);
    assert_int_equal(vb_entity_map_start(&map, 10), 20);
    assert_int_equal(vb_entity_map_end(&map, 11), 21);
}

static void test_tokens_point_into_original(void **state)
{
    (void)state;
    vb_error err;
    vb_lang *lang = vb_lang_load(NULL, "en", NULL, &err);
    assert_non_null(lang);
    vb_text *t = vb_text_new(lang, NULL);
    assert_non_null(t);
    const char *in = "Caf&eacute; don&#39;t &lt;3 it&hellip;";
    vb_doc d;
    assert_int_equal(vb_text_analyze(t, &arena, in, strlen(in), &d), VB_OK);
    assert_ptr_equal(d.text, in); /* the original, not the decoded text */
    assert_int_equal(d.n_tokens, 5);
    assert_string_equal(d.tokens[0].norm, "caf\xC3\xA9");
    assert_int_equal(d.tokens[0].start, 0);
    assert_int_equal(d.tokens[0].end, 11);
    assert_string_equal(d.tokens[1].norm, "don't");
    assert_int_equal(d.tokens[1].kind, VB_TOKEN_WORD);
    assert_int_equal(d.tokens[1].start, 12);
    assert_int_equal(d.tokens[1].end, 21);
    assert_int_equal(d.tokens[2].kind, VB_TOKEN_EMOTICON);
    assert_string_equal(d.tokens[2].norm, "<3");
    assert_int_equal(d.tokens[2].start, 22);
    assert_int_equal(d.tokens[2].end, 27);
    assert_string_equal(d.tokens[3].norm, "it");
    assert_int_equal(d.tokens[4].kind, VB_TOKEN_PUNCT);
    assert_string_equal(d.tokens[4].norm, "..."); /* NFKC of U+2026 */
    assert_int_equal(d.tokens[4].start, 30);
    assert_int_equal(d.tokens[4].end, 38);
    assert_int_equal(d.sentences[0].end, 38);
    vb_text_free(t);
    vb_lang_free(lang);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_entity_no_copy), cmocka_unit_test(test_basic),
        cmocka_unit_test(test_numeric),           cmocka_unit_test(test_offset_map),
        cmocka_unit_test(test_tokens_point_into_original),
    };
    return cmocka_run_group_tests(tests, setup_arena, teardown_arena);
}
