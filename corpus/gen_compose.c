/*
 * gen_compose.c - turns a drawn response (gen_model.c) into the comment a
 * customer would type. It picks phrases that suit the row from the bank
 * (gen_bank.h: entries whose "TAGS|" fit the channel, industry and story),
 * fills their {slot}s, and joins them in one of three shapes: a one-liner or
 * non-answer when no theme was drawn; sentences with openers, connectors,
 * rant details and closers; or a list of short phrases ("Fast delivery,
 * friendly staff.", pros and cons, "- bullets"). Last it chooses the export
 * noise (lower case, typos, caps, entities, smart quotes, emoji), which
 * gen_text.c applies.
 */
#ifdef GEN_DEBUG
#include <stdio.h>
#endif
#include <string.h>

#include "gen_compose.h"

/* --- choosing and filling phrases --- */

static int tag_ok(char tag, const ctx_t *c)
{
    switch (tag) {
    case 'S': return c->channel == CH_STORE;
    case 'P': return c->channel == CH_PHONE;
    case 'C': return c->channel == CH_CHAT;
    case 'R': return c->channel == CH_PHONE || c->channel == CH_CHAT;
    case 'O': return c->channel == CH_WEB || c->channel == CH_APP;
    case 'W': return c->channel == CH_WEB;
    case 'A': return c->channel == CH_APP;
    case 'N': return c->channel != CH_STORE;
    case 'Y': return c->industry == IN_RETAIL;
    case 'T': return c->industry == IN_TELCO;
    case 'K': return c->industry == IN_BANK;
    case 'H': return c->industry == IN_HOTEL;
    case 'G': return c->industry == IN_RETAIL || c->industry == IN_TELCO;
    case 'X': return c->industry != IN_HOTEL;
    case 'F': return c->app_fixed;
    case 'B': return !c->app_fixed;
    default: return 1;
    }
}

/* Returns the text of entry `s` if it suits the context (its "TAGS|" prefix
 * stripped), else NULL. */
static const char *entry_ok(const char *s, const ctx_t *c)
{
    for (int k = 0; k < 4 && s[k] != '\0'; k++) {
        if (s[k] == '|') {
            for (int j = 0; j < k; j++)
                if (!tag_ok(s[j], c))
                    return NULL;
            return s + k + 1;
        }
    }
    return s;
}

/* Picks an entry of `b` that suits the context, with its tags stripped. */
static const char *pick(rng_t *r, const bank_t *b, const ctx_t *c)
{
    for (int tries = 0; tries < 8; tries++) {
        const char *s = entry_ok(b->s[rng_below(r, b->n)], c);
        if (s != NULL)
            return s;
    }
    /* Few entries fit: choose uniformly among those that do. */
    uint32_t n_ok = 0;
    for (uint32_t i = 0; i < b->n; i++)
        n_ok += entry_ok(b->s[i], c) != NULL;
    if (n_ok == 0)
        return NULL;
    uint32_t k = rng_below(r, n_ok);
    for (uint32_t i = 0; i < b->n; i++) {
        const char *s = entry_ok(b->s[i], c);
        if (s != NULL && k-- == 0)
            return s;
    }
    return NULL;
}

/* Any entry of a local array (pick_any() takes a bank_t). */
#define PICK(r, arr) ((arr)[rng_below((r), (uint32_t)NELEM(arr))])

/* A sum of money: `kind` 's' small (a coffee), 'b' big (a hotel night), else any. */
static void put_price(text_t *t, rng_t *r, char kind)
{
    static const char *const PENCE[] = { "", "", ".99", ".50", ".49", ".95", ".00" };
    static const char *const SMALL_PENCE[] = { ".50", ".95", ".99", ".20", ".75", "" };
    unsigned pounds;
    if (kind == 's') {
        pounds = 2 + rng_below(r, 8);
    } else if (kind == 'b') {
        pounds = 60 + rng_below(r, 340);
    } else {
        const uint32_t u = rng_below(r, 100);
        pounds = u < 50 ? 3 + rng_below(r, 40) : u < 85 ? 40 + rng_below(r, 160)
                                                        : 200 + rng_below(r, 600);
    }
    tputs(t, "£");
    tputu(t, pounds);
    tputs(t, kind == 's' ? PICK(r, SMALL_PENCE) : PICK(r, PENCE));
}

