/* sentiment_unreal.c: the sentiment rules on praise of what is not
 * (rule 4 in sentiment.c). Praise that the writer says was missing,
 * wanted or gone is a complaint: "could be better", "would have been
 * nice" (a counterfactual), "they should train their staff better" (how
 * it ought to be done), "hoped for better quality" (hoped or wished for),
 * "it would be great if the app had dark mode" (a suggestion), "used to
 * be great" (praise of the past), "longer than I'd like" (an excess,
 * liked after "than"), "worked great for a month" (praise bounded by a
 * span of time, a rule on counts in sentiment_counts.c), "thanks a lot
 * for ruining my holiday" (thanks for a failure: sarcasm).
 * vb_senti_unreal() asks each rule in turn; the words they test are in
 * rule_words.h. English-specific. */
#include "sentiment_int.h"

#include <string.h>

/* The modal a unit names, plain (RWSET_MODAL: "could") or contracted
 * (RWSET_MODAL_VE: "could've"), or NULL; both give "could". */
static const char *modal(const unit *u, uint32_t set)
{
    if (!key_in(u, set))
        return NULL;
    switch (u->word) {
    case RW_COULD: case RW_COULDVE: return "could";
    case RW_WOULD: case RW_WOULDVE: return "would";
    case RW_SHOULD: case RW_SHOULDVE: return "should";
    default: return "might";
    }
}

/* Whether unit `j` opens a request said to the company: it opens its
 * sentence, with at most "please", "maybe" or "just" before it ("Please
 * be more patient", "Maybe smile more"). */
static bool opens_request(const unit *u, size_t j)
{
    for (size_t k = j, words = 0; k > 0 && u[k - 1].sentence == u[j].sentence; words++) {
        k--;
        if (words == 2 || !(key_is(&u[k], RW_PLEASE) || key_is(&u[k], RW_MAYBE) ||
                            key_is(&u[k], RW_JUST)))
            return false;
    }
    return true;
}

/* A verb that links a subject to how it is, in the form a modal takes:
 * "be", "feel", "look", "seem", "sound" ("should feel more durable"). */
static bool linking_base(const unit *x)
{
    switch (x->word) {
    case RW_BE: case RW_FEEL: case RW_LOOK: case RW_SEEM: case RW_SOUND:
        return true;
    default:
        return false;
    }
}

/* "could be better", "could be improved", "should have been hotter",
 * "would have been nice", "would have liked": praise in a counterfactual
 * says what the product or service lacked, so it is a complaint. Returns
 * the modal ("could") when the positive cue at `i` is in one, else NULL.
 * Walking back from the cue: words of degree ("a little more"), then
 * "been" + "have" + a modal, or "'ve been", or "be" (or another
 * linking_base() verb) + could/should (then only for a comparative or
 * "improved": "it should be good" is a prediction), or
 * "liked"/"loved"/"preferred" right after "would have".
 * A negated modal ("couldn't be better") is rule 3's. English-specific. */
static const char *counterfactual(const unit *u, size_t i)
{
    const unit *c = &u[i];
    bool more = false;
    size_t j = i;
    int left = 8; /* units looked at, so a long run of degree words stops */
    for (;;) {
        if (j == 0 || left-- == 0)
            return NULL;
        j--;
        if (u[j].clause != c->clause || u[j].punct)
            return NULL;
        /* "a little", "much", "slightly", "way", "more", ... */
        if (!u[j].booster && !key_in(&u[j], RWSET_DEGREE))
            break;
        more = more || key_is(&u[j], RW_MORE);
    }
    /* "liked", "loved", "preferred", "appreciated" */
    const bool wish = j + 1 == i && key_in(c, RWSET_WISH);
    /* "could have been handled better": one participle may stand between */
    if (comparative(c) && j > 0 && u[j].n == 1 && u[j].key_len > 3 && u[j].e == NULL &&
        memcmp(u[j].key + u[j].key_len - 2, "ed", 2) == 0 && key_is(&u[j - 1], RW_BEEN))
        j--;
    if (key_is(&u[j], RW_BEEN) || (wish && key_is(&u[j], RW_HAVE))) {
        size_t h = j;
        if (key_is(&u[j], RW_BEEN)) {
            if (j == 0 || u[j - 1].clause != c->clause)
                return NULL;
            h = j - 1;
            const char *m = modal(&u[h], RWSET_MODAL_VE); /* "could've been" */
            if (m != NULL)
                return m;
            if (!key_is(&u[h], RW_HAVE))
                return NULL;
        }
        if (h == 0 || u[h - 1].clause != c->clause)
            return NULL;
        return modal(&u[h - 1], RWSET_MODAL);
    }
    if (linking_base(&u[j]) && (more || comparative(c) || key_is(c, RW_IMPROVED))) {
        if (key_is(&u[j], RW_BE) && opens_request(u, j)) /* "Please be more patient" */
            return "be";
        if (j > 0 && u[j - 1].clause == c->clause) {
            if (key_is(&u[j - 1], RW_COULD))
                return "could";
            if (key_is(&u[j - 1], RW_SHOULD))
                return "should";
        }
    }
    return NULL;
}

