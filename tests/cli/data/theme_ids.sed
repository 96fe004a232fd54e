# The theme ids of each record of `analyze --format csv`, as [id,id,...]}:
# used by the themes_default_* cases, which check which themes match.
s/.*"themes"://
s/\{"id":"([^"]*)"[^}]*\}/\1/g
