/* quotes.h: bounded, mergeable top-k lists of representative comments. */
#ifndef VB_QUOTES_H
#define VB_QUOTES_H

#include "agg.h"

/* A comment offered to a theme's lists; nothing is copied unless kept. */
typedef struct vb_quote_offer {
    const char *text;
    size_t len;
    const vb_range *spans; /* may be NULL */
    size_t n_spans;
    const char *id;
    size_t id_len;
    const char *segment; /* NULL without a segment column */
    size_t segment_len;
    double sentiment;
    bool has_time;
    int64_t time;
    /* The folded text's key, set by the first vb_quote_offer_to() that
     * needs it: one comment offered to several themes is hashed once. */
    bool has_key;
    uint64_t key;
} vb_quote_offer;

/* Offers a comment to the theme's positive and negative lists. The lists
 * keep, per direction, the best VB_QUOTE_KEEP distinct comments by: the
 * strength of the sentiment in that direction (in steps of 0.25), then
 * short comments (200 bytes at most) first, then the most recent, then a
 * hash of the folded text, the id and the segment: a total order, so the
 * result does not depend on the order of offers or merges. VB_ENOMEM. */
vb_status vb_quote_offer_to(const vb_allocator *a, vb_agg_theme *t, vb_quote_offer *q);

/* Offers a copy of a kept quote from another state (vb_agg_merge). */
vb_status vb_quote_merge_list(const vb_allocator *a, vb_quote_list *into, const vb_quote_list *from,
                              int dir);

void vb_quote_list_free(const vb_allocator *a, vb_quote_list *l);

/* True when two quotes say nearly the same: the same folded text, or
 * word sets whose Jaccard similarity is at least 0.8. */
bool vb_quote_near_duplicate(const vb_quote *a, const vb_quote *b);

#endif
