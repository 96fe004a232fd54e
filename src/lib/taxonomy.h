/* taxonomy.h: reading and validating a theme taxonomy (JSON, the format
 * is in README.md, "Themes"). This is the syntax half of the theme stage:
 * it checks the document's shape and each entry's syntax and hands a plain
 * model to themes.c, which turns the terms into tokens and compiles them.
 *
 * Every problem is reported with the JSON path it concerns
 * ("$.themes[2].regex[0]") and reading goes on, so one pass finds them
 * all; a model is still returned, without the entries that were wrong.
 */
#ifndef VB_TAXONOMY_H
#define VB_TAXONOMY_H

#include "arena.h"
#include "verbatim.h"

#include <stdbool.h>
#include <stdint.h>

#define VB_TAX_MAX_DEPTH 8   /* levels of themes: top level = 1 */
#define VB_TAX_MAX_NEAR 50   /* largest k of A NEAR/k B and A PRE/k B */

/* Where an entry came from: the key of its list. */
typedef enum vb_tax_list {
    VB_TAX_MATCH = 0,    /* "match" */
    VB_TAX_MATCH_ALONE,  /* "match_alone": matches without the parent */
    VB_TAX_EXCLUDE,      /* "exclude" */
    VB_TAX_REGEX,        /* "regex": a PCRE2 pattern */
    VB_TAX_EXCLUDE_REGEX, /* "exclude_regex": a PCRE2 pattern that excludes */
    VB_TAX_OPINION,      /* "opinion": a term with the valence it has for the theme */
    VB_TAX_ANSWER        /* "answer": matches in a sentence that says nothing else */
} vb_tax_list;

#define VB_TAX_N_LISTS 7
#define VB_TAX_MAX_VALENCE 4.0 /* opinion valences: -4..+4, as the lexicons' */

/* Names of the lists, by vb_tax_list: "match", "match_alone", ... */
extern const char *const vb_tax_list_names[VB_TAX_N_LISTS];

/* Whether entries of `list` are PCRE2 patterns (else terms). */
static inline bool vb_tax_list_is_regex(vb_tax_list list)
{
    return list == VB_TAX_REGEX || list == VB_TAX_EXCLUDE_REGEX;
}

/* Whether entries of `list` say where the theme is (match, match_alone,
 * regex, answer), as against cancelling it or judging it. */
static inline bool vb_tax_list_matches(vb_tax_list list)
{
    return list == VB_TAX_MATCH || list == VB_TAX_MATCH_ALONE || list == VB_TAX_REGEX ||
           list == VB_TAX_ANSWER;
}

/* Whether entries of `list` cancel the theme instead of matching it. */
static inline bool vb_tax_list_excludes(vb_tax_list list)
{
    return list == VB_TAX_EXCLUDE || list == VB_TAX_EXCLUDE_REGEX;
}

/* How far a theme's excludes reach ("exclude_scope"). */
typedef enum vb_tax_scope {
    VB_TAX_SCOPE_SENTENCE = 0, /* the whole sentence (the default) */
    VB_TAX_SCOPE_CLAUSE,       /* the theme's mentions in the exclude's clause */
    VB_TAX_SCOPE_SPAN          /* the theme's mentions that overlap the exclude */
} vb_tax_scope;

/* One operand of a term: words (one word or a phrase) or a prefix. A NEAR
 * operand may be a set, "(cozy|quaint|=cute)": its alternatives are
 * chained by `next_alt`. */
typedef struct vb_tax_side {
    const char *text; /* quotes and the trailing '*' removed; NUL-terminated */
    size_t len;
    bool prefix;      /* "parcel*": matches words whose lookup form starts with text */
    bool exact;       /* "=fans": each word matches its own lookup form, not its stem */
    const struct vb_tax_side *next_alt; /* the set's next alternative, or NULL */
} vb_tax_side;

typedef struct vb_tax_term {
    uint32_t theme;     /* index into vb_taxonomy.themes */
    vb_tax_list list;
    uint32_t index;     /* position in its JSON array */
    const char *raw;    /* the entry as written (the pattern for a regex list) */
    size_t raw_len;
    vb_tax_side a, b;   /* `b` only for NEAR terms; sets only for NEAR terms */
    uint32_t near_k;    /* A NEAR/k B: 1..VB_TAX_MAX_NEAR; 0 = not a NEAR term */
    bool near_ordered;  /* A PRE/k B: as NEAR/k, with A before B */
    double valence;     /* VB_TAX_OPINION: the term's valence for the theme */
    const char *path;   /* VB_TAX_OPINION: JSON path of the entry (its key), for
                         * messages; NULL for the entries of a list */
} vb_tax_term;

typedef struct vb_tax_theme {
    const char *id;     /* "" when missing (a problem was reported) */
    const char *label;  /* defaults to the id */
    const char *path;   /* JSON path of the theme object, for messages */
    int32_t parent;     /* index of the parent, -1 at the top level */
    uint32_t depth;     /* 1 at the top level */
    vb_tax_scope exclude_scope; /* of its exclude and exclude_regex entries */
} vb_tax_theme;

/* The model: themes in document order, parents before their children
 * (a pre-order walk), and their terms. */
typedef struct vb_taxonomy {
    const vb_allocator *alloc;
    vb_arena strings;       /* every string of the model */
    const char *name;       /* "" when absent */
    const char *language;   /* NULL when absent */
    vb_tax_theme *themes;
    size_t n_themes, cap_themes;
    vb_tax_term *terms;     /* grouped by theme only loosely: use .theme */
    size_t n_terms, cap_terms;
} vb_taxonomy;

/* Receives one problem: the JSON path it concerns and what is wrong. */
typedef void (*vb_tax_report_fn)(const char *json_path, const char *message, void *ctx);

/* Reads the taxonomy file at `path`. On VB_OK, *out is the model and
 * *n_problems the number of problems passed to `report` (which may be
 * NULL); the model leaves out what was wrong. A file that is not JSON at
 * all is one problem at "$" (with its line and column) and an empty model.
 * Other statuses, with `err` filled: VB_EIO (cannot read the file),
 * VB_ELIMIT (over 16 MiB), VB_EINVAL (`path` is "-": stdin is never read
 * here; a caller that means it passes a name for it, e.g. /dev/stdin),
 * VB_ENOMEM. */
vb_status vb_taxonomy_read(const char *path, const vb_allocator *a, vb_tax_report_fn report,
                           void *ctx, vb_taxonomy **out, size_t *n_problems, vb_error *err);
void vb_taxonomy_free(vb_taxonomy *tax); /* NULL is a no-op */

#endif
