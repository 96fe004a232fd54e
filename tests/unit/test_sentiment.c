/* test_sentiment.c: the scoring mechanics, each pinned by a sentence
 * and the direction (and where it matters, the size) of its effect:
 * VADER's compound, negation, boosters, capitals, contrast and
 * punctuation, and their English extensions ("never once", "least",
 * "yet to", "too cold to enjoy", "pretty small"), emoji and offsets.
 * The rules on what customers write are in test_sentiment_rules.c, the
 * phrases of the CX overlay in test_sentiment_cx.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_sentiment_fixture.h"

#include <math.h>

static void test_compound_and_proportions_follow_vader(void **state)
{
    (void)state;
    double c = score("The food is good");
    assert_float_equal(c, 1.9 / sqrt(1.9 * 1.9 + 15), 1e-4);
    assert_int_equal(ds.overall.label, VB_POSITIVE);
    assert_float_equal(ds.overall.pos + ds.overall.neu + ds.overall.neg, 1.0, 1e-9);
    assert_true(ds.overall.pos > 0 && ds.overall.neg == 0);
    assert_int_equal((score("The box is blue"), ds.overall.label), VB_NEUTRAL);
    assert_float_equal(score(""), 0.0, 0);
    assert_float_equal(ds.overall.pos + ds.overall.neu + ds.overall.neg, 0.0, 0);
}

static void test_negation_flips_within_three_words(void **state)
{
    (void)state;
    assert_true(score("The food is not good") < -0.05);
    assert_true(cue("good")->rules & VB_RULE_NEGATED);
    assert_float_equal(cue("good")->score, 1.9 * -0.74, 1e-6);
    assert_true(score("I never liked it") < -0.05);
    assert_true(score("It isn't very good") < -0.05);
    /* contractions as tokenised text writes them */
    assert_true(score("i can 't recommend it") < -0.05);
    assert_true(cue("recommend")->rules & VB_RULE_NEGATED);
    assert_true(score("it does n't work") < -0.3);
    assert_true(score("the t zones are good") > 0.05); /* a lone "t" negates nothing */
}

static void test_never_so_intensifies(void **state)
{
    (void)state;
    /* "never ... so/this/such X" means "more X than ever", not "not X". */
    const double plain = score("I was disappointed");
    assert_true(score("I have never been so disappointed") < plain);
    assert_true(cue("disappointed")->rules & VB_RULE_BOOSTED);
    assert_false(cue("disappointed")->rules & VB_RULE_NEGATED);
    assert_true(score("Never seen such rude staff") < -0.3);
    assert_true(score("I have never been this happy") > 0.5);
    /* "more" or a comparative after a verb of what was lived through:
     * nothing was ever more so */
    assert_true(score("I have never been more disappointed") < plain);
    assert_true(cue("disappointed")->rules & VB_RULE_BOOSTED);
    assert_true(score("I've never been happier") > 0.5);
    assert_true(score("I have never felt more welcome") > 0.5);
    assert_true(score("I've never had worse service") < -0.5);
    assert_true(score("Never had better service anywhere") > 0.5);
    assert_true(score("I've never felt more unwelcome") < -0.5);
    /* Without the degree word, "never" still negates; "it never got
     * better" lives through nothing. */
    assert_true(score("I have never been disappointed") > 0.05);
    assert_true(score("The battery life never got better") < 0.05);
}

static void test_negation_stops_at_clause_boundaries(void **state)
{
    (void)state;
    assert_true(score("Not the cheapest, but great") > 0.05);
    assert_false(cue("great")->rules & VB_RULE_NEGATED);
    score("No idea why, great service");
    assert_false(cue("great")->rules & VB_RULE_NEGATED);
}

/* A negator denies the judged word after it; a second negator further
 * back denies the word after that one, not this one again. */
static void test_negation_denies_the_nearest_judged_word(void **state)
{
    (void)state;
    score("not great not terrible");
    assert_true(cue("terrible")->score > 0);
    assert_true(cue("great")->score < 0);
    assert_true(score("Food was good not great not worth the wait") < -0.05);
    assert_true(cue("worth the wait")->score < 0);
    /* a booster before the negator still weighs the denial */
    score("It is definitely not worth it");
    assert_true(cue("worth it")->rules & VB_RULE_NEGATED);
    assert_true(cue("worth it")->rules & VB_RULE_BOOSTED);
}

