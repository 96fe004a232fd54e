/*
 * gen_model.h - the model of one survey response in verbatim-gen: the row's
 * context (channel, region, industry, month, the planted story, and the
 * product, staff member and rival it talks about) and what the customer says
 * about it (themes with a polarity) and the score they give.
 */
#ifndef GEN_MODEL_H
#define GEN_MODEL_H

#include "gen_bank.h"
#include "gen_rng.h"

/* Everything about a row that a phrase may depend on. */
typedef struct {
    int channel, region, industry; /* CH_*, 0..N_REGIONS-1, IN_* */
    int month;           /* 0-based month within the range */
    int late_north;      /* the planted delivery problem applies */
    int app_fixed;       /* the app has been fixed (month index >= 3) */
    const char *item;    /* one product per comment, so the story hangs together */
    const char *gadget;  /* an electrical product (the item itself if it is one) */
    const char *name;    /* one member of staff per comment */
    const char *rival;
} ctx_t;

typedef struct {
    int theme; /* T_* */
    int neg;   /* 1 = complaint, 0 = praise */
} mention_t;

typedef struct {
    mention_t m[6]; /* in the order they are written: up to 4 drawn, then churn */
    int n;          /* mentions used */
    int score;      /* NPS 0..10 */
    int n_neg, n_pos;
} response_t;

/* Chooses the things a comment talks about, once, so "Ordered a kettle" is
 * followed by "the kettle arrived broken", not by some other product. Needs
 * c->channel and c->industry. */
void ctx_pick_subjects(ctx_t *c, rng_t *r);

/* Draws the themes, their polarity and the score. Returns 0 for a comment that
 * mentions no theme (generic; resp->n is 0), 1 otherwise. */
int draw_response(rng_t *r, const ctx_t *c, response_t *resp);

#endif