static void put_staff(text_t *t, rng_t *r, const ctx_t *c)
{
    switch (c->channel) {
    case CH_STORE:
        switch (c->industry) {
        case IN_TELCO: tputs(t, pick_any(r, &STAFF_STORE_TELCO)); break;
        case IN_BANK: tputs(t, pick_any(r, &STAFF_STORE_BANK)); break;
        case IN_HOTEL: tputs(t, pick_any(r, &STAFF_STORE_HOTEL)); break;
        default: tputs(t, pick_any(r, &STAFF_STORE_RETAIL)); break;
        }
        break;
    case CH_PHONE: tputs(t, pick_any(r, &STAFF_PHONE)); break;
    case CH_CHAT: tputs(t, pick_any(r, &STAFF_CHAT)); break;
    default:
        if (c->industry == IN_RETAIL || c->industry == IN_TELCO)
            tputs(t, pick_any(r, &STAFF_ONLINE_GOODS));
        else
            tputs(t, pick_any(r, &STAFF_ONLINE_OTHER));
        break;
    }
}

/* Appends `tmpl` with its {slot}s filled in. An empty filler also drops the
 * space after it, so "{int} rude" can become "rude". */
static void put_template(text_t *t, rng_t *r, const ctx_t *c, const char *tmpl)
{
    const char *s = tmpl;
    while (*s != '\0') {
        const char *brace = strchr(s, '{');
        if (brace == NULL) {
            tputs(t, s);
            return;
        }
        tput(t, s, (size_t)(brace - s));
        const char *end = strchr(brace, '}');
        const size_t n = (size_t)(end - brace - 1);
        const char *name = brace + 1;
        s = end + 1;
#define SLOT(lit) (n == sizeof(lit) - 1 && memcmp(name, lit, n) == 0)
        if (SLOT("int")) {
            const char *w = pick_any(r, &INTENSIFIERS);
            if (*w == '\0') {
                if (*s == ' ')
                    s++;
            } else {
                tputs(t, w);
            }
        } else if (SLOT("item")) {
            tputs(t, c->item);
        } else if (SLOT("gadget")) {
            tputs(t, c->gadget);
        } else if (SLOT("staff")) {
            put_staff(t, r, c);
        } else if (SLOT("name")) {
            tputs(t, c->name);
        } else if (SLOT("rival")) {
            tputs(t, c->rival);
        } else if (SLOT("price")) {
            put_price(t, r, 'a');
        } else if (SLOT("sprice")) {
            put_price(t, r, 's');
        } else if (SLOT("bprice")) {
            put_price(t, r, 'b');
        } else if (SLOT("mins")) {
            /* phone waits are long: the planted story */
            tputu(t, c->channel == CH_PHONE ? 35 + rng_below(r, 70) : 15 + rng_below(r, 40));
        } else if (SLOT("sdur")) {
            tputs(t, pick_any(r, &DURATIONS_SHORT));
        } else if (SLOT("ndays")) {
            tputu(t, 2 + rng_below(r, 20));
        } else if (SLOT("days")) {
            tputs(t, pick_any(r, &DURATIONS_DAYS));
        } else if (SLOT("times")) {
            tputs(t, pick_any(r, &TIMES));
        } else if (SLOT("day")) {
            tputs(t, pick_any(r, &DAYS));
        } else if (SLOT("years")) {
            tputu(t, 2 + rng_below(r, 24));
        } else if (SLOT("nth")) {
            tputs(t, pick_any(r, &NTH));
        } else if (SLOT("order")) {
            tputs(t, rng_below(r, 2) ? "#" : "");
            tputu(t, 1000000 + rng_below(r, 9000000));
        }
#undef SLOT
    }
}

