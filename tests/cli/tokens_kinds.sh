# Every token kind with its offsets, normal form and stem.
printf '%s\n' "Don't e-mail me!!! Soooo GOOD 👍🏽 :) https://x.co/a?b=1 bob@ex.com @shop #fail 10% \$5 café" \
  | "$VERBATIM" tokens --format text --taxonomy none
