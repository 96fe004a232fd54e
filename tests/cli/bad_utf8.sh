# Invalid UTF-8 of every kind, in CSV columns and JSONL strings, beyond what
# analyze_invalid_utf8 covers: a lone continuation byte, overlong forms of
# 2, 3 and 4 bytes, encoded surrogates (lone and paired), a code point above
# U+10FFFF, a 5-byte form, FE/FF, a sequence cut off mid-line and at the end
# of the file. Each maximal bad subpart becomes one U+FFFD and is counted,
# in the id and the kept columns too; no record is lost. JSONL: raw bad
# bytes are repaired the same way, lone \uD800 escapes become U+FFFD (a pair
# stays an emoji), and the output is always valid JSON.
# Read as UTF-8 (--encoding utf-8): left to guess, bytes that are not
# UTF-8 make it Windows-1252 (analyze_encodings).
{
    printf 'id,comment,tag\n'
    printf 'i\377d,lone continuation \200 byte,t\300g\n'
    printf '2,overlong 2 \300\257 3 \340\200\257 4 \360\200\200\257,ok\n'
    printf '3,surrogates \355\240\200\355\277\277 pair \355\240\275\355\270\200,ok\n'
    printf '4,beyond U+10FFFF \364\220\200\200 and 5-byte \370\210\200\200\200 and \376\377,ok\n'
    printf '5,cut in the middle \342\202 of a line,ok\n'
    printf '6,cut at the end of the file \360\237\230'
} > in.csv
"$VERBATIM" analyze --encoding utf-8 in.csv --id-col id --keep tag --taxonomy none | tee out.jsonl |
    sed 's/,"sentiment".*//'
"$VB_JSON_CHECK" < out.jsonl
# The U+FFFD tokens each record got, as the tokeniser sees them.
"$VERBATIM" tokens --encoding utf-8 in.csv --id-col id --taxonomy none | tee tokens.jsonl |
    grep "$(printf '"text":"\357\277\275"')" | cut -d, -f1 | uniq -c | sed 's/^ *//'
"$VB_JSON_CHECK" < tokens.jsonl

printf '{"id":"j1","comment":"raw \377 byte"}\n' > in.jsonl
printf '{"id":"j2","comment":"lone \\ud800 and \\uDFFF","x":"\\\\ud800 is no escape"}\n' >> in.jsonl
printf '{"id":"j3","comment":"pair \\ud83d\\ude00 reversed \\ude00\\ud83d"}\n' >> in.jsonl
printf '{"id":"j4","comment":"cut at the end \342\202"}' >> in.jsonl
"$VERBATIM" tokens --encoding utf-8 in.jsonl --id-col id --taxonomy none | tee tokens.jsonl |
    grep -v '"kind":"word"' | sed 's/,"norm".*//'
"$VB_JSON_CHECK" < tokens.jsonl
"$VERBATIM" analyze --encoding utf-8 in.jsonl --id-col id --keep x --taxonomy none | sed 's/,"sentiment".*//'
