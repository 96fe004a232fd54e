# JSONL beyond analyze_jsonl: lines that are not objects (string, number,
# null, boolean), text after the value, a trailing comma, a broken key,
# values nested 10,000 deep (an array in another field, an object in the
# text field: cJSON stops at 1000 levels, the record is rejected, no stack
# overflow), blank and space-only lines (skipped, still counted as lines),
# CRLF line ends, a BOM, a text that is a number (read as written), an
# object, an array or a boolean (rejected: not text), a missing text key
# (an empty comment, as many exports leave the key out), a NUL in a string
# (\u0000 becomes U+FFFD, a raw NUL byte a space: the text goes on after
# it). Each bad line is named with its line number; every good line
# is written.
{
    printf '\357\273\277{"id":"1","comment":"first, after a BOM"}\r\n'
    printf '"just a string"\r\n'
    printf '42\n'
    printf 'null\n'
    printf 'true\n'
    printf '{"id":"6","comment":"fine"} trailing\n'
    printf '{"id":"7","comment":"c",}\n'
    printf '{id:"8"}\n'
    printf '\n   \n'
    printf '{"id":"11","comment":"deep elsewhere","x":'
    i=0; while [ $i -lt 10000 ]; do printf '['; i=$((i + 1)); done
    i=0; while [ $i -lt 10000 ]; do printf ']'; i=$((i + 1)); done
    printf '}\n'
    printf '{"id":"12","comment":'
    i=0; while [ $i -lt 10000 ]; do printf '{"a":'; i=$((i + 1)); done
    printf '1'
    i=0; while [ $i -lt 10000 ]; do printf '}'; i=$((i + 1)); done
    printf '}\n'
    printf '{"id":"13","comment":5}\n'
    printf '{"id":"14","comment":{"x":[1,"two"]}}\n'
    printf '{"id":"15","comment":["a",1]}\n'
    printf '{"id":"15b","comment":true}\n'
    printf '{"id":"16","other":"no comment here","more":1}\n'
    printf '{"id":"17","comment":"before\\u0000after"}\n'
    printf '{"id":"17b","comment":"raw \000 NUL"}\n'
    printf '{"id":"18","comment":"deep but fine","x":[[[[[[[[[[1]]]]]]]]]]}\n'
    printf '{"id":"19","comment":"last, no newline"}'
} > in.jsonl
"$VERBATIM" analyze in.jsonl --id-col id --taxonomy none --keep comment |
    sed 's/,"sentiment".*//'
echo "exit $?"
"$VERBATIM" analyze in.jsonl --id-col id --taxonomy none --strict > /dev/null
echo "exit $?"