/* --- composing --- */

enum { BAND_DETRACTOR, BAND_PASSIVE, BAND_PROMOTER };

static int band_of(int score)
{
    return score >= 9 ? BAND_PROMOTER : score >= 7 ? BAND_PASSIVE : BAND_DETRACTOR;
}

/* Like pick(), for banks where some context might find nothing: falls back to
 * a generic remark of the right polarity. */
static const char *pick_or(rng_t *r, const bank_t *b, const ctx_t *c, int neg)
{
    const char *s = pick(r, b, c);
    if (s != NULL)
        return s;
#ifdef GEN_DEBUG
    fprintf(stderr, "no entry fits: bank %s channel %d industry %d\n", b->s[0],
            c->channel, c->industry);
#endif
    return neg ? "it wasn't good enough" : "it was all good";
}

static const char *clause_for(rng_t *r, const mention_t *m, const ctx_t *c)
{
    const theme_t *t = &THEMES[m->theme];
    if (!m->neg)
        return pick_or(r, &t->pos, c, 0);
    if (m->theme == T_DELIVERY && c->industry != IN_BANK) {
        const int p_late = c->late_north ? 880 : 550;
        return pick_or(r, rng_chance(r, p_late) ? &t->neg : &DELIVERY_OTHER, c, 1);
    }
    return pick_or(r, &t->neg, c, 1);
}


static const char *fragment_for(rng_t *r, const mention_t *m, const ctx_t *c)
{
    const theme_t *t = &THEMES[m->theme];
    return pick_or(r, m->neg ? &t->fneg : &t->fpos, c, m->neg);
}

static const char *end_punct(rng_t *r, int band)
{
    static const char *const POS[] = { ".", ".", ".", "!", "!", "!!", "", "" };
    static const char *const MID[] = { ".", ".", ".", "", "", "...", "." };
    static const char *const NEG[] = { ".", ".", ".", "!", "!!", "!!!", "", "...", "?!" };
    return band == BAND_PROMOTER ? PICK(r, POS) : band == BAND_PASSIVE ? PICK(r, MID)
                                                                       : PICK(r, NEG);
}

static int ends_sentence(const text_t *t)
{
    if (t->len == 0)
        return 1;
    const char c = t->p[t->len - 1] == ' ' && t->len > 1 ? t->p[t->len - 2] : t->p[t->len - 1];
    return c == '.' || c == '!' || c == '?' || c == '\n';
}

static void put_opener(text_t *t, rng_t *r, const ctx_t *c, const response_t *resp, int band)
{
    const bank_t *b;
    if (rng_chance(r, 450)) {
        b = c->channel == CH_STORE ? &OPEN_STORE : c->channel == CH_PHONE ? &OPEN_PHONE
            : c->channel == CH_CHAT ? &OPEN_CHAT : &OPEN_ONLINE;
    } else if (resp->n_neg > 0 && resp->n_pos > 0) {
        b = &OPEN_MIXED;
    } else {
        b = band == BAND_PROMOTER || resp->n_neg == 0 ? &OPEN_POS : &OPEN_NEG;
    }
    put_template(t, r, c, pick_or(r, b, c, 0));
    tputs(t, " ");
}

/* Connectors start with a space (" but ") or with ". " to start a sentence.
 * They live here rather than in gen_bank.c because compose_sentences() avoids
 * repeating a connector by comparing pointers (conn == prev_conn). Equal
 * strings compare equal only where the compiler merged identical literals:
 * always within one file, across files only if the linker does (not under
 * ASan). Keeping the connectors and the fallback literals of
 * choose_connector() in one file keeps the output the same in every build. */
