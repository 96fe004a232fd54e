/* test_token.c: every token kind with offsets, emoji clusters, emoticons
 * versus URLs and times, apostrophes and hyphens, separators. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "token.h"

#include "test_arena.h"

static vb_token_list tokenize_n(const char *s, size_t len)
{
    vb_token_list l;
    assert_int_equal(vb_tokenize(&arena, s, len, &l), VB_OK);
    return l;
}

/* "kind:text kind:text ..." for compact expectations. */
static void expect_n(const char *s, size_t len, const char *want)
{
    vb_token_list l = tokenize_n(s, len);
    char got[2048];
    size_t o = 0;
    for (size_t i = 0; i < l.n_tokens; i++) {
        const vb_token *t = &l.tokens[i];
        assert_true(t->start < t->end && t->end <= len);
        if (i > 0)
            assert_true(l.tokens[i - 1].end <= t->start);
        o += (size_t)snprintf(got + o, sizeof got - o, "%s%s:%.*s", i ? " " : "",
                              vb_token_kind_name(t->kind), (int)(t->end - t->start), s + t->start);
    }
    got[o] = '\0';
    assert_string_equal(got, want);
}

#define expect(s, want) expect_n(s, strlen(s), want)

static void test_offsets(void **state)
{
    (void)state;
    const char *s = "Hi @ann, 42 #great!";
    vb_token_list l = tokenize_n(s, strlen(s));
    const struct { vb_token_kind kind; size_t start, end; } want[] = {
        {VB_TOKEN_WORD, 0, 2},     {VB_TOKEN_MENTION, 3, 7}, {VB_TOKEN_PUNCT, 7, 8},
        {VB_TOKEN_NUMBER, 9, 11},  {VB_TOKEN_HASHTAG, 12, 18}, {VB_TOKEN_PUNCT, 18, 19},
    };
    assert_int_equal(l.n_tokens, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(l.tokens[i].kind, want[i].kind);
        assert_int_equal(l.tokens[i].start, want[i].start);
        assert_int_equal(l.tokens[i].end, want[i].end);
    }
}

