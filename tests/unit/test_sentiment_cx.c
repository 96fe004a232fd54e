/* test_sentiment_cx.c: the phrases of the CX overlay (cx.tsv, idioms.tsv,
 * boosters.tsv) on what customers write, each pinned by a sentence and
 * the direction of its effect: idioms of service, of products and of
 * wear, words of complaint across industries, recommending and warning.
 * The scoring rules are tested in test_sentiment_rules.c, the scoring
 * mechanics in test_sentiment.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_sentiment_fixture.h"

#include <math.h>

/* A garment that comes undone is a complaint; holes of lace are design. */
static void test_wear_that_undoes(void **state)
{
    (void)state;
    assert_true(score("The embroidery was unraveling") < -0.05);
    assert_true(score("The zipper came apart in the center") < -0.05);
    assert_true(score("I found a hole in the front") < -0.05);
    assert_float_equal(score("It has small holes in the lace"), 0.0, 1e-9);
}

static void test_a_garment_that_hangs_shapeless(void **state)
{
    (void)state;
    assert_true(score("It looked like a potato sack on me") < -0.05);
    assert_true(score("I felt like I was wearing a tent") < -0.05);
    assert_true(score("The fabric is stiff") < -0.05);
    assert_true(score("Soft and not stiff at all") > 0.05);
    /* the words alone are no fault: a tent is a thing to sell */
    assert_float_equal(score("We sell a tent and a sack truck"), 0.0, 1e-9);
}

/* How customers praise or fault staff and fixes in idioms of words that
 * carry no sentiment alone; denied, the praise is the complaint. */
static void test_service_idioms(void **state)
{
    (void)state;
    assert_true(score("Tom was an absolute star") > 0.05);
    assert_true(score("The engineer knew his stuff") > 0.05);
    assert_true(score("The fitter knew what he was doing") > 0.05);
    assert_true(score("The engineer didn't know what he was doing") < -0.05);
    assert_true(cue("know what he was doing")->rules & VB_RULE_NEGATED);
    assert_true(score("Like talking to a brick wall") < -0.05);
    assert_true(score("Fixed first time") > 0.05);
    /* "no" before "fuss" is no failure */
    assert_true(score("Job done, no fuss") > 0.05);
}

/* A denied hurry, charge or wait is praise, not a function that fails:
 * without an entry "didn't rush me" read as "won't play" does. */
static void test_denied_hurry_charge_or_wait(void **state)
{
    (void)state;
    assert_true(score("The doctor listened and didn't rush me.") > 0.05);
    assert_true(score("They definitely do not rush you.") > 0.05);
    assert_true(score("They didn't charge me for the repair.") > 0.05);
    assert_true(score("It didn't take long.") > 0.05);
    assert_true(score("It did not take long to get used to it.") > 0.05);
    /* asserted, they are complaints */
    assert_true(score("They rush you out the door.") < -0.05);
    assert_true(score("They charge you for everything.") < -0.05);
    /* the nouns and the battery's failure keep their readings */
    assert_float_equal(score("We came in during the lunch rush."), 0.0, 1e-9);
    assert_float_equal(score("Not the rush you get elsewhere."), 0.0, 1e-9);
    assert_true(score("The battery wouldn't charge.") < -0.05);
    assert_float_equal(score("It can take long exposures."), 0.0, 1e-9);
}

/* Staff who are patient or take the time to explain are praised; the
 * writer's own patience is time waited out, not praise. */
static void test_patience_and_time_taken(void **state)
{
    (void)state;
    assert_true(score("The advisor was patient and explained the options.") > 0.05);
    assert_true(score("The pharmacist took time to explain the tablets.") > 0.05);
    assert_true(score("She took the time to listen.") > 0.05);
    assert_float_equal(score("I was patient for three weeks."), 0.0, 1e-9);
    assert_float_equal(score("We were patient with them."), 0.0, 1e-9);
    score("I took the time to explain it.");
    assert_null(find_cue("took the time to explain"));
}

/* Words customers use of prices, places, repairs and delays in banks,
 * utilities, hotels, clinics and shops that the general lexicon lacks;
 * the words that name things keep no sentiment. */
static void test_words_of_complaint_across_industries(void **state)
{
    (void)state;
    assert_true(score("Extortionate prices.") < -0.05);
    assert_true(score("Poor value for money.") < -0.05);
    assert_true(score("Fees have gone up twice this year.") < -0.05);
    assert_true(score("Hidden charges everywhere.") < -0.05);
    assert_true(score("They fixed it, no hidden charges.") > 0.05);
    assert_true(score("Staff seemed short-staffed.") < -0.05);
    assert_true(score("The room was grotty and the carpets tatty.") < -0.05);
    assert_true(score("The walls are paper thin.") < -0.05);
    assert_true(score("A bodged repair.") < -0.05);
    assert_true(score("Palmed off again.") < -0.05);
    assert_true(score("Not a patch on the old store.") < -0.05);
    assert_true(score("They are scammers.") < -0.05);
    assert_true(score("It takes days to get a reply.") < -0.05);
    assert_true(score("We were kept in the dark for weeks.") < -0.05);
    assert_true(score("Sizes are all over the place.") < -0.05);
    assert_true(score("This update breaks everything.") < -0.05);
    assert_true(score("The transfer was instant.") > 0.05);
    assert_true(score("The staff made my day.") > 0.05);
    assert_true(score("Rock solid app.") > 0.05);
    assert_true(score("Booking was simple and I got a slot the next day.") > 0.05);
    assert_true(score("Staff seemed more interested in chatting than serving customers.") < -0.05);
    assert_true(score("I'm more interested in the zoom.") > 0.05);
    score("Nobody could answer a simple question.");
    assert_null(find_cue("simple"));
    score("Way too much hassle for something so simple.");
    assert_null(find_cue("simple"));
    assert_true(score("My vouchers expired before I could use them.") < -0.05);
    assert_float_equal(score("They have shops all over the place."), 0.0, 1e-9);
    assert_float_equal(score("I drink instant coffee."), 0.0, 1e-9);
}

