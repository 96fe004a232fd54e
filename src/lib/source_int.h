/* source_int.h: the state of a vb_source, shared by source.c (buffer,
 * formats, CSV and TSV, lines, columns) and source_json.c (JSON Lines, JSON
 * arrays and envelopes). Nothing else includes it. */
#ifndef VB_SOURCE_INT_H
#define VB_SOURCE_INT_H

#include "source.h"

#include "buf.h"
#include "csv.h"
#include "encoding.h"
#include "header.h"
#include "json_array.h"
#include "jsonl.h"

#include <stdbool.h>
#include <stddef.h>

#define SNIFF_MAX_BYTES ((size_t)64 << 10) /* sniff when this much is buffered */
#define NO_COL VB_NO_COLUMN

/* Columns the caller wants, in this order: text, id, keep columns, then
 * the columns the text goes on in. */
enum { SLOT_TEXT = 0, SLOT_ID = 1, SLOT_KEEP = 2 };

struct vb_source {
    const vb_allocator *alloc;
    vb_source_spec spec;     /* strings borrowed from the caller */
    vb_format format;        /* VB_FORMAT_AUTO until known */
    bool sniffed;            /* the format came from the first line */
    bool txt_name;           /* ".txt": plain text, or TSV when the first line has a
                              * tab (a spreadsheet's "text" exports) */
    char delim;              /* CSV/TSV: between fields; 0 until settled */
    size_t max_field_bytes;  /* a longer field rejects its record */
    size_t max_record_bytes; /* a longer CSV row or JSONL line is rejected too */

    vb_decoder dec; /* the input's bytes as UTF-8, into `in` */
    vb_buf in;      /* buffered input; in.data[pos..len) unconsumed */
    size_t pos;
    size_t pending;     /* bytes of the returned record, dropped at the next call */
    size_t line;        /* 1-based line of in.data[pos] */
    bool finished;      /* finish() was called */
    bool bom_done;      /* the start has been checked for a BOM */
    bool sep_done;      /* the first line has been checked for Excel's "sep=;" */
    bool after_cr;      /* a line ended with CR: a LF right after belongs to it */
    size_t sniff_space; /* sniffing: leading whitespace bytes seen */
    size_t sniff_scan;  /* sniffing: bytes searched for the first line end */
    size_t line_scan;   /* JSONL/text: bytes of the line searched for its end */
    bool line_skip;     /* JSONL/text: the line is too long, dropping it */
    /* JSON, settled by the next bytes that are not blank: a '[' opens a
     * JSON array, one record per element, framed by `array`; a '{' an
     * object, a line of JSON Lines or (when the first stands alone on its
     * line, pretty-printed) framed by its braces; an object that wraps the
     * records (an envelope) has them framed by `array` too. After an
     * array or an object framed so, the next bytes settle it again. */
    enum {
        JSON_UNDECIDED,
        JSON_LINES,
        JSON_ARRAY,
        JSON_OBJECT,  /* one object framed by its braces */
        JSON_ENVELOPE /* the records of an envelope */
    } json_framing;
    enum { OBJECTS_UNSETTLED, OBJECTS_BY_LINE, OBJECTS_BY_BRACES } objects_by;
    vb_json_array array;
    size_t column;        /* JSON: 1-based column of in.data[pos], until JSON_LINES */
    size_t envelope_line; /* where the envelope being read starts */
    /* How it was found: parsed, known to be one; or guessed by its
     * brackets, too long to parse, or not JSON (a record in it may be
     * the mistake, rejected on its own), its message in rec_err. */
    enum {
        ENVELOPE_PARSED,
        ENVELOPE_TOO_LONG,  /* an object framed by its braces */
        ENVELOPE_LONG_LINE, /* a line */
        ENVELOPE_BROKEN
    } envelope_found;
    vb_status envelope_status; /* ENVELOPE_BROKEN: the parse's */
    bool top_records;          /* an object at the top was a record with its comment */
    bool top_envelopes;        /* an object at the top was an envelope */

    size_t n_slots;         /* 2 + n_keep_cols + n_more_text_cols */
    size_t more_text;       /* the slot of the first column the text goes on in */
    const char **slot_spec; /* what the caller asked for per slot (NULL = none) */
    size_t *slot_col;       /* CSV/TSV: 0-based column per slot, or NO_COL */
    const char **slot_name; /* per slot, for messages; NULL-terminated */
    vb_field *fields;       /* the current record's value per slot */
    bool columns_ready;     /* slots resolved (header read, or text detected) */

    vb_header header;         /* CSV/TSV: the names and survey header rows */
    size_t extra_header_rows; /* rows after the names that are header too */
    bool await_survey_rows;   /* the columns wait for the export's header rows: no
                               * name looks like the comment's, and they may mark its
                               * open-ended question; or the score's column is to be
                               * found and only their questions may say which */
    bool text_by_question;    /* no --text-col and no name said comment: a question's
                               * wording or a survey's mark chose the text column */
    bool data_seen;           /* a row after the header rows has been read */
    char *key_mem;            /* CSV/TSV: keep names made unique, when any were not */
    char *detected;           /* JSONL: the detected text key */
    size_t score_slot;        /* the kept column to be found as the score's, or NO_COL */
    bool score_optional;      /* kind "score?": none found is no score, not an error */
    char *detected_score;     /* JSONL: the score's key, so found */
    vb_buf joined;            /* a text over several columns, joined */
    size_t objects;           /* JSONL: objects read */
    bool text_seen;           /* JSONL: an object had the text key (null included) */

    vb_csv csv;
    vb_jsonl *jsonl;

    vb_status fatal; /* sticky once set */
    char errmsg[1024];
    char rec_err[512]; /* the current rejected record's reason */
};

/* source.c */

/* Stops the source for good: `st` with the message, returned. */
vb_status vb_source_fail(vb_source *s, vb_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Ends the message vb_source_fail() began with the list of `names` and,
 * unless `hint` is NULL, " (hint)"; returns the failure's status. */
vb_status vb_source_fail_names(vb_source *s, const char *const *names, size_t n, const char *hint);

/* Rejects the record in *out with the reason. */
void vb_source_reject(vb_source *s, vb_source_record *out, vb_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Sets up *out for a record that starts at `line`, its fields cleared. */
void vb_source_begin_record(vb_source *s, vb_source_record *out, size_t line);

/* The next line as a record: a JSON Lines object, or plain text. */
vb_status vb_source_line_next(vb_source *s, vb_source_record *out, bool *skipped);

/* source_json.c */

/* The next JSON record: an element of an array, or a line. */
vb_status vb_source_json_next(vb_source *s, vb_source_record *out, bool *skipped);

/* A JSON object (a line, or an array's element that starts at `line_no`,
 * `column`) into *out, which vb_source_begin_record() has set up.
 * `envelope` is NULL for an element; for an object at the top, it is set
 * when the object is an envelope: then it is no record, and the next
 * calls read the records in it. */
vb_status vb_source_json_record(vb_source *s, const char *text, size_t len, size_t line_no,
                                size_t column, vb_source_record *out, bool *envelope);

/* A line that starts an object and is longer than a record may be (the
 * source is at its first byte): read as an envelope as it streams, the
 * elements of its first array of objects the records, as an API's answer
 * saved on one line. */
void vb_source_json_stream_line(vb_source *s);

/* At the end of JSON input: VB_DONE, or the error that no object had the
 * comment's key. */
vb_status vb_source_json_end(vb_source *s);

/* What a JSON value that cannot be a comment is, for its message; NULL
 * for text, a number or null. */
const char *vb_source_json_not_text(vb_json_kind kind);

#endif
