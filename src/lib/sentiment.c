/* sentiment.c: the sentiment stage. It runs after tokenising and before
 * themes, and turns a vb_doc into VADER-compatible scores plus the cues
 * (words, phrases, emoji) that explain them.
 *
 * The rules are VADER's (Hutto & Gilbert 2014) with its known mistakes
 * fixed; each is pinned by a test in tests/unit/test_sentiment.c:
 *   1. units: tokens are grouped into lexicon phrases, longest match first
 *      ("no problem", "kind of", "went above and beyond"), else one each;
 *   2. a word that modifies the next sentiment word ("no", "super",
 *      "incredible") loses its own valence, as VADER's "no" rule does;
 *   3. each sentiment unit looks back up to three units within its clause,
 *      never across a clause boundary or a comma: boosters add their weight
 *      (decaying x0.95, x0.9), negators multiply by -0.74 (one further
 *      back does not reach past a judged word that a nearer one denies:
 *      "not great not terrible"), "least" negates,
 *      ALL-CAPS in mixed-case text adds 0.733; "couldn't be happier" and
 *      "can't recommend it enough" are not negated but intensified; "not
 *      only" does not negate; after "not once" a negator reaches six units
 *      ("not once did anyone apologise"), after "not a single" seven ("not
 *      a single item was damaged"); "from" after a verb of keeping off
 *      negates ("keeps it from looking frumpy"); a negator before a neutral verb
 *      is a failure ("doesn't charge") unless the verb is one of knowing
 *      or wanting ("don't know"); after "didn't", "don't" or "never"
 *      and its verb an "and" ends the negator's reach ("didn't listen and
 *      rushed me out");
 *      "like" counts only as the verb ("I like", "would like"), not as the
 *      preposition ("players like the iPod"); "cheap" praises a price
 *      ("the prices are cheap") and faults anything else ("cheap plastic"),
 *      "loud" praises speakers and faults anything else; a trouble word
 *      that a done remedy governs is no complaint ("fixed the problem",
 *      "thanks for fixing the problem"), and "no refund" is a worse
 *      complaint, not praise; trouble in a "when I ..." clause after
 *      praise, or named right after "after the", is its occasion, no
 *      complaint ("helpful when I had a problem", "understanding after
 *      the accident": sentiment_occasion.c); a wait told in numbers is a
 *      complaint once long for its unit ("took 3 weeks"), and so are
 *      tries told in numbers ("had to call 4 times", "took three
 *      attempts"): sentiment_counts.c;
 *      a booster with a valence before a negator modifies, it does not
 *      praise ("definitely not worth it");
 *   4. "too X" is a complaint unless X is positive; a sentence that opens
 *      with "try" recommends, one that opens with "skip" warns; a place
 *      that needs or could use more of something has too little ("the
 *      store needs more cashiers": sentiment_request.c); praise in a
 *      counterfactual ("could be improved", "would have been nice") is
 *      negated, as it says what was missing, and so are a comparative
 *      hoped or wished for ("hoped for better quality"), a suggestion
 *      ("would be nice if"), how it ought to be done ("should train
 *      their staff better") and praise of the past ("used to be great"):
 *      sentiment_unreal.c;
 *   5. every contrast word weighs the text around it (contrast.tsv), and
 *      so do conditionals: an "if"-clause weighs 0 (sentiment_contrast.c);
 *   6. sums are normalised x / sqrt(x^2 + 15) after adding '!' and '?'
 *      emphasis, and pos/neu/neg proportions follow VADER's sifting.
 * Identical words are scored independently (VADER's "but" rule looked up
 * scores by value, so repeats were weighed once). Nothing here allocates
 * except from the record arena, and each token is hashed once.
 *
 * Only units with a lexicon entry (about one in six) can modify or carry
 * sentiment: building the units (sentiment_units.c) lists them and
 * tallies the rest straight into the sums, so rules 2-5 and the final
 * sums visit the listed ones.
 * Words that rules name are tested by id (rule_words.h), not by string.
 */
#include "sentiment_int.h"

#include "alloc.h"

#include <math.h>
#include <string.h>

#define N_SCALAR VB_SENTI_N_SCALAR
#define C_INCR 0.733       /* ALL-CAPS emphasis, VADER */
#define EXCESS_BOOST 0.293 /* "too" as a booster of a positive or negative word */
#define INTENSIFY 1.25     /* "couldn't be happier", "never so happy" */
#define ALPHA VB_SENTI_ALPHA
#define WINDOW 3           /* units a modifier reaches, VADER */
#define UNMET (-0.8)      /* "doesn't play", "would not close": a function that fails */
#define IMPERATIVE 1.2    /* "Try the sea bass.": a recommendation to the reader */
#define NOTHING_DONE (-1.5) /* "it did nothing", "fixed nothing": an effort that failed */

const char *vb_rule_name(uint32_t rule)
{
    switch (rule) {
    case VB_RULE_NEGATED: return "negated";
    case VB_RULE_BOOSTED: return "boosted";
    case VB_RULE_DAMPENED: return "dampened";
    case VB_RULE_CAPS: return "caps";
    case VB_RULE_AFTER_CONTRAST: return "after_contrast";
    case VB_RULE_BEFORE_CONTRAST: return "before_contrast";
    case VB_RULE_EXCLAIM: return "exclaim";
    case VB_RULE_QUESTION: return "question";
    case VB_RULE_IDIOM: return "idiom";
    case VB_RULE_LEAST: return "least";
    case VB_RULE_CX: return "cx";
    case VB_RULE_USER: return "user";
    case VB_RULE_LONG_WAIT: return "long_wait";
    case VB_RULE_IMPERATIVE: return "imperative";
    case VB_RULE_REPEATED: return "repeated";
    case VB_RULE_INTENT: return "intent";
    case VB_RULE_REQUEST: return "request";
    case VB_RULE_RATING: return "rating";
    case VB_RULE_UNMET: return "unmet";
    case VB_RULE_DID_NOTHING: return "did_nothing";
    default: return "unknown";
    }
}

/* The negator a cue names as what negated it: its lexicon term, or "n't"
 * for a word that denies by its ending alone. */
static const char *negator_term(const unit *m)
{
    return m->e != NULL ? m->e->term : "n't";
}

static bool has_valence(const unit *u)
{
    return judges(u) && !u->muted; /* `muted` is set only on a unit with an entry */
}

/* An excess ("too"): it takes its valence from the word after it, in
 * assign_roles(). */
static bool is_excess(const unit *u)
{
    return u->e != NULL && (u->e->flags & VB_LEX_EXCESS);
}