static void test_words(void **state)
{
    (void)state;
    expect("don't customer's e-mail wi-fi 3pm covid-19 24-hour 90's",
           "word:don't word:customer's word:e-mail word:wi-fi word:3pm word:covid-19 "
           "word:24-hour word:90's");
    expect("don\xE2\x80\x99t", "word:don\xE2\x80\x99t");
    expect("'quoted' well-", "punct:' word:quoted punct:' word:well punct:-");
    expect("caf\xC3\xA9 na\xC3\xAF" "ve \xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82",
           "word:caf\xC3\xA9 word:na\xC3\xAF" "ve word:\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    expect("e\xCC\x81t\xC3\xA9", "word:e\xCC\x81t\xC3\xA9"); /* combining mark */
}

static void test_numbers(void **state)
{
    (void)state;
    expect("42 3.5 1,000 10% 1,000.50 3.5mm 1-2 10:30 5.",
           "number:42 number:3.5 number:1,000 number:10% number:1,000.50 number:3.5 word:mm "
           "number:1 punct:- number:2 number:10:30 number:5 punct:.");
}

static void test_emoji(void **state)
{
    (void)state;
    expect("great\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D", /* great👍👍 */
           "word:great emoji:\xF0\x9F\x91\x8D emoji:\xF0\x9F\x91\x8D");
    expect("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!", /* 👍🏽 skin tone */
           "emoji:\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD punct:!");
    /* 👨‍👩‍👧 family: one ZWJ sequence */
    expect("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
           "emoji:\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7");
    /* 🇬🇧🇫🇷: two flags, split between the pairs */
    expect("\xF0\x9F\x87\xAC\xF0\x9F\x87\xA7\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7",
           "emoji:\xF0\x9F\x87\xAC\xF0\x9F\x87\xA7 emoji:\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7");
    /* keycaps 1️⃣ and #⃣, not numbers or tags */
    expect("1\xEF\xB8\x8F\xE2\x83\xA3 #\xE2\x83\xA3 1",
           "emoji:1\xEF\xB8\x8F\xE2\x83\xA3 emoji:#\xE2\x83\xA3 number:1");
    /* ❤️ with VS16; ™️ counts only with VS16 */
    expect("\xE2\x9D\xA4\xEF\xB8\x8F ok \xE2\x84\xA2\xEF\xB8\x8F \xE2\x84\xA2",
           "emoji:\xE2\x9D\xA4\xEF\xB8\x8F word:ok emoji:\xE2\x84\xA2\xEF\xB8\x8F symbol:\xE2\x84\xA2");
    expect("\xF0\x9F\x98\x82\xF0\x9F\x98\x82love", /* 😂😂love */
           "emoji:\xF0\x9F\x98\x82 emoji:\xF0\x9F\x98\x82 word:love");
}

static void test_emoticons(void **state)
{
    (void)state;
    expect(":) :-) :( :-( :D :-D ;) ;-) :P :p :/ :-/ :| :'( <3 </3 XD =) =( :o :O ^_^ -_-",
           "emoticon::) emoticon::-) emoticon::( emoticon::-( emoticon::D emoticon::-D "
           "emoticon:;) emoticon:;-) emoticon::P emoticon::p emoticon::/ emoticon::-/ "
           "emoticon::| emoticon::'( emoticon:<3 emoticon:</3 emoticon:XD emoticon:=) "
           "emoticon:=( emoticon::o emoticon::O emoticon:^_^ emoticon:-_-");
    expect("thanks:) great!!:)))", "word:thanks emoticon::) word:great punct:!! emoticon::)))");
    /* Lower-cased exports write ":D" as ":d": an emoticon only where no
     * word goes on after it. */
    expect("tickles :d down =( =ddd :do t-shirt two t_t",
           "word:tickles emoticon::d word:down emoticon:=( emoticon:=ddd punct:: word:do "
           "word:t-shirt word:two emoticon:t_t");
    /* Glued to a word, a lower-case one is more often a broken entity:
     * "i&#39;d" is "i'd" encoded twice. */
    expect("i&#39;d nice:d", "word:i punct:&# number:39 punct:; word:d word:nice punct:: "
                             "word:d");
    expect("at 10:30 note:Delivery XDR a:/b <30",
           "word:at number:10:30 word:note punct:: word:Delivery word:XDR word:a punct::/ "
           "word:b symbol:< number:30");
}

/* Every emoticon of the list, each on its own: the trial table finds them all. */
static void test_every_emoticon(void **state)
{
    (void)state;
    expect(">:-( >:( :'-( :-) :-( :-D :-d :-P :-p :-/ :-\\ :-| :'( :') :-O :-o :-* :-] :-[ :) :( :D "
           ":d :P :p :/ :\\ :| :O :o :* :] :[ X-D XD ;-) ;-D ;-d ;-P ;-p ;_; ;) ;D ;d ;P ;p </3 "
           "<\\3 <3 ^_^ ^.^ ^^ -_- o_O o.O o_o O_o T_T t_t =) =( =D =d =] =[ =/ =P =p xD",
           "emoticon:>:-( emoticon:>:( emoticon::'-( emoticon::-) emoticon::-( emoticon::-D "
           "emoticon::-d emoticon::-P emoticon::-p emoticon::-/ emoticon::-\\ emoticon::-| "
           "emoticon::'( emoticon::') emoticon::-O emoticon::-o emoticon::-* emoticon::-] "
           "emoticon::-[ emoticon::) emoticon::( emoticon::D emoticon::d emoticon::P emoticon::p "
           "emoticon::/ emoticon::\\ emoticon::| emoticon::O emoticon::o emoticon::* emoticon::] "
           "emoticon::[ emoticon:X-D emoticon:XD emoticon:;-) emoticon:;-D emoticon:;-d "
           "emoticon:;-P emoticon:;-p emoticon:;_; emoticon:;) emoticon:;D emoticon:;d emoticon:;P "
           "emoticon:;p emoticon:</3 emoticon:<\\3 emoticon:<3 emoticon:^_^ emoticon:^.^ "
           "emoticon:^^ emoticon:-_- emoticon:o_O emoticon:o.O emoticon:o_o emoticon:O_o "
           "emoticon:T_T emoticon:t_t emoticon:=) emoticon:=( emoticon:=D emoticon:=d emoticon:=] "
           "emoticon:=[ emoticon:=/ emoticon:=P emoticon:=p emoticon:xD");
}

static void test_urls_and_emails(void **state)
{
    (void)state;
    expect("see https://example.com/a?b=1&c=2. or (www.shop.co.uk/x) http://x.org/:)",
           "word:see url:https://example.com/a?b=1&c=2 punct:. word:or punct:( "
           "url:www.shop.co.uk/x punct:) url:http://x.org/ emoticon::)");
    expect("https://en.wikipedia.org/wiki/Foo_(bar), ok",
           "url:https://en.wikipedia.org/wiki/Foo_(bar) punct:, word:ok");
    expect("mail jane.doe+cx@mail.example.com. or a@b",
           "word:mail email:jane.doe+cx@mail.example.com punct:. word:or word:a punct:@ word:b");
    expect("write to bob@ex.com today", "word:write word:to email:bob@ex.com word:today");
    expect("www. http:// x", "word:www punct:. word:http punct::// word:x");
}

static void test_tags(void **state)
{
    (void)state;
    expect("@bob_1 #fail #1 C# foo@bar (@ann) #\xC3\xA9t\xC3\xA9",
           "mention:@bob_1 hashtag:#fail punct:# number:1 word:C punct:# word:foo punct:@ "
           "word:bar punct:( mention:@ann punct:) hashtag:#\xC3\xA9t\xC3\xA9");
}

static void test_punct_and_symbols(void **state)
{
    (void)state;
    expect("no!!! why?! so... ok, $5 + \xE2\x82\xAC" "3 \xE2\x80\x94 a",
           "word:no punct:!!! word:why punct:?! word:so punct:... word:ok punct:, symbol:$ "
           "number:5 symbol:+ symbol:\xE2\x82\xAC number:3 punct:\xE2\x80\x94 word:a");
}

static void test_separators(void **state)
{
    (void)state;
    /* NUL, control characters, NBSP and a stray BOM separate; nothing
     * breaks. A format character inside a word (soft hyphen) joins it. */
    static const char sep[] = "a\0b\x01" "c\x7F" "d\xC2\xA0" "e \xEF\xBB\xBF" "f";
    expect_n(sep, sizeof sep - 1, "word:a word:b word:c word:d word:e word:f");
    expect("deli\xC2\xADvery", "word:deli\xC2\xADvery");
    vb_token_list l = tokenize_n("one\ntwo\r\nthree four", 19);
    assert_int_equal(l.n_tokens, 4);
    assert_int_equal(l.line_before[0], 0);
    assert_int_equal(l.line_before[1], 1);
    assert_int_equal(l.line_before[2], 1);
    assert_int_equal(l.line_before[3], 0);
    expect("", "");
    expect(" \t\n ", "");
    expect("\xEF\xBF\xBD" "x", "symbol:\xEF\xBF\xBD word:x"); /* a repaired byte */
}

static void test_long_input_grows(void **state)
{
    (void)state;
    /* Many short tokens force the token array to grow; pathological dotted
     * runs stay linear thanks to the e-mail scan memo. */
    enum { N = 200000 };
    static char buf[N];
    for (size_t i = 0; i < N; i++)
        buf[i] = (i % 2) ? '.' : 'a';
    vb_token_list l = tokenize_n(buf, N);
    assert_int_equal(l.n_tokens, N);
    assert_int_equal(l.tokens[N - 1].start, N - 1);
}

/* Words of every length up to 40 (so that their ends fall at every place
 * of a 16-byte block and past it), of letters and digits from the ends of
 * their ranges, stopped by bytes just outside those ranges, with 0 to 20
 * bytes after the stop: the first token is the whole word, no more. A
 * non-ASCII letter goes on the word. */
/* A contraction written apart, as text tokenised the Penn Treebank way
 * has it, is one word with its "n't"; an apostrophe that opens a quote,
 * or "n't" that goes on, is not one. */
static void test_contractions_written_apart(void **state)
{
    (void)state;
    expect("it does n't work", "word:it word:does n't word:work");
    expect("I ca n't, wo n't", "word:I word:ca n't punct:, word:wo n't");
    expect("DO N'T", "word:DO N'T");
    expect("can 't", "word:can 't");
    expect("do n\xE2\x80\x99t", "word:do n\xE2\x80\x99t");
    expect("n't at first", "word:n't word:at word:first");
    expect("in 'the' end", "word:in punct:' word:the punct:' word:end");
    expect("do n'ts", "word:do word:n'ts");
    expect("so n't", "word:so n't");
    expect("so n'", "word:so word:n punct:'");
}

static void test_word_ends(void **state)
{
    (void)state;
    static const char word_bytes[] = "azAZ09mQ5";
    static const char stops[] = {' ', ':', ';', '[', '`', '{', '~', 0x7F, '\n'};
    char buf[80];
    for (size_t len = 1; len <= 40; len++) {
        for (size_t k = 0; k < len; k++)
            buf[k] = word_bytes[k % (sizeof word_bytes - 1)];
        for (size_t tail = 0; tail <= 20; tail++) {
            for (size_t si = 0; si < sizeof stops; si++) {
                buf[len] = stops[si];
                memset(buf + len + 1, 'x', tail);
                vb_token_list l = tokenize_n(buf, len + 1 + tail);
                assert_true(l.n_tokens >= 1);
                assert_int_equal(l.tokens[0].kind, VB_TOKEN_WORD);
                assert_int_equal(l.tokens[0].start, 0);
                assert_int_equal(l.tokens[0].end, len);
            }
            memcpy(buf + len, "\xC3\xA9", 2); /* e acute */
            memset(buf + len + 2, 'x', tail);
            vb_token_list l = tokenize_n(buf, len + 2 + tail);
            assert_int_equal(l.n_tokens, 1);
            assert_int_equal(l.tokens[0].end, len + 2 + tail);
        }
    }
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(vb_token_kind_name(VB_TOKEN_WORD), "word");
    assert_string_equal(vb_token_kind_name(VB_TOKEN_EMOTICON), "emoticon");
    assert_string_equal(vb_token_kind_name(VB_TOKEN_SYMBOL), "symbol");
    assert_string_equal(vb_token_kind_name((vb_token_kind)99), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_offsets),       cmocka_unit_test(test_words),
        cmocka_unit_test(test_numbers),       cmocka_unit_test(test_emoji),
        cmocka_unit_test(test_emoticons),     cmocka_unit_test(test_urls_and_emails),
        cmocka_unit_test(test_tags),          cmocka_unit_test(test_punct_and_symbols),
        cmocka_unit_test(test_separators),    cmocka_unit_test(test_long_input_grows),
        cmocka_unit_test(test_kind_names),    cmocka_unit_test(test_every_emoticon),
        cmocka_unit_test(test_contractions_written_apart),
        cmocka_unit_test(test_word_ends),
    };
    return cmocka_run_group_tests(tests, setup_arena, teardown_arena);
}