/* A negator of a deed ends at "and" once its verb has come: the second
 * verb is said, not denied. A negator of a state or a thing reaches both
 * sides. */
static void test_negated_deed_ends_at_and(void **state)
{
    (void)state;
    assert_true(score("The doctor didn't listen and rushed me out.") < -0.05);
    assert_false(cue("rushed")->rules & VB_RULE_NEGATED);
    assert_true(cue("didn't listen")->score < 0); /* the failure stands */
    assert_true(score("He never called back and was rude about it") < -0.05);
    assert_false(cue("rude")->rules & VB_RULE_NEGATED);
    /* a state denied: "bulky" is denied too */
    score("It isn't big and bulky");
    assert_true(cue("bulky")->rules & VB_RULE_NEGATED);
    score("It is not big and bulky");
    assert_true(cue("bulky")->rules & VB_RULE_NEGATED);
    score("Great fit, no bagging and sagging");
    assert_true(cue("sagging")->rules & VB_RULE_NEGATED);
    /* a judged word first: negated as before */
    score("She wasn't rude and helped me");
    assert_true(cue("rude")->rules & VB_RULE_NEGATED);
    score("Didn't like it and sent it back");
    assert_true(cue("like")->rules & VB_RULE_NEGATED);
}

static void test_not_only_does_not_negate(void **state)
{
    (void)state;
    assert_true(score("The screen is not only bright but also big") > 0.05);
    assert_false(cue("bright")->rules & VB_RULE_NEGATED);
    assert_true(score("The screen is not bright") < -0.05);
}

static void test_not_once_or_a_single_reaches_further(void **state)
{
    (void)state;
    assert_true(score("Not once did anyone apologise.") < -0.05);
    assert_string_equal(cue("apologise")->modifier, "not");
    assert_int_equal(cue("apologise")->rules, VB_RULE_NEGATED);
    assert_true(score("Never once did I feel rushed") > 0.05);
    assert_true(score("I have not once encountered a problem") > 0.05);
    /* the refund denied is the worse complaint, as with "no refund" */
    score("Not once did they offer a refund");
    assert_true(cue("refund")->rules & VB_RULE_BOOSTED);
    /* beyond the subject's reach, in another clause, or without "once" */
    assert_true(score("Not once did they apologise for the delay") < -0.05);
    assert_false(cue("delay")->rules & VB_RULE_NEGATED);
    assert_true(score("Not once but twice the staff were rude") < -0.05);
    assert_true(score("Not at all did anyone apologise.") > 0.05);
    /* "not a single": past the thing counted */
    assert_true(score("Not a single item was damaged") > 0.05);
    assert_string_equal(cue("damaged")->modifier, "not");
    assert_true(score("Not a single member of staff was helpful") < -0.05);
    assert_true(score("Not one single thing missing") > 0.05);
    assert_true(score("Not a single thing was missing and the staff were rude") < -0.05);
    assert_int_equal(cue("rude")->rules & VB_RULE_NEGATED, 0);
    /* ... and past the verb before it */
    assert_true(score("Never had a single problem with them") > 0.05);
    assert_string_equal(cue("problem")->modifier, "never");
    assert_true(score("We haven't had one single issue in years") > 0.05);
    assert_true(score("Three years of use and not having a single problem") > 0.05);
    assert_true(score("Never had a single good experience with them") < -0.05);
    assert_true(score("I didn't have a single complaint, but the staff were rude") < -0.05);
    assert_int_equal(cue("rude")->rules & VB_RULE_NEGATED, 0);
    /* ... and past a verb of giving or causing and its object */
    assert_true(score("It has not given me any problems") > 0.05);
    assert_string_equal(cue("problems")->modifier, "not");
    assert_true(score("It never gave me a single problem in four years") > 0.05);
    assert_true(score("The update hasn't caused us any issues") > 0.05);
    assert_true(score("They never gave the kids any trouble") < -0.05); /* not past a noun */
    /* a negator before an excess denies the excess, and the verb before
     * it does not fail: "without feeling too tight" */
    assert_true(score("Slimming without feeling too tight") > 0.5);
    assert_null(find_cue("without feeling"));
    /* "doesn't do it justice": the thing is better than shown */
    assert_true(score("The photos do not do it justice") > 0.05);
    assert_true(score("The pictures never did it justice") > 0.05);
    assert_true(score("The court did not deliver justice") < -0.05);
    /* "without making me": past the verb and its object */
    assert_true(score("She answered all my questions without making me feel stupid") > 0.05);
    assert_string_equal(cue("stupid")->modifier, "without");
    assert_true(score("Flattering without making you look bulky") > 0.05);
    /* not past a noun, nor further than the object's verb */
    assert_true(score("without making the staff feel stupid") < -0.05);
    assert_true(score("without making me wait in a rude queue") < -0.05);
}