static void acc_score(acc *a, double s)
{
    a->n_words++;
    a->sum += s;
    if (s > 0)
        a->pos += s + 1;
    else if (s < 0)
        a->neg += s - 1;
    else
        a->neu++;
}

/* Adds unit `x`, which has an entry, to the sums: its score (0 when it
 * has none). A unit with an entry starts with a token that is looked up
 * (a word, number, emoji or emoticon), so it counts as a word; the units
 * without one, punctuation among them, are in the sums already
 * (vb_senti_build_units()). */
static void sum_unit(sums *s, const vb_doc *doc, const unit *x)
{
    /* Record and sentence sums are contrast-weighted, clause sums not. */
    const double w = x->score * x->weight;
    acc_score(&s->all, w);
    if (x->sentence < doc->n_sentences)
        acc_score(&s->sent[x->sentence], w);
    if (x->clause < doc->n_clauses)
        acc_score(&s->cl[x->clause], x->score);
}

/* ---- 2-4. rules ---------------------------------------------------------- */

/* "Not once did anyone apologise", "not a single thing was missing",
 * "without making me feel stupid": a negator that opens an inverted
 * clause or a quantifier, or "without" before "making" and its object,
 * reaches further than WINDOW, since its word stands behind an auxiliary
 * and a subject ("not once did anyone"), behind the thing counted ("not
 * a single member of staff was") or behind the verb and its object:
 * ONCE_REACH units after "not once" or "never once", SINGLE_REACH after
 * "not a single" or "not one single" (one more after "never had a
 * single", "didn't have one single", two after "never gave me a
 * single"), MAKING_REACH after "without making me", one more than
 * WINDOW after "never gave me", "hasn't caused us". A cue further on
 * keeps its sign ("not once did they apologise for the delay"). Returns
 * the units the negator at `neg` reaches. English-specific. */
#define ONCE_REACH (WINDOW + 3)   /* "once", the auxiliary, the subject */
#define SINGLE_REACH (WINDOW + 4) /* "a single", a noun of up to three words, the verb */
#define MAKING_REACH (WINDOW + 2) /* "making" and its object */
#define MAX_REACH (SINGLE_REACH + 2)

/* "me", "us", "you", "him", "her", "them": the object of "making". */
static bool object_pronoun(const unit *x)
{
    switch (x->word) {
    case RW_ME: case RW_US: case RW_YOU: case RW_HIM: case RW_HER: case RW_THEM:
        return true;
    default:
        return false;
    }
}

/* Whether the rule word `word` is a verb of giving or causing: "give",
 * "cause" in their forms. English-specific. */
static bool gives_or_causes(uint32_t word)
{
    switch (word) {
    case RW_GIVE: case RW_GIVES: case RW_GAVE: case RW_GIVEN: case RW_GIVING:
    case RW_CAUSE: case RW_CAUSES: case RW_CAUSED: case RW_CAUSING:
        return true;
    default:
        return false;
    }
}

static size_t reach(const unit *u, size_t n_units, size_t neg)
{
    const size_t q = next_word(u, n_units, neg);
    if (q == SIZE_MAX)
        return WINDOW;
    if (key_is(&u[q], RW_ONCE))
        return ONCE_REACH;
    const size_t r = next_word(u, n_units, q);
    /* "without making me feel stupid", "without making you look bulky":
     * what is denied stands behind the verb and its object. */
    if (key_is(&u[neg], RW_WITHOUT) && key_is(&u[q], RW_MAKING) && r != SIZE_MAX &&
        object_pronoun(&u[r]))
        return MAKING_REACH;
    size_t a = q, extra = 0;
    /* the verb before the quantifier: "never had a single", "never got a
     * single"; or the verb and its object: "never gave me a single" */
    if ((key_have(&u[q]) || key_is(&u[q], RW_GOT)) && r != SIZE_MAX) {
        a = r;
        extra = 1;
    } else if (gives_or_causes(u[q].word) && r != SIZE_MAX && object_pronoun(&u[r])) {
        a = next_word(u, n_units, r);
        extra = 2;
    }
    const size_t b = a != SIZE_MAX ? next_word(u, n_units, a) : SIZE_MAX;
    if (b != SIZE_MAX && (key_is(&u[a], RW_A) || key_is(&u[a], RW_ONE)) &&
        key_is(&u[b], RW_SINGLE))
        return SINGLE_REACH + extra;
    return extra == 2 ? WINDOW + 1 : WINDOW; /* "never gave me any trouble" */
}

/* "don't know", "didn't think", "doesn't need", "didn't want", "wasn't
 * sure": a negated verb of knowing, believing, expecting or wanting
 * reports the writer's state of mind, not a function that fails, so it is
 * no complaint by itself ("I didn't want to return it"). English-specific;
 * the verbs are RWSET_MENTAL in rule_words.h. */
static bool mental_verb(const unit *u)
{
    return key_in(u, RWSET_MENTAL);
}

/* "I like it", "would like", "don't like", "those who like": "like" is the
 * verb when a subject, an auxiliary, "to", a negator or a relative pronoun
 * comes just before it (an adverb may stand between: "I really like").
 * Anywhere else it is the preposition or hedge ("players like the iPod",
 * "like most people", "it was like 2 hours"), which praises nothing.
 * English-specific; `i` is the unit of "like". */
static bool like_is_verb(const unit *u, size_t i)
{
    size_t j = i;
    for (int dist = 0; dist < 2; dist++) {
        if (j == 0)
            return false;
        j--;
        if (u[j].clause != u[i].clause || u[j].punct)
            return false;
        if (u[j].negator)
            return true;
        if (key_in(&u[j], RWSET_SUBJECT)) /* "i", "would", "'d", "really", ... */
            return true;
        /* "longer than I'd like" (sentiment_unreal.c); elsewhere "I'd like"
         * is mostly a formula ("I'd like to add", "thought I'd like it") */
        if ((key_is(&u[j], RW_I_D) || key_is(&u[j], RW_WE_D)) && j > 0 &&
            u[j - 1].clause == u[i].clause && key_is(&u[j - 1], RW_THAN))
            return true;
        /* one adverb may stand between the subject and the verb */
        if (!ly_word(&u[j]))
            return false;
    }
    return false;
}

/* Words whose sign depends on what their clause is about: "cheap" is a
 * fault of quality ("feels cheap", "cheap plastic") unless the clause is
 * about what something costs ("the prices are cheap", "cheap eats for
 * $8"), "loud" a fault ("loud fans", "a loud room") unless it is about
 * speakers or sound ("the speakers are loud"), and "huge" or "massive" (of
 * a garment) a fault unless it measures portions, a menu or a screen.
 * English-specific. */
