/* match.c: PCRE2 behind match.h, the only file that includes pcre2.h.
 *
 * Theme rules may carry regular expressions over the normalised text of a
 * sentence (themes.c builds that text). Patterns are compiled here once,
 * at taxonomy load, and shared read-only by every pipeline; each pipeline
 * owns a scratch with its match data, a match context and a JIT stack.
 *
 * PCRE2 allocates through a general context whose functions forward to the
 * caller's vb_allocator. The context's data also records whether one of
 * our allocations failed, which is how a failed JIT compilation is told
 * apart: out of our memory is VB_ENOMEM (so allocation-failure tests see
 * every path), anything else (no JIT on this CPU, no executable memory)
 * falls back to the interpreter, which obeys the same limits.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "match.h"

#include "alloc.h"

#include <stdio.h>
#include <string.h>

#define MAX_PATTERN_BYTES 4096
#define JIT_STACK_START_BYTES ((size_t)32 << 10)
#define JIT_STACK_MAX_BYTES ((size_t)512 << 10)

/* What PCRE2's memory functions see as their data. */
typedef struct re_mem {
    const vb_allocator *alloc;
    bool failed; /* one of our allocations returned NULL */
} re_mem;

struct vb_regex {
    re_mem mem;        /* PCRE2 keeps a pointer to it, for pcre2_code_free() */
    pcre2_code *code;
    bool jit;
};

struct vb_regex_scratch {
    re_mem mem;
    pcre2_general_context *gctx;
    pcre2_match_context *mctx;
    pcre2_match_data *md;
    pcre2_jit_stack *jit_stack;
};

static void *re_malloc(PCRE2_SIZE size, void *data)
{
    re_mem *m = data;
    void *p = vb_malloc(m->alloc, size);
    if (p == NULL)
        m->failed = true;
    return p;
}

static void re_free(void *ptr, void *data)
{
    re_mem *m = data;
    vb_free(m->alloc, ptr);
}

vb_status vb_regex_compile(const char *pattern, size_t len, const vb_allocator *a,
                           vb_regex **out, size_t *err_offset, char *msg, size_t msg_size)
{
    *out = NULL;
    *err_offset = 0;
    if (msg_size > 0)
        msg[0] = '\0';
    if (len > MAX_PATTERN_BYTES) {
        snprintf(msg, msg_size, "pattern longer than %d bytes", MAX_PATTERN_BYTES);
        return VB_EPARSE;
    }
    vb_regex *re = vb_calloc(a, 1, sizeof *re);
    if (re == NULL)
        return VB_ENOMEM;
    re->mem.alloc = a;
    vb_status st = VB_ENOMEM;
    pcre2_general_context *gctx = pcre2_general_context_create(re_malloc, re_free, &re->mem);
    pcre2_compile_context *cctx = gctx != NULL ? pcre2_compile_context_create(gctx) : NULL;
    if (cctx == NULL)
        goto fail;

    int errcode;
    PCRE2_SIZE offset;
    const uint32_t options =
        PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_NEVER_BACKSLASH_C;
    re->code = pcre2_compile((PCRE2_SPTR)pattern, len, options, &errcode, &offset, cctx);
    if (re->code == NULL) {
        if (errcode == PCRE2_ERROR_NOMEMORY || re->mem.failed)
            goto fail;
        PCRE2_UCHAR buf[256];
        if (pcre2_get_error_message(errcode, buf, sizeof buf) < 0)
            snprintf((char *)buf, sizeof buf, "error %d", errcode);
        snprintf(msg, msg_size, "%s", (const char *)buf);
        *err_offset = offset;
        st = VB_EPARSE;
        goto fail;
    }
    uint32_t have_jit = 0;
    pcre2_config(PCRE2_CONFIG_JIT, &have_jit);
    if (have_jit) {
        re->mem.failed = false;
        int rc = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
        if (rc == 0)
            re->jit = true;
        else if (re->mem.failed)
            goto fail; /* our allocator said no: a real out-of-memory */
    }
    pcre2_compile_context_free(cctx);
    pcre2_general_context_free(gctx);
    *out = re;
    return VB_OK;

fail:
    pcre2_compile_context_free(cctx);
    pcre2_general_context_free(gctx);
    vb_regex_free(re);
    return st;
}

void vb_regex_free(vb_regex *re)
{
    if (re == NULL)
        return;
    pcre2_code_free(re->code);
    vb_free(re->mem.alloc, re);
}

bool vb_regex_is_jit(const vb_regex *re)
{
    return re->jit;
}

vb_regex_scratch *vb_regex_scratch_new(const vb_allocator *a)
{
    vb_regex_scratch *s = vb_calloc(a, 1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->mem.alloc = a;
    s->gctx = pcre2_general_context_create(re_malloc, re_free, &s->mem);
    if (s->gctx == NULL)
        goto fail;
    s->mctx = pcre2_match_context_create(s->gctx);
    /* Only the whole match is needed: one pair of offsets serves every
     * pattern (a return of 0 then still means a match). */
    s->md = pcre2_match_data_create(1, s->gctx);
    if (s->mctx == NULL || s->md == NULL)
        goto fail;
    pcre2_set_match_limit(s->mctx, VB_REGEX_MATCH_LIMIT);
    pcre2_set_depth_limit(s->mctx, VB_REGEX_DEPTH_LIMIT);
    pcre2_set_heap_limit(s->mctx, VB_REGEX_HEAP_LIMIT_KIB);
    uint32_t have_jit = 0;
    pcre2_config(PCRE2_CONFIG_JIT, &have_jit);
    if (have_jit) {
        s->jit_stack = pcre2_jit_stack_create(JIT_STACK_START_BYTES, JIT_STACK_MAX_BYTES, s->gctx);
        if (s->jit_stack == NULL)
            goto fail;
        pcre2_jit_stack_assign(s->mctx, NULL, s->jit_stack);
    }
    return s;

fail:
    vb_regex_scratch_free(s);
    return NULL;
}

void vb_regex_scratch_free(vb_regex_scratch *s)
{
    if (s == NULL)
        return;
    pcre2_jit_stack_free(s->jit_stack);
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    pcre2_general_context_free(s->gctx);
    vb_free(s->mem.alloc, s);
}

vb_regex_result vb_regex_find(const vb_regex *re, vb_regex_scratch *s, const char *subject,
                              size_t len, size_t start, size_t *ms, size_t *me)
{
    int rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK, s->md,
                         s->mctx);
    if (rc >= 0) {
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
        *ms = ov[0];
        *me = ov[1];
        /* \K in a lookbehind can put the start after the end. */
        if (*me < *ms)
            *me = *ms;
        return VB_REGEX_MATCH;
    }
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
        return VB_REGEX_NOMATCH;
    /* PCRE2_ERROR_MATCHLIMIT, _DEPTHLIMIT, _HEAPLIMIT, _JIT_STACKLIMIT,
     * _NOMEMORY: the search was cut off. */
    return VB_REGEX_LIMIT;
}