static void test_booster_before_a_negation_is_no_praise(void **state)
{
    (void)state;
    assert_true(score("Definitely not worth the price") < -0.3);
    assert_true(cue("worth the price")->rules & VB_RULE_BOOSTED);
    assert_true(score("Definitely!") > 0.05); /* on its own it still praises */
}

static void test_boosters_and_dampeners_change_size(void **state)
{
    (void)state;
    double plain = score("The staff were helpful");
    double very = score("The staff were very helpful");
    double kind_of = score("The staff were kind of helpful");
    assert_true(very > plain && plain > kind_of && kind_of > 0.05);
    assert_true(cue("helpful")->rules & VB_RULE_DAMPENED);
    assert_string_equal(cue("helpful")->modifier, "kind of");
    /* A booster with its own valence uses it only when it modifies nothing. */
    score("super cute");
    assert_int_equal(ds.n_cues, 1);
}

static void test_caps_emphasis_only_in_mixed_case(void **state)
{
    (void)state;
    double lower = score("the service was terrible");
    double caps = score("the service was TERRIBLE");
    assert_true(caps < lower);
    assert_true(cue("TERRIBLE")->rules & VB_RULE_CAPS);
    assert_float_equal(score("THE SERVICE WAS TERRIBLE"), lower, 1e-9);
}

static void test_every_contrast_word_weighs(void **state)
{
    (void)state;
    assert_true(score("The food was good but the service was slow") < -0.05);
    assert_true(cue("good")->rules & VB_RULE_BEFORE_CONTRAST);
    assert_true(cue("slow")->rules & VB_RULE_AFTER_CONTRAST);
    /* The second "but" weighs as well: "great" wins, not "awful". */
    assert_true(score("Awful start but decent middle but a great finish") > 0.05);
    assert_true(score("The staff were lovely, however the room was dirty") < -0.05);
    assert_true(score("Although the food was good, the service was terrible") < -0.05);
    assert_true(score("Cheap and cheerful yet nasty") < -0.05);
    /* Clause scores keep each clause's own sign for the theme stage. */
    score("The food was great but the service was awful");
    assert_true(doc.n_clauses >= 2);
    assert_int_equal(ds.clauses[0].label, VB_POSITIVE);
    assert_int_equal(ds.clauses[doc.n_clauses - 1].label, VB_NEGATIVE);
}

static void test_repeated_words_are_scored_independently(void **state)
{
    (void)state;
    score("good good but good");
    assert_int_equal(ds.n_cues, 3);
    assert_float_equal(ds.cues[0].score, 0.95, 1e-6);
    assert_float_equal(ds.cues[1].score, 0.95, 1e-6);
    assert_float_equal(ds.cues[2].score, 2.85, 1e-6);
}

static void test_punctuation_emphasis(void **state)
{
    (void)state;
    double plain = score("Great service");
    double bang = score("Great service!!!");
    assert_true(bang > plain);
    assert_true(cue("Great")->rules & VB_RULE_EXCLAIM);
    assert_float_equal(score("Great service!!!!!!!"), score("Great service!!!!"), 1e-9);
    assert_true(score("Great service??") > plain);
}

static void test_least_negates_but_at_least_does_not(void **state)
{
    (void)state;
    assert_true(score("my least favourite shop") < -0.05);
    assert_true(score("my least favorite shop") < -0.05);
    assert_true(cue("favorite")->rules & VB_RULE_LEAST);
    assert_true(score("at least it was fine") > 0.05);
}

