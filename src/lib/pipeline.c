/* pipeline.c: wires the stages together and implements the public API.
 *
 * A vb_lexicon is the immutable, shareable data of a language (stopwords,
 * sentiment lexicons). A vb_pipeline is one thread's worker: a record
 * source (readers), the text stages with their stem cache, an arena for
 * a batch of records, and the output buffer for JSON. vb_pipeline_next()
 * reads a batch of records from the source, resets the arena, runs every
 * stage over the batch and hands its records out one by one; nothing here
 * allocates per token.
 */
#include "verbatim.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "error.h"
#include "jsonw.h"
#include "lexicon.h"
#include "raw_copies.h"
#include "sentiment.h"
#include "source.h"
#include "text.h"
#include "themes.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

#define DEFAULT_MAX_FIELD_BYTES ((size_t)16 << 20)
#define ARENA_BLOCK_BYTES ((size_t)64 << 10)
/* The JSON of one record is bounded by its fields; this only stops a
 * runaway. Fields are capped by max_field_bytes, escaping at most x6. */
#define OUTPUT_CAP_FACTOR 8
/* Read ahead by vb_pipeline_next(): at most this many bytes of records,
 * besides the last one. */
#define READ_AHEAD_BYTES ((size_t)256 << 10)
/* Records read before the columns are settled wait (read_raw()): as many
 * as a JSON input may have before one with the comment's key, and at most
 * this many bytes of them. */
#define HOLD_RECORDS 100
#define HOLD_BYTES ((size_t)8 << 20)

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        vb_status st_ = (expr);                                                                    \
        if (st_ != VB_OK) return st_;                                                              \
    } while (0)

struct vb_lexicon {
    vb_allocator alloc;
    vb_lang *lang;
    vb_senti_lex *senti;
    vb_themes *themes; /* NULL: no taxonomy */
};

struct vb_pipeline {
    vb_allocator alloc;
    const vb_lexicon *lex;
    vb_options opts;
    vb_source_spec spec;
    vb_source *source;
    vb_text *text;
    vb_theme_matcher *themes; /* NULL without a taxonomy */
    vb_arena arena;           /* the batch's memory, reset for each batch */
    vb_buf out;       /* JSON handed out by vb_record_to_json() */
    vb_buf errmsg;    /* last fatal error */
    vb_record recs[VB_PIPELINE_BATCH];   /* the batch analysed last */
    vb_stats counts[VB_PIPELINE_BATCH];  /* what each of them adds to stats */
    char id_bufs[VB_PIPELINE_BATCH][24]; /* their record numbers as text */
    vb_raw_copies ahead;                 /* vb_pipeline_next()'s read-ahead */
    vb_raw_copies held;                  /* records read before the columns were settled */
    bool holding;                        /* held is filling: none handed out yet */
    vb_stats stats;
    size_t record_no; /* records read so far, across sources */
};

const char *vb_version(void)
{
    return VB_VERSION_STRING;
}

const char *vb_strerror(vb_status st)
{
    switch (st) {
    case VB_OK: return "success";
    case VB_AGAIN: return "more input needed";
    case VB_DONE: return "end of input";
    case VB_ENOMEM: return "out of memory";
    case VB_EIO: return "input/output error";
    case VB_EPARSE: return "malformed input";
    case VB_EUTF8: return "invalid UTF-8";
    case VB_ELIMIT: return "limit exceeded";
    case VB_EINVAL: return "invalid argument";
    }
    return "unknown status";
}

void vb_options_init(vb_options *o)
{
    memset(o, 0, sizeof *o);
    o->language = "english";
    o->format = VB_FORMAT_AUTO;
    o->source_name = "-";
    o->has_header = true;
    o->max_field_bytes = DEFAULT_MAX_FIELD_BYTES;
}

bool vb_format_parse(const char *name, vb_format *out)
{
    static const struct {
        const char *name;
        vb_format format;
    } names[] = {{"auto", VB_FORMAT_AUTO},   {"csv", VB_FORMAT_CSV},
                 {"tsv", VB_FORMAT_TSV},     {"jsonl", VB_FORMAT_JSONL},
                 {"ndjson", VB_FORMAT_JSONL}, {"json", VB_FORMAT_JSONL},
                 {"text", VB_FORMAT_TEXT},   {"txt", VB_FORMAT_TEXT}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].format;
            return true;
        }
    }
    return false;
}

const char *vb_format_name(vb_format f)
{
    switch (f) {
    case VB_FORMAT_AUTO: return "auto";
    case VB_FORMAT_CSV: return "csv";
    case VB_FORMAT_TSV: return "tsv";
    case VB_FORMAT_JSONL: return "jsonl";
    case VB_FORMAT_TEXT: return "text";
    }
    return "unknown";
}

/* ---- Lexicons ------------------------------------------------------------ */

