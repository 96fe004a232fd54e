// Baseline: the npm package `sentiment` (AFINN-165 word sums), one score
// per record of the CSV's comment column (csv_comments.js), to stdout.
// Usage: node sentiment.js FILE.csv [COLUMN]   (NODE_PATH=bench/node_modules)
'use strict';
const Sentiment = require('sentiment');
const s = new Sentiment();
require('./csv_comments').main((t) => s.analyze(t).score);