/* "yet to" says a thing has not happened, so it denies what follows
 * ("have yet to be disappointed" praises) rather than set up a contrast
 * that weighs the word after it up. */
static void test_yet_to_negates(void **state)
{
    (void)state;
    assert_true(score("I have yet to be disappointed") > 0.05);
    assert_true(cue("disappointed")->rules & VB_RULE_NEGATED);
    assert_true(score("Yet to have a problem with it") > 0.05);
    assert_true(score("The issue is yet to be resolved") < -0.05);
    assert_true(score("Three weeks on and yet to receive the item") < -0.05);
    /* the failure's cue spans the negator and the word it denies */
    assert_true(score("The parcel has yet to arrive") < -0.05);
    assert_non_null(cue("yet to arrive"));
    /* "yet" alone still contrasts */
    assert_true(score("The app is slow, yet the staff were helpful") > 0.05);
    assert_true(cue("helpful")->rules & VB_RULE_AFTER_CONTRAST);
}

/* "too X to Y": the excess stops Y, so praise there is denied; "too
 * cute to pass up" is no excess and stays praise. */
static void test_too_much_to_enjoy(void **state)
{
    (void)state;
    assert_true(score("Too cold to enjoy") < -0.05);
    assert_true(cue("enjoy")->rules & VB_RULE_NEGATED);
    assert_true(score("The dress was too tight to be comfortable") < -0.05);
    assert_true(cue("comfortable")->score < 0);
    assert_string_equal(cue("comfortable")->modifier, "too");
    assert_true(score("Staff were too busy to be helpful") < -0.05);
    assert_true(score("Too cute to pass up") > 0.05);
    /* without "to" the praise stands */
    score("Too small, but comfortable");
    assert_false(cue("comfortable")->rules & VB_RULE_NEGATED);
}

/* "pretty" and "super" praise on their own ("pretty dress"), but before
 * a size or a degree they measure it: "runs super small" is no praise. */
static void test_pretty_small_is_no_praise(void **state)
{
    (void)state;
    assert_float_equal(score("It runs super small"), 0.0, 1e-9);
    assert_float_equal(score("The sleeves are pretty long"), 0.0, 1e-9);
    assert_float_equal(score("I'm pretty sure it will shrink"), 0.0, 1e-9);
    assert_true(score("Pretty dress") > 0.05);
    assert_true(score("Super cute") > 0.05);
    assert_true(score("The keyboard is ridiculously small") < -0.05);
}

/* "crazy" and "ultra" before praise raise it, as customers use them;
 * "crazy" alone still complains. */
static void test_crazy_and_ultra_boost(void **state)
{
    (void)state;
    const double plain = score("Comfortable");
    assert_true(score("Crazy comfortable") > plain);
    assert_true(cue("comfortable")->rules & VB_RULE_BOOSTED);
    assert_true(score("Ultra soft") > score("Soft"));
    assert_true(score("The price is crazy") < -0.05);
}

/* A quality that praises on its own is a fault in excess, as a size is
 * ("too warm", "too bright"), and "not too bright" praises; "too cute"
 * stays praise. */
static void test_too_warm_is_a_fault(void **state)
{
    (void)state;
    assert_true(score("The sweater is too warm for spring") < -0.05);
    assert_true(score("The colour is way too bright") < -0.05);
    assert_true(score("The sauce was too sweet") < -0.05);
    assert_true(score("The knit is too delicate for the machine") < -0.05);
    assert_true(score("The colour is not too bright") > 0.05);
    assert_true(score("Not too casual, not too dressy") > 0.05);
    assert_true(score("A warm coat in bright colours") > 0.05);
    assert_true(score("It is too cute") > 0.05);
}

/* "to" misspelt for "too" before a size, after a copula or a word of
 * degree, is a fault as "too" is; a size asked for ("sized down to
 * small") or a noun's ("went to small shops") is not. */
