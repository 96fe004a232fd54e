#!/bin/sh
# Renders HTML reports and loads them in headless Chromium (Debian's
# chromium package; `scripts/install-deps --test` installs it):
#
#   sample   corpus/sample.csv by month and region: the page loads with no
#            console message, the six charts are drawn (<svg> with rects,
#            a path, the interval band), a screenshot is taken;
#   hostile  tests/html/hostile.csv through the analyser with a taxonomy
#            whose ids and labels are markup, a segment column whose name
#            and values are markup, record ids and comments with <script>,
#            attribute-breaking quotes, javascript: links, </textarea>,
#            </title>, CDATA and Unicode; and tests/html/hostile.jsonl
#            through --from-analyzed, with spans that split markup and
#            UTF-8 sequences.
#
# Each parsed page (chromium --dump-dom) must hold only the elements the
# renderer writes (no <script>, <img>, <iframe>, ... from the input), no
# on* attribute, no javascript: URL, and the payloads as text. The
# payloads try to set document.title or a data-pwned attribute when they
# run; each hostile page is also loaded without its Content-Security-Policy,
# so that escaping alone must stop them, and the DOM must show no change.
#
# Usage: run_html.sh VERBATIM SOURCE_DIR. No Chromium, or a Chromium that
# cannot start, is a failure, not a skip.
set -u
bin=$1
src=$2
here=$src/tests/html

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

browser=""
for b in chromium chromium-browser; do
    if command -v "$b" >/dev/null 2>&1; then
        browser=$(command -v "$b")
        break
    fi
done
[ -n "$browser" ] ||
    fail "chromium is not installed (Debian package chromium): run 'sh scripts/install-deps --test' as root"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# chrome LOG URL FLAGS...: headless Chromium with a fresh profile and the
# console on stderr (into LOG); stdout is the caller's.
chrome() {
    log=$1
    url=$2
    shift 2
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" "$url" 2>"$log"
    st=$?
    if [ $st -ne 0 ]; then
        cat "$log" >&2
        fail "chromium exited with status $st on $url"
    fi
}

# The elements report_html.c writes; anything else came from the input.
allowed=" html head meta title style body main header h1 h2 h3 p nav a div span section svg "
allowed="$allowed defs pattern lineargradient stop rect line text tspan path polygon circle "
allowed="$allowed table thead tbody tr th td b ol li blockquote footer mark "

# check NAME FILE.html MIN_SVG EXPECTED_TITLE: loads the page and checks
# its DOM; leaves it in $tmp/NAME.dom.
check() {
    name=$1
    page=$2
    min_svg=$3
    title=$4
    dom=$tmp/$name.dom
    chrome "$tmp/$name.log" "file://$page" --dump-dom >"$dom"
    grep -q '</html>' "$dom" || fail "$name: no document in Chromium's DOM dump"
    if grep ':CONSOLE' "$tmp/$name.log" >&2; then
        fail "$name: the page wrote to the console (above)"
    fi
    # one line per tag: "name attr=... attr=..."
    tr '\n<' ' \n' <"$dom" | grep '^[A-Za-z]' | sed 's/>.*//' >"$tmp/$name.tags"
    for tag in $(cut -d' ' -f1 "$tmp/$name.tags" | tr 'A-Z' 'a-z' | sort -u); do
        case $allowed in
        *" $tag "*) ;;
        *) fail "$name: unexpected <$tag> element in the parsed page" ;;
        esac
    done
    if grep -iE '[[:space:]]on[a-z]+[[:space:]]*=' "$tmp/$name.tags" >&2; then
        fail "$name: an element has an on* attribute (above)"
    fi
    if grep -i 'javascript:' "$tmp/$name.tags" >&2; then
        fail "$name: a javascript: URL in an attribute (above)"
    fi
    if grep -i 'data-pwned' "$tmp/$name.tags" >&2; then
        fail "$name: a payload ran (data-pwned is set)"
    fi
    n=$(grep -ci '^style' "$tmp/$name.tags")
    [ "$n" -eq 1 ] || fail "$name: $n <style> elements, want 1"
    got=$(grep -o '<title>[^<]*</title>' "$dom" | head -n 1)
    [ "$got" = "<title>$title</title>" ] || fail "$name: document title is '$got', want '$title'"
    n=$(grep -c '^svg' "$tmp/$name.tags")
    [ "$n" -ge "$min_svg" ] || fail "$name: $n charts (<svg>), want at least $min_svg"
    n=$(grep -c '^rect' "$tmp/$name.tags")
    [ "$n" -ge 20 ] || fail "$name: $n <rect> in the charts, want at least 20"
    echo "ok: $name: $(grep -c '^svg' "$tmp/$name.tags") charts, $n rects"
}

