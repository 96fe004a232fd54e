/* fuzz_jsonl.c: JSON Lines through vb_source (source.c + jsonl.c), and
 * each line through vb_jsonl directly.
 *
 * Input: one options byte, then the file. Bits 0-1 pick the text column
 * (detected, "comment", "user.comment", "Text"), bit 2 an id column, bit 3
 * keep columns (dotted paths), bits 5-7 a small max_field_bytes.
 *
 * As in fuzz_csv.c the file is read whole and in chunks and the
 * transcripts must agree. Then every line is parsed on its own: a parsed
 * object gives back its keys and fields, a rejected one a message. */
#include "fuzz_read.h"

#include "jsonl.h"

static void parse_lines(const uint8_t *data, size_t size)
{
    static vb_jsonl *j;
    if (j == NULL) j = vb_jsonl_new(NULL);
    FUZZ_CHECK(j != NULL);
    static const char *const paths[] = {"comment", "user.comment", "a.b.c", NULL, "", "."};
    const size_t n_paths = sizeof paths / sizeof *paths;
    size_t pos = 0;
    while (pos < size) {
        const uint8_t *nl = memchr(data + pos, '\n', size - pos);
        const size_t len = nl != NULL ? (size_t)(nl - (data + pos)) : size - pos;
        /* An exact copy, so reads past the line end are caught. */
        char *line = malloc(len > 0 ? len : 1);
        FUZZ_CHECK(line != NULL);
        memcpy(line, data + pos, len);
        char msg[200];
        msg[0] = '\0';
        vb_status st = vb_jsonl_parse(j, line, len, 1, 1, msg, sizeof msg);
        FUZZ_CHECK(st == VB_OK || st == VB_EPARSE || st == VB_ELIMIT);
        if (st != VB_OK) {
            FUZZ_CHECK(msg[0] != '\0' && strlen(msg) < sizeof msg);
        } else {
            vb_field fields[sizeof paths / sizeof *paths];
            FUZZ_CHECK(vb_jsonl_extract(j, paths, n_paths, fields) == VB_OK);
            for (size_t i = 0; i < n_paths; i++) {
                if (fields[i].data != NULL) {
                    /* Touch every byte. */
                    volatile unsigned sum = 0;
                    for (size_t k = 0; k < fields[i].len; k++)
                        sum += (unsigned char)fields[i].data[k];
                    (void)sum;
                }
                FUZZ_CHECK(vb_jsonl_kind(j, i) <= VB_JSON_ARRAY);
                FUZZ_CHECK((fields[i].data == NULL) ==
                           (vb_jsonl_kind(j, i) <= VB_JSON_NULL));
            }
            FUZZ_CHECK(fields[3].data == NULL);
            const char *keys[8];
            const size_t n_keys = vb_jsonl_keys(j, keys, 8);
            for (size_t i = 0; i < n_keys && i < 8; i++)
                FUZZ_CHECK(keys[i] != NULL && strlen(keys[i]) < len);
        }
        free(line);
        pos += len + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const uint8_t opt = data[0];
    data++;
    size--;
    static const char *const text_cols[] = {NULL, "comment", "user.comment", "Text"};
    static const char *const keep[] = {"score", "meta.store", "tags"};
    vb_source_spec spec = {0};
    spec.format = VB_FORMAT_JSONL;
    spec.source_name = "fuzz.jsonl";
    spec.text_col = text_cols[opt & 3];
    spec.id_col = (opt & 4) ? "id" : NULL;
    if (opt & 8) {
        spec.keep_cols = keep;
        spec.n_keep_cols = 3;
    }
    if (opt >> 5) spec.max_field_bytes = (size_t)(opt >> 5) * 5;

    read_twice(&spec, data, size);
    parse_lines(data, size);
    return 0;
}