vb_lexicon *vb_lexicon_load(const char *data_dir, const vb_options *opts, vb_error *err)
{
    vb_options defaults;
    if (opts == NULL) {
        vb_options_init(&defaults);
        opts = &defaults;
    }
    const vb_allocator *a = vb_allocator_or_default(&opts->alloc);
    vb_lexicon *lex = vb_calloc(a, 1, sizeof *lex);
    if (lex == NULL) {
        vb_error_set(err, VB_ENOMEM, data_dir, 0, "out of memory loading lexicons");
        return NULL;
    }
    lex->alloc = *a;
    lex->lang = vb_lang_load(data_dir, opts->language, &lex->alloc, err);
    if (lex->lang == NULL)
        goto fail;

    /* Sentiment lexicons live in the language's folder; a language
     * without one still tokenises and stems (its sentiment is neutral). */
    char lang_dir[4096];
    int n = snprintf(lang_dir, sizeof lang_dir, "%s/%s", data_dir, vb_lang_code(lex->lang));
    if (n < 0 || (size_t)n >= sizeof lang_dir) {
        vb_error_set(err, VB_EINVAL, data_dir, 0, "data directory path too long");
        goto fail;
    }
    lex->senti = vb_senti_lex_load(lang_dir, opts->lexicon_files, opts->n_lexicon_files,
                                   &lex->alloc, err);
    if (lex->senti == NULL)
        goto fail;
    if (vb_themes_load(data_dir, opts->taxonomy, lex->lang, &lex->alloc, &lex->themes, err) !=
        VB_OK)
        goto fail;
    return lex;

fail:
    vb_lexicon_free(lex);
    return NULL;
}

size_t vb_lexicon_n_sentiment_terms(const vb_lexicon *lex)
{
    return vb_senti_lex_size(lex->senti);
}

size_t vb_lexicon_n_themes(const vb_lexicon *lex)
{
    return vb_themes_count(lex->themes);
}

const vb_theme_info *vb_lexicon_theme(const vb_lexicon *lex, size_t index)
{
    return vb_themes_info(lex->themes, index);
}

uint64_t vb_lexicon_taxonomy_fingerprint(const vb_lexicon *lex)
{
    return vb_themes_fingerprint(lex->themes);
}

void vb_lexicon_free(vb_lexicon *lex)
{
    if (lex == NULL)
        return;
    vb_themes_free(lex->themes);
    vb_senti_lex_free(lex->senti);
    vb_lang_free(lex->lang);
    vb_allocator a = lex->alloc;
    vb_free(&a, lex);
}

/* ---- Pipelines ----------------------------------------------------------- */

static vb_status open_source(vb_pipeline *p, vb_error *err)
{
    if (p->source != NULL) p->stats.extra_header_rows += vb_source_extra_header_rows(p->source);
    vb_source_free(p->source);
    p->source = vb_source_new(&p->spec, &p->alloc, err);
    return p->source != NULL ? VB_OK : (err != NULL ? err->code : VB_ENOMEM);
}

vb_pipeline *vb_pipeline_new(const vb_lexicon *lex, const vb_options *opts, vb_error *err)
{
    vb_options defaults;
    if (opts == NULL) {
        vb_options_init(&defaults);
        opts = &defaults;
    }
    const vb_allocator *a = vb_allocator_or_default(&opts->alloc);
    vb_pipeline *p = vb_calloc(a, 1, sizeof *p);
    if (p == NULL) {
        vb_error_set(err, VB_ENOMEM, opts->source_name, 0, "out of memory");
        return NULL;
    }
    p->alloc = *a;
    p->lex = lex;
    p->opts = *opts;
    if (p->opts.max_field_bytes == 0)
        p->opts.max_field_bytes = DEFAULT_MAX_FIELD_BYTES;
    vb_arena_init(&p->arena, &p->alloc, ARENA_BLOCK_BYTES);
    size_t cap = p->opts.max_field_bytes;
    cap = cap > (size_t)-1 / OUTPUT_CAP_FACTOR ? (size_t)-1 : cap * OUTPUT_CAP_FACTOR;
    vb_buf_init(&p->out, &p->alloc, cap);
    vb_buf_init(&p->errmsg, &p->alloc, 4096);
    if (vb_raw_copies_init(&p->ahead, &p->alloc, VB_PIPELINE_BATCH, p->opts.n_keep_cols) != VB_OK ||
        vb_raw_copies_init(&p->held, &p->alloc, HOLD_RECORDS, p->opts.n_keep_cols) != VB_OK) {
        vb_error_set(err, VB_ENOMEM, opts->source_name, 0, "out of memory");
        goto fail;
    }

    p->spec.format = p->opts.format;
    p->spec.source_name = p->opts.source_name;
    p->spec.has_header = p->opts.has_header;
    p->spec.text_col = p->opts.text_col;
    p->spec.more_text_cols = p->opts.more_text_cols;
    p->spec.n_more_text_cols = p->opts.n_more_text_cols;
    p->spec.id_col = p->opts.id_col;
    p->spec.keep_cols = p->opts.keep_cols;
    p->spec.n_keep_cols = p->opts.n_keep_cols;
    p->spec.keep_kinds = p->opts.keep_col_kinds;
    p->spec.max_field_bytes = p->opts.max_field_bytes;
    p->spec.delimiter = p->opts.delimiter;
    p->spec.encoding = p->opts.encoding;

    p->text = vb_text_new(lex->lang, &p->alloc);
    if (p->text == NULL) {
        vb_error_set(err, VB_ENOMEM, opts->source_name, 0, "out of memory");
        goto fail;
    }
    vb_text_set_clause_words(p->text, vb_senti_lex_is_contrast, (void *)lex->senti);
    if (lex->themes != NULL)
        vb_text_set_term_words(p->text, vb_themes_term_id, lex->themes);
    if (lex->themes != NULL) {
        p->themes = vb_theme_matcher_new(lex->themes, &p->alloc);
        if (p->themes == NULL) {
            vb_error_set(err, VB_ENOMEM, opts->source_name, 0, "out of memory");
            goto fail;
        }
    }
    if (open_source(p, err) != VB_OK)
        goto fail;
    return p;

fail:
    vb_pipeline_free(p);
    return NULL;
}