/* "could explain things better", "they should train their staff
 * better", "the staff could smile more", "needs to improve": "could",
 * "should", "must" or "need(s)", then at most DONE_REACH words, then
 * "better" or "improve" (or praise with "more" ending its clause) says
 * how it ought to be done, so it is a complaint; so does "Improve ..."
 * opening a sentence. Returns the modal (or "improve"), or NULL; not past
 * a negator ("could not have asked for better"), which rule 3 has already
 * weighed. English-specific. */
#define DONE_REACH 4 /* "should have better quality control" */
static const char *done_better(const unit *u, size_t n_units, size_t i)
{
    const unit *c = &u[i];
    if (key_is(c, RW_IMPROVE)) {
        if (i == 0 || u[i - 1].sentence != c->sentence)
            return "improve";
    } else if (!key_is(c, RW_BETTER)) {
        const size_t k = i + 2; /* after "more" */
        if (i + 1 >= n_units || !key_is(&u[i + 1], RW_MORE) || u[i + 1].clause != c->clause ||
            (k < n_units && u[k].clause == c->clause && !u[k].punct))
            return NULL;
        if (opens_request(u, i)) /* "Smile more" */
            return "more";
    }
    for (size_t j = i, words = 0; j > 0 && words < DONE_REACH; words++) {
        j--;
        if (u[j].clause != c->clause || u[j].punct || u[j].negator)
            return NULL;
        switch (u[j].word) {
        case RW_COULD: case RW_COULDVE: return "could";
        case RW_SHOULD: case RW_SHOULDVE: return "should";
        case RW_MUST: return "must";
        case RW_NEED: case RW_NEEDS: return "need";
        default: break;
        }
    }
    return NULL;
}

/* The first of the words of degree (boosters, "a little", "even",
 * "more") that stand right before the cue at `i` in its clause, or `i`
 * when none does; sets *more when one of them is "more". */
static size_t degree_run(const unit *u, size_t i, bool *more)
{
    size_t j = i;
    *more = false;
    while (j > 0 && u[j - 1].clause == u[i].clause &&
           (u[j - 1].booster || key_in(&u[j - 1], RWSET_DEGREE))) {
        j--;
        *more = *more || key_is(&u[j], RW_MORE);
    }
    return j;
}

/* Whether the cue at `i` is a degree of being: "(was) more flattering",
 * "(were) a bit more comfortable"; not "more cute dresses", "more tops",
 * which ask for more of a good thing. Sets *more when "more" stands right
 * before the cue, of being or not. */
static bool more_of_being(const unit *u, size_t i, bool *more)
{
    const size_t j = degree_run(u, i, more);
    return *more && j > 0 && u[j - 1].clause == u[i].clause && key_in(&u[j - 1], RWSET_PASSIVE);
}

/* "would", "I'd", "we'd", "it'd": the modal of a suggestion. */
static bool would(const unit *x)
{
    switch (x->word) {
    case RW_WOULD: case RW_I_D: case RW_WE_D: case RW_IT_D:
        return true;
    default:
        return false;
    }
}

/* "hoped for better quality", "I wish the staff were friendlier",
 * "hopefully the fit will be better", "I would like a better app", "for
 * this price I expect better quality": a comparative (or "was more" and
 * praise) that is hoped, wished for or expected names what was missing,
 * so it is a complaint, as a counterfactual is. Returns "hoped", "wished"
 * or "expected" when a word of hoping, wishing ("would like", "I'd love"
 * too) or expecting, not denied, stands at most HOPE_REACH words before the
 * positive cue at `i` in its clause with no "and" or contrast word
 * between ("everything I hoped for and better" praises), else NULL. After
 * "would like" or "would love", praise after "more" is asked for too
 * ("would like more trendy features"). A plain evaluation is kept ("I
 * hope it is great": what was bought for). English-specific. */
