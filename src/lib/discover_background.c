/* discover_background.c: the background of theme discovery. A list of
 * word counts from general text ("word<TAB>count" lines, lexicons/en/
 * background.tsv), read once, each word stemmed as the text stage stems a
 * comment's words and the counts of a stem added up, so that a candidate's
 * stems find how common they are outside the corpus. discover_rank.c
 * scores a candidate against it when there are no reference comments.
 */
#include "discover_int.h"

#include "alloc.h"
#include "arena.h"
#include "error.h"
#include "lexicon.h" /* vb_senti_hash: the hash of a candidate's stems too */
#include "norm.h"
#include "stem.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE_BYTES 1024
#define MIN_SLOTS ((size_t)1 << 12)
#define MAX_COUNT ((uint64_t)1 << 53) /* exact as a double */

/* The slot of `hash`: its own, or the empty one where it would go. A hash
 * of 0 marks an empty slot, so 0 is stored as 1 (FNV-1a of a stem is 0
 * about never; sharing with 1 costs nothing but that). */
static size_t slot_of(const vb_background *bg, uint64_t hash)
{
    size_t i = (size_t)(hash ^ (hash >> 29)) & bg->mask;
    while (bg->hash[i] != 0 && bg->hash[i] != hash)
        i = (i + 1) & bg->mask;
    return i;
}

static vb_status grow(vb_background *bg, const vb_allocator *a)
{
    const size_t old_slots = bg->hash != NULL ? bg->mask + 1 : 0;
    const size_t n_slots = old_slots > 0 ? 2 * old_slots : MIN_SLOTS;
    uint64_t *hash = vb_calloc(a, n_slots, sizeof *hash);
    uint64_t *count = vb_calloc(a, n_slots, sizeof *count);
    if (hash == NULL || count == NULL) {
        vb_free(a, hash);
        vb_free(a, count);
        return VB_ENOMEM;
    }
    vb_background old = *bg;
    bg->hash = hash;
    bg->count = count;
    bg->mask = n_slots - 1;
    for (size_t i = 0; i < old_slots; i++) {
        if (old.hash[i] != 0) {
            size_t j = slot_of(bg, old.hash[i]);
            bg->hash[j] = old.hash[i];
            bg->count[j] = old.count[i];
        }
    }
    vb_free(a, old.hash);
    vb_free(a, old.count);
    return VB_OK;
}

static vb_status add(vb_background *bg, const vb_allocator *a, uint64_t hash, uint64_t count)
{
    if (hash == 0)
        hash = 1;
    if (bg->hash == NULL || 2 * (bg->n_stems + 1) > bg->mask + 1) {
        vb_status st = grow(bg, a);
        if (st != VB_OK)
            return st;
    }
    size_t i = slot_of(bg, hash);
    if (bg->hash[i] == 0) {
        bg->hash[i] = hash;
        bg->n_stems++;
    }
    bg->count[i] += count;
    return VB_OK;
}

uint64_t vb_background_count(const vb_background *bg, uint64_t stem_hash)
{
    if (bg->hash == NULL)
        return 0;
    if (stem_hash == 0)
        stem_hash = 1;
    return bg->count[slot_of(bg, stem_hash)];
}

void vb_background_free(vb_background *bg, const vb_allocator *a)
{
    vb_free(a, bg->hash);
    vb_free(a, bg->count);
    memset(bg, 0, sizeof *bg);
}

/* A count: decimal digits only, 1 to MAX_COUNT. */
static bool parse_count(const char *s, uint64_t *out)
{
    if (*s < '0' || *s > '9')
        return false;
    uint64_t v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > MAX_COUNT)
            return false;
    }
    *out = v;
    return *s == '\0' && v > 0;
}

/* One line, its end cut off: a word and its count into the table, or the
 * "@total" line. Returns what is wrong with it, or NULL. */
static const char *read_line(vb_background *bg, const vb_allocator *a, vb_stemmer *stemmer,
                             vb_arena *scratch, char *line, bool *has_total, uint64_t *listed,
                             vb_status *st)
{
    if (line[0] == '\0' || line[0] == '#')
        return NULL;
    char *tab = strchr(line, '\t');
    if (tab == NULL || tab == line)
        return "expected a word, a tab and its count";
    *tab = '\0';
    uint64_t count;
    if (!parse_count(tab + 1, &count))
        return "the count is not a whole number from 1 to 2^53";
    if (strcmp(line, "@total") == 0) {
        if (*has_total)
            return "a second @total line";
        bg->total = count;
        *has_total = true;
        return NULL;
    }
    const size_t len = (size_t)(tab - line);
    if (vb_utf8_valid_len(line, len) != len)
        return "invalid UTF-8";
    const char *lookup, *stem;
    size_t lookup_len, stem_len;
    uint32_t flags = 0;
    vb_arena_reset(scratch);
    *st = vb_norm_word_lookup(scratch, line, len, &lookup, &lookup_len);
    if (*st == VB_OK)
        *st = vb_stemmer_stem(stemmer, scratch, lookup, lookup_len, &stem, &stem_len, &flags);
    if (*st == VB_OK)
        *st = add(bg, a, vb_senti_hash(stem, stem_len), count);
    if (*st != VB_OK)
        return "out of memory";
    *listed += count;
    return NULL;
}

vb_status vb_background_load(vb_background *bg, const char *path, const char *stemmer_name,
                             const vb_allocator *a, vb_error *err)
{
    memset(bg, 0, sizeof *bg);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        vb_error_set(err, VB_EIO, path, 0, "cannot open: %s", strerror(errno));
        return VB_EIO;
    }
    vb_stemmer *stemmer = vb_stemmer_new(stemmer_name, a);
    if (stemmer == NULL) {
        fclose(f);
        vb_error_set(err, VB_ENOMEM, path, 0, "%s", "out of memory");
        return VB_ENOMEM;
    }
    vb_arena scratch;
    vb_arena_init(&scratch, a, 4096);
    vb_status st = VB_OK;
    bool has_total = false;
    uint64_t listed = 0;
    size_t line_no = 0;
    char line[MAX_LINE_BYTES + 2];
    while (st == VB_OK && fgets(line, sizeof line, f) != NULL) {
        line_no++;
        size_t n = strlen(line);
        if (n > MAX_LINE_BYTES && line[n - 1] != '\n') {
            st = VB_EPARSE;
            vb_error_set(err, st, path, line_no, "line longer than %d bytes", MAX_LINE_BYTES);
            break;
        }
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        vb_status line_st = VB_EPARSE;
        const char *bad = read_line(bg, a, stemmer, &scratch, line, &has_total, &listed, &line_st);
        if (bad != NULL) {
            st = line_st;
            vb_error_set(err, st, path, line_no, "%s", bad);
        }
    }
    if (st == VB_OK && ferror(f)) {
        st = VB_EIO;
        vb_error_set(err, st, path, line_no, "%s", "read error");
    }
    if (st == VB_OK && listed == 0) {
        st = VB_EPARSE;
        vb_error_set(err, st, path, 0, "%s", "no word counts");
    } else if (st == VB_OK && has_total && bg->total < listed) {
        st = VB_EPARSE;
        vb_error_set(err, st, path, 0, "@total %llu is less than the counts listed (%llu)",
                     (unsigned long long)bg->total, (unsigned long long)listed);
    }
    if (st == VB_OK && !has_total)
        bg->total = listed;
    vb_arena_free(&scratch);
    vb_stemmer_free(stemmer);
    fclose(f);
    if (st != VB_OK)
        vb_background_free(bg, a);
    return st;
}
