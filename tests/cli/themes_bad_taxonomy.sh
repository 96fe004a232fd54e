# A taxonomy with problems is a configuration error for analyze (exit 2):
# FILE: JSON-PATH: the first problem, and how many more there are.
cd "$CASES/../fixtures/themes" || exit 99
printf 'fine\n' | "$VERBATIM" analyze --format text --taxonomy bad.json
echo "exit $?"
printf '{"themes": [{"id": "a", "regex": ["(slot|window"]}]}' > "$OLDPWD/one.json"
printf 'fine\n' | "$VERBATIM" analyze --format text --taxonomy "$OLDPWD/one.json" 2>&1 | sed "s|$OLDPWD/||"
printf 'fine\n' | "$VERBATIM" analyze --format text --taxonomy missing.json
echo "exit $?"
