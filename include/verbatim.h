/*
 * verbatim.h: the public interface of libverbatim.
 *
 * libverbatim streams customer comments through a fixed chain of stages:
 * read (CSV, TSV, JSONL, text) -> UTF-8 repair -> normalise -> tokenise ->
 * stem -> sentiment -> themes. Push bytes in, pull analysed records out:
 *
 *     vb_options o;
 *     vb_options_init(&o);
 *     o.text_col = "comment";
 *     vb_error err;
 *     vb_lexicon *lex = vb_lexicon_load(data_dir, &o, &err);
 *     vb_pipeline *p = vb_pipeline_new(lex, &o, &err);
 *     while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
 *         vb_pipeline_feed(p, buf, n);
 *         while (vb_pipeline_next(p, &rec) == VB_OK) use(rec);
 *     }
 *     vb_pipeline_finish(p);
 *     while (vb_pipeline_next(p, &rec) == VB_OK) use(rec);
 *     vb_pipeline_free(p);
 *     vb_lexicon_free(lex);
 *
 * Thread safety: a vb_lexicon is immutable once loaded and may be shared by
 * any number of threads; a vb_pipeline belongs to one thread at a time.
 * Input is always pointer plus length; nothing requires a NUL terminator.
 */
#ifndef VERBATIM_H
#define VERBATIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define VB_EXPORT __attribute__((visibility("default")))
#else
#define VB_EXPORT
#endif

#define VB_VERSION_MAJOR 0
#define VB_VERSION_MINOR 1
#define VB_VERSION_PATCH 0
#define VB_VERSION_STRING "0.1.0"

/* Version of the JSON written by vb_record_to_json(); bumped on any change
 * that could break a consumer (a renamed or removed key, a changed type). */
#define VB_SCHEMA_VERSION 1

/* Returns the library's version string, e.g. "0.1.0". */
VB_EXPORT const char *vb_version(void);

/* Status codes. Values are fixed once released. */
typedef enum vb_status {
    VB_OK = 0,
    VB_AGAIN = 1,  /* more input is needed before a record can be returned */
    VB_DONE = 2,   /* input finished and every record has been returned */
    VB_ENOMEM = 3, /* an allocation failed */
    VB_EIO = 4,    /* reading or writing failed */
    VB_EPARSE = 5, /* malformed input or configuration */
    VB_EUTF8 = 6,  /* invalid UTF-8 where it cannot be repaired */
    VB_ELIMIT = 7, /* a configured limit (field size, nesting) was exceeded */
    VB_EINVAL = 8  /* bad argument or option (e.g. unknown column, language) */
} vb_status;

/* Returns a static, human-readable description of `st`. */
VB_EXPORT const char *vb_strerror(vb_status st);

/* Error details filled in by calls that can fail during set-up. */
typedef struct vb_error {
    vb_status code;
    char source[256];  /* file the error concerns, or "" */
    size_t line;       /* 1-based line in `source`, 0 when not applicable */
    char message[512]; /* what is wrong, NUL-terminated */
} vb_error;

/* Every allocation the library makes goes through this. A NULL `malloc`
 * means the C library's malloc/realloc/free. `free` is never given NULL. */
typedef struct vb_allocator {
    void *(*malloc)(size_t size, void *ctx);
    void *(*realloc)(void *ptr, size_t size, void *ctx);
    void (*free)(void *ptr, void *ctx);
    void *ctx;
} vb_allocator;

typedef enum vb_format {
    VB_FORMAT_AUTO = 0, /* by file extension, else by sniffing the first bytes */
    VB_FORMAT_CSV,
    VB_FORMAT_TSV,
    VB_FORMAT_JSONL, /* JSON Lines, a JSON array of objects (by its '['), an
                      * object holding the records in an array, or
                      * pretty-printed objects */
    VB_FORMAT_TEXT   /* one comment per line */
} vb_format;

/* Parses "auto", "csv", "tsv", "jsonl" (or "ndjson", "json") and "text".
 * Returns false for anything else. */
VB_EXPORT bool vb_format_parse(const char *name, vb_format *out);
VB_EXPORT const char *vb_format_name(vb_format f);

/* The input's character encoding; the text is turned into UTF-8 as it is
 * read, so offsets and output are of the UTF-8 text. */
typedef enum vb_encoding {
    VB_ENCODING_AUTO = 0,     /* UTF-8, or UTF-16 by its byte order mark, or
                                 Windows-1252 when the first line with a byte
                                 past ASCII is not UTF-8 (Excel's "CSV") */
    VB_ENCODING_UTF8,         /* invalid sequences become U+FFFD, counted */
    VB_ENCODING_UTF16,        /* by its byte order mark, else little-endian */
    VB_ENCODING_UTF16LE,
    VB_ENCODING_UTF16BE,
    VB_ENCODING_WINDOWS_1252  /* also for Latin-1 (ISO-8859-1), as browsers do */
} vb_encoding;

/* Parses "auto", "utf-8", "utf-16", "utf-16le", "utf-16be" and
 * "windows-1252" (or "cp1252", "latin-1", "iso-8859-1"), in any case, with
 * or without the hyphen. Returns false for anything else. */
VB_EXPORT bool vb_encoding_parse(const char *name, vb_encoding *out);
VB_EXPORT const char *vb_encoding_name(vb_encoding e);

/* Options for loading data and running pipelines. Always start from
 * vb_options_init(), so fields added later get their defaults. Strings are
 * borrowed: they must outlive every object created with these options. */