void vb_pipeline_free(vb_pipeline *p)
{
    if (p == NULL)
        return;
    vb_source_free(p->source);
    vb_text_free(p->text);
    vb_theme_matcher_free(p->themes);
    vb_arena_free(&p->arena);
    vb_buf_free(&p->out);
    vb_buf_free(&p->errmsg);
    vb_raw_copies_free(&p->ahead);
    vb_raw_copies_free(&p->held);
    vb_allocator a = p->alloc;
    vb_free(&a, p);
}

vb_status vb_pipeline_reset(vb_pipeline *p, const char *source_name)
{
    p->opts.source_name = source_name;
    p->spec.source_name = source_name;
    /* What was read ahead, or held, goes with the source. */
    vb_raw_copies_clear(&p->ahead);
    vb_raw_copies_clear(&p->held);
    p->holding = false;
    vb_error err;
    vb_status st = open_source(p, &err);
    if (st != VB_OK) {
        vb_buf_reset(&p->errmsg);
        vb_buf_printf(&p->errmsg, "%s: %s", source_name, err.message);
    }
    return st;
}

vb_status vb_pipeline_feed(vb_pipeline *p, const char *buf, size_t len)
{
    p->stats.bytes_read += len;
    return vb_source_feed(p->source, buf, len);
}

vb_status vb_pipeline_finish(vb_pipeline *p)
{
    return vb_source_finish(p->source);
}

const char *vb_pipeline_errmsg(const vb_pipeline *p)
{
    return p->errmsg.len > 0 ? p->errmsg.data : "";
}

const char *const *vb_pipeline_keep_names(const vb_pipeline *p, size_t *n)
{
    *n = p->opts.n_keep_cols;
    return vb_source_keep_names(p->source);
}

bool vb_pipeline_keep_found(const vb_pipeline *p, size_t i)
{
    return i < p->opts.n_keep_cols && vb_source_keep_found(p->source, i);
}

const char *vb_pipeline_keep_question(const vb_pipeline *p, size_t i)
{
    return i < p->opts.n_keep_cols ? vb_source_keep_question(p->source, i) : NULL;
}

const char *vb_pipeline_text_column_by_question(const vb_pipeline *p)
{
    return vb_source_text_column_by_question(p->source);
}

size_t vb_pipeline_windows_1252_line(const vb_pipeline *p)
{
    return vb_source_windows_1252_line(p->source);
}

const vb_lexicon *vb_pipeline_lexicon(const vb_pipeline *p)
{
    return p->lex;
}

void vb_pipeline_stats(const vb_pipeline *p, vb_stats *out)
{
    *out = p->stats;
    if (p->source != NULL) out->extra_header_rows += vb_source_extra_header_rows(p->source);
}

void vb_stats_add(vb_stats *to, const vb_stats *from)
{
    to->records_read += from->records_read;
    to->records_rejected += from->records_rejected;
    to->invalid_utf8 += from->invalid_utf8;
    to->bytes_read += from->bytes_read;
    to->records_with_text += from->records_with_text;
    to->records_non_answer += from->records_non_answer;
    to->records_with_theme += from->records_with_theme;
    to->regex_limit_hits += from->regex_limit_hits;
    to->records_without_id += from->records_without_id;
    to->extra_header_rows += from->extra_header_rows;
}

/* ---- Analysis, a batch at a time -------------------------------------------
 * Records are analysed up to VB_PIPELINE_BATCH at a time, each stage over
 * all of them before the next stage starts. One record's way through every
 * stage runs more code than the instruction cache holds, so record by
 * record each stage's code came back from L2 for every record (bench/
 * README.md, "Stages over a batch"). What a record adds to the statistics
 * waits in p->counts until the record is handed out. */

/* Copies a column value into the arena with invalid UTF-8 replaced, so
 * that everything the record hands out is valid UTF-8. */
static vb_status repair_field(vb_pipeline *p, vb_field *f, vb_stats *counts)
{
    if (f->data == NULL)
        return VB_OK;
    size_t n_invalid = 0;
    const char *text;
    size_t len;
    TRY(vb_utf8_repair(&p->arena, f->data, f->len, &text, &len, &n_invalid));
    counts->invalid_utf8 += n_invalid;
    f->data = text;
    f->len = len;
    return VB_OK;
}

/* What a batch's records carry from one stage to the next. */
typedef struct batch_work {
    vb_doc docs[VB_PIPELINE_BATCH];
    vb_doc_sentiment sentiment[VB_PIPELINE_BATCH];
} batch_work;

/* One stage for record i of the batch, whose raw record is `raw`. */
typedef vb_status (*stage_fn)(vb_pipeline *p, size_t i, const vb_raw_record *raw, batch_work *w);