typedef struct context_flip {
    uint16_t context; /* RWSET_PRICE, RWSET_SOUND or RWSET_AMOUNT; 0: no flip */
    bool dollar;      /* a "$" amount is context too */
} context_flip;

static context_flip flip_of(const unit *u)
{
    switch (u->word) {
    case RW_CHEAP:
    case RW_CHEAPER:
        return (context_flip){RWSET_PRICE, true};
    case RW_LOUD:
    case RW_LOUDER:
        return (context_flip){RWSET_SOUND, false};
    case RW_HUGE:
    case RW_MASSIVE:
    case RW_GIGANTIC:
    case RW_GIANT:
        return (context_flip){RWSET_AMOUNT, false};
    default:
        return (context_flip){0, false};
    }
}

/* True when the negative word at `i` is in the clause context that makes
 * it praise (see flip_of(); the context words are in rule_words.h). */
static bool praise_in_context(const unit *u, size_t n_units, size_t i, const vb_doc *doc)
{
    const context_flip f = flip_of(&u[i]);
    if (f.context == 0)
        return false;
    size_t from = i, to = i + 1; /* the clause's units: clauses are contiguous */
    while (from > 0 && u[from - 1].clause == u[i].clause)
        from--;
    while (to < n_units && u[to].clause == u[i].clause)
        to++;
    for (size_t k = from; k < to; k++) {
        if (k == i)
            continue;
        const vb_token *t = &doc->tokens[u[k].first];
        if (f.dollar && (t->kind == VB_TOKEN_NUMBER || t->kind == VB_TOKEN_SYMBOL))
            for (size_t b = t->start; b < t->end; b++)
                if (doc->text[b] == '$')
                    return true;
        if (key_in(&u[k], f.context))
            return true;
    }
    return false;
}

/* "Try the sea bass.", "Skip dessert.": a sentence that opens with "try"
 * or "skip" said to the reader recommends or warns. Returns the valence
 * of the imperative at `i` (IMPERATIVE, -IMPERATIVE) or 0: `i` must be the
 * first word of its sentence and the next word not "to", "again" or a
 * negator ("try to avoid it", "try again later", "try not to order the
 * fish": advice, not a recommendation of the place). English-specific. */
static double imperative(const unit *u, size_t n_units, size_t i, const vb_doc *doc)
{
    const bool try_ = key_is(&u[i], RW_TRY), skip = key_is(&u[i], RW_SKIP);
    if (!try_ && !skip)
        return 0.0;
    const vb_span *s = &doc->sentences[u[i].sentence];
    for (size_t t = s->first_token; t < u[i].first; t++)
        if (doc->tokens[t].kind != VB_TOKEN_PUNCT)
            return 0.0;
    const size_t j = next_word(u, n_units, i);
    if (j == SIZE_MAX || key_is(&u[j], RW_TO) || key_is(&u[j], RW_AGAIN) || negates(&u[j]))
        return 0.0;
    return try_ ? IMPERATIVE : -IMPERATIVE;
}

/* "fixed the problem", "solves my problem", "the issue was sorted",
 * "replaced my broken screen": a word of trouble with a remedy at most
 * WINDOW units away in its clause says the trouble is gone, so it is no
 * complaint. Remedies are done or habitual ("fixed", "solves",
 * "repaired"): "would fix the problem", "trying to resolve the issue",
 * "it will be fixed" and "until the issue is resolved" leave it
 * standing. The remedy keeps its own valence ("solved" praises, "fixed"
 * is plain). A negated remedy ("never fixed the problem", "problem not
 * fixed") leaves the trouble standing, and is rule 3's failure besides.
 * English-specific; the words are RWSET_TROUBLE and RWSET_REMEDIED in
 * rule_words.h; unsettled_remedy() and remedied() decide it,
 * remedy_between() keeps a denied remedy's negator off the trouble. */

/* True when the remedy at `k` is denied or not done yet: a negator or a
 * modal (RWSET_PENDING: "will be fixed", "can be solved") at most WINDOW
 * units before it in its clause, or "until" anywhere before it there
 * ("until the issue is resolved"). */
static bool unsettled_remedy(const unit *u, size_t k)
{
    for (size_t j = k, dist = 0; j > 0; dist++) {
        j--;
        if (u[j].clause != u[k].clause)
            return false;
        if (key_is(&u[j], RW_UNTIL))
            return true;
        if (dist >= WINDOW)
            continue;
        if (negates(&u[j]) || key_in(&u[j], RWSET_PENDING))
            return true;
    }
    return false;
}

/* "Thanks for fixing the problem", "thank you so much for sorting my
 * issue": a remedy in its -ing form thanked for is done ("needs fixing"
 * is not). */
static bool thanked_remedy(const unit *u, size_t k)
{
    return remedy_ing(&u[k]) && k > 0 && key_is(&u[k - 1], RW_FOR) &&
           vb_senti_before(u, k - 1, VB_SENTI_THANKS_GAP + 1, vb_senti_thanking);
}

/* True when the trouble word at `i` has a done remedy, not unsettled, at
 * most WINDOW units either side of it in its clause. */
static bool remedied(const unit *u, size_t n_units, size_t i)
{
    const size_t from = i > WINDOW ? i - WINDOW : 0;
    const size_t to = i + WINDOW < n_units ? i + WINDOW + 1 : n_units;
    for (size_t k = from; k < to; k++)
        if (u[k].clause == u[i].clause &&
            (key_in(&u[k], RWSET_REMEDIED) || thanked_remedy(u, k)) && !unsettled_remedy(u, k))
            return true;
    return false;
}

/* True when a remedy in any form ("fix", "fixed") stands between the
 * units `from` and `to`: a negator at `from` then denies the remedy,
 * not the trouble at `to`. */
static bool remedy_between(const unit *u, size_t from, size_t to)
{
    for (size_t k = from + 1; k < to; k++)
        if (key_in(&u[k], RWSET_REMEDY))
            return true;
    return false;
}

/* "the photos don't do it justice", "never did the colour justice": a
 * form of "do" between a negator at `from` and "justice" at `to` says the
 * thing is better than shown, which is praise, not its denial.
 * English-specific. */