typedef struct vb_options {
    vb_allocator alloc;
    const char *language;    /* libstemmer name or ISO code; default "english" */
    vb_format format;        /* default VB_FORMAT_AUTO */
    const char *source_name; /* for messages and format detection; "-" = stdin */
    bool has_header;         /* CSV/TSV: first row names the columns; default true */
    const char *text_col;    /* name, 1-based number or JSON dotted path; NULL = detect */
    const char *id_col;      /* NULL: the id is the record number */
    const char *const *keep_cols; /* columns passed through to the output; a
                                NULL entry whose keep_col_kinds entry is
                                "score" is found by its name ("score",
                                "NPS", "Rating", "review_score") or by the
                                question it asks ("How likely are you to
                                recommend ..."); its name, once found, in
                                vb_pipeline_keep_names(). "score?": the
                                same where the input has one; else the
                                field is absent, and no error
                                (vb_pipeline_keep_found()) */
    size_t n_keep_cols;
    size_t max_field_bytes;  /* larger fields reject the record; default 16 MiB */
    bool sentences;          /* JSON output: add per-sentence scores */
    bool explain;            /* JSON output: add the cues behind each score */
    const char *const *lexicon_files; /* user lexicons, later ones win */
    size_t n_lexicon_files;
    const char *taxonomy;    /* theme taxonomy (JSON); NULL = the default,
                                data_dir/VB_DEFAULT_TAXONOMY, skipped while
                                that file is absent or for another
                                language; "" = no themes */
    const char *const *keep_col_kinds; /* NULL, or one per keep column: what
                                messages call it ("date" for a date column:
                                'date column "X" not found'); a NULL entry
                                means "keep" */
    char delimiter;          /* CSV: the byte between fields (',', ';', '|',
                                '\t', ...); 0 = from the first line: the
                                one Excel's "sep=;" line names (then no
                                header), else ',' or ';' whichever occurs
                                more often outside quotes (a European
                                spreadsheet's export) */
    const char *const *more_text_cols; /* the comment goes on in these
                                columns, each part on a line of its own (a
                                review's title in text_col, its body here);
                                blank parts are left out; needs text_col */
    size_t n_more_text_cols;
    vb_encoding encoding;    /* default VB_ENCODING_AUTO */
} vb_options;

/* The default taxonomy, under the data directory. */
#define VB_DEFAULT_TAXONOMY "themes/cx.json"

VB_EXPORT void vb_options_init(vb_options *o);

/* ---- Lexicons ------------------------------------------------------------ */

/* The loaded language data: stopwords, sentiment lexicons, the CX overlay
 * and any user lexicons named in `opts`. Immutable after loading. */
typedef struct vb_lexicon vb_lexicon;

/* Loads the data for `opts->language` from `data_dir` (which holds one
 * folder per language code, e.g. data_dir/en/). Returns NULL on failure and
 * fills `err` (if not NULL) with the file, line and reason. Free with
 * vb_lexicon_free(). */
VB_EXPORT vb_lexicon *vb_lexicon_load(const char *data_dir, const vb_options *opts,
                                      vb_error *err);
VB_EXPORT void vb_lexicon_free(vb_lexicon *lex); /* NULL is a no-op */

/* Number of terms in `lex`'s sentiment lexicons (shipped and user). 0 for
 * a language with none yet: every comment then scores 0. */
VB_EXPORT size_t vb_lexicon_n_sentiment_terms(const vb_lexicon *lex);

/* Lists the languages accepted for `language` (libstemmer's algorithms),
 * as a NULL-terminated static array. */
VB_EXPORT const char **vb_languages(void);

/* ---- Analysed records ----------------------------------------------------- */

typedef enum vb_token_kind {
    VB_TOKEN_WORD = 0, /* letters, digits, inner ' and - (don't, e-mail) */
    VB_TOKEN_NUMBER,   /* 42, 3.5, 1,000, 10% */
    VB_TOKEN_EMOJI,    /* one whole grapheme cluster (skin tones, ZWJ) */
    VB_TOKEN_EMOTICON, /* :) :-( :D <3 */
    VB_TOKEN_URL,
    VB_TOKEN_EMAIL,
    VB_TOKEN_MENTION, /* @name */
    VB_TOKEN_HASHTAG, /* #tag */
    VB_TOKEN_PUNCT,   /* a run of punctuation: ! !!! ?! ... , */
    VB_TOKEN_SYMBOL   /* anything else that is not space */
} vb_token_kind;

/* Returns "word", "number", "emoji", ... for `k`. */
VB_EXPORT const char *vb_token_kind_name(vb_token_kind k);

enum {
    VB_TOKEN_ALLCAPS = 1u << 0,   /* word written in capitals, 2+ letters */
    VB_TOKEN_ELONGATED = 1u << 1, /* a letter repeated 3+ times ("soooo") */
    VB_TOKEN_STOPWORD = 1u << 2,  /* in the language's stopword list */
    VB_TOKEN_PRONOUN = 1u << 3    /* stands for something named before ("it",
                                     "they"): the language's pronouns.txt */
};

typedef struct vb_token {
    size_t start, end;   /* byte offsets into vb_record.text, end exclusive */
    const char *norm;    /* NFKC + case folded, entities decoded; NUL-terminated */
    size_t norm_len;
    const char *lookup;  /* `norm` with elongations reduced ("soooo" -> "soo",
                            or to one letter when only that form is a theme
                            term: "sloooow" -> "slow"), the form used for
                            lexicon lookups */
    size_t lookup_len;
    const char *stem;    /* Snowball stem of `lookup` for words, else `lookup` */
    size_t stem_len;
    vb_token_kind kind;
    uint32_t flags;      /* VB_TOKEN_* bits */
    uint32_t sentence;   /* index into vb_record.sentences */
    uint32_t clause;     /* index into vb_record.clauses */
} vb_token;

/* A run of tokens: a sentence or a clause. */
typedef struct vb_span {
    size_t start, end;             /* byte offsets into vb_record.text */
    size_t first_token, n_tokens;  /* tokens [first_token, first_token + n_tokens) */
} vb_span;

/* A passed-through column value. `data` is NULL when the column was absent
 * in this record (JSON null or missing key, short CSV row). */
typedef struct vb_field {
    const char *data;
    size_t len;
} vb_field;

typedef enum vb_label { VB_NEGATIVE = -1, VB_NEUTRAL = 0, VB_POSITIVE = 1 } vb_label;

/* VADER-compatible scores: `compound` in [-1, 1]; pos + neu + neg = 1 (or
 * all 0 for text without words); label by the +-0.05 thresholds. */
typedef struct vb_sentiment {
    double compound;
    double pos, neu, neg;
    vb_label label;
} vb_sentiment;

