# CSAT (top 2 of 1-5), revenue weights, a --date-format and ISO weeks.
# By hand: satisfied (4, 5) weigh 3 + 1 = 4 of a total weight 3+1+2+2 = 8,
# so CSAT = 50; Kish n = 8^2 / (9+1+4+4) = 3.5556; SE = 100 sqrt(.25 /
# 3.5556) = 26.517, interval 50 -/+ 51.97 = [-1.97, 101.97]. The row with a
# negative weight is rejected. 31/12/2025 (a Wednesday) and 04/01/2026 (a
# Sunday) are in 2026-W01; 05/01/2026 starts 2026-W02.
printf 'date,csat,revenue,comment\n31/12/2025 09:00,5,3,fine\n04/01/2026 10:30,4,1,ok\n05/01/2026 11:00,2,2,bad\n06/01/2026 12:00,1,2,awful\n07/01/2026 12:00,3,-5,x\n' > in.csv
"$VERBATIM" report in.csv --taxonomy none --score-col csat --metric csat --weight-col revenue \
    --date-col date --date-format '%d/%m/%Y %H:%M' --period week --report json
echo "exit $?"
