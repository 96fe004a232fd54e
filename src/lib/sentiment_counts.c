/* sentiment_counts.c: the sentiment rules on counts. A number of
 * minutes or of tries is neutral in any lexicon; told with a verb of
 * waiting or of trying, and large enough, it is a complaint; so is a
 * fault that keeps happening, a count without a number, and praise
 * bounded by a span of time ("worked great for a month"). A rating
 * written out ("10/10", "4 out of 5") praises or faults by the share of
 * its scale it gives. The words these rules name are sets in
 * rule_words.h, the counted ones in RWSET_SCORED too, so that the
 * lexicon makes them candidates of the sentiment stage (sentiment.c asks
 * these rules in assign_roles()). */
#include "sentiment_int.h"

#include "metric.h" /* vb_parse_number */

#define LONG_WAIT (-1.5)  /* "took 3 weeks": as "took hours" and "took over an hour" in cx.tsv */
#define WAIT_FILL_MAX 3   /* words between the verb and the count: "took them well over" */
#define REPEATED (-1.5)   /* "had to call 4 times": as "had to chase" in cx.tsv */
#define REPEATED_FROM 2   /* tries are many from two ("asked 2 times") */
#define WINDOW_DOWN 3     /* "only" before the verb: "I only had to call" */
#define TRIED_FILL_MAX 4  /* words between the verb and the count: "called their support
                           * number numerous times" */
#define RECURRING (-1.2)  /* "kept telling me my call was important": as "out of stock" */

/* True when `u` is "only" or "just", which play a count down. */
static bool plays_down(const unit *u)
{
    return key_is(u, RW_ONLY) || key_is(u, RW_JUST);
}

/* "took 40 minutes", "waited three hours", "it took them 3 weeks to
 * reply", "a 2 hour wait": a wait told in numbers is a complaint once it
 * is long for its unit: from 20 minutes, an hour, 5 days, 2 weeks or a
 * month. "took two minutes to set up" and "arrived in 3 days" are not
 * waits to complain of, nor are "it only took 30 minutes" and "took
 * just 3 weeks" ("only" and "just" may stand neither before the verb nor
 * between it and the count). English-specific; the words are
 * RWSET_WAITED, RWSET_WAIT_FILL, RWSET_WAIT_NOUN and the units' sets in
 * rule_words.h, the units in RWSET_SCORED too, so that the lexicon
 * makes them candidates. */

/* The count that unit `i`, before a unit of time or of tries, gives
 * ("40", "three", "an", "several", "a few"), or 0. A number counts by its
 * leading digits ("1.5 hours" is 1). */
static unsigned long count_of(const unit *units, size_t i, const vb_doc *doc)
{
    const unit *u = &units[i];
    const vb_token *t = &doc->tokens[u->first];
    if (u->n == 1 && t->kind == VB_TOKEN_NUMBER) {
        unsigned long n = 0;
        for (size_t b = 0; b < t->lookup_len && t->lookup[b] >= '0' && t->lookup[b] <= '9'; b++)
            n = n < 100000 ? n * 10 + (unsigned long)(t->lookup[b] - '0') : n;
        return n;
    }
    switch (u->word) {
    case RW_A: case RW_AN: case RW_ONE: return 1;
    case RW_TWO: return 2;
    case RW_FEW: /* "a few", not "very few" */
        return i > 0 && key_is(&units[i - 1], RW_A) ? 3 : 0;
    case RW_THREE: case RW_SEVERAL: case RW_MANY: case RW_NUMEROUS: case RW_MULTIPLE:
    case RW_COUNTLESS: return 3;
    case RW_FOUR: return 4;
    case RW_FIVE: return 5;
    case RW_SIX: return 6;
    case RW_SEVEN: return 7;
    case RW_EIGHT: return 8;
    case RW_NINE: return 9;
    case RW_TEN: return 10;
    case RW_TWELVE: return 12;
    case RW_FIFTEEN: return 15;
    case RW_TWENTY: return 20;
    case RW_THIRTY: return 30;
    case RW_FORTY: return 40;
    case RW_FIFTY: return 50;
    case RW_SIXTY: return 60;
    case RW_NINETY: return 90;
    default: return 0;
    }
}

/* The count from which a wait in the unit `u` is long, or 0 for a word
 * that is no unit of time. */