/* Rules that changed a cue's valence (bits of vb_cue.rules). */
enum {
    VB_RULE_NEGATED = 1u << 0,        /* in the scope of a negator */
    VB_RULE_BOOSTED = 1u << 1,        /* after a booster ("very") */
    VB_RULE_DAMPENED = 1u << 2,       /* after a dampener ("kind of", "slightly") */
    VB_RULE_CAPS = 1u << 3,           /* ALL-CAPS in mixed-case text */
    VB_RULE_AFTER_CONTRAST = 1u << 4, /* after "but", "however", ... (weighted up) */
    VB_RULE_BEFORE_CONTRAST = 1u << 5,/* before a contrast (weighted down) */
    VB_RULE_EXCLAIM = 1u << 6,        /* sentence ends with '!' */
    VB_RULE_QUESTION = 1u << 7,       /* sentence ends with '?' */
    VB_RULE_IDIOM = 1u << 8,          /* a multi-word expression */
    VB_RULE_LEAST = 1u << 9,          /* "least" before it */
    VB_RULE_CX = 1u << 10,            /* valence from the CX overlay */
    VB_RULE_USER = 1u << 11,          /* valence from a user lexicon */
    VB_RULE_LONG_WAIT = 1u << 12,     /* a wait told in numbers, long for its unit */
    VB_RULE_IMPERATIVE = 1u << 13,    /* "Try the fish.", "Skip dessert.": said to the reader */
    VB_RULE_REPEATED = 1u << 14,      /* tries or repairs told in numbers: "had to call 4
                                       * times", "replaced twice" */
    VB_RULE_INTENT = 1u << 15,        /* coming again or not: "won't be ordering again" */
    VB_RULE_REQUEST = 1u << 16,       /* asking for more: "the store needs more cashiers" */
    VB_RULE_RATING = 1u << 17,        /* a rating written out: "10/10", "4 out of 5 stars" */
    VB_RULE_UNMET = 1u << 18,         /* a negator before a plain word, a function that
                                       * fails: "won't close", "doesn't play" */
    VB_RULE_DID_NOTHING = 1u << 19    /* an effort that failed: "did nothing", "fixed
                                       * nothing" */
};

/* Returns the name of one VB_RULE_* bit ("negated", "boosted", ...). */
VB_EXPORT const char *vb_rule_name(uint32_t rule);

/* One word, phrase, emoji or emoticon that contributed to a score. */
typedef struct vb_cue {
    size_t start, end;      /* byte offsets into vb_record.text */
    size_t first_token, n_tokens;
    uint32_t sentence;      /* index into vb_record.sentences */
    double valence;         /* lexicon valence, -4..+4 */
    double score;           /* contribution after every rule */
    uint32_t rules;         /* VB_RULE_* bits */
    const char *modifier;   /* the word that negated/boosted/dampened it, or NULL */
} vb_cue;

/* A theme of the loaded taxonomy. Themes are numbered 0..n-1 in the
 * taxonomy's order, parents before their children. */
typedef struct vb_theme_info {
    const char *id;      /* "delivery.late" */
    const char *label;   /* "Late delivery" */
    int32_t parent;      /* index of the parent theme, -1 for a top-level one */
} vb_theme_info;

/* Number of themes in `lex`'s taxonomy and the theme at `index`. */
VB_EXPORT size_t vb_lexicon_n_themes(const vb_lexicon *lex);
VB_EXPORT const vb_theme_info *vb_lexicon_theme(const vb_lexicon *lex, size_t index);

/* A 64-bit fingerprint of `lex`'s taxonomy, 0 when it has none: a hash of
 * what decides a comment's themes and their names (the themes' ids,
 * labels, parents and exclude scopes, every term and regex as written with
 * its list and opinion valence, the language the terms were stemmed for).
 * Taxonomies that differ in any of these almost surely differ in it; the
 * order of themes, terms and keys in the file, its name, description,
 * "x-" keys and spacing do not count. For vb_agg_set_taxonomy(). */
VB_EXPORT uint64_t vb_lexicon_taxonomy_fingerprint(const vb_lexicon *lex);

typedef struct vb_range {
    size_t start, end;   /* byte offsets into vb_record.text, end exclusive */
} vb_range;

/* A theme a record mentions. Both a child and its parent are reported. */
typedef struct vb_theme_hit {
    uint32_t theme;          /* index, see vb_lexicon_theme() */
    double sentiment;        /* compound of the clauses that mention it, [-1, 1] */
    const vb_range *spans;   /* the matched text, in order */
    size_t n_spans;
} vb_theme_hit;

/* One input record and everything the pipeline learnt about it. All memory
 * belongs to the pipeline and is valid until the next call on it. */
typedef struct vb_record {
    size_t record_no;    /* 1-based position among this pipeline's records */
    size_t line;         /* 1-based line of the source where it starts */
    vb_status status;    /* VB_OK, or why the record was rejected */
    const char *error;   /* rejection reason (NUL-terminated) when status != VB_OK */

    const char *id;      /* id column's text as read, or the record number;
                          * NULL when the id column is missing or null */
    size_t id_len;
    const char *text;    /* the comment, invalid UTF-8 replaced by U+FFFD */
    size_t text_len;
    size_t n_invalid_utf8; /* sequences replaced in this record */
    const vb_field *fields; /* one per keep column */
    const char *const *field_names; /* their names, n_fields of them */
    size_t n_fields;

    const vb_token *tokens;
    size_t n_tokens;
    const vb_span *sentences;
    size_t n_sentences;
    const vb_span *clauses;
    size_t n_clauses;

    vb_sentiment sentiment;                 /* the whole comment */
    const vb_sentiment *sentence_sentiment; /* one per sentence */
    const vb_sentiment *clause_sentiment;   /* one per clause */
    const vb_cue *cues;                     /* only with vb_options.explain */
    size_t n_cues;
    const vb_theme_hit *themes;             /* in taxonomy order */
    size_t n_themes;
    const char *warning; /* a problem that did not reject the record (a theme
                            regex cut off by its match limit), or NULL */
    bool non_answer;     /* the comment says nothing ("n/a", "no comment": the
                            language's non_answers.txt): no sentiment, no theme */
} vb_record;

/* ---- Pipelines ----------------------------------------------------------- */

typedef struct vb_pipeline vb_pipeline;

/* Creates a pipeline that borrows `lex` (which must outlive it) and the
 * strings in `opts`. Returns NULL on failure, with `err` filled. */
