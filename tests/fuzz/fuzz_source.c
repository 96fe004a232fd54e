/* fuzz_source.c: format detection and text-column detection in vb_source.
 *
 * Input: one options byte, then the file. Bits 0-2 pick the source name
 * (stdin, .csv, .tsv, .jsonl, .ndjson, .txt, .json, no extension), bit 3
 * a header row, bits 4-5 a delimiter (none, none, ';', '|'), bits 6-7 an
 * encoding (auto, auto, UTF-16, Windows-1252); the format
 * is always VB_FORMAT_AUTO and the text column is never given, so the
 * source must sniff and guess. The file is read
 * whole and in chunks and the transcripts must agree, format included. */
#include "fuzz_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const uint8_t opt = data[0];
    data++;
    size--;
    static const char *const names[] = {"-",        "a.csv", "a.tsv",  "a.jsonl",
                                        "a.ndjson", "a.txt", "a.json", "data"};
    vb_source_spec spec = {0};
    spec.format = VB_FORMAT_AUTO;
    spec.source_name = names[opt & 7];
    spec.has_header = opt & 8;
    static const char delimiters[] = {0, 0, ';', '|'};
    spec.delimiter = delimiters[(opt >> 4) & 3];
    static const vb_encoding encodings[] = {VB_ENCODING_AUTO, VB_ENCODING_AUTO,
                                            VB_ENCODING_UTF16, VB_ENCODING_WINDOWS_1252};
    spec.encoding = encodings[opt >> 6];
    (void)vb_format_from_name(spec.source_name);
    const vb_format f = vb_format_sniff((const char *)data, size);
    FUZZ_CHECK(f != VB_FORMAT_AUTO);
    read_twice(&spec, data, size);
    return 0;
}
