# Phrases customers use across industries that name their theme on their
# own: "quick and efficient service" (fast service, not the staff alone),
# moving to another provider, onboarding, a product that "does the job",
# a credit "for the trouble", empty shelves, "no explanation", a quote's
# price, wrong meter readings; and what looks like them but is not:
# "fast food", a site "back up and running". One line per record: its
# theme ids.
{ echo text; printf '"%s"\n' \
    'Quick and efficient service.' \
    'Service was fast and friendly.' \
    'Fast food service was slow.' \
    'Will be moving to another provider when my contract ends.' \
    'Onboarding call was useful, our team was up and running quickly.' \
    'The site is back up and running.' \
    'It does the job.' \
    'Very professional.' \
    'Got a £20 credit for the trouble.' \
    'Shelves were half empty.' \
    'Rides were closed with no explanation.' \
    'Quote was reasonable.' \
    'Smart meter has been sending wrong readings.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"
