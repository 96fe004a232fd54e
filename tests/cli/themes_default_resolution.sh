# "Nobody could fix it" names a fix that did not happen: the default
# taxonomy counts it as not resolved, never as resolved, while a fix that
# happened stays resolved. A complaint made to the company is one, a
# reviewer's "only complaint" is not, and neither idiom takes the theme
# out of the rest of the sentence. A garment that "solves the problem"
# of what to wear, reviewers who complain, compensating for a short
# length and a dress going to Goodwill are no resolution either. An
# escalator is no escalation, and the person spoken to is not a
# "personable" one: those words share a stem with them. A complaint
# closed "without any resolution" is not resolved; a problem resolved
# after a week is resolved, and a warranty of months or an order waited
# on for weeks says nothing about either; a fix they were "not able" to
# make is not resolved, and one the reviewer made herself is not
# unresolved. A repair is resolved once done ("repaired"), not while it
# is asked for or under way ("back for repair twice", "to repair it"),
# and so is a replacement: one sent is resolved, one refused is not
# ("replace" shares the stem of "replacement").
# A company that refused to take responsibility, or to repair, left it
# unresolved; "responsible" shares a stem with "response" but is no
# reply. An issue addressed is resolved; a problem that tailoring would
# not address names no company at all. Thanks "for sorting" it is
# resolved, and so is a fault an engineer fixed "in one visit"; one
# they "did not even fix" or "didn't fix" is not. A reviewer's "few
# complaints", the complaints of other reviews, "complaints on" a
# garment's dye and "no major complaints" are no complaint made to the
# company; two complaints raised are. One
# line per record: its theme ids.
{ echo text; printf '"%s"\n' \
    'Nobody seems able to fix this.' \
    'No one could sort out the problem.' \
    'They fixed the fault the same day.' \
    'The agent sorted out the problem in one call.' \
    'My complaint was never acknowledged.' \
    'They handled my complaint brilliantly.' \
    'The only problem is they never resolved my complaint.' \
    'My only real complaint is the length.' \
    'Other reviewers complained about the fit.' \
    'A cami under it solves that problem.' \
    'Some reviewers complain that it runs large.' \
    'I sized up to compensate for the short length.' \
    'After one wash it is going to Goodwill.' \
    'I complained to the manager and they compensated me.' \
    'They offered a goodwill gesture.' \
    'The engineer solved the problem in one go.' \
    'The person I spoke to escalated it.' \
    'The escalator by the entrance was broken.' \
    'My complaint was closed without any resolution.' \
    'They closed my case without resolving anything.' \
    'The problem was resolved after a week.' \
    'It only has a 3 month warranty.' \
    'They were not able to fix the problem.' \
    'The buckle fell apart, but I was able to fix it.' \
    'My phone has already gone back for repair twice.' \
    'They want 100 dollars to repair it.' \
    'They repaired my boiler the next day.' \
    'They sent a replacement under warranty the next day.' \
    'They refused to replace it under warranty.' \
    'They refused to take responsibility.' \
    'They refused to repair it under warranty.' \
    'You are responsible for the return postage.' \
    'They were very responsive to my emails.' \
    'The issue was addressed within a day.' \
    'Tailoring would not address the problem.' \
    'Thank you for sorting this out so quickly.' \
    'Engineer fixed the boiler in one visit.' \
    'They kept my car for a week and did not even fix the rattle.' \
    "The garage didn't fix the rattle." \
    'I have a few complaints: the zip broke and the hem frayed.' \
    'The reviews are full of complaints about the sizing.' \
    'I have no major complaints.' \
    'I am wary of buying more because of all the complaints on dye stability.' \
    'I raised two complaints and both were closed without a reply.'; } > in.csv
"$VERBATIM" analyze in.csv --format csv | sed -E -f "$CASES/data/theme_ids.sed"
echo "exit $?"
