#!/bin/sh
# Runs one golden case: tests/golden/<case>/ holds `input`, `args` (the
# command line after `verbatim`, with INPUT standing for the input file)
# and `expected` (stdout). The case is run three times: reading 64 KiB at a
# time, one byte at a time, and in random chunk sizes, and every run must
# give exactly `expected`. VB_UPDATE=1 rewrites `expected`.
set -u
bin=$1
dir=$2
args=$(sed "s|INPUT|$dir/input|g" "$dir/args")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# VB_TEST_WRAPPER="valgrind -q ..." (make memcheck) runs verbatim under it.
if [ -n "${VB_TEST_WRAPPER:-}" ]; then
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VB_TEST_WRAPPER" "$bin" > "$tmp/verbatim"
    chmod 755 "$tmp/verbatim"
    bin=$tmp/verbatim
fi
# shellcheck disable=SC2086
"$bin" $args >"$tmp/out" 2>"$tmp/err"
if [ "${VB_UPDATE:-0}" = 1 ]; then
    cp "$tmp/out" "$dir/expected"
    echo "updated $dir/expected"
    exit 0
fi
status=0
diff -u "$dir/expected" "$tmp/out" || { echo "FAIL: $(basename "$dir")" >&2; status=1; }
for chunk in 1 random:7 random:1234; do
    # shellcheck disable=SC2086
    VERBATIM_READ_CHUNK=$chunk "$bin" $args >"$tmp/out.$chunk" 2>/dev/null
    if ! cmp -s "$dir/expected" "$tmp/out.$chunk"; then
        echo "FAIL: $(basename "$dir") with VERBATIM_READ_CHUNK=$chunk" >&2
        diff -u "$dir/expected" "$tmp/out.$chunk" | head -20
        status=1
    fi
done
exit $status