static vb_status text_stage(vb_pipeline *p, size_t i, const vb_raw_record *raw, batch_work *w)
{
    vb_doc *doc = &w->docs[i];
    TRY(vb_text_analyze(p->text, &p->arena, raw->text.data, raw->text.len, doc));
    vb_record *r = &p->recs[i];
    r->text = doc->text;
    r->text_len = doc->len;
    r->n_invalid_utf8 = doc->n_invalid_utf8;
    r->tokens = doc->tokens;
    r->n_tokens = doc->n_tokens;
    r->sentences = doc->sentences;
    r->n_sentences = doc->n_sentences;
    r->clauses = doc->clauses;
    r->n_clauses = doc->n_clauses;
    r->non_answer = doc->non_answer;
    p->counts[i].invalid_utf8 += doc->n_invalid_utf8;
    return VB_OK;
}

static vb_status sentiment_stage(vb_pipeline *p, size_t i, const vb_raw_record *raw, batch_work *w)
{
    (void)raw;
    vb_doc_sentiment *ds = &w->sentiment[i];
    TRY(vb_sentiment_score(p->lex->senti, &w->docs[i], &p->arena, p->opts.explain, ds));
    vb_record *r = &p->recs[i];
    r->sentiment = ds->overall;
    r->sentence_sentiment = ds->sentences;
    r->clause_sentiment = ds->clauses;
    r->cues = ds->cues;
    r->n_cues = ds->n_cues;
    return VB_OK;
}

static vb_status themes_stage(vb_pipeline *p, size_t i, const vb_raw_record *raw, batch_work *w)
{
    (void)raw;
    if (p->themes == NULL || w->docs[i].non_answer) return VB_OK;
    vb_theme_result tr;
    TRY(vb_themes_match(p->themes, &w->docs[i], &w->sentiment[i], &p->arena, &tr));
    vb_record *r = &p->recs[i];
    r->themes = tr.hits;
    r->n_themes = tr.n_hits;
    r->warning = tr.warning;
    p->counts[i].regex_limit_hits += tr.regex_limit_hits;
    return VB_OK;
}

/* The id and kept columns, and the coverage counts. */
static vb_status columns_stage(vb_pipeline *p, size_t i, const vb_raw_record *raw, batch_work *w)
{
    vb_record *r = &p->recs[i];
    vb_stats *counts = &p->counts[i];
    if (raw->id.data != NULL) {
        vb_field id = raw->id;
        TRY(repair_field(p, &id, counts));
        r->id = id.data;
        r->id_len = id.len;
    } else if (p->spec.id_col != NULL) {
        /* The record number could clash with a real id: say there is none. */
        r->id = NULL;
        r->id_len = 0;
        counts->records_without_id++;
    }
    if (raw->n_keep > 0) {
        vb_field *fields = vb_arena_array(&p->arena, raw->n_keep, sizeof *fields);
        if (fields == NULL)
            return VB_ENOMEM;
        for (size_t k = 0; k < raw->n_keep; k++) {
            fields[k] = raw->keep[k];
            TRY(repair_field(p, &fields[k], counts));
        }
        r->fields = fields;
        r->field_names = raw->keep_names;
        r->n_fields = raw->n_keep;
    }
    /* Coverage: of the comments with a word, those with a theme; a
     * non-answer is counted apart. */
    const vb_doc *doc = &w->docs[i];
    bool has_word = false;
    for (size_t k = 0; k < doc->n_tokens && !has_word; k++)
        has_word = doc->tokens[k].kind == VB_TOKEN_WORD;
    if (doc->non_answer) {
        counts->records_non_answer++;
    } else if (has_word) {
        counts->records_with_text++;
        counts->records_with_theme += r->n_themes > 0;
    }
    return VB_OK;
}

/* Record i before any stage: its number as id, neutral, and rejected if
 * its raw record is. */
static void start_record(vb_pipeline *p, size_t i, const vb_raw_record *raw)
{
    vb_record *r = &p->recs[i];
    memset(r, 0, sizeof *r);
    memset(&p->counts[i], 0, sizeof p->counts[i]);
    r->record_no = raw->record_no;
    r->line = raw->line;
    char *id_end = vb_json_put_size(p->id_bufs[i], r->record_no); /* "%zu", no printf */
    *id_end = '\0';
    r->id = p->id_bufs[i];
    r->id_len = (size_t)(id_end - p->id_bufs[i]);
    r->text = "";
    r->sentiment.label = VB_NEUTRAL;
    if (raw->status != VB_OK) {
        r->status = raw->status;
        r->error = raw->error;
    }
}

/* Analyses raws[0..n) into p->recs and p->counts, stage by stage. A stage
 * that fails (out of memory for one record) rejects that record, and the
 * batch carries on: the next record may well fit. */
static void analyse_records(vb_pipeline *p, const vb_raw_record *raws, size_t n)
{
    static const stage_fn stages[] = {text_stage, sentiment_stage, themes_stage, columns_stage};
    batch_work w;
    vb_arena_reset(&p->arena);
    vb_text_forget(p->text);
    for (size_t i = 0; i < n; i++)
        start_record(p, i, &raws[i]);
    for (size_t s = 0; s < sizeof stages / sizeof stages[0]; s++) {
        for (size_t i = 0; i < n; i++) {
            vb_record *r = &p->recs[i];
            if (r->status != VB_OK) continue;
            vb_status st = stages[s](p, i, &raws[i], &w);
            if (st != VB_OK) {
                r->status = st;
                r->error = vb_strerror(st);
                p->counts[i].records_rejected++;
            }
        }
    }
}

