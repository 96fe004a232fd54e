# A hand-edited lexicon names each entry once: a second line for the same
# words silently overrides the first, so one of the two values was never
# meant. (valence.tsv and emoji.tsv are generated from VADER's files and
# keep its lines.) Prints each file's repeated entries; none is expected.
for f in "$CASES"/../../lexicons/*/*.tsv "$CASES"/../../lexicons/*/*.txt; do
    case $(basename "$f") in valence.tsv|emoji.tsv) continue ;; esac
    grep -v -e '^#' -e '^@' -e '^$' "$f" | cut -f1 | sort | uniq -d |
        sed "s|^|$(basename "$(dirname "$f")")/$(basename "$f"): |"
done
echo "exit 0"
