/* parallel.c: -j N for the commands that write one output per record.
 *
 * The calling thread reads: it pulls raw records from its pipeline and
 * copies them into batches. N worker threads, each with a pipeline of its
 * own (stemmer, caches, arena), analyse whole batches and write each
 * batch's output and messages into memory. One writer thread emits
 * finished batches strictly in input order. Batches come from a fixed
 * pool, so memory depends on N and the batch size, never on the input,
 * and the output is byte for byte what one thread writes.
 *
 * Statistics are counted per batch and summed by the writer for the
 * batches it emits, so a run stopped early (--strict, a write error)
 * reports exactly what a single thread would have.
 */
#include "cli.h"

#include <pthread.h>
#include <stdint.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>

#define BATCH_RECORDS 512
#define BATCH_BYTES ((size_t)256 << 10)
#define KEEP_OUT_BYTES ((size_t)8 << 20) /* largest output buffer kept for reuse */
#define NO_DATA SIZE_MAX /* offset of a field that is absent */

/* A raw record's fields as offsets into the batch's bytes, which may move
 * while the batch fills; turned into pointers when the batch is sealed. */
typedef struct slot {
    size_t record_no, line;
    vb_status status;
    size_t error_off;
    size_t text_off, text_len;
    size_t id_off, id_len;
    size_t keep_first; /* index of its first kept field in batch.keep_offs */
} slot;

typedef struct batch {
    size_t seq;
    const char *display;  /* input name for messages (argv or "<stdin>") */
    size_t n;             /* records in the batch */
    slot slots[BATCH_RECORDS];
    size_t *keep_offs;    /* 2 * n_keep per record: offset, length */
    char *bytes;          /* every field's bytes */
    size_t len, cap;
    size_t names_off;     /* the keep columns' names, NUL-separated */
    vb_raw_record raws[BATCH_RECORDS];
    vb_field *keep;       /* n_keep per record, pointers into bytes */
    const char **names;   /* n_keep pointers into bytes */

    /* Filled by the worker. */
    char *out;            /* what the command wrote, in record order; the
                             buffer is kept for the batch's next use */
    size_t out_len, out_cap;
    char *msgs;           /* stderr messages, in record order */
    size_t msgs_len;
    char *note;           /* the reader's message after them (a batch of
                             no records, cli_parallel_note()), or NULL */
    vb_stats stats;       /* records counted up to `stop`, inclusive */
    size_t written;
    int status;           /* EXIT_OK, or why the run must stop here */
    bool stop;            /* the run ends after this batch */
    bool quiet;           /* ... because the consumer went away */
    bool done;
} batch;

struct cli_parallel {
    const char *cmd;
    bool strict;
    size_t n_keep;
    cli_record_fn on_record;
    cli_output *out;        /* NULL when the command aggregates instead */
    void *ctx;              /* the command's context */
    void *(*fork_ctx)(void *ctx);
    bool (*join_ctx)(void *ctx, void *worker);
    void **worker_ctx;      /* one per worker, from fork_ctx */

    int n_workers;
    vb_pipeline **pipelines; /* one per worker */
    pthread_t *workers;
    pthread_t writer;
    bool writer_started;
    int n_started;

    batch *pool;           /* 2 * workers + 2 batches */
    size_t n_pool;
    batch **free_list;
    size_t n_free;
    batch **queue;         /* sealed batches waiting for a worker, FIFO */
    size_t q_head, q_len;
    batch *filling;        /* the batch the reader is filling */
    size_t next_seq;       /* seq of the next batch to seal */
    size_t write_seq;      /* seq of the next batch to write */
    bool closed;           /* the reader is done */
    bool stopping;         /* the writer decided to stop */

    vb_stats total;        /* of the batches written */
    size_t written;
    int status;
    bool quiet;

    pthread_mutex_t lock;
    /* One condition per waiting role, so that a change wakes only the
     * thread it concerns (one for all woke every thread several times a
     * batch). Waiters re-check their own state. */
    pthread_cond_t work_queued; /* workers: a batch was queued, or the reader closed */
    pthread_cond_t next_done;   /* writer: batch write_seq is done, or the reader closed */
    pthread_cond_t batch_freed; /* reader: a batch came back, or the run stops */
};

/* ---- Filling a batch (reader thread) --------------------------------------- */

static bool put_bytes(batch *b, const char *data, size_t len, size_t *off)
{
    if (len > SIZE_MAX - b->len - 1 || !cli_grow(&b->bytes, &b->cap, b->len + len + 1))
        return false;
    *off = b->len;
    if (len > 0)
        memcpy(b->bytes + b->len, data, len);
    b->len += len;
    b->bytes[b->len++] = '\0';
    return true;
}