static unsigned long long_from(const unit *u)
{
    if (key_in(u, RWSET_MINUTES))
        return 20;
    if (key_in(u, RWSET_DAYS))
        return 5;
    if (key_in(u, RWSET_WEEKS))
        return 2;
    return key_in(u, RWSET_HOURS | RWSET_MONTHS) ? 1 : 0;
}

/* The valence of the unit of time at `i` as a wait: LONG_WAIT or 0. The
 * count stands right before it; then either a noun of waiting follows
 * ("a 40 minute wait") or a verb of waiting comes before the count, with
 * at most WAIT_FILL_MAX words of RWSET_WAIT_FILL between ("took them
 * over 3 weeks", "waited for 2 hours"). */
double vb_senti_long_wait(const unit *u, size_t n_units, size_t i, const vb_doc *doc)
{
    const unsigned long from = long_from(&u[i]);
    if (from == 0 || i == 0 || u[i - 1].clause != u[i].clause || count_of(u, i - 1, doc) < from)
        return 0.0;
    if (i + 1 < n_units && u[i + 1].clause == u[i].clause && key_in(&u[i + 1], RWSET_WAIT_NOUN))
        return LONG_WAIT;
    for (size_t j = i - 1, fill = 0; j > 0 && fill <= WAIT_FILL_MAX; fill++) {
        j--;
        if (u[j].clause != u[i].clause || u[j].punct)
            return 0.0;
        if (key_in(&u[j], RWSET_WAITED)) {
            const bool played_down =
                j > 0 && u[j - 1].clause == u[i].clause && plays_down(&u[j - 1]);
            return played_down ? 0.0 : LONG_WAIT; /* "it only took 30 minutes" */
        }
        if (!key_in(&u[j], RWSET_WAIT_FILL))
            return 0.0;
    }
    return 0.0;
}

/* ---- praise bounded by a span of time ---------------------------------- */

/* Whether unit `x` is a verb that tells how a thing did, in the past
 * ("worked", "ran", "lasted", "was", "were") or, when `now`, in the
 * present ("is", "are", "works"). */
static bool did_verb(const unit *x, bool *now)
{
    switch (x->word) {
    case RW_WORKED: case RW_RAN: case RW_LASTED: case RW_WAS: case RW_WERE:
        *now = false;
        return true;
    case RW_IS: case RW_ARE: case RW_RUNS: case RW_WORKS:
        *now = true;
        return true;
    default:
        return false;
    }
}

/* "has", "have", "it's", "I've": a perfect, which says the thing still
 * does well ("it's worked great for two years"). */
static bool perfect_aux(const unit *x)
{
    switch (x->word) {
    case RW_HAS: case RW_HAVE: case RW_IT_S: case RW_I_VE: case RW_WE_VE: case RW_THEY_VE:
        return true;
    default:
        return false;
    }
}

/* Whether unit `x` turns from the span to what came after it: "then",
 * "until", "till", "before", "but", "when". */
static bool turn_word(const unit *x)
{
    switch (x->word) {
    case RW_THEN: case RW_UNTIL: case RW_TILL: case RW_BEFORE: case RW_BUT: case RW_WHEN:
        return true;
    default:
        return false;
    }
}

/* Whether unit `x` is a unit of time short enough that good service
 * over it ended early. Years are not: "worked like a charm for many
 * years" praises how long it lasted. */
static bool span_unit(const unit *x)
{
    return key_in(x, RWSET_MINUTES | RWSET_HOURS | RWSET_DAYS | RWSET_WEEKS | RWSET_MONTHS);
}

/* Whether what follows the span, from unit `k`, ends it: a turn ("and
 * then it died", ", until the update"), or, for praise in the past, the
 * end of the sentence ("worked great for about a month."). "or so" may
 * come first. Anything else ("for two weeks in Italy", "for a day at the
 * beach") says what the span was for, not that it ended. */
static bool span_ends(const unit *u, size_t n_units, size_t k, uint32_t sentence, bool now)
{
    if (k + 1 < n_units && key_is(&u[k], RW_OR) && key_is(&u[k + 1], RW_SO))
        k += 2;
    if (k >= n_units || u[k].sentence != sentence)
        return !now;
    if (u[k].punct && !u[k].stop) /* . ! ? */
        return !now;
    if (u[k].stop && k + 1 < n_units && u[k + 1].sentence == sentence)
        k++; /* "for a week, then" */
    if (key_is(&u[k], RW_AND) && k + 1 < n_units && u[k + 1].sentence == sentence)
        k++; /* "and then" */
    return turn_word(&u[k]);
}

