/* error.h: filling a vb_error, the one way every loader reports what is
 * wrong and where. */
#ifndef VB_ERROR_H
#define VB_ERROR_H

#include "verbatim.h"

#include <stddef.h>

/* Sets every field of `err` (nothing when it is NULL): the status, the
 * file or directory concerned (NULL: none), the 1-based line (0: none)
 * and the message made from `fmt`. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
void vb_error_set(vb_error *err, vb_status code, const char *source, size_t line,
                  const char *fmt, ...);

#endif
