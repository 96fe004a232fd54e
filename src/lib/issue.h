/* issue.h: the messages for a bad field of a row (vb_report_issue), in one
 * wording wherever a score, weight or date is read: report (from an
 * export or from analyze's output) and themes discover. */
#ifndef VB_ISSUE_H
#define VB_ISSUE_H

#include "verbatim.h"

#include <stdbool.h>
#include <stddef.h>

/* True when the value is missing or blanks only (spaces, tabs, CR): what
 * a report calls "missing". */
bool vb_issue_blank(const char *s, size_t len);

/* Adds an issue to issues[*n], unless VB_REPORT_MAX_ISSUES are there:
 * the column `field` and `what` was wrong, followed by the value quoted
 * (at most 40 bytes, cut on a character boundary, quotes and control
 * characters escaped) when `value` is not NULL. */
void vb_issue_add(vb_report_issue *issues, size_t *n, const char *field, const char *what,
                  const char *value, size_t len);

/* Adds "not a number" for `value`, read with decimal mark `mark`; where
 * the value is a number with the other mark ("4,5" read with '.'), the
 * message says which mark was expected. */
void vb_issue_not_number(vb_report_issue *issues, size_t *n, const char *field, const char *value,
                         size_t len, char mark);

/* Adds why `value` is no score: "not a number nor a score label" when
 * score labels were given (`labelled`); for words alone ("Very likely")
 * that a label would read, a pointer to --score-label; else as
 * vb_issue_not_number(). */
void vb_issue_not_score(vb_report_issue *issues, size_t *n, const char *field, const char *value,
                        size_t len, char mark, bool labelled);

#endif