#define BOUND_FILL_MAX 2 /* words between "for" and the count: "for only about" */

/* "worked great for about a month", "was fine for two weeks and then it
 * died", "is good for 10 days then it sucks": praise that the writer
 * bounds with a span of time says that the good part ended, so it is a
 * complaint, as "used to be great" is. True when the positive cue at `i`
 * follows a verb of did_verb() (boosters may stand between: "worked
 * really well") that no perfect_aux() comes before, and "for", a count
 * and a unit of time follow the cue ("about", "only", "just", "over" or
 * "the first" may stand before the count), and span_ends() after them.
 * English-specific. */
bool vb_senti_praise_bounded(const unit *u, size_t n_units, size_t i, const vb_doc *doc)
{
    const uint32_t clause = u[i].clause;
    size_t k = i + 1;
    if (k >= n_units || u[k].clause != clause || !key_is(&u[k], RW_FOR))
        return false; /* most praise: "for" is the rarest test, so first */
    size_t j = i;
    while (j > 0 && u[j - 1].clause == clause && u[j - 1].booster && i - j < 2)
        j--;
    bool now = false;
    if (j == 0 || u[j - 1].clause != clause || !did_verb(&u[j - 1], &now))
        return false;
    if (j >= 2 && u[j - 2].clause == clause && perfect_aux(&u[j - 2]))
        return false;
    k++;
    bool first = false; /* "for the first month", "the first few weeks" */
    for (size_t fill = 0; k + 1 < n_units && fill < BOUND_FILL_MAX; fill++, k++) {
        if (key_is(&u[k], RW_THE) && key_is(&u[k + 1], RW_FIRST)) {
            k++;
            first = true;
        } else if (!(key_is(&u[k], RW_ABOUT) || key_is(&u[k], RW_AROUND) ||
                     key_is(&u[k], RW_OVER) || plays_down(&u[k])))
            break;
    }
    if (k >= n_units || u[k].clause != clause)
        return false;
    if (!(first && span_unit(&u[k]))) {
        if (key_is(&u[k], RW_A) && k + 1 < n_units && key_is(&u[k + 1], RW_FEW))
            k++; /* count_of() reads "a few" on "few" */
        if (count_of(u, k, doc) == 0 && !(first && key_is(&u[k], RW_FEW)))
            return false;
        if (key_is(&u[k], RW_MANY) || key_is(&u[k], RW_COUNTLESS) || key_is(&u[k], RW_NUMEROUS))
            return false; /* "for many months": how long it lasted */
        k++;
    }
    if (k >= n_units || u[k].clause != clause || !span_unit(&u[k]))
        return false;
    return span_ends(u, n_units, k + 1, u[i].sentence, now);
}

/* Whether a verb of RWSET_TRIED is one of repair: what was repaired or
 * replaced again and again is a complaint in the passive too ("the
 * motherboard has been replaced 3 times"). */
static bool repair_verb(const unit *u)
{
    switch (u->word) {
    case RW_REPAIR: case RW_REPAIRED: case RW_REPLACED: return true;
    default: return false;
    }
}

/* Whether "times" or "twice" at `i` tells how often, not how many:
 * "twice a year", "3 times per week", "two times every month". */
static bool how_often(const unit *u, size_t n_units, size_t i)
{
    if (i + 1 >= n_units || u[i + 1].clause != u[i].clause)
        return false;
    switch (u[i + 1].word) {
    case RW_A: case RW_PER: case RW_EVERY: case RW_EACH: return true;
    default: return false;
    }
}

/* "had to call them 4 times", "asked for it six times", "took three
 * attempts", "after many calls", "I called them twice", "replaced the
 * hard drive twice": tries or repairs told in numbers, from two, are a
 * complaint of effort. "Occasions" counts as "times", and "separate" or
 * "different" may stand between them and the count ("chased it three
 * separate times", "on four different occasions"); "twice" is its own
 * count. A count before "times" (or "twice") needs a verb of contacting,
 * trying or repair (RWSET_TRIED) at most TRIED_FILL_MAX words before it
 * in its clause, since "ordered 5 times" is loyalty and "twice as fast"
 * a comparison; a count before a noun of tries (RWSET_TRIES: "attempts",
 * "calls", "repairs") needs none. Not tries of the writer's: a passive
 * ("I've been asked several times", a compliment), clothes tried on
 * ("tried it on 3 times"), a count played down ("I only had to call 2
 * times", "just 2 attempts", "called only twice"). */