VB_EXPORT vb_pipeline *vb_pipeline_new(const vb_lexicon *lex, const vb_options *opts,
                                       vb_error *err);
VB_EXPORT void vb_pipeline_free(vb_pipeline *p); /* NULL is a no-op */

/* Starts a new input source named `source_name` (for messages and format
 * detection): the reader state and header are reset, while record numbers,
 * statistics and caches carry on. */
VB_EXPORT vb_status vb_pipeline_reset(vb_pipeline *p, const char *source_name);

/* Passes `len` bytes of input. A chunk may end anywhere, even inside a
 * record or a UTF-8 sequence; `p` copies what it keeps. Call
 * vb_pipeline_next() until it returns VB_AGAIN before feeding more, so the
 * pipeline never holds more than one chunk plus one partial record. */
VB_EXPORT vb_status vb_pipeline_feed(vb_pipeline *p, const char *buf, size_t len);

/* Marks the end of the current source's input. */
VB_EXPORT vb_status vb_pipeline_finish(vb_pipeline *p);

/* A record as read, before analysis. vb_pipeline_next() is
 * vb_pipeline_read() followed by vb_pipeline_analyze(); calling them
 * separately lets one thread read while other threads, each with a
 * pipeline of its own, analyse (see src/cli/parallel.c). */
typedef struct vb_raw_record {
    size_t record_no;      /* 1-based position among the reading pipeline's records */
    size_t line;           /* 1-based line where it starts */
    vb_status status;      /* VB_OK, or why it could not be read */
    const char *error;     /* when status != VB_OK */
    vb_field text;         /* the comment as read */
    vb_field id;           /* data NULL: no id column */
    const vb_field *keep;  /* n_keep kept columns; data NULL = absent */
    const char *const *keep_names;
    size_t n_keep;
} vb_raw_record;

/* Reads the next record without analysing it; returns like
 * vb_pipeline_next(). Counts it as read (and rejected, if it is). The
 * record's memory is valid until the next call on `p`. */
VB_EXPORT vb_status vb_pipeline_read(vb_pipeline *p, vb_raw_record *out);

/* Analyses `raw` (read by this or another pipeline with the same options)
 * with `p`'s per-thread state. *out is valid until the next call on `p`;
 * a raw record that was rejected gives a rejected record, not counted
 * again. Returns VB_OK (the record may still be rejected, e.g. for lack of
 * memory: check (*out)->status). */
VB_EXPORT vb_status vb_pipeline_analyze(vb_pipeline *p, const vb_raw_record *raw,
                                        const vb_record **out);

/* Returns the next record in *out: VB_OK (a record, which may be a rejected
 * one: check (*out)->status); VB_AGAIN (feed more); VB_DONE (finished and
 * drained). Any other status is a fatal error for this source, described by
 * vb_pipeline_errmsg() (for example a text column that does not exist).
 * It reads up to VB_PIPELINE_BATCH records ahead, as far as the input fed
 * so far goes, and analyses them together as vb_pipeline_analyze_batch()
 * does; the statistics count a record when it is returned. Do not mix it
 * with vb_pipeline_read() on the same source.
 * Records read before the columns are settled (JSON objects before the
 * first with the comment's key) wait, up to 100 of them, until they are:
 * the first record returned finds every column the input names, such as
 * a score's key found in a later object (vb_pipeline_keep_names()). */
VB_EXPORT vb_status vb_pipeline_next(vb_pipeline *p, const vb_record **out);

/* Describes the last fatal error: "source:line: message". Owned by `p`,
 * valid until the next call on `p`. */
VB_EXPORT const char *vb_pipeline_errmsg(const vb_pipeline *p);

/* Names of the columns passed through (in vb_record.fields order), resolved
 * once the header has been read. */
VB_EXPORT const char *const *vb_pipeline_keep_names(const vb_pipeline *p, size_t *n);

/* Whether kept column `i` has been found in the input: false for a
 * "score?" (keep_col_kinds) the header has none of, and until the
 * header is read (JSON: until an object has the key). */
VB_EXPORT bool vb_pipeline_keep_found(const vb_pipeline *p, size_t i);

/* The question kept column `i` answers, from the questions row under the
 * names of a Qualtrics export (Q1: "How likely are you to recommend
 * us?"); NULL without one, and until the header is read. */
VB_EXPORT const char *vb_pipeline_keep_question(const vb_pipeline *p, size_t i);

/* The text column's name when no text_col was given and no column is
 * named like a comment ("comment", "Review Text", "NPS reason"), so that
 * a survey question's wording ("What is the main reason for your
 * score?") or a Qualtrics export's open-ended mark chose it: a guess the
 * caller should name. NULL otherwise, and until the header is read. */
VB_EXPORT const char *vb_pipeline_text_column_by_question(const vb_pipeline *p);

/* The line that made VB_ENCODING_AUTO read the current input as
 * Windows-1252 (its first line with a byte past ASCII, which is not
 * UTF-8): a guess the caller should name. 0 when nothing was guessed:
 * the input is UTF-8 or ASCII, has a UTF-16 byte order mark, or an
 * encoding was given. */
VB_EXPORT size_t vb_pipeline_windows_1252_line(const vb_pipeline *p);

/* The lexicon `p` was made with: what a record's theme indices refer to. */
VB_EXPORT const vb_lexicon *vb_pipeline_lexicon(const vb_pipeline *p);

typedef struct vb_stats {
    size_t records_read;     /* records seen, rejected ones included */
    size_t records_rejected; /* records that could not be analysed */
    size_t invalid_utf8;     /* invalid sequences replaced by U+FFFD */
    size_t bytes_read;       /* input bytes fed */
    size_t records_with_text;  /* written records whose comment has a word and
                                * is no non-answer */
    size_t records_with_theme; /* of those, records with at least one theme */
    size_t records_non_answer; /* written records whose comment is a non-answer */
    size_t regex_limit_hits;   /* theme regex searches cut off by a limit */
    size_t records_without_id; /* written with a null id: the id column was
                                * missing or null in the record */
    size_t extra_header_rows;  /* rows after a CSV's header names that are
                                * header too (a Qualtrics export's question
                                * text and import ids, SurveyMonkey's row of
                                * "Response"), not records */
} vb_stats;