/* The next record from the source, not counted. */
static vb_status read_source(vb_pipeline *p, vb_raw_record *out)
{
    vb_source_record sr;
    vb_status st = vb_source_next(p->source, &sr);
    if (st != VB_OK) return st;
    memset(out, 0, sizeof *out);
    out->record_no = ++p->record_no;
    out->line = sr.line;
    out->status = sr.status;
    out->error = sr.status == VB_OK ? NULL
                 : sr.error != NULL ? sr.error
                                    : vb_strerror(sr.status);
    out->text = sr.text;
    out->id = sr.id;
    out->keep = sr.keep;
    out->n_keep = p->opts.n_keep_cols;
    out->keep_names = out->n_keep > 0 ? vb_source_keep_names(p->source) : NULL;
    return VB_OK;
}

/* Holds record `raw`, just read, after those held before it. They wait
 * while the columns are unsettled, up to HOLD_RECORDS and HOLD_BYTES;
 * then they are placed, to be handed out. */
static void hold(vb_pipeline *p, const vb_raw_record *raw)
{
    vb_raw_copies *h = &p->held;
    const vb_status failed = vb_raw_copies_add(h, raw);
    p->holding = failed == VB_OK && !vb_source_columns_ready(p->source) && h->n < HOLD_RECORDS &&
                 h->bytes.len < HOLD_BYTES;
    if (!p->holding) vb_raw_copies_place(h, failed);
}

/* The next record, not counted: the held ones first, then the source's.
 * Records read before the columns are settled (JSON objects before the
 * first with the comment's key, a bad row before a headerless CSV's first
 * good one) are held back until they are, so that the first record
 * handed out finds the columns named as the input settles them: the
 * score's key found in the second object is the score's for the first. */
static vb_status read_raw(vb_pipeline *p, vb_raw_record *out)
{
    vb_raw_copies *h = &p->held;
    for (;;) {
        if (!p->holding && h->next < h->n) {
            *out = h->raws[h->next++];
            return VB_OK;
        }
        if (!p->holding && h->n > 0) { /* all handed out: the source's word after them */
            const vb_status end = h->end;
            vb_raw_copies_clear(h);
            if (end != VB_OK) return end;
        }
        const vb_status st = read_source(p, out);
        if (!p->holding && (st != VB_OK || vb_source_columns_ready(p->source)))
            return st;                 /* nothing held: the common case */
        if (st == VB_AGAIN) return st; /* held, waiting for more input */
        if (st == VB_OK) {
            hold(p, out);
        } else { /* the end, or a failure: the held go out first */
            h->end = st;
            p->holding = false;
            vb_raw_copies_place(h, VB_OK);
        }
    }
}

/* Counts a record read, as vb_pipeline_read() does. */
static void count_read(vb_pipeline *p, const vb_raw_record *raw)
{
    p->stats.records_read++;
    if (raw->status != VB_OK) p->stats.records_rejected++;
}

/* A fatal status of the source, described for vb_pipeline_errmsg(). */
static vb_status source_failed(vb_pipeline *p, vb_status st)
{
    if (st != VB_AGAIN && st != VB_DONE) {
        vb_buf_reset(&p->errmsg);
        vb_buf_printf(&p->errmsg, "%s", vb_source_errmsg(p->source));
    }
    return st;
}

vb_status vb_pipeline_read(vb_pipeline *p, vb_raw_record *out)
{
    vb_status st = read_raw(p, out);
    if (st != VB_OK) return source_failed(p, st);
    count_read(p, out);
    return VB_OK;
}

vb_status vb_pipeline_analyze(vb_pipeline *p, const vb_raw_record *raw, const vb_record **out)
{
    analyse_records(p, raw, 1);
    vb_stats_add(&p->stats, &p->counts[0]);
    *out = &p->recs[0];
    return VB_OK;
}

vb_status vb_pipeline_analyze_batch(vb_pipeline *p, const vb_raw_record *raws, size_t n,
                                    const vb_record **out, vb_stats *counts)
{
    if (n > VB_PIPELINE_BATCH) return VB_EINVAL;
    analyse_records(p, raws, n);
    for (size_t i = 0; i < n; i++) {
        vb_stats_add(&p->stats, &p->counts[i]);
        if (counts != NULL) counts[i] = p->counts[i];
        out[i] = &p->recs[i];
    }
    return VB_OK;
}

/* ---- Reading ahead (vb_pipeline_next) -------------------------------------- */

/* Reads up to VB_PIPELINE_BATCH records, as far as the input fed goes,
 * and analyses them. A record that cannot be copied (no memory) is kept
 * as a rejected one, without its fields, so that nothing read is lost. */
static void read_ahead_batch(vb_pipeline *p)
{
    vb_raw_copies *ra = &p->ahead;
    vb_raw_copies_clear(ra);
    vb_status failed = VB_OK;
    while (ra->n < VB_PIPELINE_BATCH && ra->bytes.len < READ_AHEAD_BYTES) {
        vb_raw_record raw;
        vb_status st = read_raw(p, &raw);
        if (st != VB_OK) {
            ra->end = st;
            break;
        }
        failed = vb_raw_copies_add(ra, &raw);
        if (failed != VB_OK) break;
    }
    vb_raw_copies_place(ra, failed);
    analyse_records(p, ra->raws, ra->n);
}