double vb_senti_repeated(const unit *u, size_t n_units, size_t i, const vb_doc *doc)
{
    const bool twice = key_is(&u[i], RW_TWICE);
    const bool times = twice || key_is(&u[i], RW_TIMES) || key_is(&u[i], RW_OCCASIONS);
    size_t c = i; /* the count is the unit before c; "twice" is its own */
    if (!twice && times && c >= 2 && u[c - 1].clause == u[i].clause &&
        (key_is(&u[c - 1], RW_SEPARATE) || key_is(&u[c - 1], RW_DIFFERENT)))
        c--;
    if (!twice && ((!times && !key_in(&u[i], RWSET_TRIES)) || c == 0 ||
                   u[c - 1].clause != u[i].clause || count_of(u, c - 1, doc) < REPEATED_FROM))
        return 0.0;
    if (!times) /* "just 2 attempts" */
        return i >= 2 && u[i - 2].clause == u[i].clause && plays_down(&u[i - 2]) ? 0.0 : REPEATED;
    if (how_often(u, n_units, i)) /* "replace the filter twice a year": a habit */
        return 0.0;
    /* Back to the verb; "only" or "just" on the way ("called only 3
     * times") plays the count down. */
    bool on = false;
    for (size_t j = twice ? i : c - 1, fill = 0; j > 0 && fill <= TRIED_FILL_MAX; fill++) {
        j--;
        if (u[j].clause != u[i].clause || u[j].punct || plays_down(&u[j]))
            return 0.0;
        if (key_in(&u[j], RWSET_TRIED)) {
            const bool tried_on = on && (key_is(&u[j], RW_TRY) || key_is(&u[j], RW_TRIED) ||
                                         key_is(&u[j], RW_TRYING));
            const bool passive = !repair_verb(&u[j]) && j > 0 &&
                                 u[j - 1].clause == u[i].clause && key_in(&u[j - 1], RWSET_PASSIVE);
            const bool played_down = vb_senti_before(u, j, WINDOW_DOWN, plays_down);
            return tried_on || passive || played_down ? 0.0 : REPEATED;
        }
        on |= key_is(&u[j], RW_ON);
    }
    return 0.0;
}

/* Whether the verb of custom at `v` is one here: "keep coming back",
 * "will keep using them"; not "kept coming undone", "kept going off". */
static bool custom(const unit *u, size_t n_units, size_t v)
{
    if (!key_in(&u[v], RWSET_PATRON))
        return false;
    if (!key_is(&u[v], RW_COMING) && !key_is(&u[v], RW_GOING))
        return true;
    if (v + 1 >= n_units || u[v + 1].clause != u[v].clause)
        return false;
    switch (u[v + 1].word) {
    case RW_BACK: case RW_HERE: case RW_AGAIN: case RW_TO: return true;
    default: return false;
    }
}

/* "the tie kept coming undone", "it kept giving me an error", "the
 * delivery date keeps being pushed back", "you have to keep tapping on
 * it": what keeps happening, or must be done again and again, is a fault
 * that recurs, a complaint as tries told in numbers are. The cue is
 * "keep", "keeps" or "kept" before a plain verb in -ing (a word with a
 * valence speaks for itself: "keeps crashing", "keeps getting better");
 * not a verb of custom ("I keep coming back", "will keep using them"),
 * not the writer's own doing ("I kept looking at the picture") unless
 * it is an effort ("I have to keep pulling them up", "I keep having to
 * hike them up"), not a compliment's ("people keep asking where I got
 * it"), not what goes on or is wanted ("will keep running", "want to
 * keep wearing it"), not advice ("Keep going", "please keep offering
 * petites").
 * English-specific. */
