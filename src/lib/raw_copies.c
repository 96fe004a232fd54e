/* raw_copies.c: raw records copied out of the source (raw_copies.h). */
#include "raw_copies.h"

#include "alloc.h"
#include "error.h"

#include <string.h>

vb_status vb_raw_copies_init(vb_raw_copies *c, const vb_allocator *a, size_t cap, size_t n_keep)
{
    memset(c, 0, sizeof *c);
    c->alloc = a;
    c->cap = cap;
    c->n_keep = n_keep;
    vb_buf_init(&c->bytes, a, (size_t)-1 / 2);
    c->raws = vb_calloc(a, cap, sizeof *c->raws);
    c->error_len = vb_calloc(a, cap, sizeof *c->error_len);
    c->keep = n_keep > 0 ? vb_calloc(a, cap * n_keep, sizeof *c->keep) : NULL;
    if (c->raws == NULL || c->error_len == NULL || (n_keep > 0 && c->keep == NULL))
        return VB_ENOMEM;
    return VB_OK;
}

void vb_raw_copies_free(vb_raw_copies *c)
{
    if (c->alloc == NULL) return;
    vb_buf_free(&c->bytes);
    vb_free(c->alloc, c->raws);
    vb_free(c->alloc, c->error_len);
    vb_free(c->alloc, c->keep);
    memset(c, 0, sizeof *c);
}

void vb_raw_copies_clear(vb_raw_copies *c)
{
    c->n = c->next = 0;
    c->end = VB_OK;
    vb_buf_reset(&c->bytes);
}

static vb_status copy_field(vb_buf *b, const vb_field *f)
{
    if (f->data == NULL) return VB_OK;
    vb_status st = vb_buf_append(b, f->data, f->len);
    return st != VB_OK ? st : vb_buf_putc(b, '\0');
}

/* Points a copied field at its copy, which starts at *at. */
static void place_field(const vb_buf *b, vb_field *f, size_t *at)
{
    if (f->data == NULL) return;
    f->data = b->data + *at;
    *at += f->len + 1;
}

vb_status vb_raw_copies_add(vb_raw_copies *c, const vb_raw_record *raw)
{
    vb_raw_record *copy = &c->raws[c->n];
    *copy = *raw;
    vb_field *keep = c->keep + c->n * c->n_keep;
    for (size_t k = 0; k < raw->n_keep; k++)
        keep[k] = raw->keep[k];
    copy->keep = keep;
    c->error_len[c->n] = raw->error != NULL ? strlen(raw->error) : 0;
    const vb_field error = {raw->error, c->error_len[c->n]};
    /* A partial copy lies past the records placed: harmless. */
    vb_status st = copy_field(&c->bytes, &error);
    if (st == VB_OK) st = copy_field(&c->bytes, &raw->text);
    if (st == VB_OK) st = copy_field(&c->bytes, &raw->id);
    for (size_t k = 0; k < raw->n_keep && st == VB_OK; k++)
        st = copy_field(&c->bytes, &keep[k]);
    if (st == VB_OK) c->n++;
    return st;
}

void vb_raw_copies_place(vb_raw_copies *c, vb_status failed)
{
    size_t at = 0;
    for (size_t i = 0; i < c->n; i++) {
        vb_raw_record *raw = &c->raws[i];
        vb_field error = {raw->error, c->error_len[i]};
        place_field(&c->bytes, &error, &at);
        raw->error = error.data;
        place_field(&c->bytes, &raw->text, &at);
        place_field(&c->bytes, &raw->id, &at);
        vb_field *keep = c->keep + i * c->n_keep;
        for (size_t k = 0; k < raw->n_keep; k++)
            place_field(&c->bytes, &keep[k], &at);
    }
    if (failed == VB_OK) return;
    vb_raw_record *raw = &c->raws[c->n];
    vb_field *keep = c->keep + c->n * c->n_keep;
    raw->status = failed;
    raw->error = vb_strerror(failed);
    raw->text = raw->id = (vb_field){NULL, 0};
    for (size_t k = 0; k < raw->n_keep; k++)
        keep[k] = (vb_field){NULL, 0};
    c->n++;
}
