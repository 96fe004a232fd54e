# Invalid UTF-8 (a stray byte, an overlong form, a surrogate, a sequence cut
# off at the end of the file) becomes U+FFFD and is counted; NUL and
# control characters stay inside their record.
# Read as UTF-8 (--encoding utf-8): left to guess, bytes that are not
# UTF-8 make it Windows-1252 (analyze_encodings).
printf 'bad \377 byte\noverlong \300\257 slash\nsurrogate \355\240\200 here\nnul \000 and \001 inside\ncut off \342\202' > in.txt
"$VERBATIM" tokens --encoding utf-8 in.txt --format text --taxonomy none | grep -c '"kind"'
"$VERBATIM" analyze --encoding utf-8 in.txt --format text --taxonomy none | cut -c1-9