static bool put_field(batch *b, vb_field f, size_t *off, size_t *len)
{
    *len = f.len;
    if (f.data == NULL) {
        *off = NO_DATA;
        return true;
    }
    return put_bytes(b, f.data, f.len, off);
}

static const char *at(const batch *b, size_t off)
{
    return off == NO_DATA ? NULL : b->bytes + off;
}

/* Turns offsets into the vb_raw_records the workers analyse. */
static void seal(cli_parallel *par, batch *b)
{
    for (size_t k = 0; k < par->n_keep; k++) {
        const char *name = b->bytes + b->names_off;
        for (size_t skip = 0; skip < k; skip++)
            name += strlen(name) + 1;
        b->names[k] = name;
    }
    for (size_t i = 0; i < b->n; i++) {
        const slot *s = &b->slots[i];
        vb_raw_record *r = &b->raws[i];
        memset(r, 0, sizeof *r);
        r->record_no = s->record_no;
        r->line = s->line;
        r->status = s->status;
        r->error = at(b, s->error_off);
        r->text = (vb_field){at(b, s->text_off), s->text_len};
        r->id = (vb_field){at(b, s->id_off), s->id_len};
        r->n_keep = par->n_keep;
        r->keep = b->keep + i * par->n_keep;
        r->keep_names = b->names;
        for (size_t k = 0; k < par->n_keep; k++) {
            const size_t *o = &b->keep_offs[2 * (s->keep_first + k)];
            b->keep[i * par->n_keep + k] = (vb_field){at(b, o[0]), o[1]};
        }
    }
}

static void reset_batch(batch *b)
{
    if (b->out_cap > KEEP_OUT_BYTES) { /* an outlier's buffer is not kept */
        free(b->out);
        b->out = NULL;
        b->out_cap = 0;
    }
    free(b->msgs);
    b->msgs = NULL;
    free(b->note);
    b->note = NULL;
    b->out_len = b->msgs_len = 0;
    b->n = 0;
    b->len = 0;
    b->written = 0;
    b->status = EXIT_OK;
    b->stop = b->quiet = b->done = false;
    memset(&b->stats, 0, sizeof b->stats);
}

/* Takes a free batch for the reader; waits while every batch is busy. */
static batch *take_free(cli_parallel *par)
{
    pthread_mutex_lock(&par->lock);
    while (par->n_free == 0 && !par->stopping)
        pthread_cond_wait(&par->batch_freed, &par->lock);
    batch *b = par->stopping ? NULL : par->free_list[--par->n_free];
    pthread_mutex_unlock(&par->lock);
    if (b != NULL)
        reset_batch(b);
    return b;
}

/* Hands a sealed batch to the workers; it is written in this order. */
static void enqueue(cli_parallel *par, batch *b)
{
    pthread_mutex_lock(&par->lock);
    b->seq = par->next_seq++;
    par->queue[(par->q_head + par->q_len++) % par->n_pool] = b;
    pthread_cond_signal(&par->work_queued);
    pthread_mutex_unlock(&par->lock);
}

void cli_parallel_flush(cli_parallel *par)
{
    batch *b = par->filling;
    if (b == NULL)
        return;
    par->filling = NULL;
    seal(par, b);
    enqueue(par, b);
}

static bool out_of_memory(cli_parallel *par)
{
    fprintf(stderr, "verbatim %s: out of memory\n", par->cmd);
    pthread_mutex_lock(&par->lock);
    par->stopping = true;
    par->status = EXIT_IO;
    pthread_cond_broadcast(&par->batch_freed);
    pthread_mutex_unlock(&par->lock);
    return false;
}

