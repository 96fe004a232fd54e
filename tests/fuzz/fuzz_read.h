/* fuzz_read.h: reading one input through vb_source whole and in chunks,
 * as a transcript of every record, for fuzz_csv.c, fuzz_jsonl.c and
 * fuzz_source.c. */
#ifndef VB_FUZZ_READ_H
#define VB_FUZZ_READ_H

#include "fuzz_common.h"

#include "source.h"

static inline void put_field(fuzz_str *t, const char *tag, const vb_field *f)
{
    fuzz_put(t, tag, strlen(tag));
    if (f->data == NULL) {
        fuzz_put(t, "-", 1);
        return;
    }
    fuzz_putf(t, "%zu[", f->len, 0);
    fuzz_put(t, f->data, f->len);
    fuzz_put(t, "]", 1);
}

static inline vb_status drain(vb_source *s, const vb_source_spec *spec, size_t max_field,
                              fuzz_str *t, size_t *last_line)
{
    vb_source_record rec;
    vb_status st;
    while ((st = vb_source_next(s, &rec)) == VB_OK) {
        FUZZ_CHECK(rec.line >= *last_line); /* a JSON array's elements may share one */
        *last_line = rec.line;
        fuzz_putf(t, "\nL%zu S%ld ", rec.line, (long)rec.status);
        if (rec.status != VB_OK) {
            FUZZ_CHECK(rec.error != NULL && rec.error[0] != '\0');
            FUZZ_CHECK(rec.text.data == NULL);
            continue;
        }
        FUZZ_CHECK(rec.text.data != NULL);
        FUZZ_CHECK(rec.text.len <= max_field);
        put_field(t, "t=", &rec.text);
        put_field(t, " id=", &rec.id);
        for (size_t i = 0; i < spec->n_keep_cols; i++) {
            FUZZ_CHECK(rec.keep[i].data == NULL || rec.keep[i].len <= max_field);
            put_field(t, " k=", &rec.keep[i]);
        }
    }
    return st;
}

/* Reads `data` in chunks (seed 0: all at once) and returns the transcript
 * in *t. */
static inline void read_all(const vb_source_spec *spec, const uint8_t *data, size_t size,
                            uint32_t seed, fuzz_str *t)
{
    vb_error err = {0};
    vb_source *s = vb_source_new(spec, NULL, &err);
    if (s == NULL) {
        fuzz_putf(t, "NEW %zu %ld", 0, (long)err.code);
        return;
    }
    const size_t max_field = spec->max_field_bytes > 0 ? spec->max_field_bytes : (size_t)-1;
    size_t pos = 0, last_line = 0;
    vb_status st = VB_AGAIN;
    while (pos < size && st == VB_AGAIN) {
        const size_t n = seed == 0 ? size : fuzz_chunk(&seed, size - pos);
        st = vb_source_feed(s, (const char *)data + pos, n);
        FUZZ_CHECK(st == VB_OK || st == VB_EINVAL || st == VB_EPARSE || st == VB_ELIMIT);
        if (st != VB_OK) break;
        pos += n;
        st = drain(s, spec, max_field, t, &last_line);
    }
    if (st == VB_AGAIN) {
        st = vb_source_finish(s);
        if (st == VB_OK) st = drain(s, spec, max_field, t, &last_line);
    }
    FUZZ_CHECK(st != VB_OK && st != VB_AGAIN && st != VB_ENOMEM);
    fuzz_putf(t, "\nEND format %zu status %ld", (size_t)vb_source_format(s), (long)st);
    if (st != VB_DONE) FUZZ_CHECK(vb_source_errmsg(s)[0] != '\0');
    vb_source_free(s);
}

/* Reads `data` whole and in chunks; the transcripts must be equal. */
static inline void read_twice(const vb_source_spec *spec, const uint8_t *data, size_t size)
{
    fuzz_str whole = {0}, chunked = {0};
    read_all(spec, data, size, 0, &whole);
    read_all(spec, data, size, fuzz_seed(data, size), &chunked);
    if (whole.len != chunked.len || memcmp(whole.p, chunked.p, whole.len) != 0) {
        fprintf(stderr, "whole:%s\nchunked:%s\n", whole.p, chunked.p);
        FUZZ_CHECK(!"chunking changed the records");
    }
    fuzz_str_free(&whole);
    fuzz_str_free(&chunked);
}

#endif
