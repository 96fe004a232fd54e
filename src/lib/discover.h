/* discover.h: theme discovery (vb_discovery_*, declared in verbatim.h) and
 * the two log-likelihood statistics it scores candidates with, exposed for
 * the unit tests. */
#ifndef VB_DISCOVER_H
#define VB_DISCOVER_H

#include "verbatim.h"

#include <stdint.h>

/* Dunning's G² of a 2x2 contingency table: `a` of `n1` target documents
 * and `b` of `n2` reference documents mention a phrase.
 * G² = 2 Σ O ln(O/E) over the four cells, E from the margins; 0 when a
 * margin is empty. Always >= 0 (use the rates to tell the direction). */
double vb_discover_g2(double a, double n1, double b, double n2);

/* Collocation G² of one phrase: `observed` occurrences against `expected`
 * ones if its words were independent (the single-cell Poisson likelihood
 * ratio): 2 (O ln(O/E) - (O - E)) when O > E, else 0. */
double vb_discover_colloc_g2(double observed, double expected);

/* For tests: writes the distinct candidate keys of `rec` (stems joined by
 * ' '), sorted and separated by '|', into `out` (truncated to `cap`
 * bytes); counts nothing. Returns how many, or 0 with VB_ENOMEM in *st. */
size_t vb_discover_keys(vb_discovery *d, const vb_record *rec, char *out, size_t cap,
                        vb_status *st);

/* For tests: the Space-Saving counter and error of `key`; false when the
 * key is not in the table. *n_tracked gets the slots in use. */
bool vb_discover_lookup(const vb_discovery *d, const char *key, uint64_t *count,
                        uint64_t *error, size_t *n_tracked);

#endif