bool cli_parallel_add(cli_parallel *par, const vb_raw_record *raw, const char *display)
{
    batch *b = par->filling;
    if (b != NULL && b->display != display) {
        cli_parallel_flush(par);
        b = NULL;
    }
    if (b == NULL) {
        b = par->filling = take_free(par);
        if (b == NULL)
            return false;
        b->display = display;
        size_t names_len = 0;
        for (size_t k = 0; k < par->n_keep; k++)
            names_len += strlen(raw->keep_names[k]) + 1;
        char *names = malloc(names_len + 1);
        if (names == NULL)
            return out_of_memory(par);
        char *p = names;
        for (size_t k = 0; k < par->n_keep; k++)
            p = stpcpy(p, raw->keep_names[k]) + 1;
        bool ok = put_bytes(b, names, names_len, &b->names_off);
        free(names);
        if (!ok)
            return out_of_memory(par);
    }
    slot *s = &b->slots[b->n];
    s->record_no = raw->record_no;
    s->line = raw->line;
    s->status = raw->status;
    s->error_off = NO_DATA;
    s->keep_first = b->n * par->n_keep;
    if ((raw->error != NULL &&
         !put_bytes(b, raw->error, strlen(raw->error), &s->error_off)) ||
        !put_field(b, raw->text, &s->text_off, &s->text_len) ||
        !put_field(b, raw->id, &s->id_off, &s->id_len))
        return out_of_memory(par);
    for (size_t k = 0; k < par->n_keep; k++) {
        size_t *o = &b->keep_offs[2 * (s->keep_first + k)];
        if (!put_field(b, raw->keep[k], &o[0], &o[1]))
            return out_of_memory(par);
    }
    b->n++;
    if (b->n == BATCH_RECORDS || b->len >= BATCH_BYTES)
        cli_parallel_flush(par);
    pthread_mutex_lock(&par->lock);
    bool go_on = !par->stopping;
    pthread_mutex_unlock(&par->lock);
    return go_on;
}

void cli_parallel_note(cli_parallel *par, const char *text)
{
    cli_parallel_flush(par);
    batch *b = take_free(par);
    if (b == NULL) /* the run stops: the writer writes nothing more */
        return;
    b->note = strdup(text);
    enqueue(par, b);
    if (b->note == NULL)
        out_of_memory(par);
}

/* ---- Analysing a batch (worker threads) ------------------------------------ */

static void analyse_batch(cli_parallel *par, vb_pipeline *p, void *worker_ctx, batch *b)
{
    FILE *msgs = open_memstream(&b->msgs, &b->msgs_len);
    if (msgs == NULL) {
        b->status = EXIT_IO;
        b->stop = true;
        return;
    }
    cli_output out = {.name = par->out != NULL ? par->out->name : "memory",
                      .mem = b->out, .mem_cap = b->out_cap};
    void *record_ctx = worker_ctx != NULL ? worker_ctx : &out;
    cli_set_record_context(msgs, b->display);
    /* Analysed VB_PIPELINE_BATCH at a time; each record's counts are added
     * as it is passed on, so that a stop counts up to its record only. */
    const vb_record *recs[VB_PIPELINE_BATCH];
    vb_stats counts[VB_PIPELINE_BATCH];
    size_t first = 0, n_analysed = 0;
    for (size_t i = 0; i < b->n && !b->stop; i++) {
        const vb_raw_record *raw = &b->raws[i];
        if (i == first + n_analysed) {
            first = i;
            n_analysed = b->n - i < VB_PIPELINE_BATCH ? b->n - i : VB_PIPELINE_BATCH;
            vb_pipeline_analyze_batch(p, raw, n_analysed, recs, counts);
        }
        b->stats.records_read++;
        vb_stats_add(&b->stats, &counts[i - first]); /* no records_read in it */
        const vb_record *rec = recs[i - first];
        if (rec->status != VB_OK) {
            if (raw->status != VB_OK)
                b->stats.records_rejected++; /* counted by the reader, not the worker */
            fprintf(msgs, "verbatim: %s:%zu: %s\n", b->display, rec->line, rec->error);
            if (par->strict) {
                b->status = EXIT_BAD_INPUT;
                b->stop = true;
            }
            continue;
        }
        if (rec->warning != NULL)
            fprintf(msgs, "verbatim: %s:%zu: warning: %s\n", b->display, rec->line,
                    rec->warning);
        switch (par->on_record(rec, p, record_ctx)) {
        case CLI_NEXT: b->written++; break;
        case CLI_QUIT: b->stop = b->quiet = true; break;
        case CLI_STOP:
            b->written++;
            b->stop = true;
            b->status = EXIT_BAD_INPUT;
            break;
        case CLI_FAIL: b->stop = true; b->status = EXIT_IO; break;
        case CLI_REJECT:
            b->stats.records_rejected++;
            fprintf(msgs, "verbatim: %s:%zu: %s\n", b->display, rec->line,
                    cli_reject_reason(out.reject));
            if (par->strict) {
                b->status = EXIT_BAD_INPUT;
                b->stop = true;
            }
            break;
        }
    }
    cli_set_record_context(NULL, NULL);
    b->out = out.mem;
    b->out_len = out.mem_len;
    b->out_cap = out.mem_cap;
    if (fclose(msgs) != 0) {
        b->status = EXIT_IO;
        b->stop = true;
    }
}