double vb_senti_recurring(const unit *u, size_t n_units, size_t i)
{
    const unit *k = &u[i];
    if (!(key_is(k, RW_KEEP) || key_is(k, RW_KEEPS) || key_is(k, RW_KEPT)) || i == 0 ||
        u[i - 1].sentence != k->sentence)
        return 0.0;
    size_t v = i + 1;
    if (v < n_units && key_is(&u[v], RW_ON) && u[v].clause == k->clause) /* "kept on asking" */
        v++;
    if (v >= n_units || u[v].clause != k->clause || !ing_form(&u[v]) || custom(u, n_units, v) ||
        judges(&u[v]))
        return 0.0;
    /* "keeps getting better", "kept being so helpful": the word after
     * speaks */
    if ((key_is(&u[v], RW_GETTING) || key_is(&u[v], RW_BEING)) && v + 1 < n_units &&
        u[v + 1].clause == k->clause && judges(&u[v + 1]))
        return 0.0;
    const bool effort = (i >= 2 && key_is(&u[i - 1], RW_TO) && key_have(&u[i - 2])) ||
                        (key_is(&u[v], RW_HAVING) && v + 1 < n_units && key_is(&u[v + 1], RW_TO));
    if (effort)
        return RECURRING;
    switch (u[i - 1].word) {
    case RW_I: case RW_WE: /* the writer's own doing */
    case RW_PEOPLE: case RW_EVERYONE: case RW_EVERYBODY: /* "everyone keeps asking where I got it" */
    case RW_WILL: case RW_I_LL: case RW_WE_LL: /* going on: "will keep running", "I'll keep trying" */
    case RW_TO: /* wanted: "I just want to keep wearing it" */
    case RW_PLEASE: /* a request: "please keep offering petites" */
        return 0.0;
    default:
        return RECURRING;
    }
}

/* ---- ratings ------------------------------------------------------------ */

/* The valence of a rating by the share of its scale it gives: a top
 * rating praises as "5 stars" does, a bottom one faults as "1 star"
 * does (idioms.tsv); the middle of a scale is lukewarm, as a passive or
 * detractor's 6 of 10 is. */
#define RATING_TOP 2.5       /* from 90 %: "10/10", "5 out of 5", "9.5/10" */
#define RATING_GOOD 1.5      /* from 70 %: "7/10", "4 out of 5" */
#define RATING_MIDDLE (-0.5) /* from 50 %: "6/10", "3/5" */
#define RATING_LOW (-1.5)    /* from 30 %: "2/5", "4/10" */
#define RATING_BOTTOM (-2.5) /* below: "1/5", "0 out of 10" */
#define POINTS_MAX_BYTES 6   /* the longest points read as a rating's: "100.00" */

/* The scale a rating at `x` would be out of: 5, 10 or 100, or 0. The
 * scale "5" may be the start of the idiom "5 stars", which in "1 out of
 * 5 stars" is the scale, not praise. */
static unsigned scale_of(const token_key *keys, const unit *x)
{
    if (x->n == 2 && x->key_len == 1 && x->key[0] == '5' && last_word(keys, x) == RW_STARS)
        return 5;
    return vb_senti_scale_word(x->word);
}

/* The count of unit `i` as the points of a rating: a number written in
 * digits, with decimals ("4.5"), or a number word ("four"); -1 for
 * anything else, such as "a" or "several", which count_of() also
 * counts. */
static double points_of(const unit *u, size_t i, const vb_doc *doc)
{
    const vb_token *t = &doc->tokens[u[i].first];
    if (u[i].n != 1)
        return -1.0;
    if (t->kind != VB_TOKEN_NUMBER) {
        switch (u[i].word) {
        case RW_A: case RW_AN: case RW_FEW: case RW_SEVERAL: case RW_MANY: case RW_NUMEROUS:
        case RW_MULTIPLE: case RW_COUNTLESS: return -1.0;
        default: break;
        }
        const unsigned long n = count_of(u, i, doc);
        return n > 0 ? (double)n : -1.0;
    }
    /* digits with at most one point; a longer number ("1000000/10") or
     * one with a comma, a colon or a per cent sign rates nothing */
    double n;
    if (t->lookup_len > POINTS_MAX_BYTES || !vb_parse_number(t->lookup, t->lookup_len, '.', &n))
        return -1.0;
    return n;
}

/* Whether token `t` (punctuation) is `c`. */
static bool punct_is(const vb_token *t, char c)
{
    return t->kind == VB_TOKEN_PUNCT && t->lookup_len == 1 && t->lookup[0] == c;
}