VB_EXPORT void vb_pipeline_stats(const vb_pipeline *p, vb_stats *out);

/* Adds every count of `from` to `to` (statistics of several pipelines or
 * batches summed). */
VB_EXPORT void vb_stats_add(vb_stats *to, const vb_stats *from);

/* The most records vb_pipeline_analyze_batch() takes at once. */
#define VB_PIPELINE_BATCH 16

/* Analyses raws[0..n) (n at most VB_PIPELINE_BATCH) as vb_pipeline_analyze()
 * does each, into out[0..n): each stage runs over all of them before the
 * next stage starts, which is faster than one record at a time. The
 * records are valid together until the next call on `p` other than
 * vb_record_to_json() and vb_record_tokens_to_json(). If `counts` is not
 * NULL, counts[i] gets what analysing record i added to the statistics
 * (its records_read is 0: reading counts that); the statistics include
 * them all on return. Returns VB_OK, or VB_EINVAL for n over
 * VB_PIPELINE_BATCH. */
VB_EXPORT vb_status vb_pipeline_analyze_batch(vb_pipeline *p, const vb_raw_record *raws, size_t n,
                                              const vb_record **out, vb_stats *counts);

/* Writes `rec` as one JSON object without a trailing newline (the schema
 * is in README.md, version VB_SCHEMA_VERSION) into a buffer owned by `p`,
 * valid until the next call on `p`. */
VB_EXPORT vb_status vb_record_to_json(vb_pipeline *p, const vb_record *rec,
                                      const char **json, size_t *len);

/* Writes `rec`'s tokens, one JSON object per token and per line
 * ({"id","i","text","norm","stem","kind","start","end","sentence","clause"}),
 * each followed by a newline, into a buffer owned by `p`. */
VB_EXPORT vb_status vb_record_tokens_to_json(vb_pipeline *p, const vb_record *rec,
                                             const char **json, size_t *len);

/* ---- Theme taxonomies ----------------------------------------------------- */

/* A taxonomy (JSON, format in README.md "Themes") is loaded by
 * vb_lexicon_load() from vb_options.taxonomy; this checks one without
 * loading anything else, for editors and `verbatim themes check`. */

/* Receives one problem: the JSON path it concerns ("$.themes[2].regex[0]")
 * and what is wrong ("bad regex at offset 5: missing closing parenthesis"). */
typedef void (*vb_taxonomy_report_fn)(const char *json_path, const char *message, void *ctx);

typedef struct vb_taxonomy_counts {
    size_t n_themes;    /* every theme, children included */
    size_t n_top_level;
    size_t n_regex;
} vb_taxonomy_counts;

/* Reads, checks and compiles the taxonomy at `path` as vb_lexicon_load()
 * would, calling `report` (may be NULL) once per problem, in document
 * order as far as possible, and returns how many there were (0: the
 * taxonomy is good, and *counts, if not NULL, describes it). Terms are
 * stemmed for opts->language; a NULL language means the taxonomy's own
 * "language" (default English). Returns SIZE_MAX, with `err` filled, when
 * the check could not run: the file cannot be read (VB_EIO), is over
 * 16 MiB (VB_ELIMIT), an unknown opts->language or a path of "-" (VB_EINVAL:
 * the library never reads stdin; pass a name for it, e.g. /dev/stdin),
 * VB_ENOMEM. */
VB_EXPORT size_t vb_taxonomy_check(const char *path, const vb_options *opts,
                                   vb_taxonomy_report_fn report, void *ctx,
                                   vb_taxonomy_counts *counts, vb_error *err);

/* ---- Reports: what drives the score and what changed ---------------------- */

/* A report turns analysed comments with a score into the figures a CX
 * analyst asks for: the overall score with its 95 % interval, the trend
 * and segments, per theme its volume, score and impact, key drivers, what
 * changed between two periods or segments, areas for focus and quotes.
 *
 * Records go into a vb_agg, which keeps only additive state (counts, sums
 * and sums of products, plus bounded top-k quote lists): two vb_agg fed
 * with halves of the input and merged with vb_agg_merge() give the same
 * figures as one pass. vb_report_new() computes every figure from it.
 *
 *     vb_report_options ro;
 *     vb_report_options_init(&ro);
 *     ro.score_col = "score";
 *     ro.date_col = "date";
 *     vb_agg *agg = vb_agg_new(&ro, &err);
 *     for each respondent:
 *         vb_agg_add(agg, &row, issues, &n_issues);  // report the issues
 *     vb_report *rep = vb_report_new(agg, &err);
 *     vb_report_render(rep, VB_REPORT_JSON, NULL, 0, &text, &len);
 *     vb_report_free(rep);
 *     vb_agg_free(agg);
 *
 * Thread safety: one vb_agg per thread; merge them at the end. The
 * formulas and the JSON schema are documented in README.md ("Report"). */

typedef enum vb_metric {
    VB_METRIC_NPS = 0, /* 0-10; 100 x (promoters 9-10 - detractors 0-6) / n */
    VB_METRIC_CSAT,    /* % of scores in the top box(es) of the scale */
    VB_METRIC_CES,     /* mean effort score on the scale */
    VB_METRIC_MEAN     /* mean of any number */
} vb_metric;

typedef enum vb_period {
    VB_PERIOD_NONE = 0,
    VB_PERIOD_DAY,     /* YYYY-MM-DD */
    VB_PERIOD_WEEK,    /* YYYY-Www, ISO 8601 week */
    VB_PERIOD_MONTH,   /* YYYY-MM */
    VB_PERIOD_QUARTER, /* YYYY-Qn */
    VB_PERIOD_YEAR     /* YYYY */
} vb_period;

typedef enum vb_report_format {
    VB_REPORT_TABLE = 0, /* aligned text for a terminal of 100 columns */
    VB_REPORT_JSON,      /* one document, schema in README.md */
    VB_REPORT_CSV,       /* one table per section, formula-injection safe */
    VB_REPORT_MD,        /* Markdown for a wiki page or a ticket */
    VB_REPORT_HTML       /* one self-contained page: inline CSS and SVG charts */
} vb_report_format;

