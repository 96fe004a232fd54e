/* fuzz_csv.c: CSV and TSV records through vb_source (source.c + csv.c).
 *
 * Input: one options byte, then the file. Bit 0: TSV; bit 1: header row;
 * bit 2, 3: text and id column choice; bit 4: keep columns; bits 5-7: a
 * small max_field_bytes (skip mode) or the default.
 *
 * The file is read twice, whole and in chunks of sizes drawn from the
 * input, and the two transcripts (line, status, text, id, kept fields of
 * every record, then the final status) must be identical: no chunk
 * boundary may change what is read. Each record is checked on its own too
 * (lines increase, an accepted record has its text, fields fit the
 * limit). */
#include "fuzz_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const uint8_t opt = data[0];
    data++;
    size--;
    const bool header = opt & 2;
    static const char *const keep_h[] = {"store", "3", "Comment"};
    static const char *const keep_n[] = {"3", "1"};
    vb_source_spec spec = {0};
    spec.format = (opt & 1) ? VB_FORMAT_TSV : VB_FORMAT_CSV;
    spec.source_name = "fuzz.csv";
    spec.has_header = header;
    spec.text_col = (opt & 4) ? (header ? "comment" : "2") : NULL;
    spec.id_col = (opt & 8) ? (header ? "id" : "1") : NULL;
    if (opt & 16) {
        spec.keep_cols = header ? keep_h : keep_n;
        spec.n_keep_cols = header ? 3 : 2;
    }
    if (opt >> 5) spec.max_field_bytes = (size_t)(opt >> 5) * 5;

    read_twice(&spec, data, size);
    return 0;
}
