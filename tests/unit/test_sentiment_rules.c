/* test_sentiment_rules.c: the scoring rules on what customers write,
 * each pinned by a sentence and the direction of its effect: praise of
 * what is not, conditionals, purposes and wishes, words whose sign
 * depends on their context, waits, tries and repairs told in numbers,
 * remedies, coming again, requests, time that bounds praise. The rules
 * need no lexicon entry; the phrases of the CX overlay are tested in
 * test_sentiment_cx.c, the scoring mechanics in test_sentiment.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_sentiment_fixture.h"

#include <math.h>
#include <stdlib.h>
#include <unistd.h>

static void test_what_vader_calls_negative_is_not(void **state)
{
    (void)state;
    assert_true(score("No problem") > 0.05);
    assert_true(score("No complaints") > 0.05);
    assert_true(score("Not bad") > 0.05);
    assert_true(score("Not the worst") >= -0.05);
    assert_true(score("I couldn't be happier") > 0.5);
    assert_true(cue("happier")->rules & VB_RULE_BOOSTED);
    assert_true(score("It couldn't be worse") < -0.3); /* intensified, still negative */
    assert_true(score("I can't recommend this shop enough") > 0.05);
    assert_true(score("Not good enough") < -0.05);
    assert_true(score("I can't imagine a better place") > 0.5);
    assert_true(cue("better")->rules & VB_RULE_BOOSTED);
    /* the promoter's answer to "what could we do better?" */
    assert_true(score("Wouldn't change a thing") > 0.3);
    assert_true(score("Nothing to improve") > 0.3);
    assert_true(score("Honestly, I would not change anything") > 0.3);
    assert_true(score("Keep doing what you're doing!") > 0.3);
    assert_true(score("Returns were easy. Keep it up") > 0.3);
    /* said of staff, a refusal still fails */
    assert_true(score("They would not change anything on my booking") < -0.05);
}

