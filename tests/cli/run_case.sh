#!/bin/sh
# Runs one CLI case: tests/cli/<case>.sh is executed by sh in a scratch
# directory with $VERBATIM set to the binary and $CASES to tests/cli; its
# stdout, stderr and exit status must equal <case>.stdout, <case>.stderr
# and <case>.exit. VB_UPDATE=1 rewrites those three files instead.
set -u
bin=$1
case_sh=$2
base=${case_sh%.sh}
cases=$(cd "$(dirname "$case_sh")" && pwd)
tmp=$(mktemp -d)
wrap=$(mktemp -d)
trap 'rm -rf "$tmp" "$wrap"' EXIT INT TERM
# VB_TEST_WRAPPER="valgrind -q ..." runs every verbatim of the case under it
# (make memcheck): $VERBATIM becomes a script that execs the wrapper.
if [ -n "${VB_TEST_WRAPPER:-}" ]; then
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VB_TEST_WRAPPER" "$bin" > "$wrap/verbatim"
    chmod 755 "$wrap" "$wrap/verbatim"
    bin=$wrap/verbatim
fi
(
    cd "$tmp" || exit 99
    VERBATIM=$bin CASES=$cases sh "$case_sh" >"$tmp/stdout" 2>"$tmp/stderr"
    echo $? >"$tmp/exit"
)
if [ "${VB_UPDATE:-0}" = 1 ]; then
    cp "$tmp/stdout" "$base.stdout"
    cp "$tmp/stderr" "$base.stderr"
    cp "$tmp/exit" "$base.exit"
    echo "updated $base"
    exit 0
fi
status=0
for part in stdout stderr exit; do
    if ! diff -u "$base.$part" "$tmp/$part"; then
        echo "FAIL: $(basename "$base"): $part differs" >&2
        status=1
    fi
done
exit $status