#define HOPE_REACH 5 /* "wish it was a touch longer", "hope the torso will fit better" */
static const char *wished_for(const token_key *keys, const unit *u, size_t i)
{
    const unit *c = &u[i];
    bool more;
    const bool better = more_of_being(u, i, &more) || comparative(c);
    if (!better && !more)
        return NULL;
    for (size_t j = i, words = 0; j > 0 && words < HOPE_REACH; words++) {
        j--;
        if (u[j].clause != c->clause || u[j].punct || key_is(&u[j], RW_AND) ||
            (u[j].e != NULL && (u[j].e->flags & VB_LEX_CONTRAST)))
            return NULL;
        switch (last_word(keys, &u[j])) {
        case RW_HOPE: case RW_HOPES: case RW_HOPED: case RW_HOPING: case RW_HOPEFULLY:
            return better ? "hoped" : NULL;
        case RW_WISH: case RW_WISHED: case RW_WISHING:
            return better ? "wished" : NULL;
        case RW_EXPECT: case RW_EXPECTED: case RW_EXPECTING:
            /* "I didn't expect it to be better", "did not really expect"
             * praise */
            return better && !negator_within(u, j, 2) ? "expected" : NULL;
        default:
            break;
        }
        /* "I would like a better app", "we'd love a bigger store",
         * "would like more trendy features" */
        const uint32_t first = first_word(keys, &u[j]);
        if ((first == RW_LIKE || first == RW_LOVE) && j > 0 && u[j - 1].clause == c->clause &&
            would(&u[j - 1]))
            return "wished";
    }
    return NULL;
}

/* The word after "if" that makes "would be great if ..." a case of use,
 * not a wish: "if you want something casual", "if your budget is tight",
 * "if shooting a tough scene". */
static bool use_case(const unit *x)
{
    if (key_is(x, RW_YOU) || key_is(x, RW_YOU_RE) || key_is(x, RW_YOUR))
        return true;
    return ing_form(x);
}

/* Whether unit `k` (after "would like to see") names what is asked for:
 * "more", "less", "a", "an", "some" or a comparative ("I'd like to see
 * more staff", "better parking"); not "how well they support it", "what
 * I would like to see from the product", "my old carrier do that". */
static bool asks_for(const unit *u, size_t n_units, size_t k)
{
    if (k >= n_units || u[k].clause != u[k - 1].clause)
        return false;
    switch (u[k].word) {
    case RW_MORE: case RW_LESS: case RW_A: case RW_AN: case RW_SOME: return true;
    default: return comparative(&u[k]);
    }
}

/* "It would be great if the app had dark mode", "would be nice to have a
 * loyalty program", "I'd love it if you opened on Sundays", "I would
 * like to have volume buttons": praise of what would be if something
 * were done is a suggestion, and says what is missing. Returns "would"
 * when the positive cue at `i` follows "would be" (degree words may stand
 * between: "would be even better if") or, for "love" and "like",
 * "would" alone, and "if", or "to have", "to get", "to see", comes right
 * after it ("love it if"; for "like", not "to get", which is mostly
 * buying, "would like to get a second pair", and "to see" only what is
 * asked for, asks_for(); "like more" too: "would like more options";
 * and "a", "an" or "some" and a comparative: "I'd love a bigger store"),
 * or, after "would be", the sentence ends ("a full lining would be
 * nice.", "I thought it would be perfect!"); else NULL. Not "it would be great for kids", "would be
 * great to wear to work", "I would love to come back", "would be perfect
 * if you want something casual" (use_case()). */
