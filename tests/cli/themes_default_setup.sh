# Getting a product or service ready to use, in the default taxonomy's
# setup theme: setting up, installing, assembling or configuring it, and
# the instructions, manuals and guides that come with it. It groups its
# children and has no words of its own. A camera's manual mode is no
# manual, care instructions on a label are the garment's, delivery
# instructions are the courier's, payment in instalments is billing, and
# setting up an appointment is a booking. Each setup sentence is followed
# by one where the words mean something else. One line per record: its
# theme ids.
{ echo text; printf '"%s"\n' \
    'It was easy to set up and the manual is clear.' \
    'The manual mode gives full control of the shutter.' \
    'The instructions were impossible to follow.' \
    'I followed the care instructions on the label and it shrank.' \
    'The sofa took four hours to assemble.' \
    'The delivery instructions were ignored and the parcel was left outside.' \
    'The engineer installed the broadband in an hour.' \
    'I paid in three installments.' \
    'Setting up online banking was a nightmare.' \
    'They set up an appointment for Tuesday.' \
    'The software would not install on my laptop.' \
    'The restaurant set up was lovely.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"