static bool not_done_justice(const unit *u, size_t from, size_t to)
{
    if (!key_is(&u[to], RW_JUSTICE))
        return false;
    for (size_t k = from + 1; k < to; k++)
        if (key_is(&u[k], RW_DO) || key_is(&u[k], RW_DOES) || key_is(&u[k], RW_DID))
            return true;
    return false;
}

/* Marks the word on coming again at `i` (vb_senti_intent()). Its negator,
 * if any ("won't be ordering again"), has done its work: it negates
 * nothing else and is no failure of the verb ("won't play"). */
static void intent_made(unit *u, size_t i, size_t negator)
{
    u[i].rules |= VB_RULE_INTENT;
    if (negator == SIZE_MAX)
        return;
    u[i].by = negator_term(&u[negator]);
    u[negator].negator = false;
}

/* Whether the unit's lexicon entry is a fault: a negative valence. */
static bool lexicon_fault(const unit *x)
{
    return judges(x) && x->e->valence < 0.0;
}

/* "wrinkles easily", "easily damaged": "easily" after a fault, or before
 * one that is a participle, in its clause says how readily the fault
 * comes, not that something is easy, so it is no praise. The fault keeps
 * its own valence. Not before other words: "easily drag and drop" is
 * praise. English-specific. */
static bool ease_of_fault(const unit *u, size_t n_units, size_t i)
{
    if (!key_is(&u[i], RW_EASILY))
        return false;
    const size_t next = next_word(u, n_units, i);
    if (next != SIZE_MAX && lexicon_fault(&u[next]) && participle(&u[next]))
        return true;
    for (size_t j = i; j > 0 && u[j - 1].clause == u[i].clause;) {
        j--;
        if (u[j].stop)
            return false;
        if (!u[j].punct)
            return lexicon_fault(&u[j]);
    }
    return false;
}

/* Whether the unit is a verb of spoiling: "ruined", "spoilt", "wrecked".
 * English-specific. */
static bool spoils(const unit *x)
{
    switch (x->word) {
    case RW_RUIN: case RW_RUINS: case RW_RUINED: case RW_RUINING: case RW_SPOIL: case RW_SPOILS:
    case RW_SPOILED: case RW_SPOILT: case RW_SPOILING: case RW_WRECKED: case RW_WRECKING:
    case RW_DESTROYED: case RW_DESTROYING:
        return true;
    default:
        return false;
    }
}

#define SPOILT_BACK 3 /* words from the verb to the good thing: "ruined our first holiday" */

/* "ruined our holiday", "spoilt the whole evening": a good thing that a
 * verb of spoiling has for its object is what was lost, not praise; the
 * verb carries the complaint. Walking back in the clause over words that
 * judge nothing. English-specific. */
static bool spoilt(const unit *u, size_t i)
{
    for (size_t j = i, n = 0; j > 0 && n < SPOILT_BACK; n++) {
        j--;
        if (u[j].clause != u[i].clause || u[j].punct || negates(&u[j]))
            return false;
        if (spoils(&u[j]))
            return true;
        if (judges(&u[j]))
            return false;
    }
    return false;
}

/* "it did nothing", "did nothing for my figure", "fixed nothing": the
 * negator "nothing" at `neg`, right after "do", "does", "did" or a verb
 * of repair, says the effort failed. The caller asks only where it
 * denies no word of sentiment: "did nothing wrong" praises and "did
 * nothing useful" blames by the negation alone. Not "did nothing but",
 * which judges what follows. English-specific. */
static bool came_to_nothing(const unit *u, size_t n_units, size_t neg)
{
    if (!key_is(&u[neg], RW_NOTHING) || neg == 0 || u[neg - 1].clause != u[neg].clause)
        return false;
    const unit *verb = &u[neg - 1];
    if (!key_is(verb, RW_DO) && !key_is(verb, RW_DOES) && !key_is(verb, RW_DID) &&
        !key_in(verb, RWSET_REMEDY))
        return false;
    /* Not next_word(): "but" opens a clause of its own. */
    for (size_t j = neg + 1; j < n_units && u[j].sentence == u[neg].sentence; j++)
        if (!u[j].punct)
            return !key_is(&u[j], RW_BUT);
    return true;
}

/* "too cold to enjoy", "too tight to be comfortable": after an excess
 * ending at `x` ("too cold"), "to" and the first word of sentiment at
 * most PREVENTED_REACH words on name what the excess stops, so praise
 * there is denied (score_unit()). English-specific. */
#define PREVENTED_REACH 3 /* "to be really comfortable" */
static void mark_prevented(unit *u, size_t n_units, size_t x)
{
    size_t k = next_word(u, n_units, x);
    if (k == SIZE_MAX || !key_is(&u[k], RW_TO))
        return;
    for (int n = 0; n < PREVENTED_REACH; n++) {
        k = next_word(u, n_units, k);
        if (k == SIZE_MAX)
            return;
        if (has_valence(&u[k])) {
            u[k].prevented = u[k].valence > 0.0;
            return;
        }
    }
}

/* True when a negator stands before unit `i` in the clause where its
 * first word is (the unit's own clause may start later, at "but"): "never
 * had anything but praise", "couldn't give this anything but a 5". */
static bool negator_before(const unit *u, size_t i, const vb_doc *doc)
{
    const uint32_t clause = doc->tokens[u[i].first].clause;
    for (size_t j = i; j > 0;) {
        j--;
        if (doc->tokens[u[j].first].clause != clause)
            return false;
        if (u[j].negator)
            return true;
    }
    return false;
}

/* "too warm", "too bright", "too sweet": a quality that praises on its
 * own ("a warm coat", "bright colours") but is a fault in excess, as "too
 * small" is; "too cute" and "too good" still praise. English-specific. */
static bool fault_in_excess(const unit *x)
{
    switch (x->word) {
    case RW_WARM: case RW_BRIGHT: case RW_DELICATE: case RW_SWEET: case RW_RICH: case RW_STRONG:
    case RW_CASUAL: case RW_BOLD: case RW_VIBRANT:
        return true;
    default:
        return false;
    }
}

/* A word that says something without judging it: no stopword, no
 * valence, no modifier. */
static bool plain_word(const vb_doc *doc, const unit *x)
{
    const vb_token *t = &doc->tokens[x->first];
    return t->kind == VB_TOKEN_WORD && !(t->flags & VB_TOKEN_STOPWORD) && !has_valence(x) &&
           !x->negator && !x->booster && !is_excess(x);
}

/* "didn't", "never", "does not": a negator that denies a deed, not a
 * state ("isn't big and bulky", "no hips and no waist", which reach both
 * sides of an "and"). English-specific. */