typedef struct worker_arg {
    cli_parallel *par;
    int index;
} worker_arg;

static void *worker_main(void *arg)
{
    cli_parallel *par = ((worker_arg *)arg)->par;
    const int index = ((worker_arg *)arg)->index;
    vb_pipeline *p = par->pipelines[index];
    void *worker_ctx = par->worker_ctx != NULL ? par->worker_ctx[index] : NULL;
    free(arg);
    pthread_mutex_lock(&par->lock);
    for (;;) {
        while (par->q_len == 0 && !par->closed)
            pthread_cond_wait(&par->work_queued, &par->lock);
        if (par->q_len == 0)
            break;
        batch *b = par->queue[par->q_head];
        par->q_head = (par->q_head + 1) % par->n_pool;
        par->q_len--;
        bool skip = par->stopping;
        pthread_mutex_unlock(&par->lock);
        if (!skip && b->n > 0)
            analyse_batch(par, p, worker_ctx, b);
        pthread_mutex_lock(&par->lock);
        b->done = true;
        if (b->seq == par->write_seq)
            pthread_cond_signal(&par->next_done);
    }
    pthread_mutex_unlock(&par->lock);
    return NULL;
}

/* ---- Writing in order (writer thread) --------------------------------------- */

static batch *find_seq(cli_parallel *par, size_t seq)
{
    for (size_t i = 0; i < par->n_pool; i++)
        if (par->pool[i].seq == seq && par->pool[i].done)
            return &par->pool[i];
    return NULL;
}

static void *writer_main(void *arg)
{
    cli_parallel *par = arg;
    pthread_mutex_lock(&par->lock);
    for (;;) {
        batch *b;
        while ((b = find_seq(par, par->write_seq)) == NULL &&
               !(par->closed && par->write_seq == par->next_seq))
            pthread_cond_wait(&par->next_done, &par->lock);
        if (b == NULL)
            break;
        bool stopping = par->stopping;
        pthread_mutex_unlock(&par->lock);

        if (!stopping) {
            if (par->out != NULL)
                cli_output_write(par->out, par->cmd, b->out, b->out_len);
            if (b->msgs_len > 0)
                fwrite(b->msgs, 1, b->msgs_len, stderr);
            if (b->note != NULL)
                fputs(b->note, stderr);
            vb_stats_add(&par->total, &b->stats);
            par->written += b->written;
            if (b->status != EXIT_OK)
                par->status = b->status;
            const bool closed = par->out != NULL && par->out->pipe_closed;
            const bool failed = par->out != NULL && par->out->failed;
            if (closed || b->quiet)
                par->quiet = true;
            if (failed)
                par->status = EXIT_IO;
            stopping = b->stop || closed || failed;
        }

        pthread_mutex_lock(&par->lock);
        par->stopping |= stopping;
        b->done = false;
        b->seq = SIZE_MAX;
        par->free_list[par->n_free++] = b;
        par->write_seq++;
        pthread_cond_signal(&par->batch_freed);
    }
    pthread_mutex_unlock(&par->lock);
    return NULL;
}

/* ---- Start and finish ------------------------------------------------------- */

static void stop_threads(cli_parallel *par)
{
    pthread_mutex_lock(&par->lock);
    par->closed = true;
    pthread_cond_broadcast(&par->work_queued);
    pthread_cond_broadcast(&par->next_done);
    pthread_mutex_unlock(&par->lock);
    for (int i = 0; i < par->n_started; i++)
        pthread_join(par->workers[i], NULL);
    if (par->writer_started)
        pthread_join(par->writer, NULL);
    par->n_started = 0;
    par->writer_started = false;
}

void cli_parallel_free(cli_parallel *par)
{
    if (par == NULL)
        return;
    stop_threads(par);
    for (int i = 0; par->worker_ctx != NULL && i < par->n_workers; i++)
        if (par->worker_ctx[i] != NULL)
            par->join_ctx(par->ctx, par->worker_ctx[i]); /* frees it */
    free(par->worker_ctx);
    for (int i = 0; i < par->n_workers; i++)
        vb_pipeline_free(par->pipelines[i]);
    for (size_t i = 0; i < par->n_pool; i++) {
        reset_batch(&par->pool[i]);
        free(par->pool[i].out);
        free(par->pool[i].bytes);
        free(par->pool[i].keep_offs);
        free(par->pool[i].keep);
        free(par->pool[i].names);
    }
    free(par->pool);
    free(par->free_list);
    free(par->queue);
    free(par->pipelines);
    free(par->workers);
    pthread_cond_destroy(&par->work_queued);
    pthread_cond_destroy(&par->next_done);
    pthread_cond_destroy(&par->batch_freed);
    pthread_mutex_destroy(&par->lock);
    free(par);
}

