/* source.h: a streaming record source over any input format.
 *
 * A source turns bytes (pushed in chunks that may end anywhere) into
 * records of selected columns: the comment text, the id and the kept
 * columns. It hides the format (csv.c for CSV and TSV, jsonl.c for JSONL,
 * plain text lines here) and the column selection (by name, 1-based number
 * or, for JSONL, dotted path; the text column is detected from common names
 * when not given). It keeps at most one chunk plus one partial record.
 *
 *     vb_source *s = vb_source_new(&spec, alloc, &err);
 *     vb_source_feed(s, buf, len);          // then drain:
 *     while ((st = vb_source_next(s, &rec)) == VB_OK) ...;   // until VB_AGAIN
 *     vb_source_finish(s);                  // end of input, then drain to VB_DONE
 */
#ifndef VB_SOURCE_H
#define VB_SOURCE_H

#include "verbatim.h"

typedef struct vb_source_spec {
    vb_format format;             /* VB_FORMAT_AUTO: by source_name, else sniffed */
    const char *source_name;      /* for messages and extension; "-" = stdin */
    bool has_header;              /* CSV/TSV only */
    const char *text_col;         /* NULL = detect from common names */
    const char *const *more_text_cols; /* the comment goes on in these (a
                                      review's body after its title); needs
                                      text_col */
    size_t n_more_text_cols;
    const char *id_col;           /* NULL = none */
    const char *const *keep_cols;
    size_t n_keep_cols;
    const char *const *keep_kinds; /* NULL, or per keep column what messages
                                      call it; a NULL entry: "keep" */
    size_t max_field_bytes;       /* a larger field rejects its record */
    char delimiter;               /* CSV: 0 = from the first line (vb_options) */
    vb_encoding encoding;         /* the bytes' encoding (vb_options) */
} vb_source_spec;

typedef struct vb_source_record {
    size_t line;           /* 1-based line where the record starts */
    vb_status status;      /* VB_OK or the reason it is rejected */
    const char *error;     /* NUL-terminated message when status != VB_OK,
                              naming the field: "field \"comment\": ..." */
    vb_field text;         /* data NULL only for a rejected record */
    vb_field id;           /* data NULL when there is no id column */
    const vb_field *keep;  /* n_keep_cols entries; data NULL = absent */
} vb_source_record;

typedef struct vb_source vb_source;

/* Creates a source. The spec's strings are borrowed. NULL on failure with
 * `err` filled (e.g. VB_EINVAL for a column number of 0). */
vb_source *vb_source_new(const vb_source_spec *spec, const vb_allocator *alloc,
                         vb_error *err);
void vb_source_free(vb_source *s);

vb_status vb_source_feed(vb_source *s, const char *buf, size_t len);
vb_status vb_source_finish(vb_source *s);

/* Returns VB_OK with the next record in *out (valid until the next call on
 * `s`), VB_AGAIN when more input is needed, VB_DONE at the end, or a fatal
 * status (VB_EINVAL when the text column cannot be found, VB_ENOMEM) with
 * the reason in vb_source_errmsg(): for a missing column it lists the
 * columns that were found. The header row is not a record. */
vb_status vb_source_next(vb_source *s, vb_source_record *out);
const char *vb_source_errmsg(const vb_source *s);

/* The format in use once known (after auto-detection), else VB_FORMAT_AUTO. */
vb_format vb_source_format(const vb_source *s);

/* Rows read so far that follow the header names and are header too (a
 * Qualtrics export's question text and import ids, SurveyMonkey's row of
 * "Response" and "Open-Ended Response"): no records, but rows
 * of the file that a count of records should account for. */
size_t vb_source_extra_header_rows(const vb_source *s);

/* Names of the keep columns (the header names for CSV/TSV with a header,
 * else the spec's text), available once the first record is returned. */
const char *const *vb_source_keep_names(const vb_source *s);

/* The text column's name when a question chose it (see
 * vb_pipeline_text_column_by_question()); NULL otherwise. */
const char *vb_source_text_column_by_question(const vb_source *s);

/* Whether the columns are settled: a CSV's header read, or the JSON
 * object with the comment's key. Records read before may lack a column
 * the input has (a score's key found in a later object). */
bool vb_source_columns_ready(const vb_source *s);

/* Whether kept column `i` is in the input (see vb_pipeline_keep_found()). */
bool vb_source_keep_found(const vb_source *s, size_t i);

/* The question kept column `i` answers (see vb_pipeline_keep_question()). */
const char *vb_source_keep_question(const vb_source *s, size_t i);

/* See vb_pipeline_windows_1252_line(). */
size_t vb_source_windows_1252_line(const vb_source *s);

/* Guesses a format from a file name's extension (.csv .tsv .tab .jsonl
 * .ndjson .json .txt); VB_FORMAT_AUTO when it cannot tell. */
vb_format vb_format_from_name(const char *name);
/* Guesses a format from the first bytes of input: JSONL for an object or
 * an array of objects; TSV or CSV by the delimiters of the first line, or
 * CSV when that line is a comment column's name alone ("comment"); else
 * TEXT. Never returns AUTO. */
vb_format vb_format_sniff(const char *buf, size_t len);

#endif