vb_status vb_pipeline_next(vb_pipeline *p, const vb_record **out)
{
    vb_raw_copies *ra = &p->ahead;
    if (ra->next == ra->n) {
        if (ra->end == VB_OK) read_ahead_batch(p);
        if (ra->next == ra->n) { /* nothing read: the source's status */
            vb_status st = ra->end;
            ra->end = VB_OK;
            return source_failed(p, st);
        }
    }
    const size_t i = ra->next++;
    count_read(p, &ra->raws[i]);
    vb_stats_add(&p->stats, &p->counts[i]);
    *out = &p->recs[i];
    return VB_OK;
}

/* ---- JSON output --------------------------------------------------------- */

static const char *label_name(vb_label l)
{
    return l == VB_POSITIVE ? "positive" : l == VB_NEGATIVE ? "negative" : "neutral";
}

/* The same output as put_sentiment(), one append at a time: for numbers
 * that need printf, or a buffer near its cap. */
static vb_status put_sentiment_slow(vb_buf *b, const vb_sentiment *s)
{
    TRY(vb_buf_puts(b, "{\"compound\":"));
    TRY(vb_json_number(b, s->compound, 4));
    TRY(vb_buf_puts(b, ",\"pos\":"));
    TRY(vb_json_number(b, s->pos, 3));
    TRY(vb_buf_puts(b, ",\"neu\":"));
    TRY(vb_json_number(b, s->neu, 3));
    TRY(vb_buf_puts(b, ",\"neg\":"));
    TRY(vb_json_number(b, s->neg, 3));
    TRY(vb_buf_puts(b, ",\"label\":\""));
    TRY(vb_buf_puts(b, label_name(s->label)));
    return vb_buf_puts(b, "\"}");
}

/* Appends literal `lit` at p (its length known at compile time). */
#define PUT_LIT(p, lit) (memcpy((p), (lit), sizeof(lit) - 1), (p) + sizeof(lit) - 1)

/* Every record has one: written in place into room reserved once. */
static vb_status put_sentiment(vb_buf *b, const vb_sentiment *s)
{
    enum { MAX = 64 + 4 * VB_JSON_NUMBER_MAX };
    if (!vb_buf_fits(b, MAX) && vb_buf_reserve(b, MAX) != VB_OK)
        return put_sentiment_slow(b, s);
    char *p = PUT_LIT(b->data + b->len, "{\"compound\":");
    if ((p = vb_json_put_number(p, s->compound, 4)) == NULL)
        return put_sentiment_slow(b, s);
    p = PUT_LIT(p, ",\"pos\":");
    if ((p = vb_json_put_number(p, s->pos, 3)) == NULL)
        return put_sentiment_slow(b, s);
    p = PUT_LIT(p, ",\"neu\":");
    if ((p = vb_json_put_number(p, s->neu, 3)) == NULL)
        return put_sentiment_slow(b, s);
    p = PUT_LIT(p, ",\"neg\":");
    if ((p = vb_json_put_number(p, s->neg, 3)) == NULL)
        return put_sentiment_slow(b, s);
    p = s->label == VB_POSITIVE   ? PUT_LIT(p, ",\"label\":\"positive\"}")
        : s->label == VB_NEGATIVE ? PUT_LIT(p, ",\"label\":\"negative\"}")
                                  : PUT_LIT(p, ",\"label\":\"neutral\"}");
    *p = '\0';
    b->len = (size_t)(p - b->data);
    return VB_OK;
}

static vb_status put_span_offsets(vb_buf *b, size_t start, size_t end)
{
    TRY(vb_buf_puts(b, "\"start\":"));
    TRY(vb_json_size(b, start));
    TRY(vb_buf_puts(b, ",\"end\":"));
    return vb_json_size(b, end);
}

static vb_status put_sentences(vb_buf *b, const vb_record *r)
{
    TRY(vb_buf_puts(b, ",\"sentences\":["));
    for (size_t i = 0; i < r->n_sentences; i++) {
        TRY(vb_buf_puts(b, i == 0 ? "{" : ",{"));
        TRY(put_span_offsets(b, r->sentences[i].start, r->sentences[i].end));
        TRY(vb_buf_puts(b, ",\"sentiment\":"));
        TRY(put_sentiment(b, &r->sentence_sentiment[i]));
        TRY(vb_buf_putc(b, '}'));
    }
    return vb_buf_putc(b, ']');
}

static vb_status put_cues(vb_buf *b, const vb_record *r)
{
    TRY(vb_buf_puts(b, ",\"cues\":["));
    for (size_t i = 0; i < r->n_cues; i++) {
        const vb_cue *c = &r->cues[i];
        TRY(vb_buf_puts(b, i == 0 ? "{\"text\":" : ",{\"text\":"));
        TRY(vb_json_string(b, r->text + c->start, c->end - c->start));
        TRY(vb_buf_putc(b, ','));
        TRY(put_span_offsets(b, c->start, c->end));
        TRY(vb_buf_puts(b, ",\"sentence\":"));
        TRY(vb_json_size(b, c->sentence));
        TRY(vb_buf_puts(b, ",\"valence\":"));
        TRY(vb_json_number(b, c->valence, 3));
        TRY(vb_buf_puts(b, ",\"score\":"));
        TRY(vb_json_number(b, c->score, 3));
        TRY(vb_buf_puts(b, ",\"rules\":["));
        bool first = true;
        for (uint32_t bit = 1; bit != 0 && bit <= c->rules; bit <<= 1) {
            if (!(c->rules & bit))
                continue;
            TRY(vb_buf_puts(b, first ? "\"" : ",\""));
            TRY(vb_buf_puts(b, vb_rule_name(bit)));
            TRY(vb_buf_putc(b, '"'));
            first = false;
        }
        TRY(vb_buf_putc(b, ']'));
        if (c->modifier != NULL) {
            TRY(vb_buf_puts(b, ",\"by\":"));
            TRY(vb_json_string(b, c->modifier, strlen(c->modifier)));
        }
        TRY(vb_buf_putc(b, '}'));
    }
    return vb_buf_putc(b, ']');
}

