/* match.h: regular expressions for theme rules, the only module that sees
 * PCRE2.
 *
 * A vb_regex is compiled once (UTF + UCP + caseless, JIT when the platform
 * has it) and is then immutable: any number of threads may match it at
 * once. Each thread brings its own vb_regex_scratch (match data, a match
 * context carrying the limits, a JIT stack). Every match runs under a
 * match limit, a depth limit and a heap limit, so that no pattern, however
 * catastrophic, can hang a run: a match that hits a limit is reported as
 * VB_REGEX_LIMIT and the caller treats it as no match.
 */
#ifndef VB_MATCH_H
#define VB_MATCH_H

#include "verbatim.h"

/* The limits every match runs under (PCRE2's own defaults are 10^7 and
 * 20 MB; a theme rule over one sentence needs a tiny fraction of these). */
#define VB_REGEX_MATCH_LIMIT 1000000u  /* backtracking steps per match call */
#define VB_REGEX_DEPTH_LIMIT 10000u    /* nested backtracking depth (interpreter) */
#define VB_REGEX_HEAP_LIMIT_KIB 16384u /* interpreter backtracking memory */

typedef struct vb_regex vb_regex;
typedef struct vb_regex_scratch vb_regex_scratch;

/* Compiles `len` bytes of `pattern`. Returns VB_OK and *out; VB_EPARSE for
 * a bad pattern, with *err_offset (bytes into the pattern) and PCRE2's
 * message in `msg` (`msg_size` bytes, NUL-terminated); VB_ENOMEM. Every
 * allocation goes through `a`, which must outlive the regex (JIT code
 * itself is mapped by PCRE2). When JIT compilation is unavailable the
 * interpreter is used. */
vb_status vb_regex_compile(const char *pattern, size_t len, const vb_allocator *a,
                           vb_regex **out, size_t *err_offset, char *msg, size_t msg_size);
void vb_regex_free(vb_regex *re); /* NULL is a no-op */
bool vb_regex_is_jit(const vb_regex *re);

/* Per-thread match state. NULL when out of memory. `a` must outlive it. */
vb_regex_scratch *vb_regex_scratch_new(const vb_allocator *a);
void vb_regex_scratch_free(vb_regex_scratch *s); /* NULL is a no-op */

typedef enum vb_regex_result {
    VB_REGEX_NOMATCH = 0,
    VB_REGEX_MATCH,
    VB_REGEX_LIMIT /* a limit stopped the search: treat as no match */
} vb_regex_result;

/* Looks for the first match of `re` in `subject[0..len)` at or after byte
 * `start` (a character boundary). On VB_REGEX_MATCH, [*ms, *me) is the
 * match. `subject` must be valid UTF-8: it is not checked again. */
vb_regex_result vb_regex_find(const vb_regex *re, vb_regex_scratch *s, const char *subject,
                              size_t len, size_t start, size_t *ms, size_t *me);

#endif