/* Parse "nps", "csat", "ces", "mean" / "day" ... "year" / "table" ...
 * "html"; false for anything else. The _name functions give them back. */
VB_EXPORT bool vb_metric_parse(const char *name, vb_metric *out);
VB_EXPORT const char *vb_metric_name(vb_metric m);
/* The metric a score column's name asks for: CSAT for satisfaction
 * ("CSAT", "How satisfied were you?"), CES for effort or ease ("CES",
 * "How easy was it?"), the mean for a rating or stars ("Rating",
 * "review_score", "Star rating"), else NPS ("NPS", "Likelihood to
 * recommend", "score"), the default. */
VB_EXPORT vb_metric vb_metric_of_column(const char *name);
VB_EXPORT bool vb_period_parse(const char *name, vb_period *out);
VB_EXPORT const char *vb_period_name(vb_period p);
VB_EXPORT bool vb_report_format_parse(const char *name, vb_report_format *out);

/* Start from vb_report_options_init(). Strings are borrowed and must
 * outlive the vb_agg and every vb_report made from it. */
typedef struct vb_report_options {
    vb_allocator alloc;
    vb_metric metric;             /* default VB_METRIC_NPS */
    double scale_min, scale_max;  /* valid scores; both 0 = the metric's own:
                                     NPS 0-10, CSAT 1-5, CES 1-7, mean any */
    unsigned top_box;             /* CSAT: top points counted satisfied; default 2 */
    bool lower_is_better;         /* e.g. CES asked as effort: higher is worse */
    const char *score_col;        /* column names, for messages; NULL = unused */
    const char *date_col;
    const char *segment_col;
    const char *weight_col;
    const char *date_format;      /* strptime-like; NULL = ISO 8601 and
                                     "YYYY-MM-DD HH:MM:SS +hhmm" */
    vb_period period;             /* trend periods; default month with date_col */
    const char *compare_from;     /* --compare A..B: period labels or segment */
    const char *compare_to;       /* values; NULL = the last two scored periods */
    size_t min_n;                 /* smaller groups are flagged; default 30 */
    size_t max_quotes;            /* per theme; default 3 */
    size_t max_focus;             /* areas for focus; default 5 */
    char decimal_mark;            /* of scores and weights written as text:
                                     '.' (default) or ',' ("4,5") */
    const char *score_labels;     /* scores written as words: "LABEL=N" lines
                                     ("Good=5\nBad=1"), labels matched ignoring
                                     ASCII case; NULL = numbers only */
} vb_report_options;

VB_EXPORT void vb_report_options_init(vb_report_options *o);

/* A theme one respondent mentions. */
typedef struct vb_report_theme {
    const char *id;          /* "delivery.late", NUL-terminated */
    const char *label;       /* "Late delivery"; NULL = the id */
    const char *parent;      /* the parent's id; NULL for a top-level theme */
    double sentiment;        /* [-1, 1], of the clauses that mention it */
    const vb_range *spans;   /* the matched text in the row's text; may be NULL */
    size_t n_spans;
} vb_report_theme;

/* One respondent. Fields with data NULL are missing. */
typedef struct vb_report_row {
    vb_field id;
    vb_field text;            /* the comment, for quotes */
    vb_field score, date, segment, weight; /* as read; used per the options */
    double sentiment;         /* compound of the whole comment */
    const vb_report_theme *themes; /* a child and its parent are both listed */
    size_t n_themes;
    bool text_is_utf8;        /* the caller vouches that `text` is valid UTF-8
                                 (vb_pipeline_analyze()'s is): not checked again */
} vb_report_row;

/* What was wrong with one field of a row. */
typedef struct vb_report_issue {
    const char *field;        /* the column's name, e.g. "score" */
    char message[200];        /* e.g. "not a number: \"abc\"" */
} vb_report_issue;

#define VB_REPORT_MAX_ISSUES 4

typedef struct vb_agg vb_agg;

/* Creates empty report state. NULL on failure with `err` filled (a bad
 * scale, top box or date format is VB_EINVAL). Free with vb_agg_free(). */
VB_EXPORT vb_agg *vb_agg_new(const vb_report_options *opts, vb_error *err);
VB_EXPORT void vb_agg_free(vb_agg *agg); /* NULL is a no-op */

/* Adds one respondent. A missing or invalid score or weight leaves the
 * row out of the score figures, a bad date out of the trend; it still
 * counts for themes. Each problem is written to issues[*n_issues] (at most
 * VB_REPORT_MAX_ISSUES). Returns VB_OK, or VB_ENOMEM (figures unchanged).
 * Spans are byte offsets into `text`. Fields come as vb_pipeline hands
 * them out, valid UTF-8; otherwise each invalid byte becomes U+FFFD (and
 * a text repaired so loses its spans), as does a NUL byte in the id or
 * the segment, so that the report and the state are always valid text.
 * row->text_is_utf8 skips the text's check (a vb_record's text is valid). */
VB_EXPORT vb_status vb_agg_add(vb_agg *agg, const vb_report_row *row,
                               vb_report_issue *issues, size_t *n_issues);

/* Adds one line written by `verbatim analyze --keep COLS` (see README.md):
 * score, date, segment and weight are taken from "fields" by the options'
 * column names, the comment from fields[text_col] (NULL: "comment",
 * "text", ...). A line that is not such a record gives VB_EPARSE with the
 * reason in issues[0]; field problems are reported as by vb_agg_add(). */
VB_EXPORT vb_status vb_agg_add_json(vb_agg *agg, const char *line, size_t len,
                                    const char *text_col, vb_report_issue *issues,
                                    size_t *n_issues);

/* Adds everything in `from` to `into` (same options). Afterwards `into`
 * holds what one vb_agg fed with both inputs would hold. */
VB_EXPORT vb_status vb_agg_merge(vb_agg *into, const vb_agg *from);

/* Records added (with or without a valid score) and rows whose score,
 * or date, was rejected. */
VB_EXPORT void vb_agg_counts(const vb_agg *agg, size_t *n_records, size_t *scores_rejected,
                             size_t *dates_rejected);

/* Records added whose segment field was absent (not merely empty): when
 * that is every record, the segment column matches nothing in the input
 * (a JSON key mistyped). Counted in this process only, not in states. */