static void test_to_misspelt_for_too(void **state)
{
    (void)state;
    const double too = score("The dress was way too small");
    assert_true(too < -0.05);
    assert_true(fabs(score("The dress was way to small") - too) < 1e-9);
    assert_true(score("The sleeves were a little to short") < -0.05);
    assert_true(score("It runs to big") < -0.05);
    assert_true(score("There was way to much fabric") < -0.05);
    assert_true(fabs(score("It's to big for me") - score("It's too big for me")) < 1e-9);
    assert_true(score("Its to small") < -0.05);
    assert_true(score("They're to tight") < -0.05);
    assert_true(fabs(score("Its to the left")) <= 0.05);
    assert_true(fabs(score("We sized down to small")) <= 0.05);
    assert_true(fabs(score("We went to small shops")) <= 0.05);
    assert_true(fabs(score("The store is to close at noon")) <= 0.05);
}

/* Text tokenised the Penn Treebank way reads as written together. */
static void test_contractions_written_apart(void **state)
{
    (void)state;
    assert_true(fabs(score("It could n't be better") - score("It couldn't be better")) < 1e-9);
    assert_true(score("It could n't be better") > 0.3);
    assert_true(fabs(score("I wo n't be back") - score("I won't be back")) < 1e-9);
    assert_true(score("I wo n't be back") < -0.3);
    assert_true(fabs(score("I ca n't wait to try it") - score("I can't wait to try it")) < 1e-9);
    assert_true(score("I ca n't wait to try it") > 0.3);
    assert_true(fabs(score("i can 't recommend it") - score("i can't recommend it")) < 1e-9);
}

/* A compound scores as the lexicon's form of it, closed up or apart,
 * however the customer hyphenated it; else as the part that judges it. */
static void test_hyphenated_compounds(void **state)
{
    (void)state;
    assert_true(fabs(score("It was over-priced") - score("It was overpriced")) < 1e-9);
    assert_true(score("It was over-priced") < -0.3);
    assert_true(fabs(score("High-quality fabric") - score("High quality fabric")) < 1e-9);
    assert_true(score("Very easy-to-use app") > 0.3);
    assert_true(cue("easy-to-use")->rules & VB_RULE_BOOSTED);
    assert_true(score("It was not over-priced") > 0.05); /* negated as one word */
    assert_true(score("A well-designed coat") > 0.05);
    assert_true(score("Ill-fitting pants") < -0.05);
    assert_true(score("A super-soft sweater") > 0.05);
    assert_float_equal(score("It is a non-issue"), 0.0, 0.0);
    /* "re-sent" is sent again, not "resent" */
    assert_float_equal(score("They re-sent the parcel"), 0.0, 0.0);
}

/* A product in use all the time is praised; other things that "can't"
 * be done still failed. */
static void test_cant_put_it_down_praises(void **state)
{
    (void)state;
    assert_true(score("I got this camera a month ago and I can't put it down") > 0.3);
    assert_true(score("i couldn't put it down") > 0.3);
    assert_true(score("I can't find the manual") < -0.05);
}

/* "less helpful" denies the word as "not so helpful" does, both ways
 * ("less crowded" praises), and "couldn't have been less interested" is
 * a complaint; "more or less fine" and "no less helpful" deny nothing. */
static void test_less_negates_but_more_or_less_does_not(void **state)
{
    (void)state;
    assert_true(score("The agent couldn't have been less interested") < -0.05);
    assert_true(cue("interested")->rules & VB_RULE_NEGATED);
    assert_true(score("The app is less helpful than before") < -0.05);
    assert_true(score("Less crowded than usual") > 0.05);
    assert_true(score("It was more or less fine") > 0.05);
    assert_true(score("The staff were no less helpful than last time") > 0.05);
    /* before a word of no sentiment "less" says nothing failed, as "no"
     * or "not" would ("no power", "doesn't charge") */
    assert_true(fabs(score("It uses less power")) <= 0.05);
    assert_true(score("It has no power") < -0.05);
}

/* "far from ideal" and "anything but flattering" deny the word as "not"
 * does; before a word of no sentiment they tell a distance or a
 * difference, no failure ("far from home"); after a negator "anything
 * but" stresses what follows ("never had anything but praise"). */