static const char *suggestion(const unit *u, size_t n_units, size_t i)
{
    const unit *c = &u[i];
    const bool like = key_is(c, RW_LIKE);
    const bool wanting = like || key_is(c, RW_LOVE); /* "would love", "would like" */
    bool more;
    const size_t j = degree_run(u, i, &more);
    if (wanting && j == i) {
        if (j == 0 || u[j - 1].clause != c->clause || !would(&u[j - 1]))
            return NULL;
    } else if (j < 2 || !key_is(&u[j - 1], RW_BE) || u[j - 2].clause != c->clause ||
               !would(&u[j - 2])) {
        return NULL;
    }
    size_t k = i + 1;
    if (k < n_units && wanting && key_is(&u[k], RW_IT))
        k++;
    /* "a full lining would be nice.", "I thought it would be perfect!" */
    if (k >= n_units || u[k].sentence != c->sentence || (u[k].punct && !u[k].stop))
        return wanting ? NULL : "would";
    if (key_is(&u[k], RW_IF)) /* "I'd love it if you ..." asks the company */
        return !wanting && k + 1 < n_units && use_case(&u[k + 1]) ? NULL : "would";
    if (like && key_is(&u[k], RW_MORE)) /* "would like more options" */
        return "would";
    /* "we'd love a bigger store", "would love some warmer colours" */
    if ((key_is(&u[k], RW_A) || key_is(&u[k], RW_AN) || key_is(&u[k], RW_SOME)) &&
        k + 1 < n_units && u[k + 1].clause == u[k].clause && comparative(&u[k + 1]))
        return "would";
    if (!key_is(&u[k], RW_TO) || k + 1 >= n_units || u[k + 1].clause != u[k].clause)
        return NULL;
    switch (u[k + 1].word) {
    case RW_HAVE: return "would";
    case RW_GET: return like ? NULL : "would"; /* "would like to get a second pair": buying */
    case RW_SEE: return !like || asks_for(u, n_units, k + 2) ? "would" : NULL;
    default: return NULL;
    }
}

/* A word before "used to" that makes it "accustomed to" or a passive
 * ("I'm used to", "got used to", "is used to clean"), not a past habit. */
static bool accustomed(const unit *u)
{
    /* be, been, get, got, is, are, was, were; am, I'm, ... */
    return key_in(u, RWSET_PASSIVE) || vb_senti_subject_be(u->word);
}

/* "used to be great", "used to have the best food", "used to love this
 * place": praise of what was says that it is gone, so it is a complaint
 * (in the gold sets, "X used to be my favorite" is one). True when the
 * positive cue at `i` is one: the cue is "love", "like", "enjoy" or
 * "adore" right after "used to", or at most PAST_REACH words after "used
 * to be", "used to have" or "used to get". Not "I'm used to", "got used
 * to", "the spray used to clean it" (no be, have or get). English-specific. */
#define PAST_REACH 3 /* "used to be a really good" */
static bool past_praise(const unit *u, size_t i)
{
    const unit *c = &u[i];
    size_t to = SIZE_MAX;
    switch (c->word) {
    case RW_LOVE: case RW_LIKE: case RW_ENJOY: case RW_ADORE:
        to = i - (i > 0);
        break;
    default:
        for (size_t j = i, n = 0; j > 1 && n < PAST_REACH; n++) {
            j--;
            if (u[j].clause != c->clause || u[j].punct)
                return false;
            if ((key_is(&u[j], RW_BE) || key_is(&u[j], RW_HAVE) || key_is(&u[j], RW_GET)) &&
                key_is(&u[j - 1], RW_TO)) {
                to = j - 1;
                break;
            }
        }
    }
    if (to == SIZE_MAX || to == 0 || to == i || !key_is(&u[to], RW_TO) ||
        !key_is(&u[to - 1], RW_USED) || u[to - 1].clause != c->clause ||
        u[to].clause != c->clause)
        return false;
    /* "never used to be a fan": denied, the past habit praises nothing */
    return to < 2 || u[to - 2].clause != c->clause ||
           !(accustomed(&u[to - 2]) || u[to - 2].negator);
}

/* True when the unit makes the next word a thing owned or named: "the",
 * "my", "our", "your", "his", "her", "its", "their". */
static bool determiner(const unit *x)
{
    switch (x->word) {
    case RW_THE: case RW_MY: case RW_OUR: case RW_YOUR: case RW_HIS: case RW_HER: case RW_ITS:
    case RW_THEIR:
        return true;
    default:
        return false;
    }
}

/* "my favourites are gone", "the free parking was gone", "their best
 * dish is gone": praise of a thing that is no more is a loss, so a
 * complaint. True when the positive cue at `i` follows a determiner
 * (so it names the thing: "glad the pain is gone" is the writer's joy)
 * and, at most GONE_REACH words on in its clause, "is", "are", "was" or
 * "were" comes right before "gone". Not "have gone" ("could have gone
 * down a size"). English-specific. */
#define GONE_REACH 3 /* "the best pasta dish is" */
static bool praise_gone(const unit *u, size_t n_units, size_t i)
{
    if (i == 0 || u[i - 1].clause != u[i].clause || !determiner(&u[i - 1]))
        return false;
    size_t j = i;
    for (size_t n = 0; n < GONE_REACH; n++) {
        j = next_word(u, n_units, j);
        if (j == SIZE_MAX)
            return false;
        switch (u[j].word) {
        case RW_IS: case RW_ARE: case RW_WAS: case RW_WERE:
            j = next_word(u, n_units, j);
            return j != SIZE_MAX && key_is(&u[j], RW_GONE);
        default:
            break;
        }
    }
    return false;
}

