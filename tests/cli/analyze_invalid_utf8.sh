# Invalid UTF-8 (a stray byte, an overlong form, a surrogate, a sequence cut
# off at the end of the file) becomes U+FFFD and is counted; NUL and
# control characters stay inside their record.
printf 'bad \377 byte\noverlong \300\257 slash\nsurrogate \355\240\200 here\nnul \000 and \001 inside\ncut off \342\202' > in.txt
"$VERBATIM" tokens in.txt --format text --taxonomy none | grep -c '"kind"'
"$VERBATIM" analyze in.txt --format text --taxonomy none | cut -c1-9