static void test_far_from_and_anything_but_deny(void **state)
{
    (void)state;
    assert_true(score("The sizing is far from ideal") < -0.05);
    assert_true(cue("ideal")->rules & VB_RULE_NEGATED);
    assert_true(score("The pattern is far from boring") > 0.05);
    assert_true(score("The fit is anything but flattering") < -0.05);
    assert_true(cue("flattering")->rules & VB_RULE_NEGATED);
    assert_true(score("The staff were anything but helpful") < -0.05);
    assert_float_equal(score("The shop is far from home"), 0.0, 1e-9);
    assert_float_equal(score("The shop is not far from the station"), 0.0, 1e-9);
    assert_float_equal(score("The print is anything but typical"), 0.0, 1e-9);
    assert_true(score("I have never had anything but great service") > 0.05);
    assert_false(cue("great")->rules & VB_RULE_NEGATED);
    /* a negator before a plain verb is still a failure */
    assert_true(score("It did not even fit") < -0.05);
}

/* "from" after a verb of keeping off and its object denies what follows
 * ("keeps it from looking frumpy" praises, "kept me from giving it 5
 * stars" complains) and says no failure ("keeps it from stretching"); not
 * where the keeping is denied, nor "from" a seller or "away from". */
static void test_kept_from_denies(void **state)
{
    (void)state;
    assert_true(score("The belt keeps it from looking frumpy") > 0.05);
    assert_true(cue("frumpy")->rules & VB_RULE_NEGATED);
    assert_true(score("What kept me from giving it 5 stars was the strap") < -0.05);
    assert_true(score("The fabric stops it from being great") < -0.05);
    assert_true(score("The lining prevents the dress from being see through") > 0.05);
    assert_float_equal(score("The lining keeps it from stretching"), 0.0, 1e-9);
    assert_true(score("Nothing is keeping me from loving it") > 0.05);
    assert_false(cue("loving")->rules & VB_RULE_NEGATED);
    assert_true(score("Stop buying from this awful seller") < -0.05);
    assert_true(score("Keep away from this awful shop") < -0.05);
    assert_true(score("I bought it from a great shop") > 0.05);
}

static void test_emoji_and_emoticons(void **state)
{
    (void)state;
    assert_true(score("great\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D") > score("great"));
    score("delivered\xF0\x9F\x98\xA1\xF0\x9F\x98\xA1"); /* glued angry faces */
    assert_int_equal(ds.n_cues, 2);
    assert_true(ds.overall.compound < -0.5);
    assert_true(score("arrived today :)") > 0.05);
    /* Emoticons with capitals are the lexicon's folded entries: ":D" is ":d". */
    assert_true(score("arrived today :D") > 0.05);
    assert_true(score("fun XD") > score("fun"));
    assert_true(score("nice =D") > score("nice"));
    assert_true(score("it works :P") > 0.05);
    score("it works :-D");
    assert_int_equal(ds.n_cues, 1);
    /* Lower-cased exports write ":d" and "=d"; the emoticons the general
     * lexicon lacks have the valences of their siblings (cx.tsv). */
    assert_true(score("so soft but tickles :d") > score("so soft but tickles"));
    assert_true(score("more colours please =d") > score("more colours please"));
    assert_true(score("these jeans shimmy down =(") < -0.05);
    assert_true(score("sad T_T") < score("sad"));
    assert_true(score("arrived ^_^") > 0.05);
    /* A skin tone still finds the base emoji. */
    assert_true(score("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD") > 0.05);
    /* Emoji are not negated by the words before them. */
    score("couldn't be happier \xF0\x9F\x91\x8D");
    assert_false(cue("\xF0\x9F\x91\x8D")->rules & VB_RULE_NEGATED);
}

static void test_elongated_words_are_found(void **state)
{
    (void)state;
    assert_true(score("soooo good") > score("good"));
    assert_true(score("baaaad") < -0.05);
}