/* The common case writes straight into room reserved for the longest
 * output; put_themes_slow() is the same output, one append at a time, for
 * a buffer near its cap. */
static vb_status put_themes_slow(vb_buf *b, const vb_lexicon *lex, const vb_record *r)
{
    TRY(vb_buf_puts(b, ",\"themes\":["));
    for (size_t i = 0; i < r->n_themes; i++) {
        const vb_theme_hit *h = &r->themes[i];
        const char *head; /* {"id":...,"label":...,"sentiment": */
        size_t head_len;
        vb_themes_json_head(lex->themes, h->theme, &head, &head_len);
        if (i > 0)
            TRY(vb_buf_putc(b, ','));
        TRY(vb_buf_append(b, head, head_len));
        TRY(vb_json_number(b, h->sentiment, 4));
        TRY(vb_buf_puts(b, ",\"spans\":["));
        for (size_t k = 0; k < h->n_spans; k++) {
            TRY(vb_buf_puts(b, k == 0 ? "[" : ",["));
            TRY(vb_json_size(b, h->spans[k].start));
            TRY(vb_buf_putc(b, ','));
            TRY(vb_json_size(b, h->spans[k].end));
            TRY(vb_buf_putc(b, ']'));
        }
        TRY(vb_buf_puts(b, "]}"));
    }
    return vb_buf_putc(b, ']');
}

/* True when theme hit `h` writes the same sentiment and spans as `g`, as a
 * parent does whose only mentions are its child's. Bits, not ==, so that
 * 0.0 and -0.0 stay apart. */
static bool same_tail(const vb_theme_hit *h, const vb_theme_hit *g)
{
    return h->n_spans == g->n_spans && memcmp(&h->sentiment, &g->sentiment, sizeof(double)) == 0 &&
           memcmp(h->spans, g->spans, h->n_spans * sizeof *h->spans) == 0;
}

/* Makes room for `extra` bytes; the test inline, as the room is nearly
 * always there. */
static vb_status room(vb_buf *b, size_t extra)
{
    return vb_buf_fits(b, extra) ? VB_OK : vb_buf_reserve(b, extra);
}

/* Writes theme hit `h`'s spans at `p`, which has room for them, and the
 * object's end; returns the end. */
static char *put_spans(char *p, const vb_theme_hit *h)
{
    memcpy(p, ",\"spans\":[", 10);
    p += 10;
    for (size_t k = 0; k < h->n_spans; k++) {
        if (k > 0)
            *p++ = ',';
        *p++ = '[';
        p = vb_json_put_size(p, h->spans[k].start);
        *p++ = ',';
        p = vb_json_put_size(p, h->spans[k].end);
        *p++ = ']';
    }
    *p++ = ']';
    *p++ = '}';
    return p;
}

static vb_status put_themes(vb_buf *b, const vb_lexicon *lex, const vb_record *r)
{
    enum { SPAN_MAX = 2 * VB_JSON_SIZE_MAX + 4 };
    const size_t start = b->len;
    /* Each theme reserves room for all it can write and then writes
     * straight into the buffer. What the theme before wrote after its
     * head, the sentiment and then the spans, is at tail_at: a parent
     * often repeats its child, and both are copied. */
    size_t tail_at = 0, num_len = 0, tail_len = 0;
    const char *const *heads; /* per theme: {"id":...,"label":...,"sentiment": */
    const size_t *head_lens;
    vb_themes_json_heads(lex->themes, &heads, &head_lens);
    TRY(vb_buf_append(b, ",\"themes\":[", 11));
    for (size_t i = 0; i < r->n_themes; i++) {
        const vb_theme_hit *h = &r->themes[i];
        const char *head = heads[h->theme];
        const size_t head_len = head_lens[h->theme];
        if (h->n_spans > SIZE_MAX / 4 / SPAN_MAX || head_len > SIZE_MAX / 4 ||
            room(b, 1 + head_len + VB_JSON_NUMBER_MAX + 16 + h->n_spans * SPAN_MAX) != VB_OK)
            goto slow;
        char *p = b->data + b->len;
        if (i > 0)
            *p++ = ',';
        memcpy(p, head, head_len);
        p += head_len;
        const size_t at = (size_t)(p - b->data);
        if (i > 0 && same_tail(h, h - 1)) {
            memcpy(p, b->data + tail_at, tail_len); /* no longer than this theme's room */
            p += tail_len;
        } else {
            if (i > 0 && memcmp(&h->sentiment, &h[-1].sentiment, sizeof(double)) == 0) {
                memcpy(p, b->data + tail_at, num_len);
                p += num_len;
            } else if ((p = vb_json_put_number(p, h->sentiment, 4)) == NULL) {
                goto slow; /* printf's numbers, which scores never need */
            }
            num_len = (size_t)(p - b->data) - at;
            p = put_spans(p, h);
        }
        tail_at = at;
        tail_len = (size_t)(p - b->data) - at;
        *p = '\0';
        b->len = (size_t)(p - b->data);
    }
    return vb_buf_putc(b, ']');

slow: /* start again, the careful way */
    b->len = start;
    b->data[start] = '\0';
    return put_themes_slow(b, lex, r);
}