/* "longer than I'd like", "tighter than I liked", "roomier than I cared
 * for": liking after "than" and its subject measures an excess, as "too"
 * does, so it is a complaint. True when the positive cue at `i` is "like",
 * "liked", "love", "loved", "care" or "cared" and, walking back in its
 * clause, "have" ("than I would have liked") and a modal ("would", or
 * "I'd" as one word) may stand between it and its subject, which follows
 * "than". English-specific. */
static bool than_wanted(const unit *u, size_t i)
{
    switch (u[i].word) {
    case RW_LIKE: case RW_LIKED: case RW_LOVE: case RW_LOVED: case RW_CARE: case RW_CARED:
        break;
    default:
        return false;
    }
    size_t j = i;
    const uint32_t clause = u[i].clause;
    if (j > 0 && u[j - 1].clause == clause && key_is(&u[j - 1], RW_HAVE))
        j--;
    if (j > 0 && u[j - 1].clause == clause &&
        (key_is(&u[j - 1], RW_WOULD) || key_is(&u[j - 1], RW_D) || key_is(&u[j - 1], RW_APOS_D)))
        j--;
    if (j < 2 || u[j - 1].clause != clause || u[j - 2].clause != clause)
        return false;
    switch (u[j - 1].word) {
    case RW_I: case RW_WE: case RW_YOU: case RW_I_D: case RW_WE_D:
        return key_is(&u[j - 2], RW_THAN);
    default:
        return false;
    }
}

/* Words after the thanks up to the failure: the gap before "for", "for"
 * and the failure ("you so very much for ruining"). */
#define MOCK_REACH (VB_SENTI_THANKS_GAP + 2)

/* "Thanks for not fixing it": the negator at `neg` denies a remedy in its
 * -ing form, so what was thanked for is a failure. "Thanks for not losing
 * my parcel" denies a failure and thanks for real. */
static bool denied_remedy(const unit *u, size_t n_units, size_t neg)
{
    const size_t k = next_word(u, n_units, neg);
    return k != SIZE_MAX && remedy_ing(&u[k]);
}

/* "Thanks a lot for ruining my holiday", "great job losing my parcel",
 * "well done for ignoring my emails": thanks, or praise of a job or work
 * done that opens its clause, whose first word that judges, at most
 * MOCK_REACH words on in the clause, is a failure in an -ing form is
 * sarcasm: the praise blames. So is a first negator that denies a remedy
 * (denied_remedy()). Only the -ing form: "thanks for the refund"
 * and "thanks for sorting the problem" thank for what a complaint would
 * name. Praise of a job inside a clause describes it: "does a great job
 * of hiding my tummy". */
static bool mocking(const unit *u, size_t n_units, size_t i)
{
    size_t j = i;
    if (!vb_senti_thanking(&u[i])) {
        if (i > 0 && u[i - 1].clause == u[i].clause)
            return false;
        j = next_word(u, n_units, i); /* "great job", "nice work", "well done" */
        if (j == SIZE_MAX ||
            !(key_is(&u[j], RW_JOB) || key_is(&u[j], RW_WORK) || key_is(&u[j], RW_DONE)))
            return false;
    }
    for (size_t n = 0; n < MOCK_REACH; n++) {
        j = next_word(u, n_units, j);
        if (j == SIZE_MAX)
            return false;
        if (negates(&u[j]))
            return denied_remedy(u, n_units, j);
        if (judges(&u[j]))
            return u[j].e->valence < 0.0 && ing_form(&u[j]);
    }
    return false;
}

const char *vb_senti_unreal(const token_key *keys, const unit *u, size_t n_units, size_t i,
                            const vb_doc *doc)
{
    if (than_wanted(u, i))
        return "than";
    const char *by = counterfactual(u, i);
    if (by == NULL)
        by = done_better(u, n_units, i);
    if (by == NULL)
        by = wished_for(keys, u, i);
    if (by == NULL)
        by = suggestion(u, n_units, i);
    if (by == NULL && past_praise(u, i))
        by = "used to";
    if (by == NULL && praise_gone(u, n_units, i))
        by = "gone";
    if (by == NULL && vb_senti_praise_bounded(u, n_units, i, doc))
        by = "for";
    if (by == NULL && mocking(u, n_units, i))
        by = "for";
    return by;
}