static const char *const contrast[] = {
    " but ", ", but ", ". However, ", "; however, ", ". But ", ". That said, ",
    ". On the other hand, ", ". Still, ", ". Having said that, ", " but ", ", but ",
    " - but ", "... but ", ". But ",
};
static const bank_t CONTRAST = BANK(contrast);
static const char *const contrast_to_neg[] = {
    ". Unfortunately ", ". Only downside: ", ". On the downside, ", ". Only complaint: ",
    ". Downside - ",
};
static const bank_t CONTRAST_TO_NEG = BANK(contrast_to_neg);
static const char *const contrast_to_pos[] = {
    ". On the plus side, ", ". To be fair, ", ". Credit where it's due, ", ". Luckily ",
    ". In fairness, ",
};
static const bank_t CONTRAST_TO_POS = BANK(contrast_to_pos);
static const char *const additive[] = {
    " and ", ", and ", ". Also ", ". ", ". ", ", plus ", ". And ", " and also ", ". Also, ",
    ", ", " - ", ". ", " and ",
};
static const bank_t ADDITIVE = BANK(additive);
static const char *const additive_neg[] = {
    ". On top of that, ", ". Not only that, ", ". To make it worse, ", ". And then ",
    ". And of course ",
};
static const bank_t ADDITIVE_NEG = BANK(additive_neg);
static const char *const additive_pos[] = {
    ". What's more, ", ". Plus ", ". And ", ". Also, ",
};
static const bank_t ADDITIVE_POS = BANK(additive_pos);

/* Picks a connector from `b` that starts a new sentence (". However, "), or
 * returns NULL if it finds none. */
static const char *sentence_connector(rng_t *r, const bank_t *b)
{
    for (int tries = 0; tries < 8; tries++) {
        const char *s = pick_any(r, b);
        if (s[0] == '.' && s[1] == ' ')
            return s;
    }
    return NULL;
}

/* Chooses the connector between mention i-1 and mention i. `after_stop` says
 * the text already ends a sentence (a rant detail like "Unacceptable."), and
 * `*contrasts` counts the contrasts so far: a second one starts a new sentence
 * rather than saying "X but Y but Z". */
static const char *choose_connector(rng_t *r, const response_t *resp, int i, int after_stop,
                                    int *contrasts)
{
    const mention_t *m = &resp->m[i];
    const bank_t *b;
    if (resp->m[i - 1].neg != m->neg) {
        if (rng_below(r, 100) < 75) {
            b = &CONTRAST;
        } else if (m->neg) {
            b = &CONTRAST_TO_NEG;
        } else {
            b = &CONTRAST_TO_POS;
        }
        const int again = (*contrasts)++ > 0;
        if (after_stop || again) {
            const char *s = sentence_connector(r, b);
            if (s == NULL)
                s = ". But ";
            return after_stop ? s + 1 : s; /* skip the '.' if the sentence ended */
        }
    } else if (m->neg && rng_chance(r, 250)) {
        b = &ADDITIVE_NEG;
    } else if (!m->neg && rng_chance(r, 150)) {
        b = &ADDITIVE_POS;
    } else {
        b = &ADDITIVE;
    }
    if (after_stop) {
        const char *s = sentence_connector(r, b);
        return s != NULL ? s + 1 : " ";
    }
    return pick_any(r, b);
}

/* Writes a comment in sentences: [opener] clause (connector clause)* [closer],
 * with detail sentences between clauses when the customer is ranting. */