static vb_status put_id(vb_buf *b, const vb_record *r)
{
    return r->id != NULL ? vb_json_string(b, r->id, r->id_len) : vb_buf_puts(b, "null");
}

/* A column kept twice has one name (the source makes names of different
 * columns differ): its value is written once. */
static bool kept_before(const vb_record *r, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (strcmp(r->field_names[j], r->field_names[i]) == 0) return true;
    return false;
}

static vb_status write_record_json(vb_pipeline *p, const vb_record *r)
{
    vb_buf *b = &p->out;
    TRY(vb_buf_puts(b, "{\"id\":"));
    TRY(put_id(b, r));
    if (r->n_fields > 0) {
        TRY(vb_buf_puts(b, ",\"fields\":{"));
        for (size_t i = 0; i < r->n_fields; i++) {
            if (i > 0 && kept_before(r, i)) continue;
            if (i > 0)
                TRY(vb_buf_putc(b, ','));
            /* Column names come from the input's header: repair them like
             * any other text, so the JSON is always valid. */
            const char *name;
            size_t name_len, n_invalid;
            TRY(vb_utf8_repair(&p->arena, r->field_names[i], strlen(r->field_names[i]), &name,
                               &name_len, &n_invalid));
            TRY(vb_json_string(b, name, name_len));
            TRY(vb_buf_putc(b, ':'));
            if (r->fields[i].data == NULL)
                TRY(vb_buf_puts(b, "null"));
            else
                TRY(vb_json_string(b, r->fields[i].data, r->fields[i].len));
        }
        TRY(vb_buf_putc(b, '}'));
    }
    TRY(vb_buf_puts(b, ",\"sentiment\":"));
    TRY(put_sentiment(b, &r->sentiment));
    if (p->themes != NULL)
        TRY(put_themes(b, p->lex, r));
    if (p->opts.sentences)
        TRY(put_sentences(b, r));
    if (p->opts.explain)
        TRY(put_cues(b, r));
    return vb_buf_putc(b, '}');
}

vb_status vb_record_to_json(vb_pipeline *p, const vb_record *rec, const char **json,
                            size_t *len)
{
    vb_buf_reset(&p->out);
    vb_status st = write_record_json(p, rec);
    if (st != VB_OK)
        return st;
    *json = p->out.data;
    *len = p->out.len;
    return VB_OK;
}

static vb_status write_tokens_json(vb_pipeline *p, const vb_record *r)
{
    vb_buf *b = &p->out;
    for (size_t i = 0; i < r->n_tokens; i++) {
        const vb_token *t = &r->tokens[i];
        TRY(vb_buf_puts(b, "{\"id\":"));
        TRY(put_id(b, r));
        TRY(vb_buf_puts(b, ",\"i\":"));
        TRY(vb_json_size(b, i));
        TRY(vb_buf_puts(b, ",\"text\":"));
        TRY(vb_json_string(b, r->text + t->start, t->end - t->start));
        TRY(vb_buf_puts(b, ",\"norm\":"));
        TRY(vb_json_string(b, t->norm, t->norm_len));
        TRY(vb_buf_puts(b, ",\"stem\":"));
        TRY(vb_json_string(b, t->stem, t->stem_len));
        TRY(vb_buf_puts(b, ",\"kind\":\""));
        TRY(vb_buf_puts(b, vb_token_kind_name(t->kind)));
        TRY(vb_buf_puts(b, "\","));
        TRY(put_span_offsets(b, t->start, t->end));
        TRY(vb_buf_puts(b, ",\"sentence\":"));
        TRY(vb_json_size(b, t->sentence));
        TRY(vb_buf_puts(b, ",\"clause\":"));
        TRY(vb_json_size(b, t->clause));
        if (t->flags & VB_TOKEN_STOPWORD)
            TRY(vb_buf_puts(b, ",\"stopword\":true"));
        if (t->flags & VB_TOKEN_PRONOUN)
            TRY(vb_buf_puts(b, ",\"pronoun\":true"));
        if (t->flags & VB_TOKEN_ALLCAPS)
            TRY(vb_buf_puts(b, ",\"caps\":true"));
        if (t->flags & VB_TOKEN_ELONGATED)
            TRY(vb_buf_puts(b, ",\"elongated\":true"));
        TRY(vb_buf_puts(b, "}\n"));
    }
    return VB_OK;
}

vb_status vb_record_tokens_to_json(vb_pipeline *p, const vb_record *rec, const char **json,
                                   size_t *len)
{
    vb_buf_reset(&p->out);
    vb_status st = write_tokens_json(p, rec);
    if (st != VB_OK)
        return st;
    *json = p->out.data != NULL ? p->out.data : "";
    *len = p->out.len;
    return VB_OK;
}