/* Whether the unit after a rating's scale at `i` shows that no rating
 * was meant: a date or a height goes on ("10/10/2024", "5/5\""), a
 * fraction of something ("1/10 of a second", "9 out of 10 times"), or a
 * count of people or things ("4 out of 5 dentists": a plural noun; but
 * "10/10 thanks"). */
static bool scale_goes_on(const token_key *keys, const unit *u, size_t n_units, size_t i,
                          const vb_doc *doc)
{
    if (i + 1 >= n_units || u[i + 1].sentence != u[i].sentence)
        return false;
    const unit *x = &u[i + 1];
    const vb_token *t = &doc->tokens[x->first];
    if (x->punct)
        return punct_is(t, '/') || punct_is(t, '"') || punct_is(t, '\'');
    if (t->kind == VB_TOKEN_NUMBER || key_is(x, RW_OF) || key_is(x, RW_TIMES))
        return true;
    if (t->kind != VB_TOKEN_WORD || t->lookup_len < 4 || t->lookup[t->lookup_len - 1] != 's')
        return false;
    const uint32_t word = first_word(keys, x);
    return word != RW_STARS && word != RW_THANKS;
}

#define STATS_BACK 3 /* units before a height to look for a weight: "128 lbs and 5/5" */

/* Whether what comes before the points at `k` of "N/M" makes it a date
 * ("on 5/10", "since 10/10", "2024/5/10") or a height ("I am 5/5", "128
 * lbs and 5/5": a number shortly before) rather than a rating. */
static bool date_or_height_before(const unit *u, size_t k, const vb_doc *doc)
{
    if (k == 0 || u[k - 1].sentence != u[k].sentence)
        return false;
    const unit *x = &u[k - 1];
    if (x->punct)
        return punct_is(&doc->tokens[x->first], '/');
    switch (x->word) {
    case RW_ON: case RW_BY: case RW_SINCE: case RW_UNTIL: case RW_FROM: /* a date */
    case RW_AM: case RW_I_M: case RW_IM: /* a height */
        return true;
    default: break;
    }
    for (size_t j = k, n = 0; j > 0 && n < STATS_BACK; n++) {
        j--;
        if (u[j].sentence != u[k].sentence)
            return false;
        if (doc->tokens[u[j].first].kind == VB_TOKEN_NUMBER)
            return true;
    }
    return false;
}

/* "10/10", "9.5 / 10", "4 out of 5", "ten out of ten", "1 out of 5
 * stars": a rating written in a comment, its scale at `i`. Returns its
 * valence by the share of the scale it gives, with *back the tokens
 * from its points to the scale, or 0 when `i` is no rating's scale: the
 * slash form read as a date or a height, or "8/10", which is a dress
 * size (sizes go in pairs, "a size 8/10"), or more points than twice
 * the scale ("11/10" is a top rating, "50/10" no rating). */
double vb_senti_rating(const token_key *keys, const unit *u, size_t n_units, size_t i,
                       const vb_doc *doc, size_t *back)
{
    const unsigned scale = scale_of(keys, &u[i]);
    if (scale == 0 || i < 2 || scale_goes_on(keys, u, n_units, i, doc))
        return 0.0;
    const uint32_t clause = u[i].clause;
    const bool slash = u[i - 1].punct && punct_is(&doc->tokens[u[i - 1].first], '/');
    size_t k; /* the points */
    if (slash)
        k = i - 2;
    else if (i >= 3 && key_is(&u[i - 1], RW_OF) && key_is(&u[i - 2], RW_OUT))
        k = i - 3;
    else
        return 0.0;
    if (u[k].clause != clause)
        return 0.0;
    const double points = points_of(u, k, doc);
    if (points < 0.0 || points > 2.0 * scale || (slash && date_or_height_before(u, k, doc)) ||
        (slash && points == 8.0 && scale == 10))
        return 0.0;
    *back = u[i].first - u[k].first;
    const double share = points / scale;
    if (share >= 0.9)
        return RATING_TOP;
    if (share >= 0.7)
        return RATING_GOOD;
    if (share >= 0.5)
        return RATING_MIDDLE;
    return share >= 0.3 ? RATING_LOW : RATING_BOTTOM;
}