static void test_a_stronger_phrase_inside_a_phrase_wins(void **state)
{
    (void)state;
    /* "really wanted" gives way to "wanted to love", which "really" boosts */
    assert_true(score("I really wanted to love this top") < -0.05);
    assert_true(cue("wanted to love")->rules & VB_RULE_BOOSTED);
    /* "looks like" gives way to "like a tent" */
    assert_true(score("It looks like a tent on me") < -0.05);
    assert_true(cue("like a tent")->valence < 0);
    /* a weaker phrase inside does not: "well worth" stays whole */
    assert_true(score("Well worth it") > 0.05);
    assert_true(cue("Well worth")->valence > 0);
    assert_null(find_cue("worth it"));
    /* the first word alone keeps its rules: "like" before "a" is a
     * preposition, and praises nothing */
    assert_true(score("There was a mark like a hole in the sleeve") < -0.05);
    assert_true(cue("a hole")->valence < 0);
    assert_null(find_cue("like"));
}

static void test_sentence_scores_and_cue_offsets(void **state)
{
    (void)state;
    score("Lovely staff. Terrible parking.");
    assert_int_equal(doc.n_sentences, 2);
    assert_int_equal(ds.sentences[0].label, VB_POSITIVE);
    assert_int_equal(ds.sentences[1].label, VB_NEGATIVE);
    const vb_cue *c = cue("Terrible");
    assert_int_equal(c->start, 14);
    assert_int_equal(c->end, 22);
    assert_int_equal(c->sentence, 1);
    assert_float_equal(c->valence, -2.1, 1e-6);
    assert_string_equal(vb_rule_name(VB_RULE_NEGATED), "negated");
    assert_string_equal(vb_rule_name(VB_RULE_AFTER_CONTRAST), "after_contrast");
    assert_string_equal(vb_rule_name(VB_RULE_LONG_WAIT), "long_wait");
    assert_string_equal(vb_rule_name(VB_RULE_REPEATED), "repeated");
    assert_string_equal(vb_rule_name(VB_RULE_INTENT), "intent");
    assert_string_equal(vb_rule_name(VB_RULE_REQUEST), "request");
    assert_string_equal(vb_rule_name(VB_RULE_RATING), "rating");
    assert_string_equal(vb_rule_name(VB_RULE_IMPERATIVE), "imperative");
    assert_string_equal(vb_rule_name(VB_RULE_UNMET), "unmet");
    assert_string_equal(vb_rule_name(VB_RULE_DID_NOTHING), "did_nothing");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compound_and_proportions_follow_vader),
        cmocka_unit_test(test_negation_flips_within_three_words),
        cmocka_unit_test(test_never_so_intensifies),
        cmocka_unit_test(test_negation_stops_at_clause_boundaries),
        cmocka_unit_test(test_negation_denies_the_nearest_judged_word),
        cmocka_unit_test(test_negated_deed_ends_at_and),
        cmocka_unit_test(test_not_only_does_not_negate),
        cmocka_unit_test(test_not_once_or_a_single_reaches_further),
        cmocka_unit_test(test_booster_before_a_negation_is_no_praise),
        cmocka_unit_test(test_boosters_and_dampeners_change_size),
        cmocka_unit_test(test_caps_emphasis_only_in_mixed_case),
        cmocka_unit_test(test_every_contrast_word_weighs),
        cmocka_unit_test(test_repeated_words_are_scored_independently),
        cmocka_unit_test(test_punctuation_emphasis),
        cmocka_unit_test(test_least_negates_but_at_least_does_not),
        cmocka_unit_test(test_yet_to_negates),
        cmocka_unit_test(test_too_much_to_enjoy),
        cmocka_unit_test(test_pretty_small_is_no_praise),
        cmocka_unit_test(test_crazy_and_ultra_boost),
        cmocka_unit_test(test_too_warm_is_a_fault),
        cmocka_unit_test(test_to_misspelt_for_too),
        cmocka_unit_test(test_contractions_written_apart),
        cmocka_unit_test(test_hyphenated_compounds),
        cmocka_unit_test(test_cant_put_it_down_praises),
        cmocka_unit_test(test_less_negates_but_more_or_less_does_not),
        cmocka_unit_test(test_far_from_and_anything_but_deny),
        cmocka_unit_test(test_kept_from_denies),
        cmocka_unit_test(test_emoji_and_emoticons),
        cmocka_unit_test(test_elongated_words_are_found),
        cmocka_unit_test(test_a_stronger_phrase_inside_a_phrase_wins),
        cmocka_unit_test(test_sentence_scores_and_cue_offsets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