static bool denies_deed(const unit *u, size_t neg)
{
    switch (u[neg].word) {
    case RW_DIDNT: case RW_DONT: case RW_DOESNT: case RW_NEVER:
    case RW_DIDNT_BARE: case RW_DONT_BARE: case RW_DOESNT_BARE:
        return true;
    case RW_NOT:
        return neg > 0 && (key_is(&u[neg - 1], RW_DID) || key_is(&u[neg - 1], RW_DO) ||
                           key_is(&u[neg - 1], RW_DOES));
    default:
        return false;
    }
}

/* "didn't listen and rushed me out": once a plain word has followed a
 * negator of a deed at `neg`, an "and" before unit `i` starts what is
 * said, not what is denied. */
static bool and_after_plain(const vb_doc *doc, const unit *u, size_t neg, size_t i)
{
    if (!denies_deed(u, neg))
        return false;
    bool plain = false;
    for (size_t k = neg + 1; k < i; k++) {
        if (plain && key_is(&u[k], RW_AND))
            return true;
        plain = plain || plain_word(doc, &u[k]);
    }
    return false;
}

/* True when negator `neg` before the plain word `next` says no failure,
 * as "won't play" does: "less" denies a word of sentiment only ("uses
 * less power", as "no power" would not), "far from home" and "not far
 * from the station" tell a distance, "anything but typical" a
 * difference, "keeps it from stretching" what is kept off. */
static bool says_no_failure(const token_key *keys, const unit *u, size_t neg, size_t next)
{
    const uint32_t first = first_word(keys, &u[neg]);
    return key_is(&u[neg], RW_LESS) || key_is(&u[neg], RW_FROM) || first == RW_FAR ||
           first == RW_ANYTHING || key_is(&u[next], RW_FAR);
}

/* Whether the rule word `word` is a verb of keeping something off: "keep",
 * "stop", "prevent" in their forms. English-specific. */
static bool keeps_off(uint32_t word)
{
    switch (word) {
    case RW_KEEP: case RW_KEEPS: case RW_KEPT: case RW_KEEPING:
    case RW_STOP: case RW_STOPS: case RW_STOPPED: case RW_STOPPING:
    case RW_PREVENT: case RW_PREVENTS: case RW_PREVENTED: case RW_PREVENTING:
        return true;
    default:
        return false;
    }
}

/* "keeps it from looking frumpy", "what stopped me from giving it 5
 * stars", "prevents the hem from fraying": "from" after a verb of keeping
 * off and its object denies what follows, as "not" would, and says no
 * failure, unless the keeping is denied. The object is one to three
 * words, none an -ing form ("stop buying from them" names a seller) nor
 * "away" ("keep away from this awful shop"), and an -ing form follows.
 * English-specific. */
static bool kept_from(const unit *u, size_t n_units, size_t from)
{
    const size_t next = next_word(u, n_units, from);
    if (next == SIZE_MAX || !ing_form(&u[next]))
        return false;
    for (size_t k = from, n_object = 0; k > 0 && n_object <= 3; n_object++) {
        k--;
        if (u[k].clause != u[from].clause || u[k].punct)
            return false;
        if (keeps_off(u[k].word)) /* not in "nothing keeps me from loving it" */
            return n_object > 0 && !negator_within(u, k, 3);
        if (ing_form(&u[k]) || key_is(&u[k], RW_AWAY) || negates(&u[k]))
            return false;
    }
    return false;
}