cli_parallel *cli_parallel_start(int jobs, const vb_lexicon *lex, const cli_input *in,
                                 const char *cmd, cli_record_fn on_record, void *ctx,
                                 cli_output *out)
{
    const vb_options *opts = &in->opts;
#if defined(M_MMAP_THRESHOLD)
    /* Each batch's output grows in a worker and is freed by the reader:
     * with glibc's sliding mmap threshold those buffers end up in the
     * threads' arenas, which then keep growing (a 5 GB soak reached
     * hundreds of MiB). A fixed threshold maps them and gives them back. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    cli_parallel *par = calloc(1, sizeof *par);
    if (par == NULL)
        return NULL;
    pthread_mutex_init(&par->lock, NULL);
    pthread_cond_init(&par->work_queued, NULL);
    pthread_cond_init(&par->next_done, NULL);
    pthread_cond_init(&par->batch_freed, NULL);
    par->cmd = cmd;
    par->strict = in->strict;
    par->ctx = ctx;
    if (out == NULL) {
        par->fork_ctx = in->fork_ctx;
        par->join_ctx = in->join_ctx;
    }
    par->n_keep = opts->n_keep_cols;
    par->on_record = on_record;
    par->out = out;
    par->n_workers = jobs;
    par->n_pool = 2 * (size_t)jobs + 2;
    par->pool = calloc(par->n_pool, sizeof *par->pool);
    par->free_list = calloc(par->n_pool, sizeof *par->free_list);
    par->queue = calloc(par->n_pool, sizeof *par->queue);
    par->pipelines = calloc((size_t)jobs, sizeof *par->pipelines);
    par->workers = calloc((size_t)jobs, sizeof *par->workers);
    if (par->pool == NULL || par->free_list == NULL || par->queue == NULL ||
        par->pipelines == NULL || par->workers == NULL)
        goto fail;
    const size_t n_keep = par->n_keep > 0 ? par->n_keep : 1;
    for (size_t i = 0; i < par->n_pool; i++) {
        batch *b = &par->pool[i];
        b->seq = SIZE_MAX;
        b->keep_offs = calloc(2 * BATCH_RECORDS * n_keep, sizeof *b->keep_offs);
        b->keep = calloc(BATCH_RECORDS * n_keep, sizeof *b->keep);
        b->names = calloc(n_keep, sizeof *b->names);
        if (b->keep_offs == NULL || b->keep == NULL || b->names == NULL)
            goto fail;
        par->free_list[par->n_free++] = b;
    }
    for (int i = 0; i < jobs; i++) {
        vb_error err;
        par->pipelines[i] = vb_pipeline_new(lex, opts, &err);
        if (par->pipelines[i] == NULL)
            goto fail;
    }
    if (par->fork_ctx != NULL) {
        par->worker_ctx = calloc((size_t)jobs, sizeof *par->worker_ctx);
        if (par->worker_ctx == NULL)
            goto fail;
        for (int i = 0; i < jobs; i++)
            if ((par->worker_ctx[i] = par->fork_ctx(ctx)) == NULL)
                goto fail;
    }
    for (int i = 0; i < jobs; i++) {
        worker_arg *arg = malloc(sizeof *arg);
        if (arg == NULL)
            goto fail;
        arg->par = par;
        arg->index = i;
        if (pthread_create(&par->workers[i], NULL, worker_main, arg) != 0) {
            free(arg);
            goto fail;
        }
        par->n_started++;
    }
    if (pthread_create(&par->writer, NULL, writer_main, par) != 0)
        goto fail;
    par->writer_started = true;
    return par;

fail:
    cli_parallel_free(par);
    return NULL;
}

void cli_parallel_finish(cli_parallel *par, vb_stats *stats, size_t *written, int *status,
                         bool *quiet)
{
    cli_parallel_flush(par);
    stop_threads(par);
    /* Every worker has finished: fold their contexts in, in worker order. */
    for (int i = 0; par->worker_ctx != NULL && i < par->n_workers; i++) {
        if (!par->join_ctx(par->ctx, par->worker_ctx[i]))
            par->status = EXIT_IO;
        par->worker_ctx[i] = NULL;
    }
    vb_stats total = par->total;
    total.bytes_read = stats->bytes_read;
    total.extra_header_rows = stats->extra_header_rows;
    *stats = total;
    *written = par->written;
    if (par->status != EXIT_OK)
        *status = par->status;
    *quiet = par->quiet;
}
