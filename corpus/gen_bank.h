/*
 * gen_bank.h - the phrase bank of verbatim-gen: every string a comment can be
 * built from, the theme table that ties phrases to the response model, and the
 * population weights (channel, region, industry, hour of day). Data only; the
 * bank is CC0 (see corpus/README.md). gen_bank.c holds the slot fillers,
 * openers, closers and population tables; gen_bank_themes.c the clauses and
 * fragments of each theme and the theme table; gen_compose.c the connectors
 * (" but ", ". However, "), which must share a file with the code that
 * compares them.
 *
 * Clauses start in lower case (they may follow "but"); sentence starts are
 * capitalised when placed. {slot}s are filled at random (put_template() in
 * gen_compose.c). An optional "TAGS|" prefix restricts an entry; every tag must
 * hold:
 *   channel  S store, P phone, C chat, R phone or chat, O web or app,
 *            W web, A app, N not store
 *   industry Y retail, T telco, K bank, H hotel, G retail or telco (goods),
 *            X not hotel
 *   story    F the app has been fixed, B it has not
 * Untagged entries suit every row.
 *
 * Any edit here changes the output: regenerate corpus/sample.csv and its
 * checksum in corpus/README.md.
 */
#ifndef GEN_BANK_H
#define GEN_BANK_H

#include <stdint.h>

#include "gen_rng.h"

/* A list of phrases. */
typedef struct {
    const char *const *s; /* entries, possibly "TAGS|"-prefixed */
    uint32_t n;           /* number of entries, > 0 */
} bank_t;

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define BANK(a) { a, (uint32_t)NELEM(a) }

/* Any entry of `b`, uniformly. Ignores tags: for untagged banks only. */
static inline const char *pick_any(rng_t *r, const bank_t *b)
{
    return b->s[rng_below(r, b->n)];
}

enum {
    T_STAFF_ATT, T_STAFF_KNOW, T_WAIT, T_PRICE, T_BILLING, T_QUALITY, T_DELIVERY,
    T_ACCURACY, T_AVAIL, T_CLEAN, T_DIGITAL, T_COMMS, T_RESOLUTION, T_EFFORT,
    T_ENVIRON, T_RETURNS, T_CHURN, N_THEMES
};
enum { CH_WEB, CH_APP, CH_STORE, CH_PHONE, CH_CHAT, N_CHANNELS };
enum { IN_RETAIL, IN_TELCO, IN_BANK, IN_HOTEL, N_INDUSTRIES };
enum { N_REGIONS = 5 };
enum { R_NORTH = 0 };
#define N_DRAWN_THEMES T_CHURN /* churn is added from the score, not drawn */

typedef struct {
    bank_t neg, pos, fneg, fpos;       /* clauses and fragments by polarity */
    int weight[N_CHANNELS];            /* relative mention rate per channel */
    int p_neg;                         /* per mille, before disposition */
    int imp_neg, imp_pos;              /* effect on the score, 1/100 points */
} theme_t;

/* --- themes (gen_bank_themes.c) --- */
extern const theme_t THEMES[N_THEMES];
/* Delivery complaints other than lateness (damaged, never arrived, courier). */
extern const bank_t DELIVERY_OTHER;
/* Mention rate of each theme by industry, percent of the retail rate. */
extern const int INDUSTRY_MULT[N_INDUSTRIES][N_DRAWN_THEMES];
extern const int INDUSTRY_WEIGHTS[N_INDUSTRIES];

/* --- slot fillers (gen_bank.c) --- */
extern const bank_t INTENSIFIERS;
/* Retail items; the first N_GADGETS are electrical (they break, have batteries). */
extern const bank_t ITEMS;
enum { N_GADGETS = 17 };
extern const bank_t TELCO_ITEMS, NAMES;
extern const bank_t STAFF_STORE_RETAIL, STAFF_STORE_TELCO, STAFF_STORE_BANK, STAFF_STORE_HOTEL,
    STAFF_PHONE, STAFF_CHAT, STAFF_ONLINE_GOODS, STAFF_ONLINE_OTHER;
extern const bank_t RIVALS_RETAIL, RIVALS_TELCO, RIVALS_BANK, RIVALS_HOTEL;
extern const bank_t DURATIONS_SHORT, DURATIONS_DAYS, TIMES, DAYS, NTH;

/* --- comments without a theme --- */
extern const bank_t GENERIC_PROMOTER, GENERIC_PASSIVE, GENERIC_DETRACTOR, GENERIC_NONE;

/* --- openers, connectors, closers --- */
extern const bank_t PREFIX_ANY, PREFIX_NEG, PREFIX_POS;
extern const bank_t OPEN_NEG, OPEN_POS, OPEN_MIXED, OPEN_STORE, OPEN_PHONE, OPEN_CHAT,
    OPEN_ONLINE;
/* (The connectors, " but ", ". However, ", are in gen_compose.c.) */
extern const bank_t DETAIL_NEG, DETAIL_POS;
extern const bank_t CLOSE_PROMOTER, CLOSE_PASSIVE, CLOSE_DETRACTOR;
extern const bank_t EMOJI_POS, EMOJI_NEG, EMOJI_MID;
/* Whole comments in other languages, by score band. */
extern const bank_t FOREIGN_PROMOTER, FOREIGN_PASSIVE, FOREIGN_DETRACTOR;

/* --- the population --- */
extern const char *const CHANNEL_NAMES[N_CHANNELS];
extern const int CHANNEL_WEIGHTS[N_CHANNELS];
extern const char *const REGION_NAMES[N_REGIONS];
extern const int REGION_WEIGHTS[N_REGIONS];
/* Responses by hour of day (local time), relative. */
extern const int HOUR_WEIGHTS[24];

#endif