/* Decides which units act as modifiers (rule 2) and the "too" rule (4). */
static void assign_roles(const token_key *keys, const unit_list *l, const vb_doc *doc)
{
    unit *const u = l->u;
    const size_t n_units = l->n;
    for (size_t c = 0; c < l->n_cand; c++) {
        const size_t i = l->cand[c];
        size_t neg;
        const vb_senti_entry *e = u[i].e;
        u[i].valence = (e->flags & VB_LEX_VALENCE) ? e->valence : 0.0;
        const double rating =
            vb_senti_may_rate(&u[i]) ? vb_senti_rating(keys, u, n_units, i, doc, &u[i].cue_back)
                                     : 0.0;
        if (rating != 0.0) {
            u[i].valence = rating; /* "1 out of 5 stars" is no praise */
            u[i].rules |= VB_RULE_RATING;
        }
        u[i].negator = u[i].negator || (e->flags & VB_LEX_NEGATOR) ||
                       (key_is(&u[i], RW_FROM) && kept_from(u, n_units, i));
        u[i].booster = (e->flags & VB_LEX_BOOSTER) != 0;
        u[i].boost = e->boost;
        if (u[i].valence != 0.0 && key_is(&u[i], RW_LIKE) && !like_is_verb(u, i)) {
            u[i].valence = 0.0;
            u[i].muted = true;
        }
        if (u[i].valence > 0.0 && (ease_of_fault(u, n_units, i) || spoilt(u, i))) {
            u[i].valence = 0.0;
            u[i].muted = true;
        }
        if (u[i].valence < 0.0 && praise_in_context(u, n_units, i, doc))
            u[i].valence = -u[i].valence;
        /* trouble that is no complaint: the occasion of praise, or remedied */
        if (u[i].valence < 0.0 && (vb_senti_occasion(u, i) ||
                                   (key_in(&u[i], RWSET_TROUBLE) && remedied(u, n_units, i)))) {
            u[i].valence = 0.0;
            u[i].muted = true;
        }
        /* A word a rule scores (RWSET_SCORED) is neutral in the lexicon;
         * its rule decides here. */
        if (u[i].valence == 0.0 && (e->flags & VB_LEX_VALENCE) && key_in(&u[i], RWSET_SCORED)) {
            u[i].valence = imperative(u, n_units, i, doc);
            if (u[i].valence != 0.0)
                u[i].rules |= VB_RULE_IMPERATIVE;
            else if ((u[i].valence = vb_senti_long_wait(u, n_units, i, doc)) != 0.0)
                u[i].rules |= VB_RULE_LONG_WAIT;
            else if ((u[i].valence = vb_senti_repeated(u, n_units, i, doc)) != 0.0 ||
                     (u[i].valence = vb_senti_recurring(u, n_units, i)) != 0.0)
                u[i].rules |= VB_RULE_REPEATED;
            else if ((u[i].valence = vb_senti_intent(u, i, &neg)) != 0.0)
                intent_made(u, i, neg);
            else if ((u[i].valence = vb_senti_request(u, n_units, i, &u[i].cue_tokens)) != 0.0)
                u[i].rules |= VB_RULE_REQUEST;
        }
    }
    for (size_t c = 0; c < l->n_cand; c++) {
        const size_t i = l->cand[c];
        if (u[i].e->flags & VB_LEX_EXCESS) {
            size_t j = next_word(u, n_units, i);
            if (j == SIZE_MAX || doc->tokens[u[j].first].kind != VB_TOKEN_WORD)
                continue; /* "me too", "too!" */
            u[i].booster = true;
            u[i].boost = EXCESS_BOOST;
            u[i].modifier = true;
            if (fault_in_excess(&u[j])) {
                u[j].valence = 0.0; /* the excess is the cue: "too warm" */
                u[j].muted = true;
            }
            if (!(has_valence(&u[j]) && u[j].valence > 0)) {
                u[i].excess_active = true; /* "too small", "too expensive" */
                u[i].valence = u[i].e->excess;
                u[i].cue_tokens = u[j].first + u[j].n - u[i].first;
                mark_prevented(u, n_units, j);
            }
            continue;
        }
        if (u[i].booster && u[i].valence != 0.0) {
            /* "super cute": a booster with a valence of its own modifies the
             * next word when that word carries sentiment, or a negation of
             * it ("definitely not worth it" is no praise), or, praising,
             * measures a size ("pretty small" is no praise; "ridiculously
             * small" stays a complaint). */
            size_t j = next_word(u, n_units, i);
            u[i].modifier =
                j != SIZE_MAX && (has_valence(&u[j]) || u[j].booster || u[j].negator ||
                                  (u[i].valence > 0.0 && vb_senti_measure_word(u[j].word)));
        } else if (u[i].booster) {
            u[i].modifier = true;
        }
        if (u[i].negator) {
            size_t j = i;
            bool negates = false;
            size_t next = next_word(u, n_units, i);
            if (next != SIZE_MAX && (key_is(&u[next], RW_ONLY) || key_is(&u[next], RW_JUST)) &&
                key_is(&u[i], RW_NOT)) {
                u[i].negator = false; /* "not only X but Y" adds, it does not deny */
                continue;
            }
            if (first_word(keys, &u[i]) == RW_ANYTHING && negator_before(u, i, doc)) {
                u[i].negator = false; /* "never had anything but praise" stresses it */
                continue;
            }
            /* A negator before a plain word is a failure: "won't play". */
            if (next != SIZE_MAX && plain_word(doc, &u[next]) &&
                !says_no_failure(keys, u, i, next) && !mental_verb(&u[next]))
                u[i].unmet = true;
            const size_t reaches = reach(u, n_units, i);
            for (size_t k = 0; k < reaches && !negates; k++) {
                j = next_word(u, n_units, j);
                if (j == SIZE_MAX || and_after_plain(doc, u, i, j))
                    break;
                /* an excess has no valence yet: "without feeling too tight" */
                negates = has_valence(&u[j]) || is_excess(&u[j]);
            }
            if (negates) {
                u[i].modifier = true;
                u[i].unmet = false;
            }
            if (u[i].unmet) {
                u[i].valence = UNMET;
                u[i].rules |= VB_RULE_UNMET;
                u[i].cue_tokens = u[next].first + u[next].n - u[i].first; /* "yet to arrive" */
            } else if (!negates && came_to_nothing(u, n_units, i)) {
                u[i].valence = NOTHING_DONE;
                u[i].rules |= VB_RULE_DID_NOTHING;
            }
        }
    }
}

/* "couldn't be happier", "could not have been better": a modal negation of
 * a comparative says nothing could be more so. Also "can't recommend it
 * enough", "couldn't improve on it". English-specific, like VADER's own
 * special cases. */
static bool modal_negator(const unit *u, size_t neg)
{
    if (key_in(&u[neg], RWSET_MODAL_NEG)) /* "couldn't", "couldnt", "can't", "cant", "cannot" */
        return true;
    return key_is(&u[neg], RW_NOT) && neg > 0 &&
           (key_is(&u[neg - 1], RW_COULD) || key_is(&u[neg - 1], RW_CAN));
}

static bool no_stronger_possible(const unit *u, size_t n_units, size_t neg, size_t cue)
{
    if (!modal_negator(u, neg))
        return false;
    if (key_is(&u[cue], RW_IMPROVE)) /* "couldn't improve on it" */
        return true;
    bool copula = false, more = false;
    for (size_t k = neg + 1; k < cue; k++) {
        /* "be", "been", "get", "imagine" ("can't imagine a better place") */
        copula = copula || key_in(&u[k], RWSET_COPULA);
        more = more || key_in(&u[k], RWSET_MORE); /* "more", "any" */
    }
    if (copula && (more || comparative(&u[cue])))
        return true;
    for (size_t k = neg + 1; k < n_units && u[k].clause == u[neg].clause; k++)
        if (key_is(&u[k], RW_ENOUGH))
            return true;
    return false;
}

/* Whether the unit tells what the writer has been through: "been",
 * "felt", "had", "seen", "tasted", "eaten", "experienced", "met",
 * "received". */
static bool lived_through(const unit *u)
{
    switch (u->word) {
    case RW_BEEN: case RW_FELT: case RW_HAD: case RW_SEEN: case RW_TASTED: case RW_EATEN:
    case RW_EXPERIENCED: case RW_MET: case RW_RECEIVED:
        return true;
    default:
        return false;
    }
}

/* True when a "never" at `never` says that nothing was ever more so than
 * the cue at `cue`: "so", "this" or "such" stands between them ("never
 * been so disappointed", "never seen such rude staff"), or, after a verb
 * of what the writer has been through, "more" or a comparative cue ("I
 * have never been more disappointed", "never been happier", "never had
 * better service"). These intensify the cue instead of negating it; not
 * "it never got better", which is a complaint. */
static bool degree_between(const unit *u, size_t never, size_t cue)
{
    bool lived = false, more = comparative(&u[cue]);
    for (size_t k = never + 1; k < cue; k++) {
        if (key_in(&u[k], RWSET_SO)) /* "so", "this", "such" */
            return true;
        lived = lived || lived_through(&u[k]);
        more = more || key_is(&u[k], RW_MORE);
    }
    return lived && more;
}

/* The index of a negator more than WINDOW units before the cue at `i`
 * that reaches it nonetheless (reach()), or SIZE_MAX. */
