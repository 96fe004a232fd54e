# The themes of each record of `analyze --format csv` with their spans,
# as [{"id":...,"spans":[[start,end],...]},...]}: used by the
# themes_default_* cases that check where a theme matched, not only which.
s/.*"themes"://
s/"label":"[^"]*",//g
s/"sentiment":[-0-9.]+,//g