/* "Clearly" vouches for what follows, whichever way it goes; it praises
 * only how something was explained or marked. */
static void test_clearly_vouches_for_what_follows(void **state)
{
    (void)state;
    assert_true(score("Clearly short staffed, nobody at the desk.") < -0.05);
    assert_true(cue("short staffed")->rules & VB_RULE_BOOSTED);
    assert_true(score("They clearly didn't care.") < -0.05);
    assert_true(score("Clearly the best pizza in town.") > 0.05);
    assert_true(cue("best")->rules & VB_RULE_BOOSTED);
    assert_true(score("She explained everything clearly.") > 0.05);
    assert_true(score("Prices are clearly marked.") > 0.05);
    assert_float_equal(score("Clearly."), 0.0, 1e-9);
}

/* Phone lines, banks' fraud teams, noisy nights and busy staff, as
 * customers write of them. */
static void test_lines_teams_and_nights(void **state)
{
    (void)state;
    assert_true(score("The number was permanently engaged.") < -0.05);
    assert_true(score("The staff were engaged and friendly.") > 0.05);
    assert_true(score("The fraud team were quick to refund me.") > 0.05);
    assert_true(score("Noise from the bar kept us up until 2am.") < -0.05);
    assert_true(score("Staff seemed overwhelmed.") < -0.05);
    assert_true(score("I doubt you'd be disappointed.") > 0.05);
    assert_true(score("Every release breaks our integrations.") < -0.05);
    assert_true(score("It breaks my heart to say it.") < -0.05);
    assert_true(score("Hidden resort fees.") < -0.05);
    assert_true(score("Transfer went through instantly.") > 0.05);
}

/* Money held back or raised, warnings not given, and the short verdicts
 * of survey answers. */
static void test_money_held_and_short_verdicts(void **state)
{
    (void)state;
    assert_true(score("Deposit still not returned.") < -0.05);
    assert_true(score("Customs charges nobody warned me about.") < -0.05);
    assert_true(score("My direct debit was increased.") < -0.05);
    assert_float_equal(score("Speed was increased."), score("Speed increased."), 1e-9);
    assert_true(score("Prices are higher than other shops.") < -0.05);
    assert_true(score("Courtesy car wasn't available.") < -0.05);
    assert_true(score("Not bad but not great.") < 0.0);
    assert_true(score("Not bad but not great.") > -0.3);
    assert_true(score("Just what I needed.") > 0.05);
    assert_true(score("First time ordering, won't be the last.") > 0.05);
    assert_true(score("They listen.") > 0.05);
    assert_true(score("They don't listen.") < -0.05);
}

/* Verdicts said sideways: fault not found, help not outdone, relief,
 * and an effort that did not help. */
static void test_verdicts_said_sideways(void **state)
{
    (void)state;
    assert_true(score("Hard to fault.") > 0.3);
    assert_true(score("Can't fault them.") > 0.3);
    assert_true(score("No one could have been more helpful.") > 0.3);
    assert_true(score("Staff could have been more helpful.") < -0.05);
    assert_true(score("Could have been worse.") > 0.0);
    assert_true(score("Could have been worse.") < 0.3);
    assert_true(score("Tried their best but couldn't help.") < -0.05);
    assert_true(score("They lost my parcel.") < -0.3);
}