static size_t far_negator(const unit *u, size_t n_units, size_t i)
{
    for (size_t j = i, dist = 0; j > 0 && dist < MAX_REACH;) {
        j--;
        if (u[j].clause != u[i].clause || u[j].stop)
            return SIZE_MAX;
        if (u[j].punct)
            continue;
        dist++;
        if (dist > WINDOW && u[j].negator && dist <= reach(u, n_units, j))
            return j;
    }
    return SIZE_MAX;
}

/* The score `v` of the cue at `i` once the negator at `neg` has acted on
 * it: mostly negated, but intensified where a negation says "nothing
 * could be more so" or denies what the customer asked for. */
static double deny(unit *u, size_t n_units, size_t neg, size_t i, double v)
{
    unit *c = &u[i];
    const unit *m = &u[neg];
    /* "never fixed the problem": the negator denies the remedy, and the
     * trouble stands */
    if (key_in(c, RWSET_TROUBLE) && remedy_between(u, neg, i))
        return v;
    if (not_done_justice(u, neg, i))
        return v;
    if (key_is(m, RW_NEVER) && degree_between(u, neg, i)) {
        v *= INTENSIFY; /* "never been so happy", as VADER */
        c->rules |= VB_RULE_BOOSTED;
    } else if (no_stronger_possible(u, n_units, neg, i)) {
        v *= INTENSIFY;
        c->rules |= VB_RULE_BOOSTED;
    } else if (key_in(c, RWSET_SOUGHT) && v < 0) {
        /* "no refund", "wouldn't give a refund": what the customer asked
         * for, denied, is the worse complaint */
        v *= INTENSIFY;
        c->rules |= VB_RULE_BOOSTED;
    } else {
        v *= N_SCALAR;
        c->rules |= VB_RULE_NEGATED;
    }
    c->by = negator_term(m);
    return v;
}

static void score_unit(const vb_doc *doc, const token_key *keys, unit *u, size_t n_units, size_t i,
                       bool cap_diff)
{
    unit *c = &u[i];
    double v = c->valence;
    if (c->e->flags & VB_LEX_CX)
        c->rules |= VB_RULE_CX;
    if (c->e->flags & VB_LEX_USER)
        c->rules |= VB_RULE_USER;
    if (c->n > 1)
        c->rules |= VB_RULE_IDIOM;
    if (c->caps && cap_diff) {
        v += v > 0 ? C_INCR : -C_INCR;
        c->rules |= VB_RULE_CAPS;
    }
    static const double decay[WINDOW] = {1.0, 0.95, 0.9};
    /* Emoji and emoticons say how the writer feels; no word modifies them
     * ("couldn't be happier 👍" does not negate the thumbs-up). */
    vb_token_kind kind = doc->tokens[c->first].kind;
    bool in_reach = kind != VB_TOKEN_EMOJI && kind != VB_TOKEN_EMOTICON;
    size_t j = i;
    bool denied = false;
    for (int dist = 0; dist < WINDOW && in_reach;) {
        if (j == 0)
            break;
        j--;
        const unit *m = &u[j];
        if (m->clause != c->clause || m->stop)
            break;
        if (m->punct)
            continue;
        dist++;
        /* "not long not short": a negator before another judged word
         * denies that one; only the nearer negator denies this one */
        if (denied && has_valence(m) && !m->modifier)
            break;
        if (m->booster && m->modifier) {
            double s = v < 0 ? -m->boost : m->boost;
            if (m->caps && cap_diff)
                s += v > 0 ? C_INCR : -C_INCR;
            v += s * decay[dist - 1];
            c->rules |= m->boost < 0 ? VB_RULE_DAMPENED : VB_RULE_BOOSTED;
            c->by = m->e->term;
        }
        if (m->negator && !and_after_plain(doc, u, j, i)) {
            v = deny(u, n_units, j, i, v);
            denied = true;
        }
    }
    if (in_reach) {
        const size_t far = far_negator(u, n_units, i);
        if (far != SIZE_MAX && !and_after_plain(doc, u, far, i))
            v = deny(u, n_units, far, i, v);
    }
    if (c->prevented && v > 0) {
        v *= N_SCALAR;
        c->rules |= VB_RULE_NEGATED;
        c->by = "too";
    }
    const char *unreal = v > 0 ? vb_senti_unreal(keys, u, n_units, i, doc) : NULL;
    if (unreal != NULL) {
        v *= N_SCALAR;
        c->rules |= VB_RULE_NEGATED;
        c->by = unreal;
    }
    /* "least favourite" negates; "at least" is a phrase with no valence. */
    if (i > 0 && key_is(&u[i - 1], RW_LEAST) && u[i - 1].clause == c->clause) {
        v *= N_SCALAR;
        c->rules |= VB_RULE_LEAST;
        c->by = "least";
    }
    c->score = v;
}

/* ---- 6. scores ----------------------------------------------------------- */

/* VADER's '!' and '?' emphasis. */
static double punct_amplifier(const acc *a)
{
    size_t excl = a->n_excl > 4 ? 4 : a->n_excl;
    double amp = (double)excl * 0.292;
    if (a->n_quest > 1)
        amp += a->n_quest <= 3 ? (double)a->n_quest * 0.18 : 0.96;
    return amp;
}

/* The scores of sum `a`, with the '!' and '?' emphasis of `marks` (NULL:
 * none). */
static vb_sentiment finish(const acc *a, const acc *marks)
{
    vb_sentiment s = {0, 0, 0, 0, VB_NEUTRAL};
    if (a->n_words == 0)
        return s;
    if (a->pos == 0.0 && a->neg == 0.0) {
        s.neu = 1.0; /* every word neutral: what the arithmetic below gives */
        return s;
    }
    const double amp = marks != NULL ? punct_amplifier(marks) : 0;
    double sum = a->sum;
    if (sum > 0)
        sum += amp;
    else if (sum < 0)
        sum -= amp;
    double c = sum / sqrt(sum * sum + ALPHA);
    s.compound = c < -1 ? -1 : c > 1 ? 1 : c;
    double pos = a->pos, neg = a->neg;
    if (pos > fabs(neg))
        pos += amp;
    else if (pos < fabs(neg))
        neg -= amp;
    double total = pos + fabs(neg) + (double)a->neu;
    if (total > 0) {
        s.pos = fabs(pos / total);
        s.neg = fabs(neg / total);
        s.neu = fabs((double)a->neu / total);
    }
    s.label = s.compound >= 0.05 ? VB_POSITIVE : s.compound <= -0.05 ? VB_NEGATIVE : VB_NEUTRAL;
    return s;
}

/* Takes the scratch arrays of one record from one arena block: per token
 * a unit, a candidate index and a key; per sentence and per clause a sum,
 * zeroed. Every element size is a multiple of 8, so each array stays
 * aligned. Returns VB_OK or VB_ENOMEM. */
