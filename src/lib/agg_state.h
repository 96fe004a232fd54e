/* agg_state.h: the text format of a vb_agg's state, shared by its writer
 * (agg_state_write.c) and its reader (agg_state_read.c); whether two
 * states can be merged is agg_compatible.c's.
 *
 * The format ("verbatim-state 2", README.md, "Running past one machine")
 * is one record per line, a keyword and fields separated by one space:
 * counts in decimal, exact sums (xsum.h) in hex fixed point ("0x1f.8"),
 * the few plain doubles (scale, a quote's sentiment) as exact hex floats
 * ("0x1.8p+1"), strings in double quotes with \\ \" \n \r \t \xHH escapes
 * (other bytes as they are), "-" for none. Lines end in LF; a reader
 * takes CR LF too. Lines that are empty or start with '#' are skipped. In
 * order:
 *
 *     verbatim-state 2
 *     metric nps | scale LO HI | top-box N | lower-is-better 0|1 |
 *     period P | score-col S | date-col S | segment-col S | weight-col S
 *     taxonomy FINGERPRINT|none|-   (16 hex digits; themes off; not known)
 *     rejected SCORES DATES
 *     records-rejected N            (records read that never reached the agg)
 *     themes N, then N x: theme INDEX PARENT|- ID LABEL|-
 *     groups PERIODS SEGMENTS, then overall, the periods, the segments:
 *       group overall|period|segment KEY RECORDS SCORED CELLS
 *       sums W W2 WX WX2 NONE_W NONE_WX
 *       CELLS x: cell THEME MENTIONS SENT_SUM SCORED W W2 WX WX2 FW FWX OW OWX
 *     per non-empty quote list: quotes THEME +|- N, then N x:
 *       quote KEY FULL_LEN SENTIMENT TIME|- N_SPANS START END ... ID TEXT
 *     drivers N, then N x: sxx THEME THEME SUM (non-zero entries only)
 *     end
 */
#ifndef VB_AGG_STATE_H
#define VB_AGG_STATE_H

#define VB_STATE_MAGIC "verbatim-state" /* the first line: MAGIC VB_STATE_VERSION */

#endif
