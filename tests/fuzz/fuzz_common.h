/* fuzz_common.h: what the fuzz targets share: a check that aborts (so
 * libFuzzer and the replay driver both see a crash), the chunk-size
 * generator that splits inputs "at random" but reproducibly (driven by the
 * input itself), a byte reader over the input, and paths for the
 * lexicons and scratch files.
 *
 * Every target defines LLVMFuzzerTestOneInput() and nothing else that
 * libFuzzer would look for; state that is expensive to build (lexicons,
 * a compiled taxonomy) is built once on first use and kept in statics,
 * so LeakSanitizer sees it as reachable. */
#ifndef VB_FUZZ_COMMON_H
#define VB_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef VB_FUZZ_DATA_DIR
#define VB_FUZZ_DATA_DIR "lexicons"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond);          \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* Reads the input front to back; past the end every read gives 0. */
typedef struct fuzz_in {
    const uint8_t *p;
    size_t n;
} fuzz_in;

static inline uint8_t fuzz_u8(fuzz_in *in)
{
    if (in->n == 0) return 0;
    in->n--;
    return *in->p++;
}

/* Up to `max` bytes (the first byte read gives the length). */
static inline size_t fuzz_bytes(fuzz_in *in, size_t max, const uint8_t **out)
{
    size_t len = fuzz_u8(in) % (max + 1);
    if (len > in->n) len = in->n;
    *out = in->p;
    in->p += len;
    in->n -= len;
    return len;
}

/* xorshift32; the state must not be 0. */
static inline uint32_t fuzz_rand(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

/* A seed for the chunk sizes, from the input itself. */
static inline uint32_t fuzz_seed(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size && i < 64; i++)
        h = (h ^ data[i]) * 16777619u;
    h ^= (uint32_t)size;
    return h != 0 ? h : 1;
}

/* The next chunk size (1..left): mostly tiny, sometimes large, so chunk
 * ends fall inside quotes, CRLFs, BOMs and UTF-8 sequences. */
static inline size_t fuzz_chunk(uint32_t *s, size_t left)
{
    const uint32_t r = fuzz_rand(s);
    static const size_t max[4] = {1, 3, 17, 1024};
    size_t n = 1 + (size_t)(r >> 8) % max[r & 3];
    return n < left ? n : left;
}

/* A growable string for transcripts, aborting when out of memory. */
typedef struct fuzz_str {
    char *p;
    size_t len, cap;
} fuzz_str;

static inline void fuzz_put(fuzz_str *s, const void *data, size_t len)
{
    if (s->len + len + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 256;
        while (cap < s->len + len + 1)
            cap *= 2;
        char *p = realloc(s->p, cap);
        FUZZ_CHECK(p != NULL);
        s->p = p;
        s->cap = cap;
    }
    if (len > 0) memcpy(s->p + s->len, data, len);
    s->len += len;
    s->p[s->len] = '\0';
}

static inline void fuzz_putf(fuzz_str *s, const char *fmt, size_t a, long b)
{
    char tmp[64];
    int n = snprintf(tmp, sizeof tmp, fmt, a, b);
    fuzz_put(s, tmp, (size_t)n);
}

static inline void fuzz_str_free(fuzz_str *s)
{
    free(s->p);
    s->p = NULL;
    s->len = s->cap = 0;
}

/* A per-process scratch path: $TMPDIR/vbfuzz-<pid>-<name>. */
static inline const char *fuzz_tmp_path(char *buf, size_t size, const char *name)
{
    const char *dir = getenv("TMPDIR");
    snprintf(buf, size, "%s/vbfuzz-%ld-%s", dir != NULL && *dir != '\0' ? dir : "/tmp",
             (long)getpid(), name);
    return buf;
}

static inline void fuzz_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, len, f) == len);
    FUZZ_CHECK(fclose(f) == 0);
}

#endif