static vb_status alloc_scratch(vb_arena *arena, const vb_doc *doc, unit_list *l, sums *s,
                               token_key **keys)
{
    _Static_assert(sizeof(acc) % 8 == 0 && sizeof(unit) % 8 == 0 &&
                       sizeof(size_t) % 8 == 0 && _Alignof(token_key) <= 8,
                   "scratch arrays must stay aligned");
    const size_t n = doc->n_tokens, n_acc = doc->n_sentences + doc->n_clauses;
    const size_t per_token = sizeof *l->u + sizeof *l->cand + sizeof **keys;
    if (n_acc < doc->n_sentences || vb_mul_overflows(n_acc, sizeof(acc)) ||
        vb_mul_overflows(n, per_token) || n * per_token > SIZE_MAX - n_acc * sizeof(acc))
        return VB_ENOMEM;
    const size_t acc_bytes = n_acc * sizeof(acc);
    char *p = vb_arena_alloc(arena, acc_bytes + n * per_token);
    if (p == NULL)
        return VB_ENOMEM;
    memset(p, 0, acc_bytes);
    s->sent = (acc *)p;
    s->cl = s->sent + doc->n_sentences;
    l->u = (unit *)(p + acc_bytes);
    l->cand = (size_t *)(l->u + n);
    *keys = (token_key *)(l->cand + n);
    return VB_OK;
}

vb_status vb_sentiment_score(const vb_senti_lex *lex, const vb_doc *doc, vb_arena *arena,
                             bool explain, vb_doc_sentiment *out)
{
    memset(out, 0, sizeof *out);
    out->sentences = vb_arena_array(arena, doc->n_sentences ? doc->n_sentences : 1,
                                    sizeof *out->sentences);
    out->clauses = vb_arena_array(arena, doc->n_clauses ? doc->n_clauses : 1,
                                  sizeof *out->clauses);
    if (out->sentences == NULL || out->clauses == NULL)
        return VB_ENOMEM;
    memset(out->sentences, 0, doc->n_sentences * sizeof *out->sentences);
    memset(out->clauses, 0, doc->n_clauses * sizeof *out->clauses);
    if (doc->n_tokens == 0 || doc->non_answer) /* "No comment" is no complaint */
        return VB_OK;

    unit_list l = {0};
    sums sm = {0};
    token_key *keys = NULL;
    /* The scratch, with the keys build_units makes for elongated words,
     * is dead once the scores are out, unless cues point into it. Given
     * back, it is the next record's scratch, still in cache. */
    const vb_arena_mark scratch = vb_arena_mark_here(arena);
    if (alloc_scratch(arena, doc, &l, &sm, &keys) != VB_OK)
        return VB_ENOMEM;
    unit *const u = l.u;
    /* Entries from another lexicon (or none) cannot be used. */
    vb_doc d = *doc;
    if (d.lexicon != vb_senti_lex_is_contrast || d.lexicon_ctx != lex)
        d.entries = NULL;
    doc = &d;
    if (vb_senti_build_units(lex, doc, arena, keys, &l, &sm) != VB_OK)
        return VB_ENOMEM;
    const size_t n_units = l.n;
    assign_roles(keys, &l, doc);

    /* Only a unit with an entry has a score; without a contrast word the
     * weights all stay 1. */
    size_t n_cues = 0;
    for (size_t c = 0; c < l.n_cand; c++) {
        const size_t i = l.cand[c];
        if (!(u[i].modifier && !u[i].excess_active) && u[i].valence != 0.0)
            score_unit(doc, keys, u, n_units, i, l.cap_diff);
        n_cues += u[i].score != 0.0;
    }
    if (l.contrast)
        vb_senti_apply_contrast(keys, u, n_units, l.cand, l.n_cand);

    /* The units with an entry join the sums, in text order: a unit with
     * no score adds nothing to a sum, so leaving the others out (they are
     * counted already) keeps every floating-point sum as it was. */
    for (size_t c = 0; c < l.n_cand; c++)
        sum_unit(&sm, doc, &u[l.cand[c]]);
    const acc *const sent = sm.sent, *const cl = sm.cl;
    const acc all = sm.all;
    /* A sentence that is the whole record, or a clause that is its whole
     * sentence (without contrast weights), has the very same sums: its
     * scores are copied rather than worked out again. */
    out->overall = finish(&all, &all);
    for (size_t s = 0; s < doc->n_sentences; s++)
        out->sentences[s] = memcmp(&sent[s], &all, sizeof all) == 0 ? out->overall
                                                                    : finish(&sent[s], &sent[s]);
    for (size_t c = 0; c < doc->n_clauses; c++) {
        /* '!' ends the sentence, not the clause: clauses share it. */
        const vb_span *span = &doc->clauses[c];
        uint32_t s = span->n_tokens ? doc->tokens[span->first_token].sentence : 0;
        if (s < doc->n_sentences && memcmp(&cl[c], &sent[s], sizeof *cl) == 0)
            out->clauses[c] = out->sentences[s];
        else
            out->clauses[c] = finish(&cl[c], s < doc->n_sentences ? &sent[s] : NULL);
    }

    if (!explain || n_cues == 0) {
        vb_arena_release(arena, scratch);
        return VB_OK;
    }
    out->cues = vb_arena_array(arena, n_cues, sizeof *out->cues);
    if (out->cues == NULL)
        return VB_ENOMEM;
    for (size_t k = 0; k < l.n_cand; k++) {
        const size_t i = l.cand[k];
        if (u[i].score == 0.0)
            continue;
        const size_t n_tok = u[i].cue_tokens ? u[i].cue_tokens : u[i].n;
        const size_t from = u[i].first - u[i].cue_back;
        const acc *a = u[i].sentence < doc->n_sentences ? &sent[u[i].sentence] : &all;
        vb_cue *c = &out->cues[out->n_cues++];
        c->start = doc->tokens[from].start;
        c->end = doc->tokens[u[i].first + n_tok - 1].end;
        c->first_token = from;
        c->n_tokens = u[i].cue_back + n_tok;
        c->sentence = u[i].sentence;
        c->valence = u[i].valence;
        c->score = u[i].score * u[i].weight;
        c->rules = u[i].rules | (a->n_excl ? VB_RULE_EXCLAIM : 0) |
                   (a->n_quest > 1 ? VB_RULE_QUESTION : 0);
        c->modifier = u[i].by;
    }
    return VB_OK;
}