VB_EXPORT size_t vb_agg_segments_absent(const vb_agg *agg);

/* When no date could be read, the --date-format values that would read
 * every one present (US "11/03/2026", "03.11.2026 10:22"...): up to `max`
 * of them into `formats`, and how many there are. Several when the dates
 * cannot tell them apart ("%m/%d/%Y" and "%d/%m/%Y", in that order); 0
 * when some date was read (another layout), none was present or no
 * common layout reads them all. This process's records only, not states'. */
VB_EXPORT size_t vb_agg_date_formats(const vb_agg *agg, const char **formats, size_t max);

/* Counts `n` more input records that were read but never reached the agg
 * (a pipeline's vb_stats.records_rejected: a bad CSV shape, a field over
 * the limit, an invalid JSON line), so that the report accounts for every
 * record read: its "records" plus "records_rejected". Merged by adding. */
VB_EXPORT void vb_agg_add_records_rejected(vb_agg *agg, size_t n);

/* Says which taxonomy the rows' themes come from:
 * vb_lexicon_taxonomy_fingerprint() of the lexicon that analysed them (0:
 * themes off). The state records it and vb_agg_compatible() refuses two
 * aggs with records and different taxonomies. Never called, the taxonomy
 * is unknown (rows read back from analyze's JSONL, which does not say),
 * and only an unknown one matches it. */
VB_EXPORT void vb_agg_set_taxonomy(vb_agg *agg, uint64_t fingerprint);

/* The state of a vb_agg as text ("verbatim-state 2", documented in
 * README.md, "Running past one machine"), to aggregate shards of the
 * input apart and merge them: every sum is written exactly, so the merged
 * report is byte for byte the report of one pass, in any merge order.
 *
 *     vb_agg_write_state(agg, write_fn, file);                  // per shard
 *     vb_agg *all = vb_agg_read_state(text, len, &ro, &err);    // then each
 *     vb_agg *more = vb_agg_read_state(text2, len2, &ro, &err); // other one
 *     if (vb_agg_compatible(all, more, &err) == VB_OK) vb_agg_merge(all, more);
 *
 * The writing is canonical: two states with the same figures are the same
 * bytes, whatever the order in which rows, shards or merges came. */
#define VB_STATE_VERSION 3

/* Takes `len` bytes of output; anything but VB_OK stops the writing. */
typedef vb_status (*vb_write_fn)(const char *data, size_t len, void *ctx);

/* Writes the state of `agg` through `write`, in chunks. VB_ENOMEM, or
 * what `write` returned. */
VB_EXPORT vb_status vb_agg_write_state(const vb_agg *agg, vb_write_fn write, void *ctx);

/* Reads a state: any bytes are safe to give. The aggregation options
 * (metric, scale, top box, lower-is-better, period, the score, date,
 * segment and weight column names) and the taxonomy come from the state;
 * the rest of `opts` (allocator, compare_from/to, min_n, max_quotes,
 * max_focus; NULL = defaults) from the caller. NULL on failure with `err`
 * filled: VB_EPARSE with err->line (1-based) for malformed input, a wrong
 * magic line or another version than VB_STATE_VERSION (versions 1 and 2
 * too: 1 recorded neither the taxonomy nor the records rejected, 2 no
 * quote's segment); VB_EINVAL
 * for options no report accepts; VB_ENOMEM. */
VB_EXPORT vb_agg *vb_agg_read_state(const char *data, size_t len, const vb_report_options *opts,
                                    vb_error *err);

/* VB_OK when `a` and `b` can be merged: the same aggregation options, the
 * same taxonomy (vb_agg_set_taxonomy(); not compared when either holds no
 * records, as it then has no themes to tell) and no theme with two labels
 * or two parents. Else VB_EINVAL with the first difference in
 * err->message, `b`'s value first ("metric csat vs nps"). */
VB_EXPORT vb_status vb_agg_compatible(const vb_agg *a, const vb_agg *b, vb_error *err);

typedef struct vb_report vb_report;

/* Computes the report from `agg`, which may be freed afterwards (the
 * report copies what it needs; the options' strings stay borrowed). It
 * first rounds the agg's exact sums for reading (a cache inside `agg`, so
 * not from two threads at once on one agg); the figures are unchanged.
 * VB_EINVAL when --compare names a period or segment that does not exist,
 * with the known ones listed in `err`. */
VB_EXPORT vb_report *vb_report_new(vb_agg *agg, vb_error *err);
VB_EXPORT void vb_report_free(vb_report *rep); /* NULL is a no-op */

enum {
    VB_REPORT_COLOR = 1u << 0 /* table: ANSI colours */
};

/* Writes the report in `format` into a buffer owned by `rep`, valid until
 * the next call on it. `section` (CSV only; NULL = all) picks one table
 * (vb_report_sections()). VB_EINVAL for an unknown section or a format not
 * available. */
VB_EXPORT vb_status vb_report_render(vb_report *rep, vb_report_format format,
                                     const char *section, unsigned flags, const char **out,
                                     size_t *len);
/* True when the metric is NPS and none of at least min_n valid scores is
 * 9 or 10: NPS has no promoters, as when scores on a 1-5 or 1-7 scale
 * were read as 0-10 ones, and the caller should say so. */
VB_EXPORT bool vb_report_no_promoters(const vb_report *rep);

/* The CSV report's sections, in the order it writes them (overall,
 * periods, segments, themes, heatmap, drivers, change, moved, focus,
 * quotes); `*n` gets their count. */
VB_EXPORT const char *const *vb_report_sections(size_t *n);

/* ---- Theme discovery ------------------------------------------------------ */

/* Finds candidate themes the taxonomy misses: stemmed phrases of 1-3
 * words, counted per comment in memory fixed by `max_candidates`, scored,
 * with near-duplicates grouped, and written as a taxonomy draft:
 *
 *     vb_discovery_options o;
 *     vb_discovery_options_init(&o);
 *     vb_discovery *d = vb_discovery_new(&o, &err);
 *     while (vb_pipeline_next(p, &rec) == VB_OK)   // pipeline with explain on
 *         vb_discovery_add(d, rec, score);         // NAN: no score
 *     vb_discovery_write_json(d, &json, &len);
 *     vb_discovery_free(d);
 *
 * Feed records from a pipeline with vb_options.explain set: its cues tell
 * which words carry sentiment, and those never start or end a candidate.
 * Counting, scores and grouping are described in README.md ("Discovering
 * themes"). A vb_discovery belongs to one thread. */