static void compose_sentences(text_t *t, rng_t *r, const ctx_t *c, const response_t *resp)
{
    const int band = band_of(resp->score);
    const int rant = band == BAND_DETRACTOR && resp->n_neg >= 2 && rng_chance(r, 400);
    const int newlines = rng_chance(r, rant ? 250 : 40);
    const int closer = rant || rng_chance(r, 160);
    int after_stop = 0; /* the text ends with a finished sentence */
    int contrasts = 0;
    const char *prev_conn = NULL;
    const int opener = rant || rng_chance(r, 140);
    if (opener) {
        put_opener(t, r, c, resp, band);
        after_stop = 1;
    }
    for (int i = 0; i < resp->n; i++) {
        const mention_t *m = &resp->m[i];
        const size_t start = t->len;
        if (i == 0) {
            const uint32_t u = rng_below(r, 1000);
            if (resp->n >= 2 && resp->m[1].neg != m->neg && u < 90) {
                /* "Although X, Y" */
                tputs(t, rng_chance(r, 700) ? "Although " : "Even though ");
                put_template(t, r, c, clause_for(r, m, c));
                tputs(t, ", ");
                capitalise_from(t, start);
                contrasts++;
                i++;
                m = &resp->m[i];
            } else if (opener) {
                /* no "Honestly," straight after "Popped in on my lunch break." */
            } else if (u < 200) {
                tputs(t, pick_any(r, &PREFIX_ANY));
            } else if (u < 260) {
                tputs(t, m->neg ? pick_any(r, &PREFIX_NEG) : pick_any(r, &PREFIX_POS));
            }
        } else {
            const char *conn = choose_connector(r, resp, i, after_stop, &contrasts);
            if (conn == prev_conn) {
                contrasts -= resp->m[i - 1].neg != m->neg;
                conn = choose_connector(r, resp, i, after_stop, &contrasts);
            }
            prev_conn = conn;
            if (newlines && conn[0] == '.' && conn[1] == ' ') {
                tputs(t, rng_chance(r, 300) ? ".\n\n" : ".\n");
                tputs(t, conn + 2);
            } else if (newlines && after_stop && conn[0] == ' ') {
                tputs(t, "\n");
                tputs(t, conn + 1);
            } else {
                tputs(t, conn);
            }
        }
        const size_t clause_at = t->len;
        put_template(t, r, c, clause_for(r, m, c));
        if (i == 0 || after_stop)
            capitalise_from(t, start);
        if (clause_at >= 2) {
            /* a clause after a full stop starts a sentence */
            const char p = t->p[clause_at - 2], q = t->p[clause_at - 1];
            if (q == '\n' || (q == ' ' && (p == '.' || p == '!' || p == '?')))
                capitalise_from(t, clause_at);
        }
        after_stop = 0;
        if (rant && rng_chance(r, 350)) {
            tputs(t, end_punct(r, BAND_DETRACTOR));
            if (!ends_sentence(t))
                tputs(t, ".");
            tputs(t, " ");
            tputs(t, m->neg ? pick_any(r, &DETAIL_NEG) : pick_any(r, &DETAIL_POS));
            after_stop = 1;
        }
    }
    if (!after_stop) {
        tputs(t, end_punct(r, band));
        if (closer && !ends_sentence(t))
            tputs(t, ".");
    }
    if (closer) {
        tputs(t, newlines ? "\n" : " ");
        if (rant || band == BAND_DETRACTOR)
            put_template(t, r, c, pick_any(r, &CLOSE_DETRACTOR));
        else if (band == BAND_PASSIVE)
            put_template(t, r, c, pick_any(r, &CLOSE_PASSIVE));
        else
            put_template(t, r, c, pick_any(r, &CLOSE_PROMOTER));
    }
}

