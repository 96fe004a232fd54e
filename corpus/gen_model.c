/*
 * gen_model.c - the small causal model behind each row of verbatim-gen. Given
 * the row's context it draws a latent disposition, one to four themes (without
 * replacement, at rates set by channel and industry), a polarity for each, and
 * a score that those themes drive, plus noise; churn threats and loyalty are
 * added at the extremes. The planted story (late deliveries in the North, the
 * app fixed from the fourth month, long holds on the phone) lives in
 * theme_params(). gen_compose.c then turns the drawn response into words.
 */
#include "gen_model.h"

void ctx_pick_subjects(ctx_t *c, rng_t *r)
{
    if (c->industry == IN_TELCO) {
        c->item = c->gadget = pick_any(r, &TELCO_ITEMS);
    } else {
        const uint32_t i = rng_below(r, ITEMS.n);
        c->item = ITEMS.s[i];
        c->gadget = i < N_GADGETS ? ITEMS.s[i] : ITEMS.s[rng_below(r, N_GADGETS)];
    }
    c->name = pick_any(r, &NAMES);
    switch (c->industry) {
    case IN_TELCO: c->rival = pick_any(r, &RIVALS_TELCO); break;
    case IN_BANK: c->rival = pick_any(r, &RIVALS_BANK); break;
    case IN_HOTEL: c->rival = pick_any(r, &RIVALS_HOTEL); break;
    default: c->rival = pick_any(r, &RIVALS_RETAIL); break;
    }
}

/* Mention rate (relative) and complaint probability (per mille) of a theme in a
 * context. This is where the planted story lives. */
static void theme_params(int th, const ctx_t *c, int *weight, int *p_neg, int *imp_neg)
{
    const theme_t *t = &THEMES[th];
    *weight = t->weight[c->channel] * INDUSTRY_MULT[c->industry][th] / 10;
    if (c->industry == IN_HOTEL && (th == T_CLEAN || th == T_ENVIRON))
        *weight = 250; /* guests talk about the room whatever channel they booked by */
    *p_neg = t->p_neg;
    *imp_neg = t->imp_neg;
    if (th == T_DELIVERY && c->late_north) {
        *weight *= 4;          /* late delivery in the North, last two months */
        *p_neg = 880;
        *imp_neg = -400;
    } else if (th == T_DIGITAL && c->app_fixed) {
        *weight = *weight * 55 / 100;  /* the app was fixed after month 3 */
        *p_neg = 220;
    } else if (th == T_WAIT && c->channel == CH_PHONE) {
        *p_neg = 800;          /* long holds on the phone line */
        *imp_neg = -320;
    }
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static int noise100(rng_t *r)
{
    return (int)rng_below(r, 200) + (int)rng_below(r, 200) + (int)rng_below(r, 200) - 300;
}

/* Latent score (1/100 points) to 0..10. Above 8.8 the scale is compressed, as
 * happy customers split between 9 and 10 rather than all giving 10. */
static int score_of(int s100)
{
    if (s100 < 0)
        return 0;
    if (s100 > 880)
        s100 = 880 + (s100 - 880) * 45 / 100;
    return clampi((s100 + 50) / 100, 0, 10);
}

int draw_response(rng_t *r, const ctx_t *c, response_t *resp)
{
    const int d = rng_normal100(r); /* disposition, N(0,1) x 100 */
    resp->n = resp->n_neg = resp->n_pos = 0;
    if (rng_chance(r, 110)) {
        resp->score = score_of(850 + d * 160 / 100 + noise100(r));
        return 0;
    }
    static const int N_WEIGHTS[4] = { 46, 34, 15, 5 };
    const int want = 1 + rng_weighted(r, N_WEIGHTS, 4);
    int w[N_DRAWN_THEMES], pn[N_DRAWN_THEMES], imp[N_DRAWN_THEMES];
    for (int i = 0; i < N_DRAWN_THEMES; i++)
        theme_params(i, c, &w[i], &pn[i], &imp[i]);
    int s = 920 + d * 60 / 100 + noise100(r);
    for (int k = 0; k < want; k++) {
        int total = 0;
        for (int i = 0; i < N_DRAWN_THEMES; i++)
            total += w[i];
        if (total == 0)
            break;
        const int th = rng_weighted(r, w, N_DRAWN_THEMES);
        w[th] = 0; /* without replacement */
        const int p = clampi(pn[th] - d * 250 / 100, 20, 980);
        const int neg = rng_chance(r, p);
        resp->m[resp->n].theme = th;
        resp->m[resp->n].neg = neg;
        resp->n++;
        s += neg ? imp[th] : THEMES[th].imp_pos;
        if (neg)
            resp->n_neg++;
        else
            resp->n_pos++;
    }
    /* Threats to leave come with very low scores, loyalty with very high ones. */
    if ((s < 450 && rng_chance(r, 300)) || (s >= 1000 && rng_chance(r, 60))) {
        const int neg = s < 450;
        resp->m[resp->n].theme = T_CHURN;
        resp->m[resp->n].neg = neg;
        resp->n++;
        s += neg ? THEMES[T_CHURN].imp_neg : THEMES[T_CHURN].imp_pos;
        if (neg)
            resp->n_neg++;
        else
            resp->n_pos++;
    }
    resp->score = score_of(s);
    return 1;
}
