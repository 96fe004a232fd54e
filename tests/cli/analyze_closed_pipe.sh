# A reader that goes away (| head) ends the run quietly, with status 0.
i=0
{ echo "id,comment"; while [ $i -lt 20000 ]; do echo "$i,The staff were lovely and the delivery was quick"; i=$((i+1)); done; } > big.csv
"$VERBATIM" analyze big.csv --taxonomy none 2>err.txt | head -n 1 | cut -c1-9
"$VERBATIM" analyze big.csv --taxonomy none 2>>err.txt | { head -n 2 >/dev/null; }
echo "stderr bytes: $(wc -c < err.txt)"
