/* raw_copies.h: raw records copied out of the source, which drops a
 * record's bytes at its next call: vb_pipeline_next()'s read-ahead, and
 * the records held back until the input's columns are settled.
 *
 *     vb_raw_copies_clear(&c);
 *     while (...) if (vb_raw_copies_add(&c, &raw) != VB_OK) break;
 *     vb_raw_copies_place(&c, failed);   // then hand out c.raws[0..c.n)
 */
#ifndef VB_RAW_COPIES_H
#define VB_RAW_COPIES_H

#include "buf.h"
#include "verbatim.h"

typedef struct vb_raw_copies {
    const vb_allocator *alloc;
    vb_raw_record *raws; /* cap records */
    size_t *error_len;   /* each record's error message's length */
    vb_field *keep;      /* n_keep fields per record */
    vb_buf bytes;        /* the copies, each NUL-terminated */
    size_t cap, n_keep;
    size_t n, next; /* records copied, and handed out */
    vb_status end;  /* what the source said after them; VB_OK: not said */
} vb_raw_copies;

/* Room for `cap` records of `n_keep` kept fields each. VB_ENOMEM. */
vb_status vb_raw_copies_init(vb_raw_copies *c, const vb_allocator *a, size_t cap, size_t n_keep);
void vb_raw_copies_free(vb_raw_copies *c);

/* Forgets the records and what the source said after them. */
void vb_raw_copies_clear(vb_raw_copies *c);

/* Copies `raw` in as record c->n (n < cap). Not counted when its bytes
 * cannot be copied (VB_ENOMEM): vb_raw_copies_place() then keeps it. */
vb_status vb_raw_copies_add(vb_raw_copies *c, const vb_raw_record *raw);

/* Points the records' fields at their copies, once all are added (the
 * bytes move while they fill). `failed`, the status of a last add that
 * failed, keeps that record as a rejected one without its fields, so
 * that nothing read is lost. */
void vb_raw_copies_place(vb_raw_copies *c, vb_status failed);

#endif
