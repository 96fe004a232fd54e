// Baseline: the CSV reader the node baselines share (csv_comments.js) with
// no scoring: prints each comment's length. Its time is the reading part of
// sentiment.js and vader.js.
// Usage: node read.js FILE.csv [COLUMN]
'use strict';
require('./csv_comments').main((t) => t.length);