# check_hostile NAME FILE.html: check, then again without the page's
# Content-Security-Policy, and the payloads are in the page as text.
check_hostile() {
    name=$1
    page=$2
    check "$name" "$page" 4 "NPS report — score"
    for text in "&lt;script&gt;document" "&lt;img src=x onerror=" "javascript:document" \
        "Ünïcödé"; do
        grep -qF "$text" "$tmp/$name.dom" || fail "$name: '$text' is not in the page as text"
    done
    grep -q 'Content-Security-Policy' "$page" || fail "$name: no Content-Security-Policy"
    sed '/Content-Security-Policy/d' "$page" >"$tmp/$name.nocsp.html"
    check "$name-without-csp" "$tmp/$name.nocsp.html" 4 "NPS report — score"
}

cd "$tmp" || exit 1

# 1. The sample corpus: charts drawn, a screenshot.
"$bin" report "$src/corpus/sample.csv" --score-col score --metric nps --date-col date \
    --period month --segment-col region -o "$tmp/sample.html" 2>"$tmp/sample.err" ||
    fail "verbatim report on the sample: $(cat "$tmp/sample.err")"
check sample "$tmp/sample.html" 6 "NPS report — score"
for el in '^polygon' '^path' '^circle' '^mark' '^blockquote'; do
    grep -q "$el" "$tmp/sample.tags" || fail "sample: no ${el#^} element"
done
chrome "$tmp/shot.log" "file://$tmp/sample.html" --window-size=1280,2400 --hide-scrollbars \
    --screenshot="$tmp/sample.png" >/dev/null
size=$(wc -c <"$tmp/sample.png" 2>/dev/null || echo 0)
[ "$size" -gt 50000 ] || fail "sample: screenshot of $size bytes (want a drawn page)"
echo "ok: screenshot, $size bytes"

# 2. Markup everywhere the input reaches the page.
col="<img src=x onerror=\"document.body.setAttribute('data-pwned','column')\">"
"$bin" report "$here/hostile.csv" --taxonomy "$here/hostile-taxonomy.json" --score-col score \
    --date-col date --segment-col "$col" --min-n 3 -o "$tmp/hostile.html" 2>"$tmp/hostile.err" ||
    fail "verbatim report on hostile.csv: $(cat "$tmp/hostile.err")"
check_hostile hostile "$tmp/hostile.html"

"$bin" report --from-analyzed "$here/hostile.jsonl" --score-col score --date-col date \
    --segment-col region --min-n 2 --report html >"$tmp/analyzed.html" 2>"$tmp/analyzed.err" ||
    fail "verbatim report on hostile.jsonl: $(cat "$tmp/analyzed.err")"
check analyzed "$tmp/analyzed.html" 4 "NPS report — score"
for text in "&lt;/title&gt;&lt;script&gt;" "配達が遅い" "child ' \" &amp; &lt; &gt;"; do
    grep -qF "$text" "$tmp/analyzed.dom" || fail "analyzed: '$text' is not in the page as text"
done
sed '/Content-Security-Policy/d' "$tmp/analyzed.html" >"$tmp/analyzed.nocsp.html"
check analyzed-without-csp "$tmp/analyzed.nocsp.html" 4 "NPS report — score"
echo "ok: all HTML checks"