typedef struct vb_discovery vb_discovery;

typedef struct vb_discovery_options {
    vb_allocator alloc;
    const char *language;  /* ISO code or libstemmer name, written into the
                              draft; English also skips generic words
                              ("get", "really"); default "en" */
    size_t max_candidates; /* phrases counted at once: fixes the memory at
                              about 1 KiB each plus 2 MiB; default 16384 */
    size_t min_count;      /* fewest comments a theme needs; default 5 */
    size_t top;            /* most themes returned; default 30 */
    bool uncovered;        /* target = comments without a theme hit, scored
                              against the covered ones */
    const char *data_dir;  /* where the language folders are (as for
                              vb_lexicon_load); NULL: none */
    const char *background; /* word counts of general text ("word<TAB>count"
                              lines, README.md "Discovering themes"), what
                              a phrase is scored against when it is not
                              scored against covered comments; NULL: the
                              language's own, data_dir/<code>/background.tsv,
                              if there is one (else themes are ranked by
                              count); "": none */
} vb_discovery_options;

VB_EXPORT void vb_discovery_options_init(vb_discovery_options *o);

/* Allocates every table up front and reads the background. NULL on
 * failure (VB_ENOMEM; VB_EINVAL for max_candidates outside 16..2^24, or,
 * when a background is to be read, a language libstemmer does not have;
 * a background that cannot be read or parsed: VB_EIO or VB_EPARSE, with
 * its file and line), with `err` filled if not NULL. */
VB_EXPORT vb_discovery *vb_discovery_new(const vb_discovery_options *o, vb_error *err);
VB_EXPORT void vb_discovery_free(vb_discovery *d); /* NULL is a no-op */

/* Counts the phrases of `rec`; rejected records are ignored. `score` is
 * the comment's numeric score, NAN when it has none. Keeps only copies.
 * VB_OK or VB_ENOMEM (the record is then not counted; `d` stays usable). */
VB_EXPORT vb_status vb_discovery_add(vb_discovery *d, const vb_record *rec, double score);

/* Reads a score cell for vb_discovery_add() as `verbatim report` reads a
 * score: a decimal number [+-]digits[.digits] with `decimal_mark` ('.' or
 * ',') for the point, blanks around it allowed, read without the locale;
 * or such a number with its answer's words ("10 - Extremely likely",
 * "4 stars", "4/5": README.md, "Scores"), whatever scale it names.
 * True with *score set; false, with *score NAN, for a missing (`s` NULL)
 * or blank cell and for anything else ("1e3", "0x10", "inf", "4,5" with
 * '.'). When `why` is not NULL, a rejected score is described there in a
 * report's words: column `field`, message "missing" or "not a number:
 * \"1e3\"". */
VB_EXPORT bool vb_discovery_parse_score(const char *s, size_t len, char decimal_mark,
                                        const char *field, double *score, vb_report_issue *why);
/* As vb_discovery_parse_score(), and a score written as words alone is
 * the number `labels` gives it: "LABEL=N" lines, as
 * vb_report_options.score_labels (NULL or "": none), checked first with
 * vb_discovery_check_score_labels(). */
VB_EXPORT bool vb_discovery_read_score(const char *s, size_t len, char decimal_mark,
                                       const char *labels, const char *field, double *score,
                                       vb_report_issue *why);
/* True when every line of `labels` is LABEL=N, N a number, and no label is
 * given twice; else false with the reason in `why` ("score label \"Good\":
 * expected LABEL=SCORE"). Discovery has no scale, so any number will do. */
VB_EXPORT bool vb_discovery_check_score_labels(const char *labels, char *why, size_t why_size);

/* One discovered theme: a group of near-duplicate phrases. */
typedef struct vb_discovered {
    const char *id;           /* "discovered.<ascii-slug>", unique */
    const char *label;        /* the best phrase, capitalised */
    const char *const *match; /* taxonomy match entries: word or "\"a phrase\"" */
    size_t n_match;
    size_t count;             /* comments mentioning it: a lower bound ... */
    size_t count_error;       /* ... the true count is at most count + count_error */
    double share;             /* count / comments with words in the target set */
    double sentiment;         /* mean compound of the clauses mentioning it */
    double mean_score;        /* mean score of those comments; NAN: none scored */
    size_t n_scored;          /* comments behind mean_score */
    double score;             /* rank score, see README.md */
    double g2;                /* G² against what it is scored against: the
                                 covered comments (uncovered), else the
                                 background; with neither, the phrase's
                                 collocation G² (0: one word) */
    const char *const *examples; /* up to 3 excerpts around a mention */
    size_t n_examples;
} vb_discovered;

typedef struct vb_discovery_summary {
    size_t records;   /* records added that have words */
    size_t target;    /* of those, in the target set */
    size_t reference; /* of those, covered ones (uncovered mode) */
    size_t evictions; /* phrases dropped from the full table */
    size_t max_error; /* largest count overestimate a phrase can carry */
    uint64_t background_words; /* words in the background; 0: none read */
} vb_discovery_summary;

VB_EXPORT void vb_discovery_summarise(const vb_discovery *d, vb_discovery_summary *out);

/* Scores and groups what was added so far. *themes, best first, belongs to
 * `d` and is valid until the next call on `d`. VB_OK or VB_ENOMEM. */
VB_EXPORT vb_status vb_discovery_result(vb_discovery *d, const vb_discovered **themes,
                                        size_t *n);

/* Write the result as a taxonomy draft (JSON with x- statistics, accepted
 * by the taxonomy loader) or as a text table at most 100 columns wide,
 * newline-terminated, into a buffer owned by `d`, valid until the next
 * call on `d`. VB_OK or VB_ENOMEM. */
VB_EXPORT vb_status vb_discovery_write_json(vb_discovery *d, const char **out, size_t *len);
VB_EXPORT vb_status vb_discovery_write_table(vb_discovery *d, const char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif /* VERBATIM_H */