static void test_negated_mental_verb_is_no_complaint(void **state)
{
    (void)state;
    assert_int_equal((score("I don't know the brand"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("We did not need the manual"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I didn't want the blue one"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I wasn't sure about the colour"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("We did not expect a reply"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("The remote doesn't pair") < -0.05); /* a function that fails */
}

static void test_non_answer_scores_as_no_comment(void **state)
{
    (void)state;
    /* "no" before a neutral noun is a failure ("no reply"), but a whole
     * comment of the language's non_answers.txt says nothing */
    assert_true(score("No reply") < -0.05);
    assert_float_equal(score("No comment."), 0.0, 0.0);
    assert_float_equal(ds.overall.neu, 0.0, 0.0); /* as an empty comment */
    assert_int_equal(ds.n_cues, 0);
    assert_true(score("No comment, the staff were rude") < -0.05);
}

static void test_conditional_clause_asserts_nothing(void **state)
{
    (void)state;
    assert_true(score("The strap is comfortable") > 0.05);
    assert_int_equal((score("If the strap is comfortable I will keep it"), ds.overall.label),
                     VB_NEUTRAL);
    assert_int_equal((score("I will keep it unless the strap breaks"), ds.overall.label),
                     VB_NEUTRAL);
    /* the main clause still counts */
    assert_true(score("If you need a spare, the case is excellent") > 0.05);
    /* "as if", "as though": a likeness, which asserts */
    assert_true(score("I feel as if I wasted my money") < -0.05);
    assert_int_equal(cue("wasted")->rules & VB_RULE_BEFORE_CONTRAST, 0);
    assert_true(score("It looks as though it is cheap plastic") < -0.05);
    assert_int_equal((score("It's not as if the food was great"), ds.overall.label), VB_NEUTRAL);
}

/* What held until something happened is what ended. */
static void test_until_ends_what_came_before(void **state)
{
    (void)state;
    assert_true(score("It worked great until it broke after a week") < -0.05);
    assert_true(cue("great")->rules & VB_RULE_BEFORE_CONTRAST);
    assert_true(cue("broke")->rules & VB_RULE_AFTER_CONTRAST);
    /* after a wait it says how long; opening a sentence, its own clause
     * is what ended */
    assert_true(score("I can't wait until it warms up") > 0.05);
    assert_int_equal(cue("can't wait")->rules & VB_RULE_BEFORE_CONTRAST, 0);
    assert_true(score("I waited until it went on sale and love it") > 0.05);
    assert_int_equal(cue("love")->rules & VB_RULE_AFTER_CONTRAST, 0);
    assert_true(score("Until I tried it on, I was confused") < -0.05);
    assert_int_equal(cue("confused")->rules & VB_RULE_AFTER_CONTRAST, 0);
    /* Praise of a state that ended at an event is a letdown, even with
     * nothing said of the event; praise in an earlier clause stands. */
    assert_true(score("I loved this shirt until I washed it") < -0.05);
    assert_true(cue("loved")->score < 0);
    score("The print is lovely, and it looked great until I sat down");
    assert_true(cue("lovely")->score > 0);
    assert_true(cue("great")->score < 0);
    /* Before a time, not an event, nothing ended; blame that lasted is
     * still blame. */
    assert_true(score("It stays warm and cosy until October") > 0.05);
    assert_true(score("I was stuck until the update came out") < -0.05);
}

static void test_like_as_preposition_praises_nothing(void **state)
{
    (void)state;
    /* the verb: after a subject, an adverb, an auxiliary or a negator */
    assert_true(score("I like the blue cover") > 0.05);
    assert_true(score("We really like the blue cover") > 0.05);
    assert_true(score("Anyone who would like loud music gets it here") > 0.05);
    assert_true(score("I don't like the blue cover") < -0.05);
    /* the preposition or hedge: no valence */
    assert_int_equal((score("It has ports like USB and HDMI"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("Like most owners, I charge it at night"), ds.overall.label),
                     VB_NEUTRAL);
    assert_int_equal((score("The update took like two hours"), ds.overall.label), VB_NEUTRAL);
}

static void test_purposes_and_plans_are_not_praise(void **state)
{
    (void)state;
    assert_int_equal((score("I bought it as a gift to help my dad save on calls"),
                      ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I hope to make sure the box arrives"), ds.overall.label),
                     VB_NEUTRAL);
    assert_true(score("I hope it is great") > 0.05); /* the evaluation still counts */
}

static void test_counterfactual_praise_is_a_complaint(void **state)
{
    (void)state;
    assert_true(score("The service could be improved") < -0.05);
    assert_true(cue("improved")->rules & VB_RULE_NEGATED);
    assert_float_equal(cue("improved")->score, 2.1 * -0.74, 1e-6);
    assert_true(score("The waiter could have been a little more attentive") < -0.05);
    assert_true(score("A remote would have been nice") < -0.05);
    assert_true(score("I would have liked more colours") < -0.05);
    assert_true(score("It could've been nicer") < -0.05);
    assert_true(score("The app could be more user friendly") < -0.05); /* a phrase */
    /* "feel", "look", "seem", "sound" link as "be" does */
    assert_true(score("It should feel a bit more durable") < -0.05);
    assert_true(cue("durable")->rules & VB_RULE_NEGATED);
    assert_true(score("The app could look more attractive") < -0.05);
    assert_true(score("It feels more durable than my old one") > 0.05);
    /* a prediction or a negated modal is not a wish */
    assert_true(score("It should be good") > 0.05);
    assert_true(score("You would be happy with it") > 0.05);
    assert_true(score("It couldn't have been better") > 0.5);
    assert_true(score("It could have been handled better") < -0.05);
}

static void test_how_it_ought_to_be_done_is_a_complaint(void **state)
{
    (void)state;
    assert_true(score("They could explain things better") < -0.05);
    assert_string_equal(cue("better")->modifier, "could");
    assert_true(score("They should train their staff better") < -0.05);
    assert_true(score("The staff need better training") < -0.05);
    assert_true(score("The staff could smile more") < -0.05);
    assert_true(score("Your website needs to improve") < -0.05);
    assert_true(score("Improve your delivery times") < -0.05);
    assert_string_equal(cue("Improve")->modifier, "improve");
    /* a request said to the company */
    assert_true(score("Please be more friendly") < -0.05);
    assert_string_equal(cue("friendly")->modifier, "be");
    assert_true(score("Maybe smile more") < -0.05);
    assert_true(score("Better than expected") > 0.05);
    /* denied, nothing could be better; a change made is praise */
    assert_true(score("I could not have asked for better service") > 0.05);
    assert_true(score("I couldn't improve on it") > 0.05);
    assert_true(score("The service has improved a lot") > 0.05);
    assert_true(score("It helped improve my skin") > 0.05);
}

static void test_praise_hoped_or_wished_for_is_a_complaint(void **state)
{
    (void)state;
    assert_true(score("Hoped for better quality") < -0.05);
    assert_true(cue("better")->rules & VB_RULE_NEGATED);
    assert_string_equal(cue("better")->modifier, "hoped");
    assert_true(score("I was hoping for a better fit") < -0.05); /* "was hoping": a phrase */
    assert_true(score("Hopefully the staff will be friendlier next time") < -0.05);
    assert_true(score("I wish the staff were friendlier") < -0.05);
    assert_string_equal(cue("friendlier")->modifier, "wished");
    assert_true(score("I wish it was a bit more flattering") < -0.05);
    /* "would like", "would love": a wish too */
    assert_true(score("I would like a better app") < -0.05);
    assert_string_equal(cue("better")->modifier, "wished");
    score("The only thing I would like better is a higher waist");
    assert_string_equal(cue("better")->modifier, "wished");
    score("I think I would like the blue better");
    assert_string_equal(cue("better")->modifier, "wished");
    assert_true(score("I like it better than the old one") > 0.05); /* no "would" */
    /* expected and not had: at this price a customer expects better */
    assert_true(score("For this price I expect better quality") < -0.05);
    assert_string_equal(cue("better")->modifier, "expected");
    assert_true(score("I was expecting a better fit") < -0.05);
    assert_true(score("I would expect better service") < -0.05);
    /* what was not expected came, or came better than expected */
    assert_true(score("I didn't expect it to be better than my old one") > 0.05);
    assert_true(score("I wasn't expecting a better fit, but it fits great") > 0.05);
    assert_true(score("It fits better than I expected") > 0.05);
    /* more of a good thing, an evaluation, or praise past "and" */
    assert_true(score("I hope to see more cute dresses like this") > 0.05);
    assert_true(score("I hope it is great") > 0.05);
    assert_true(score("It was everything I hoped for and better") > 0.05);
    assert_true(score("Better than I hoped") > 0.05);
    /* what came is not what was hoped for, ordered or paid for: the
     * negator does not deny the wish after it */
    assert_true(score("Not what I was hoping for") < -0.05);
    assert_int_equal(cue("was hoping")->rules & VB_RULE_NEGATED, 0);
    assert_true(score("It wasn't what I ordered") < -0.05);
    assert_true(score("Not what you would expect for the price") < -0.05);
}

static void test_suggestion_says_what_is_missing(void **state)
{
    (void)state;
    assert_true(score("It would be great if the app had dark mode") < -0.05);
    assert_true(cue("great")->rules & VB_RULE_NEGATED);
    assert_string_equal(cue("great")->modifier, "would");
    assert_true(score("Would be nice to have a loyalty program") < -0.05);
    assert_true(score("I'd love it if you opened on Sundays") < -0.05);
    assert_true(score("It would be even better if it had a widget") < -0.05);
    /* what would be, and is not: a wish or a hope let down */
    assert_true(score("A full lining would be nice.") < -0.05);
    assert_true(score("I thought it would be perfect!") < -0.05);
    /* a prediction, a plan, or a case of use praises */
    assert_true(score("It would be great for kids") > 0.05);
    assert_true(score("It would be great to wear to work") > 0.05);
    assert_true(score("I would love to come back") > 0.05);
    assert_true(score("It would be perfect if you want something casual") > 0.05);
    assert_true(score("The zoom would be really helpful if shooting sports") > 0.05);
    /* "would like" asks as "would love" does: to have, more, to see what
     * is asked for */
    assert_true(score("I would like to have volume buttons") < -0.05);
    assert_string_equal(cue("like")->modifier, "would");
    assert_true(score("Would like more trendy features") < -0.05);
    assert_true(score("We would like to see more vegetarian dishes") < -0.05);
    assert_true(score("I would like it if you opened on Sundays") < -0.05);
    /* and "a", "an" or "some" of something bigger or better */
    assert_true(score("We would love a bigger store") < -0.05);
    assert_string_equal(cue("love")->modifier, "would");
    assert_true(score("I'd love some warmer colours") < -0.05);
    assert_true(score("I would love a second one") > 0.05); /* buying again */
    /* thanks, buying again, what is wished for and found */
    assert_true(score("I would like to thank the staff") > 0.05);
    assert_true(score("I would like to get a second pair") > 0.05);
    assert_true(score("It is what I would like to see from a phone") > 0.05);
}

static void test_words_whose_sign_depends_on_context(void **state)
{
    (void)state;
    assert_true(score("The prices are cheap") > 0.05);
    assert_true(score("Cheap eats for $8") > 0.05);
    assert_true(score("The price is not cheap") < -0.05);
    /* a price called high is paid reluctantly */
    assert_true(score("The high prices for unlined garments") < -0.05);
    /* without a price in its clause, cheap is a fault of quality */
    assert_true(score("The remote is cheap plastic") < -0.05);
    assert_true(score("Great prices, but the buttons are cheap") < 0.3);
    /* "loud" praises speakers and faults anything else */
    assert_true(score("The speakers are loud") > 0.05);
    assert_true(score("The fan is loud") < -0.05);
    assert_true(score("The sound isn't very loud") < -0.05);
    /* "huge" praises portions and faults a garment; small portions are a fault */
    assert_true(score("The portions are huge") > 0.05);
    assert_true(score("The sleeves are huge") < -0.05);
    assert_true(score("The armholes are massive") < -0.05);
    /* weight is no verdict, but its denial praises */
    assert_true(score("It is warm but not heavy") > 0.05);
    assert_true(score("It came with a giant menu") > 0.05);
    assert_true(score("Small portions for the price") < -0.05);
    /* "average" as a verdict and as a noun */
    assert_true(score("The food was below average") < -0.3);
    assert_true(score("Service was above average") > 0.05);
    assert_int_equal((score("Enough for the average person"), ds.overall.label), VB_NEUTRAL);
}

static void test_remedied_trouble_and_denied_refund(void **state)
{
    (void)state;
    /* a trouble that a done remedy governs is no complaint */
    assert_true(fabs(score("They fixed the problem")) < 0.05);
    assert_true(score("Problem solved") > 0.05);
    assert_true(score("The issue was sorted the same day") > 0.05); /* as "solved" */
    assert_true(score("Credit where it's due, the problem was sorted") > 0.05);
    assert_true(score("I had a problem with the zipper") < -0.05);
    /* wished for or denied, the remedy leaves it standing */
    assert_true(score("I am hoping they will fix the problem") < -0.05);
    assert_true(score("They never fixed the problem") < -0.05);
    assert_true(score("They did not solve the problem") < -0.05);
    assert_true(score("The problem was never fixed") < -0.05);
    assert_true(score("I hope the problem will be fixed soon") < -0.05);
    assert_true(score("Don't order until the issue is resolved") < -0.05);
    /* thanked for, a remedy in its -ing form is done; needed, it is not */
    assert_true(score("Thanks for fixing the problem.") > 0.3);
    assert_null(find_cue("problem"));
    assert_true(score("Thank you so much for sorting out my issue.") > 0.3);
    assert_true(score("It needs fixing, the problem is still there.") < -0.05);
    assert_true(score("No problem at all") > 0.05);
    /* a complaint is a trouble too; addressed or handled, it is remedied */
    assert_true(score("They resolved my complaint quickly") > 0.05);
    assert_true(score("My complaint was handled brilliantly") > 0.05);
    assert_true(fabs(score("The issue was addressed the next day")) < 0.05);
    assert_true(score("My complaint was never resolved") < -0.05);
    /* the named troubles of homes and software: a leak, a glitch */
    assert_true(fabs(score("They fixed the leak quickly")) < 0.05);
    assert_true(fabs(score("The update fixed the glitch")) < 0.05);
    assert_true(score("They never fixed the leak") < -0.05);
    assert_true(score("The roof has a leak") < -0.05);
    assert_true(score("They never addressed my complaint") < -0.05);
    /* a thing broken or faulty, repaired or replaced */
    assert_true(fabs(score("They fixed my broken boiler")) < 0.05);
    assert_true(fabs(score("They repaired the faulty wiring")) < 0.05);
    assert_true(score("They replaced my broken screen free of charge") > 0.05);
    assert_true(score("They never replaced the broken part") < -0.05);
    assert_true(score("The part was never repaired and is still broken") < -0.05);
    assert_true(score("It arrived broken") < -0.05);
    /* a refund denied is the worse complaint, not praise */
    assert_true(score("I was never refunded") < -0.05);
    assert_true(score("They would not give a refund") < -0.05);
    assert_true(score("Still no refund") < -0.05);
    assert_true(cue("refund")->rules & VB_RULE_BOOSTED);
}

static void test_long_wait_told_in_numbers(void **state)
{
    (void)state;
    /* long for its unit: a complaint, as "took hours" is */
    assert_true(score("It took 40 minutes to connect to an agent") < -0.05);
    assert_float_equal(cue("minutes")->valence, -1.5, 1e-6);
    assert_int_equal(cue("minutes")->rules, VB_RULE_LONG_WAIT);
    assert_true(score("It took them three weeks to reply to my email") < -0.05);
    assert_true(score("My refund took 10 days to come through") < -0.05);
    assert_true(score("The security line took an hour") < -0.05);
    assert_true(score("Delivery took over a month") < -0.05);
    assert_true(score("There was a 30 minute wait for a table") < score("There was a wait"));
    assert_true(score("I waited 3 hours for the engineer") < score("I waited for the engineer"));
    /* short for its unit, played down, or no wait at all: nothing */
    assert_int_equal((score("It took two minutes to set up"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("It took 3 days to arrive"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("It only took 30 minutes to download"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("It took just 3 weeks"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I have used it for 3 weeks"), ds.overall.label), VB_NEUTRAL);
    score("The battery lasts 10 hours");
    assert_int_equal(ds.n_cues, 0);
    /* "well" measures a distance too, it does not praise */
    assert_int_equal((score("It hits well below the knee"), ds.overall.label), VB_NEUTRAL);
}

static void test_rating_written_out(void **state)
{
    (void)state;
    /* a rating by the share of its scale: the cue spans points to scale */
    assert_true(score("10/10 would recommend") > 0.05);
    assert_float_equal(cue("10/10")->valence, 2.5, 1e-6);
    assert_int_equal(cue("10/10")->rules, VB_RULE_RATING);
    assert_int_equal(cue("10/10")->n_tokens, 3);
    assert_float_equal((score("Service 7 / 10"), cue("7 / 10")->valence), 1.5, 1e-6);
    assert_float_equal((score("The food: 6/10"), cue("6/10")->valence), -0.5, 1e-6);
    assert_float_equal((score("Rated it 2 out of 5."), cue("2 out of 5")->valence), -1.5, 1e-6);
    assert_true(score("Ten out of ten.") > 0.05);
    assert_true(score("9.5/10, the staff were lovely") > score("The staff were lovely"));
    assert_true(score("11/10") > 0.05);
    /* the idiom "5 stars" as the scale of a low rating is no praise */
    assert_true(score("I'd give it 1 out of 5 stars") < -0.05);
    assert_float_equal(cue("1 out of 5 stars")->valence, -2.5, 1e-6);
    assert_true(score("0/5 stars") < -0.05);
    assert_true(score("Five stars") > 0.05);
    assert_true(score("Two stars, the zip broke") < score("The zip broke"));
    assert_true(score("I gave it 3 stars") < -0.05);
    /* no rating: a date, a dress size, a height, a fraction of
     * something, a count of people, more points than a scale has */
    const char *none[] = {"Delivered on 10/10",          "Ordered it 2024/5/10",
                          "The date was 10/10/2024",     "I am a size 8/10",
                          "I'm 5/5 and it fits",          "I am 128 lbs and 5/5",
                          "I am 5/5\" tall",             "About 1/10 of a second",
                          "9 out of 10 times it works",  "4 out of 5 dentists agree",
                          "It came 50/10",               "Several out of ten"};
    for (size_t k = 0; k < sizeof none / sizeof *none; k++) {
        score(none[k]);
        for (size_t c = 0; c < ds.n_cues; c++)
            if (ds.cues[c].rules & VB_RULE_RATING)
                fail_msg("'%s' read as a rating", none[k]);
    }
}

static void test_repeated_tries_told_in_numbers(void **state)
{
    (void)state;
    /* a count of tries or contacts, from two: a complaint of effort */
    assert_true(score("I had to call them 4 times to get it changed") < -0.05);
    assert_float_equal(cue("times")->valence, -1.5, 1e-6);
    assert_int_equal(cue("times")->rules, VB_RULE_REPEATED);
    assert_true(score("I called their support number numerous times") < -0.05);
    assert_true(score("We asked for the bill three times") < -0.05);
    assert_true(score("It took three attempts to pay") < -0.05);
    assert_true(score("After many calls it was escalated") < -0.05);
    assert_true(score("took me a few tries") < -0.05);
    /* "occasions" as "times"; "separate" or "different" before them */
    assert_true(score("I chased it three separate times") < -0.05);
    assert_int_equal(cue("times")->rules, VB_RULE_REPEATED);
    assert_true(score("I have emailed them on four different occasions") < -0.05);
    assert_true(score("I have rung them countless times") < -0.05);
    assert_int_equal((score("I have worn it on several occasions"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I tried it on three different times"), ds.overall.label),
                     VB_NEUTRAL);
    /* no try of the writer's, no count, or a count played down: nothing */
    assert_int_equal((score("I have ordered from them 5 times"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I've been asked several times where I got it"), ds.overall.label),
                     VB_NEUTRAL);
    assert_int_equal((score("I tried it on 3 times"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I only had to call 2 times"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I was making very few calls"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I called once"), ds.overall.label), VB_NEUTRAL);
    score("They called 3 times. I was out.");
    assert_int_equal(ds.n_cues, 1); /* the count and its verb in one clause */
    score("Three times. They called");
    assert_int_equal(ds.n_cues, 0);
}

static void test_twice_and_repairs_told_in_numbers(void **state)
{
    (void)state;
    /* "twice" is its own count */
    assert_true(score("I called them twice and they said it was about to ship") < -0.05);
    assert_float_equal(cue("twice")->valence, -1.5, 1e-6);
    assert_int_equal(cue("twice")->rules, VB_RULE_REPEATED);
    /* repairs: a complaint in the passive too */
    assert_true(score("Had to have this computer repaired twice") < -0.05);
    assert_true(score("The mother board had been replaced 4 times") < -0.05);
    assert_true(score("My phone has already gone back for repair twice") < -0.05);
    assert_true(score("After 3 repairs it still overheats") < -0.05);
    /* a comparison, a habit, a count played down, a try-on, a passive try */
    assert_int_equal((score("It charges twice as fast"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I replace the filter twice a year"), ds.overall.label),
                     VB_NEUTRAL);
    assert_int_equal((score("We call them 3 times per week"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I only called twice"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I tried it on twice"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I have been asked twice where I got it"), ds.overall.label),
                     VB_NEUTRAL);
    assert_int_equal((score("I have worn it twice"), ds.overall.label), VB_NEUTRAL);
}

static void test_a_fault_that_keeps_happening(void **state)
{
    (void)state;
    assert_true(score("The recorded message kept telling me my call was important") < -0.05);
    assert_float_equal(cue("kept")->valence, -1.2, 1e-6);
    assert_int_equal(cue("kept")->rules, VB_RULE_REPEATED);
    assert_true(score("The delivery date keeps being pushed back") < -0.05);
    assert_true(score("The tie kept coming undone") < -0.05);
    assert_true(score("It keeps on autofocusing in auto mode") < -0.05);
    /* the writer's effort */
    assert_true(score("You have to keep tapping on it to get it to work") < -0.05);
    assert_true(score("I keep having to hike them up") < -0.05);
    /* custom, the writer's own doing, a compliment, going on, a wish,
     * advice: nothing */
    assert_true(score("I keep coming back") > 0.05); /* "coming back" praises, in cx.tsv */
    assert_int_equal(ds.n_cues, 1);
    assert_int_equal((score("I keep going to this place"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("They will keep using them"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I kept looking at the picture"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("Everyone keeps asking where I got it"), ds.overall.label),
                     VB_NEUTRAL);
    assert_int_equal((score("It will keep running for years"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I just want to keep wearing it"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("Please keep offering petites"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("Keep going"), ds.overall.label), VB_NEUTRAL);
    /* a word with a valence speaks for itself */
    assert_true(score("It keeps getting better") > 0.05);
    score("The app keeps crashing");
    assert_int_equal(ds.n_cues, 1);
}

static void test_coming_again_or_not(void **state)
{
    (void)state;
    /* a customer who will not come again: as "never again" */
    assert_true(score("I won't be ordering from you again") < -0.3);
    assert_float_equal(cue("again")->valence, -2.5, 1e-6);
    assert_int_equal(cue("again")->rules, VB_RULE_INTENT);
    assert_string_equal(cue("again")->modifier, "won't");
    score("Never shopping here again");
    assert_int_equal(ds.n_cues, 1); /* the negator fails no verb and negates nothing */
    assert_true(ds.overall.compound < -0.3);
    assert_true(score("I would never buy anything from them again") < -0.3);
    assert_true(score("Not going to use them again") < -0.3);
    /* ... and one who will */
    assert_true(score("Will definitely use again") > 0.05);
    assert_float_equal(cue("again")->valence, 1.5, 1e-6);
    assert_true(score("I'd happily shop here again") > 0.05);
    /* no word on coming again: forced, done, asked or doubted */
    assert_int_equal((score("I had to order again"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I ordered again last week"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("Would I use them again"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("Not sure I'd use them again"), ds.n_cues), 0);
}

static void test_asking_for_more(void **state)
{
    (void)state;
    /* a place or a thing that needs more of something has too little */
    assert_float_equal(score("The store needs more cashiers"), -1.0 / sqrt(1.0 + 15), 1e-4);
    assert_int_equal(cue("needs more")->rules, VB_RULE_REQUEST);
    assert_float_equal(cue("needs more")->valence, -1.0, 1e-6);
    assert_true(score("They need more staff on weekends") < -0.05);
    assert_true(score("Needs a little more seating") < -0.05);
    assert_true(score("They really need to hire more staff") < -0.05);
    assert_true(score("The menu could use some vegetarian options") < -0.05);
    assert_int_equal(cue("use some")->rules, VB_RULE_REQUEST);
    assert_true(score("The lobby could really use a refresh") < -0.05);
    /* the writer's or reader's own need, a doubt, a condition: nothing */
    const char *plain[] = {
        "I need more room in the hips",      "We need more washes in this fit",
        "You need more memory for games",    "Those of you that need more length",
        "People who need more space",        "It doesn't need more buttons",
        "If it needs more charge, plug it in", "It needs more than a wash",
        "Everyone needs more of these",      "I could use a size smaller",
        "They need staff",                   "Could use it for work",
    };
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
        score(plain[i]);
        for (size_t c = 0; c < ds.n_cues; c++)
            if (ds.cues[c].rules & VB_RULE_REQUEST)
                fail_msg("'%s' asks for more", plain[i]);
    }
    /* a word of sentiment after it is the other rules' to weigh */
    score("It needs more comfortable seats");
    for (size_t c = 0; c < ds.n_cues; c++)
        assert_false(ds.cues[c].rules & VB_RULE_REQUEST);
}

static void test_more_than_wanted(void **state)
{
    (void)state;
    /* liking after "than" and its subject measures an excess, as "too" */
    const char *excess[] = {
        "The waist is tighter than I would like", "The waist is tighter than I'd like",
        "The arms were tighter than I liked",     "It was roomier than I cared for",
        "It runs longer than we'd like",          "It was shorter than I would have liked",
    };
    for (size_t i = 0; i < sizeof excess / sizeof *excess; i++) {
        if (!(score(excess[i]) < -0.05))
            fail_msg("'%s' scored %.4f", excess[i], ds.overall.compound);
        assert_string_equal(ds.cues[0].modifier, "than");
    }
    /* liking elsewhere: as before */
    assert_true(score("I like it more than I thought") > 0.05);
    assert_true(score("I would like to thank the staff") > 0.05);
    assert_int_equal((score("I thought I'd like this dress"), ds.n_cues), 0);
}

static void test_praise_of_the_past_is_a_complaint(void **state)
{
    (void)state;
    assert_true(score("It used to be great") < -0.05);
    assert_string_equal(cue("great")->modifier, "used to");
    assert_int_equal(cue("great")->rules, VB_RULE_NEGATED);
    assert_true(score("This place used to be my favourite") < -0.05);
    assert_true(score("They used to have the best pizza in town") < -0.05);
    assert_true(score("Used to love this shop") < -0.05);
    assert_true(score("It used to be great, now it's rubbish") < score("It's rubbish now"));
    /* accustomed, passive, denied or too far: the praise stands */
    assert_true(score("I'm used to good service") > 0.05);
    assert_true(score("I got used to the great keyboard") > 0.05);
    assert_true(score("The spray used to clean it works well") > 0.05);
    assert_true(score("I never used to be a fan") > 0.05);
    assert_true(score("I used to think about it and now I love it") > 0.05);
}

static void test_praise_of_what_is_gone_is_a_complaint(void **state)
{
    (void)state;
    assert_true(score("All my favourites are gone from the menu") < -0.05);
    assert_string_equal(cue("favourites")->modifier, "gone");
    assert_int_equal(cue("favourites")->rules & VB_RULE_NEGATED, VB_RULE_NEGATED);
    assert_true(score("The free parking is gone") < -0.05);
    assert_true(score("Their best dish was gone") < -0.05);
    /* the writer's own joy, "have gone", or too far: the praise stands */
    assert_true(score("Glad it is gone") > 0.05);
    assert_true(score("I could have gone with the small, the best fit") > 0.05);
    assert_true(score("The best thing about the old menu is gone") > 0.05);
}

static void test_praise_bounded_by_a_span_of_time(void **state)
{
    (void)state;
    /* good for a while: the good part ended */
    assert_true(score("It worked great for about a month.") < -0.05);
    assert_string_equal(cue("great")->modifier, "for");
    assert_int_equal(cue("great")->rules, VB_RULE_NEGATED);
    assert_true(score("Worked perfectly for the first month.") < -0.05);
    assert_true(score("It ran great for the first 2 months before the fan died") <
                score("The fan died"));
    assert_true(score("It worked really well for the first few weeks, then the screen "
                      "cracked.") < -0.05);
    assert_true(score("Worked fine for 3 weeks or so.") < -0.05);
    assert_true(score("It was great for a few days, until the update.") < -0.05);
    assert_true(score("The app is good for 10 days, then it crashes all the time") <
                score("It crashes all the time"));
    /* praise that still holds, says what the span was for, or praises how
     * long it lasted */
    const char *still[] = {"It has worked great for two years.",
                           "It's worked great for 2 months now.",
                           "Worked great for two weeks in Italy.",
                           "The battery is good for 10 hours.",
                           "This dress is perfect for a day at the beach.",
                           "The staff were great for the 3 days we stayed.",
                           "My old laptop worked like a charm for many months.",
                           "It worked great for five years."};
    for (size_t k = 0; k < sizeof still / sizeof *still; k++)
        if (score(still[k]) <= 0.05)
            fail_msg("'%s' scored %.3f", still[k], score(still[k]));
}

static void test_imperative_recommends_or_warns(void **state)
{
    (void)state;
    assert_true(score("Try the sea bass.") > 0.05);
    assert_float_equal(cue("Try")->score, 1.2, 1e-6);
    assert_int_equal(cue("Try")->rules, VB_RULE_IMPERATIVE);
    assert_true(score("We ate early. Try the green curry!") > 0.05);
    assert_true(score("Skip dessert.") < -0.05);
    /* only at the start of a sentence, and not "try to" or "try again" */
    assert_int_equal((score("I will try it tomorrow"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("Try again later"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("Try to book a table"), ds.overall.label), VB_NEUTRAL);
    /* nor "try not to", which is advice */
    assert_int_equal((score("Try not to sit near the door"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("Go for it!") > 0.05);
    /* the staff who wait on tables are no wait */
    assert_true(score("The wait staff were friendly") > score("The staff were friendly") - 1e-9);
    assert_true(score("The lunch special is an absolute steal") > 0.3);
}

/* The words these rules score need no entry in any file: with a lexicon
 * directory that has no files at all, the rules still find them. */
static void test_scoring_rules_need_no_lexicon_entry(void **state)
{
    (void)state;
    char dir[] = "/tmp/vb_test_nolex_XXXXXX";
    assert_non_null(mkdtemp(dir));
    vb_senti_lex *shipped = lex;
    lex = vb_senti_lex_load(dir, NULL, 0, NULL, NULL);
    assert_non_null(lex);
    const double wait = score("It took 40 minutes to connect");
    const double advice = score("Skip dessert.");
    const double tries = score("I had to call them 4 times");
    const double again = score("I will order again");
    const double neutral = score("It took 2 minutes to connect");
    vb_senti_lex_free(lex);
    lex = shipped;
    rmdir(dir);
    assert_true(wait < -0.05);
    assert_true(advice < -0.05);
    assert_true(tries < -0.05);
    assert_true(again > 0.05);
    assert_float_equal(neutral, 0.0, 1e-9);
}

/* "easily" next to a fault says how readily the fault comes: no praise,
 * after the fault or before a participle; elsewhere it praises. */
static void test_easily_next_to_a_fault(void **state)
{
    (void)state;
    assert_true(score("The fabric wrinkles easily") < -0.05);
    assert_int_equal(ds.n_cues, 1); /* "wrinkles" alone */
    assert_true(score("The sweater pilled easily") < -0.05);
    assert_true(score("The strap is easily damaged") < -0.05);
    assert_true(score("The material snags easily") < -0.05);
    assert_true(score("Doesn't wrinkle easily") > 0.05);
    assert_true(score("Set up easily in five minutes") > 0.05);
    assert_true(score("Just easily drag and drop your files") > 0.05);
    assert_true(cue("easily")->valence > 0);
    assert_true(score("It is easily the best") > 0.05);
}

/* Thanks or praise of a job whose object is a failure in an -ing form, or
 * a remedy denied, is sarcasm; thanks for what a complaint names, or for a
 * remedy, are not. */
static void test_thanks_for_a_failure_is_sarcasm(void **state)
{
    (void)state;
    assert_true(score("Thanks a lot for ruining my holiday") < -0.05);
    assert_true(cue("Thanks")->rules & VB_RULE_NEGATED);
    assert_true(score("Thank you so much for wasting my time") < -0.05);
    /* as far from the thanks as a thanked remedy may be */
    assert_true(score("Thank you so very much for ruining my holiday") < -0.05);
    assert_true(score("Thank you so very much for fixing it") > 0.05);
    assert_true(score("Great job losing my parcel") < -0.05);
    assert_true(score("Well done for ignoring my emails") < -0.05);
    assert_true(score("Thanks for the quick refund") > 0.05);
    assert_true(score("Thanks for fixing my boiler") > 0.05);
    assert_true(score("Thanks for not losing my parcel") > 0.05);
    assert_true(score("Thanks for not fixing the problem") < -0.05); /* a remedy denied */
    assert_true(cue("Thanks")->rules & VB_RULE_NEGATED);
    assert_true(score("Thanks for not charging me") > 0.05);
    assert_true(score("Thanks, the crying baby was fine") > -0.5);
    assert_false(cue("Thanks")->rules & VB_RULE_NEGATED); /* another clause */
}

/* A good thing that a verb of spoiling has for its object is what was
 * lost: it praises nothing. */
static void test_a_good_thing_spoilt_is_no_praise(void **state)
{
    (void)state;
    assert_true(score("It ruined our holiday") < -0.3);
    assert_null(find_cue("holiday"));
    assert_true(score("The delay ruined our first anniversary dinner") < -0.3);
    assert_true(score("Wrecked the whole celebration") < -0.05);
    assert_true(score("Nothing could ruin our lovely holiday") > 0.3);
    assert_true(score("We had a lovely holiday") > 0.3);
}

/* "nothing" as all that doing or a repair came to is a failure; where it
 * denies a word of sentiment, the denial decides. */
/* Trouble told after praise in a "when I ..." or "after my ..." clause,
 * or named as an event ("after the accident"), is the occasion of the
 * praise, not a complaint of its own. */
static void test_trouble_as_the_occasion_of_praise(void **state)
{
    (void)state;
    assert_true(score("Staff were very helpful when I had a problem with my order.") > 0.3);
    assert_null(find_cue("problem"));
    assert_true(score("The conductor was helpful when I got on the wrong train.") > 0.3);
    assert_true(score("They were brilliant after my flight was cancelled.") > 0.3);
    /* the trouble named as an event: "after the accident" */
    assert_true(score("The handler was very understanding after the accident.") > 0.3);
    assert_null(find_cue("accident"));
    /* an article before a clause that tells what went wrong: a complaint */
    score("It looked great after the first wash it shrank.");
    assert_non_null(cue("shrank"));
    /* denied praise, a turn, a contrast or a far trouble: scored as before */
    assert_true(score("They weren't helpful when I had a problem.") < -0.05);
    assert_non_null(cue("problem"));
    score("Excited when I read the label, only to be disappointed.");
    assert_non_null(cue("disappointed"));
    score("Helpful when I called and the fault is still there.");
    assert_non_null(cue("fault"));
    score("It fits great when I am standing in the store but it is hard to sit.");
    assert_non_null(cue("hard"));
    /* no praise before: the trouble is the complaint */
    assert_true(score("When I had a problem nobody helped.") < -0.05);
}

static void test_did_nothing(void **state)
{
    (void)state;
    assert_true(score("This top did nothing for me") < -0.05);
    assert_true(score("I reported it and they did nothing") < -0.05);
    assert_true(score("The update fixed nothing") < -0.05);
    assert_int_equal(cue("nothing")->rules, VB_RULE_DID_NOTHING); /* --explain names it */
    assert_true(score("HP did nothing proactive to resolve it") < -0.05);
    assert_true(score("They can do nothing wrong") > 0.05);
    assert_true(score("I do nothing but rave about it") > 0.05);
    assert_float_equal(score("There is nothing to do here"), 0.0, 1e-9);
    /* "for no reason": its "no" denies no later cue */
    assert_true(score("It shuts down for no reason without warning") < -0.05);
}

/* "no need" and "no time" are no failure: the "no" of a need met or of
 * speed, and it denies nothing after it. */
static void test_no_need_no_time(void **state)
{
    (void)state;
    assert_true(score("No need for a cami underneath") > 0.05);
    assert_true(score("No need to worry") > 0.05);
    assert_true(score("No need to be rude to customers") < -0.05);
    assert_true(score("Set up took no time at all") > 0.05);
    assert_true(score("It arrived in no time") > 0.05);
    assert_true(score("I have no time for this") < -0.05);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_what_vader_calls_negative_is_not),
        cmocka_unit_test(test_negated_mental_verb_is_no_complaint),
        cmocka_unit_test(test_non_answer_scores_as_no_comment),
        cmocka_unit_test(test_conditional_clause_asserts_nothing),
        cmocka_unit_test(test_until_ends_what_came_before),
        cmocka_unit_test(test_like_as_preposition_praises_nothing),
        cmocka_unit_test(test_purposes_and_plans_are_not_praise),
        cmocka_unit_test(test_counterfactual_praise_is_a_complaint),
        cmocka_unit_test(test_how_it_ought_to_be_done_is_a_complaint),
        cmocka_unit_test(test_praise_hoped_or_wished_for_is_a_complaint),
        cmocka_unit_test(test_suggestion_says_what_is_missing),
        cmocka_unit_test(test_words_whose_sign_depends_on_context),
        cmocka_unit_test(test_remedied_trouble_and_denied_refund),
        cmocka_unit_test(test_long_wait_told_in_numbers),
        cmocka_unit_test(test_rating_written_out),
        cmocka_unit_test(test_repeated_tries_told_in_numbers),
        cmocka_unit_test(test_twice_and_repairs_told_in_numbers),
        cmocka_unit_test(test_a_fault_that_keeps_happening),
        cmocka_unit_test(test_coming_again_or_not),
        cmocka_unit_test(test_asking_for_more),
        cmocka_unit_test(test_more_than_wanted),
        cmocka_unit_test(test_praise_of_the_past_is_a_complaint),
        cmocka_unit_test(test_praise_of_what_is_gone_is_a_complaint),
        cmocka_unit_test(test_praise_bounded_by_a_span_of_time),
        cmocka_unit_test(test_imperative_recommends_or_warns),
        cmocka_unit_test(test_scoring_rules_need_no_lexicon_entry),
        cmocka_unit_test(test_easily_next_to_a_fault),
        cmocka_unit_test(test_thanks_for_a_failure_is_sarcasm),
        cmocka_unit_test(test_a_good_thing_spoilt_is_no_praise),
        cmocka_unit_test(test_trouble_as_the_occasion_of_praise),
        cmocka_unit_test(test_did_nothing),
        cmocka_unit_test(test_no_need_no_time),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