static void test_idioms_and_cx_phrases(void **state)
{
    (void)state;
    assert_true(score("The agent went above and beyond") > 0.5);
    assert_true(cue("went above and beyond")->rules & VB_RULE_CX);
    assert_true(score("My parcel never arrived") < -0.5);
    assert_true(score("I was on hold for an hour") < -0.05);
    assert_true(score("Got passed around between departments") < -0.05);
    assert_true(score("The broadband keeps cutting out") < -0.05);
    assert_true(score("Internet drops every evening") < -0.05);
    assert_float_equal(score("Price drops every week"), 0.0, 1e-9);
    assert_true(score("A loyalty penalty at renewal") < -0.05);
    assert_true(score("A customer for 15 years and this is how I'm treated") < -0.05);
    assert_true(score("I had to explain my situation to four people") < -0.05);
    assert_true(score("I didn't have to explain anything twice") > 0.05);
    assert_true(score("The letter was full of jargon") < -0.05);
    assert_true(score("Plain English, no jargon") > 0.05);
    /* a grade given as praise; the tokeniser splits off its pluses */
    assert_true(score("Service was A+") > 0.3);
    assert_true(score("A+++ seller, fast delivery") > 0.3);
    assert_float_equal(score("I write C++ code"), 0.0, 1e-9);
    assert_true(score("Out of stock again") < -0.05);
    assert_true(score("The store didn't have my size") < -0.05);
    assert_true(score("It was a waste of time") < -0.5);
    assert_true(score("This dress is to die for") > 0.5);
    assert_true(cue("to die for")->rules & VB_RULE_IDIOM);
    /* "to death" only intensifies: the love is praise, the boredom a fault */
    assert_true(score("I love this top to death") > 0.5);
    assert_null(find_cue("death"));
    assert_true(score("I was bored to death waiting") < -0.05);
    assert_true(score("The sleeves are too long") < -0.05);
    assert_true(score("The sleeves are not too long") > 0.05);
    /* rhetorical questions that praise */
    assert_true(score("Soft and warm, what's not to love?") > 0.5);
    assert_true(score("What more could you want?") > 0.05);
    /* what the writer will not be without; idioms with a negator */
    assert_true(score("I can't live without it") > 0.3);
    assert_true(score("Now that I own it, I can't imagine being without it!") > 0.3);
    assert_true(score("I can't imagine my life without it anymore!") > 0.3);
    assert_true(score("They broke the mold with this one") > 0.05);
    assert_int_equal((score("It goes without saying"), ds.overall.label), VB_NEUTRAL);
    /* chat acronyms of the general lexicon that are words here */
    assert_int_equal((score("Hand wash only"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("I ordered the L"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("On the other hand, the color is dull") < -0.05);
    assert_true(score("It won't wow you with its speed, but who can complain at $249") > 0.05);
    /* style verdicts */
    assert_true(score("So stylish and slimming") > 0.5);
    assert_true(score("Would like more stylish colours") < -0.05); /* asked for */
    assert_true(score("I hope they make more stylish colours") > 0.05);
    assert_true(score("A bit dowdy on me") < -0.05);
    assert_true(score("Feminine, classic and a wardrobe staple") > 0.5);
    assert_true(score("The screen is crisp") > 0.05);
    assert_true(score("It is very simple to import photos") > 0.05);
    assert_true(score("The g3 looks like a work of art!") > 0.3);
    assert_true(score("The light quality of the flash is unsatisfactory") < -0.3);
    assert_true(score("The staff were disrespectful") < -0.3);
    assert_true(score("With a low price comes lower quality") < -0.05);
    /* care followed to the letter is told when it failed */
    assert_true(score("I washed it according to the instructions") < -0.05);
    assert_true(score("It was not simple to set up") < -0.05);
    assert_true(score("I looked like a clown in it") < -0.05);
    assert_true(score("I felt clownish in it") < -0.05);
    assert_true(score("The sleeves are oddly placed") < -0.05);
    assert_true(score("It came with a stain on the front") < -0.05);
    assert_float_equal(score("The stained glass windows"), 0.0, 1e-9);
    assert_true(score("Beware, the sizes are off") < -0.05);
    /* a garment that hangs wrong; fibres it catches; a rip, not ripping */
    assert_true(score("It swallowed me and bunched at the waist") < -0.05);
    assert_true(score("It attracts lint") < -0.05);
    assert_float_equal(score("I rip my CDs first"), 0.0, 1e-9);
    assert_true(score("There was a rip in the seam") < -0.05);
    assert_true(score("Understated and elegant") > 0.5);
    /* Windows XP, not the grinning emoticon; the middle, not death */
    assert_float_equal(score("I run it on Windows XP"), 0.0, 1e-9);
    assert_true(score("You feel seated dead center, it's that good") > 0.05);
    assert_true(score("It is too cute") > 0.05);
    assert_true(score("It doesn't play my discs") < -0.05);
    assert_int_equal(cue("doesn't play")->rules, VB_RULE_UNMET); /* --explain names it */
    /* "warning" negated is no praise; a loyalty card is no virtue */
    assert_true(score("My card was blocked without any warning") < -0.05);
    assert_true(score("The pool was closed with no warning") < -0.05);
    assert_true(score("My loyalty card was not scanned") < -0.05);
    /* card, care and security name things here: no praise in them */
    assert_true(score("They charged my credit card twice") < -0.05);
    assert_true(score("Customer care never answered") < -0.05);
    assert_true(score("Long lines at security") <= 0.0);
    assert_true(score("Credit where it's due, they called me back") > 0.05);
    /* chasing, queuing for ages, a price rise and a better price elsewhere */
    assert_true(score("I had to chase them four times for an update") < -0.05);
    assert_true(score("Queued for ages at the checkout") < -0.05);
    assert_true(score("Another price rise, the third this year") < -0.05);
    assert_true(score("I found the same TV cheaper elsewhere") < -0.05);
    assert_true(score("I've had this coat for ages and love it") > 0.05);
    /* passed around, kept informed, shambles and slick */
    assert_true(score("I was passed from pillar to post") < -0.05);
    assert_true(score("Passed from department to department") < -0.05);
    assert_true(score("Absolute shambles") < -0.05);
    assert_true(score("Zero communication") < -0.05);
    assert_true(score("They kept me informed throughout") > 0.05);
    assert_true(score("They never kept me informed") < -0.05);
    assert_true(score("Very slick process") > 0.05);
    assert_true(score("The handles are too slick to grip") < -0.05);
    /* nobody took the trouble: "bothered" is not annoyance there */
    assert_true(score("Nobody bothered to let me know") < -0.05);
    assert_true(score("They didn't even bother to reply") < -0.05);
    assert_true(score("The staff couldn't be bothered") < -0.05);
    assert_true(score("The noise didn't bother me") > 0.05);
    /* a customer who would not come again */
    assert_true(score("Probably would not go back") < -0.3);
    /* the customer returns, or the item does; "in a heartbeat" is eager */
    assert_true(score("We will return next year") > 0.05);
    assert_true(score("I will return it tomorrow") < -0.05);
    assert_true(score("Would buy it again in a heartbeat") > 0.3);
    /* waits told in weeks or all day, a missed delivery while the
     * customer was in, a bus that went by, a promise (mostly broken) */
    assert_true(score("Landlord takes weeks to fix anything") < -0.2);
    assert_true(score("The discharge took all day") < -0.2);
    assert_true(score("Courier left a card but I was home all day") < -0.2);
    assert_true(score("Bus driver drove straight past the stop") < -0.2);
    assert_true(score("Price match promise was not honoured") < -0.3);
    assert_true(score("Very tidy job") > 0.2);
    /* a parcel thrown in a bush or over the gate, packaging to excess,
     * a process "so straightforward", a guard who followed the customer */
    assert_true(score("The parcel was left in a bush") < -0.2);
    assert_true(score("The driver threw the parcel over the gate") < -0.2);
    assert_true(score("Packaging was excessive") < -0.2);
    assert_true(score("It was so straightforward") > 0.3);
    assert_true(score("Security guard followed me around the store") < -0.2);
    /* a guest's room: the verdicts VADER's words miss */
    assert_true(score("The hotel has seen better days") < -0.05);
    assert_true(score("Noise from the street kept us awake all night") < -0.05);
    assert_true(score("The bathroom needs a refurb") < -0.05);
    assert_true(score("The room was stuffy and the mattress saggy") < -0.05);
    assert_true(score("Home from home") > 0.05);
    /* nobody who knew, or would say */
    assert_true(score("Nobody could tell me where my order was") < -0.05);
    /* idioms of service made of neutral words */
    assert_true(score("I had to jump through hoops to get a refund") < -0.05);
    assert_true(score("They gave me the runaround") < -0.05);
    assert_true(score("The staff bent over backwards for us") > 0.05);
    assert_true(score("They couldn't do enough for us") > 0.05);
    assert_true(score("Above expectations") > 0.05);
    /* a promise named is mostly one broken; kept, it is said so */
    assert_true(score("Nobody called me back like they promised") < -0.05);
    assert_true(score("The parcel arrived when promised") > 0.05);
    assert_true(score("Delivered as promised") > 0.05);
    /* waits in hours, rises and sign-outs unexplained, the way out named */
    assert_true(score("Check-in took over an hour") < -0.05);
    assert_true(score("My bill went up without any explanation") < -0.05);
    assert_true(score("Prices have gone up again") < -0.05);
    assert_true(score("They put the prices up again") < -0.05);
    assert_true(score("Prices keep going up") < -0.05);
    assert_true(score("Your website keeps logging me out") < -0.05);
    assert_true(score("I will be leaving once my contract ends") < -0.05);
    assert_true(score("We are considering switching to another bank") < -0.05);
    assert_int_equal((score("To those thinking about switching, do it"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("The fees were hidden in the small print") < -0.05);
    assert_true(score("The room smelled of smoke and the sheets were stained") < -0.05);
    assert_true(score("The new update made the app slower") < -0.05);
    /* British verdicts, double debits, declined cards, dropouts and
     * speed against expectation: sooner praises what arrives, not what
     * wears out */
    assert_true(score("The service is rubbish") < -0.3);
    assert_true(score("Such a faff to get anything done") < -0.05);
    assert_true(score("I felt fobbed off") < -0.05);
    assert_true(score("Absolutely chuffed with it") > 0.05);
    assert_true(score("My direct debit was taken twice") < -0.05);
    assert_true(score("My card keeps getting declined") < -0.05);
    assert_true(score("The broadband keeps dropping out") < -0.05);
    /* a chat or call cut off at the other end, not a device unplugged */
    assert_true(score("Live chat closed before I could get an answer") < -0.05);
    assert_true(score("I got disconnected twice") < -0.05);
    assert_true(fabs(score("I disconnected the old printer")) <= 0.05);
    assert_true(score("The call dropped and nobody rang back") < -0.05);
    assert_true(score("I got cut off mid call") < -0.05);
    assert_true(score("The engineer was a no-show") < -0.05);
    assert_true(score("I love my no-show socks") > 0.05);
    assert_true(score("Unexpected item in the bagging area every time") < -0.05);
    /* a queue that moved quickly is a short wait, though "queue" is a
     * complaint on its own */
    assert_true(score("The queue moved quickly") > 0.05);
    assert_true(score("There was a queue") < -0.05);
    assert_true(score("Online banking is down again") < -0.05);
    assert_true(score("I was given conflicting information") < -0.05);
    /* a price raised or doubled, a charge under the quote, no quibbles,
     * an agent on a script, goods out of date */
    assert_true(score("They increased my premium again") < -0.05);
    assert_true(score("My bill doubled overnight") < -0.05);
    assert_true(score("The garage charged less than the quote") > 0.05);
    assert_true(score("The claim was paid, no quibbles") > 0.05);
    assert_true(score("The agent just read from a script") < -0.05);
    assert_true(score("The milk was out of date") < -0.05);
    /* a parcel left in the rain; adverbs of annoyance and luck */
    assert_true(score("The courier left it in the rain on the doorstep") < -0.05);
    assert_true(score("The parcel arrived soaked") < -0.05);
    assert_true(score("Annoyingly the app logged me out") < -0.05);
    assert_true(score("Fortunately the manager stepped in") > 0.05);
    /* a call returned or not ("returned" alone is a product sent back),
     * an agent who listened, a menu that goes round in circles */
    assert_true(score("The estate agent never returned my calls") < -0.05);
    assert_true(score("Nobody returned my messages") < -0.05);
    assert_true(score("She returned my call the same day") > 0.05);
    assert_true(score("The engineer called me back within the hour") > 0.05);
    assert_true(score("I never heard back from them") < -0.05);
    /* no call back is a complaint of its own, not only a verb that failed */
    assert_true(score("Nobody called me back") < score("Nobody called me") - 0.1);
    assert_true(score("They never returned my calls") < -0.3);
    assert_true(score("The trainer actually listened to me") > 0.05);
    assert_true(score("Nobody listened to me") < -0.05);
    assert_true(score("The chatbot sent me round in circles") < -0.05);
    assert_true(score("I had to repeat my story every time") < -0.05);
    /* out of order, unusable, dropping out, running behind */
    assert_true(score("Half the machines were out of order") < -0.05);
    assert_true(score("The app is unusable on my phone") < -0.05);
    assert_true(score("The wifi kept dropping in the room") < -0.05);
    assert_true(score("The clinic was running behind") < -0.05);
    assert_true(score("The website kept timing out at payment") < -0.05);
    assert_true(score("The installer left a mess") < -0.05);
    assert_true(score("They closed my account without telling me") < -0.05);
    assert_true(score("They changed my plan without my consent") < -0.05);
    assert_true(score("The gate changed without any announcement") < -0.05);
    assert_true(score("Ten years a customer and this is how you treat me") < -0.05);
    assert_true(score("The delivery was quicker than expected") > 0.05);
    assert_int_equal((score("They wore out quicker than expected"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("The food was cold when it arrived") < -0.05);
    assert_true(score("It does the job") > 0.05);
    assert_true(score("Would buy again") > 0.05);
    assert_true(score("Would not buy again") < -0.05);
    /* help without limit, a complaint as a question, a fault that
     * persists; an energy bill and a smart meter name things */
    assert_true(score("Nothing was too much trouble") > 0.3);
    assert_true(score("How hard is it to deliver a parcel on time?") < -0.05);
    assert_true(score("They said it was fixed but it is still happening") < -0.05);
    assert_true(score("The sizing is way off") < -0.05);
    assert_true(score("The integration keeps breaking") < -0.05);
    assert_int_equal((score("My energy bill came today"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("They fitted a smart meter"), ds.overall.label), VB_NEUTRAL);
    /* a shop's name, unless it is the best thing bought */
    assert_int_equal((score("I took the laptop into Best Buy"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("It's the best buy for the money") > 0.3);
}

/* Wear and damage that tell a fault on their own; "faded" and "frayed"
 * also name a style, so they say nothing alone. */
static void test_wear_and_damage(void **state)
{
    (void)state;
    assert_true(score("The function lever feels fragile") < -0.05);
    assert_true(score("The colour bled in the wash") < -0.05);
    assert_true(score("The seams are fraying already") < -0.05);
    assert_true(score("It came dented and discoloured") < -0.05);
    assert_int_equal((score("A faded blue with a frayed hem"), ds.overall.label), VB_NEUTRAL);
    /* a finish that wears away; "worn off" the shoulder is a style */
    assert_true(score("The paint wears off easily") < -0.05);
    assert_int_equal(ds.n_cues, 1); /* "easily" adds no praise */
    assert_true(score("The dye rubbed off on my skin") < -0.05);
    assert_true(score("The screen is easily scratched") < -0.05);
    assert_float_equal(score("It is meant to be worn off the shoulder"), 0.0, 1e-9);
}

static void test_recommending_and_warning_phrases(void **state)
{
    (void)state;
    /* "going back" alone is a return; a customer who will come again is praise */
    assert_true(score("I am going back to the store") < -0.05);
    assert_true(score("I will definitely be going back") > 0.05);
    assert_true(cue("be going back")->rules & VB_RULE_CX);
    assert_true(score("The lunch special can't be beat") > 0.3);
    assert_true(score("Look no further") > 0.3);
    assert_true(score("This place rocks") > 0.05);
    assert_true(score("Two thumbs up") > 0.3);
    assert_true(score("This dress is a must have") > 0.3);
    assert_int_equal((score("This skirt must have been a return"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("They must have pinned it back"), ds.overall.label), VB_NEUTRAL);
    assert_int_equal((score("The model must have longer legs"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("Couldn't ask for more") > 0.3);
    assert_true(score("The service was first class") > 0.3);
    assert_int_equal((score("We travelled first class"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("They could do better on communication") < -0.05);
    assert_int_equal((score("Room for improvement"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("The app needs improvement") < -0.05);
    assert_true(score("The checkout still needs work") < -0.05);
    /* patience as staff show it; the patient is no praise */
    assert_true(score("The tutor was very patient with my son") > 0.05);
    assert_int_equal((score("The patient was seen at noon"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("They tried to upsell me at the counter") < -0.05);
    assert_true(score("A big improvement on last time") > 0.05);
    /* a problem sorted, a refund given without a fight */
    assert_true(score("They sorted it quickly") > 0.05);
    assert_true(score("Still not sorted") < -0.05);
    assert_true(score("Got a full refund, no questions asked") > 0.05);
    /* a customer who will not come back, or will not hesitate */
    assert_true(score("I won't be back") < -0.3);
    assert_true(score("We won't be going back") < -0.3);
    assert_true(score("I'll be taking my business elsewhere") < -0.3);
    assert_true(score("I wouldn't hesitate to recommend them") > 0.3);
    /* a detractor's closing words, and a decline */
    assert_true(score("Would not recommend.") < -0.4);
    assert_true(score("Would not recommend.") < score("Would not buy."));
    assert_true(score("I'll never recommend them") < -0.5);
    assert_true(score("I can't recommend them enough") > 0.3);
    assert_true(score("Sadly not what it used to be") < -0.3);
    assert_true(score("Standards have slipped") < -0.3);
    /* British verdicts */
    assert_true(score("Setting up was a doddle") > 0.05);
    assert_true(score("They are absolute cowboys") < -0.05);
    assert_int_equal((score("The print has cowboys on it"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("Six pounds for a coffee is daylight robbery") < -0.05);
    assert_true(score("They left me high and dry") < -0.05);
    assert_true(score("The fit was laughable") < -0.05);
    /* a warning to other customers is not a negated complaint */
    assert_true(score("Don't waste your money") < -0.5);
    assert_true(score("do n't waste your time") < -0.5);
    assert_true(score("Don't bother") < -0.3);
    assert_true(score("We were less than impressed") < -0.3);
    /* misspelt and missing words of food and service */
    assert_true(score("The staff were very accomodating") > 0.3);
    assert_true(score("I was disapointed") < -0.3);
    assert_true(score("Flavorful and hearty") > 0.3);
    assert_true(score("The fish was inedible") < -0.3);
    assert_int_equal((score("We had the pork dumplings"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("Stay away from this place") < -0.3);
    assert_true(score("Never again!") < -0.3);
    assert_true(score("The noise was unbearable") < -0.3);
    assert_true(score("The crab cakes were spot on") > 0.3);
    assert_true(score("The soup was lukewarm and the waiter never came back") < -0.3);
    assert_true(score("We were seated immediately") > 0.05);
    /* "fan" is a laptop part unless someone is a fan of something */
    assert_int_equal((score("The fan runs all the time"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("I am a big fan of this brand") > 0.3);
    assert_true(score("I am not a fan of the keyboard") < -0.05);
    /* lukewarm words and times of day */
    assert_int_equal((score("Food and service were okay"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("The pasta was just ok") < -0.05);
    assert_true(score("The food was mediocre at best") < -0.05);
    assert_int_equal((score("We went for a late lunch"), ds.overall.label), VB_NEUTRAL);
    assert_true(score("The parcel came late") < -0.05);
    /* "less than" negates what follows, and nothing when nothing follows */
    assert_true(score("It made for a less than comfortable meal") < -0.05);
    assert_true(cue("comfortable")->rules & VB_RULE_NEGATED);
    assert_int_equal((score("It took less than an hour"), ds.overall.label), VB_NEUTRAL);
    /* product verdicts the general lexicon lacked */
    assert_true(score("This player is junk") < -0.3);
    assert_true(score("The menus are clunky and cumbersome") < -0.3);
    assert_true(score("8MB for a camera like this is a joke") < -0.3);
    assert_true(score("The leather case is a big plus") > 0.3);
    assert_true(score("Most bang for the buck") > 0.3);
    assert_true(score("The one drawback is the battery") < -0.05);
    assert_true(score("Sleek, sturdy and intuitive") > 0.5);
    assert_true(score("A versatile, timeless piece") > 0.5);
    assert_true(score("It shrank in the wash") < -0.05);
    assert_true(score("Vista is a nightmare") < -0.3);
    assert_true(score("The build quality is sub-par") < -0.3);
    assert_true(score("My monitor has been acting up") < -0.05);
    assert_true(score("For the price it has exceeded my expectations") > 0.3);
    assert_true(score("It meets all my needs") > 0.3);
    assert_true(score("Blazing fast and speedy") > 0.3);
}

/* What customers of services and software say in words the general
 * lexicon does not score. */
static void test_service_and_software_verdicts(void **state)
{
    (void)state;
    assert_true(score("It just works") > 0.3);
    assert_true(score("The bill was eye-watering") < -0.3);
    assert_true(score("The bill was eye watering") < -0.3);
    assert_true(score("Keeps buffering on the TV app") < -0.05);
    assert_true(score("The staff were so understanding") > 0.3);
    assert_float_equal(score("My understanding is that it ships on Monday"), 0.0, 0);
    assert_true(score("I always find what I need") > 0.05);
    assert_true(score("I couldn't find what I needed") < -0.05);
    assert_true(score("Speeds are exactly what was promised") > 0.3);
    assert_true(score("Parcel came a day early") > 0.3);
    assert_true(score("Promised a call back within 24 hours, still nothing") < -0.3);
    assert_true(score("The train was packed and there was nowhere to sit") < -0.3);
    assert_true(score("The pharmacist took the time to go through my medication") > 0.05);
    assert_float_equal(score("I took the time to write this review"), 0.0, 0);
}

static void test_replies_questions_and_small_verdicts(void **state)
{
    (void)state;
    assert_true(score("The support team replied within minutes") > 0.3);
    assert_true(score("They answered quickly and sorted it") > 0.3);
    assert_true(score("The phone died within minutes") < -0.3);
    assert_true(score("Not a single person offered to help") < -0.05);
    assert_true(score("A man offered to help with my bags") > 0.05);
    assert_true(score("Why does it take 3 days to process a payment?") < -0.3);
    assert_true(score("I was told three different things by three different people") < -0.3);
    assert_true(score("Kept getting marketing texts after I unsubscribed") < -0.3);
    assert_true(score("New customers get better deals than loyal ones") < -0.05);
    assert_true(score("The deposit was returned in full and on time") > 0.3);
    assert_true(score("I returned it in full packaging") < -0.3);
    assert_true(score("They text you the day before to confirm, very handy") > 0.3);
    assert_true(score("Set up took 5 minutes, the instructions were idiot proof") > 0.3);
    assert_true(score("The bill estimate was miles off") < -0.3);
    assert_float_equal(score("Out for delivery for three days straight"), 0.0, 0);
    assert_true(score("The screen is cracked") < -0.3);
    assert_true(score("They replaced the cracked screen but the new one is cracked too") < -0.3);
    assert_true(score("It isn't all it's cracked up to be") < -0.05);
    assert_true(score("Refunded without question") > 0.05);
}

/* Parts, speed and price as customers put them: an engineer without the
 * parts, a delivery sooner than "I expected", the cheapest "I could
 * find"; next-day delivery praises only when it came. */
static void test_parts_next_day_and_cheapest(void **state)
{
    (void)state;
    assert_true(score("The engineer turned up without the right parts") < -0.3);
    assert_true(score("They sent the wrong parts") < -0.3);
    assert_true(score("Delivery was quicker than I expected") > 0.3);
    assert_true(score("Cheapest I could find") > 0.3);
    assert_true(score("Ordered on Monday and it arrived the next day") > 0.05);
    assert_true(score("Paid for next day delivery, it arrived four days late") < -0.05);
}

/* Staff who knew nothing about what they sold; the writer's own
 * ignorance, or a friend's, is no complaint. */
static void test_staff_who_knew_nothing(void **state)
{
    (void)state;
    assert_true(score("The guy in the shop knew nothing about the phones he was selling") < -0.3);
    assert_true(score("Staff know nothing about the products") < -0.3);
    assert_true(fabs(score("I knew nothing about cameras before this one")) < 0.05);
    assert_true(fabs(score("My mum knows nothing about computers")) < 0.05);
}

/* A fix still owed, staff on their own phones, and the queue "for
 * security", whose security is no praise. */
static void test_fix_owed_staff_on_phones_security(void **state)
{
    (void)state;
    assert_true(score("They still haven't sorted it") < -0.3);
    assert_true(score("Still have not resolved the issue") < -0.3);
    assert_true(score("The cashier was on her phone the whole time") < -0.05);
    assert_true(score("Staff were all on their phones") < -0.05);
    assert_true(score("Nokia has good games on their phones") > 0.3);
    assert_true(score("The queue for security was huge") < -0.05);
}

/* Curt staff, a stranger's order, a quick table, an expert at work, and
 * a loyal customer's "never had a reason to leave"; a hem "short with me
 * being 5ft" is no curt word. */
static void test_curt_staff_loyalty_and_expertise(void **state)
{
    (void)state;
    assert_true(score("The lady at the till was short with me and rolled her eyes") < -0.3);
    assert_true(fabs(score("The hem is short with me being 5ft")) < 0.05);
    assert_true(score("They delivered someone else's order") < -0.3);
    assert_true(score("Served quickly even though it was busy") > 0.3);
    assert_true(score("The technician knew exactly what he was doing") > 0.3);
    assert_true(score("Been with them ten years and never had a reason to leave") > 0.05);
    assert_true(score("That gave me a reason to leave") < -0.05);
}

/* Work left half finished, and a visit praised by how short it was; a
 * signal that goes "in and out" is no praise. */
static void test_half_finished_and_in_and_out(void **state)
{
    (void)state;
    assert_true(score("The installer left the job half finished") < -0.3);
    assert_true(score("In and out in ten minutes") > 0.3);
    assert_true(fabs(score("The signal goes in and out")) < 0.05);
}

/* A customer turned away with a shrug or "not my department", and custom
 * that goes to another provider; a coat that shrugs off the rain and a
 * shrug worn over a dress are neither. */
static void test_turned_away_and_taken_elsewhere(void **state)
{
    (void)state;
    assert_true(score("The lady just shrugged and said it wasn't her department") < -0.3);
    assert_true(score("The manager said it was not my problem") < -0.3);
    assert_true(score("Moving to another provider as soon as my contract ends") < -0.05);
    assert_true(fabs(score("This coat shrugged off the rain")) < 0.05);
    assert_true(fabs(score("Wear it with a shrug and flats")) < 0.05);
}

/* A named service that went down, sticky tables, a full car park, and a
 * call back to see that all was well; prices that went down, a sticky
 * toffee pudding and a restaurant that is always full are no complaint. */
static void test_outages_sticky_tables_and_care(void **state)
{
    (void)state;
    assert_true(score("Our internet has gone down again") < -0.3);
    assert_true(fabs(score("Prices have gone down")) < 0.05);
    assert_true(score("The staff were down to earth") > 0.3);
    assert_true(score("Sticky tables everywhere") < -0.05);
    assert_true(fabs(score("We ordered the sticky toffee pudding")) < 0.05);
    assert_true(score("The car park is always full") < -0.05);
    assert_true(fabs(score("The restaurant is always full")) < 0.05);
    assert_true(score("They rang me the next day to check everything was ok") > 0.05);
}

/* Faults told without a word of sentiment: conflicting answers, tracking
 * that says delivered, an account locked, a handle snapped off, a dent,
 * settings wiped, a fix still owed in the passive, food gone dry or cold,
 * the final straw; and a call answered on the first ring. The names stay
 * neutral: a dry-clean label, a photo snapped, "my saved settings". */
static void test_faults_told_plainly(void **state)
{
    (void)state;
    assert_true(score("Every person I spoke to told me something different") < -0.3);
    assert_true(score("Tracking says delivered but nothing came") < -0.3);
    assert_true(score("Locked out of my account again") < -0.3);
    assert_true(score("The handle snapped off after a fortnight") < -0.3);
    assert_true(score("The fridge arrived with a dent in the door") < -0.05);
    assert_true(score("The update wiped all my saved settings") < -0.3);
    assert_true(score("The damp still hasn't been sorted") < -0.3);
    assert_true(score("The chicken was dry and the chips were cold") < -0.3);
    assert_true(score("This is the final straw") < -0.3);
    assert_true(score("Never have anything in my size") < -0.3);
    assert_true(score("Answered on the first ring") > 0.3);
    assert_true(fabs(score("It is dry clean only")) < 0.05);
    assert_true(fabs(score("I snapped a few photos")) < 0.05);
    assert_true(fabs(score("We finally made a dent in the pile")) < 0.05);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wear_that_undoes),
        cmocka_unit_test(test_a_garment_that_hangs_shapeless),
        cmocka_unit_test(test_service_idioms),
        cmocka_unit_test(test_denied_hurry_charge_or_wait),
        cmocka_unit_test(test_patience_and_time_taken),
        cmocka_unit_test(test_words_of_complaint_across_industries),
        cmocka_unit_test(test_clearly_vouches_for_what_follows),
        cmocka_unit_test(test_lines_teams_and_nights),
        cmocka_unit_test(test_money_held_and_short_verdicts),
        cmocka_unit_test(test_verdicts_said_sideways),
        cmocka_unit_test(test_idioms_and_cx_phrases),
        cmocka_unit_test(test_recommending_and_warning_phrases),
        cmocka_unit_test(test_wear_and_damage),
        cmocka_unit_test(test_service_and_software_verdicts),
        cmocka_unit_test(test_replies_questions_and_small_verdicts),
        cmocka_unit_test(test_parts_next_day_and_cheapest),
        cmocka_unit_test(test_staff_who_knew_nothing),
        cmocka_unit_test(test_fix_owed_staff_on_phones_security),
        cmocka_unit_test(test_curt_staff_loyalty_and_expertise),
        cmocka_unit_test(test_half_finished_and_in_and_out),
        cmocka_unit_test(test_turned_away_and_taken_elsewhere),
        cmocka_unit_test(test_outages_sticky_tables_and_care),
        cmocka_unit_test(test_faults_told_plainly),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
