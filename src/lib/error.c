/* error.c: see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

void vb_error_set(vb_error *err, vb_status code, const char *source, size_t line,
                  const char *fmt, ...)
{
    if (err == NULL)
        return;
    err->code = code;
    snprintf(err->source, sizeof err->source, "%s", source != NULL ? source : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}