/* Writes a comment as a list of short phrases: "Fast delivery, friendly staff." */
static void compose_fragments(text_t *t, rng_t *r, const ctx_t *c, const response_t *resp)
{
    const int band = band_of(resp->score);
    const uint32_t u = rng_below(r, 1000);
    if (u < 80 && resp->n >= 2) {
        /* bullet list, as pasted from a notes app */
        for (int i = 0; i < resp->n; i++) {
            tputs(t, i == 0 ? "- " : "\n- ");
            put_template(t, r, c, fragment_for(r, &resp->m[i], c));
        }
        return;
    }
    if (u < 250 && resp->n_neg > 0 && resp->n_pos > 0) {
        static const char *const GOOD[] = { "Good: ", "Pros: ", "Positives: ", "+ " };
        static const char *const BAD[] = { " Bad: ", " Cons: ", " Negatives: ", " / - " };
        const int k = (int)rng_below(r, 4);
        for (int pass = 0; pass < 2; pass++) {
            tputs(t, pass == 0 ? GOOD[k] : BAD[k]);
            int first = 1;
            for (int i = 0; i < resp->n; i++) {
                if (resp->m[i].neg != pass)
                    continue;
                if (!first)
                    tputs(t, ", ");
                put_template(t, r, c, fragment_for(r, &resp->m[i], c));
                first = 0;
            }
            if (k != 3)
                tputs(t, ".");
        }
        return;
    }
    const size_t start = t->len;
    for (int i = 0; i < resp->n; i++) {
        if (i > 0) {
            if (resp->m[i - 1].neg != resp->m[i].neg) {
                static const char *const C[] = { " but ", ", but ", ". But ", " - ", ", " };
                tputs(t, PICK(r, C));
            } else {
                static const char *const A[] = { ", ", ", ", " and ", ", ", " & ", ". ", " + " };
                tputs(t, i == resp->n - 1 && rng_chance(r, 300) ? " and " : PICK(r, A));
            }
        }
        const size_t at = t->len;
        put_template(t, r, c, fragment_for(r, &resp->m[i], c));
        if (at >= 2 && t->p[at - 2] == '.')
            capitalise_from(t, at);
    }
    if (rng_chance(r, 700))
        capitalise_from(t, start);
    tputs(t, end_punct(r, band));
}

void make_comment(text_t *out, text_t *tmp, rng_t *r, const ctx_t *c, const response_t *resp,
                  int themed)
{
    out->len = 0;
    tmp->len = 0;
    const int band = band_of(resp->score);
    if (!themed) {
        /* no theme: empty, "n/a" or a one-liner */
        const uint32_t u = rng_below(r, 1000);
        if (u < 270)
            return; /* about 3 % of all rows */
        if (u < 470) {
            tputs(out, pick_any(r, &GENERIC_NONE));
            return;
        }
        tputs(tmp, band == BAND_PROMOTER ? pick_any(r, &GENERIC_PROMOTER)
                   : band == BAND_PASSIVE ? pick_any(r, &GENERIC_PASSIVE)
                                          : pick_any(r, &GENERIC_DETRACTOR));
    } else if (rng_chance(r, 11)) {
        tputs(out, band == BAND_PROMOTER ? pick_any(r, &FOREIGN_PROMOTER)
                   : band == BAND_PASSIVE ? pick_any(r, &FOREIGN_PASSIVE)
                                          : pick_any(r, &FOREIGN_DETRACTOR));
        return;
    } else if (rng_chance(r, 200)) {
        compose_fragments(tmp, r, c, resp);
    } else {
        compose_sentences(tmp, r, c, resp);
    }

    int flags = 0;
    const uint32_t u = rng_below(r, 1000);
    if (u < 90)
        flags |= ST_LOWER | (rng_chance(r, 600) ? ST_NOPUNCT : 0);
    else if (band == BAND_DETRACTOR && u < 90 + 50)
        flags |= ST_CAPS;
    if (rng_chance(r, 80))
        flags |= ST_TYPOS;
    if (rng_chance(r, 12))
        flags |= ST_HTML;
    else if (rng_chance(r, 50))
        flags |= ST_SMARTQ;
    restyle(out, tmp, r, flags);

    if (rng_chance(r, 60)) {
        /* trailing emoji or emoticon, matching the mood */
        const char *e = band == BAND_PROMOTER ? pick_any(r, &EMOJI_POS)
                        : band == BAND_PASSIVE ? pick_any(r, &EMOJI_MID)
                                               : pick_any(r, &EMOJI_NEG);
        if (out->len > 0 && !rng_chance(r, 100))
            tputs(out, " ");
        tputs(out, e);
    }
}
