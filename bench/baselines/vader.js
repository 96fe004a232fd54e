// Baseline: VADER through the npm package `vader-sentiment` (the JavaScript
// port, with its bundled lexicon): the compound score of each record of the
// CSV's comment column (csv_comments.js), one per line, to stdout.
// Usage: node vader.js FILE.csv [COLUMN]   (NODE_PATH=bench/node_modules)
'use strict';
const vader = require('vader-sentiment');
require('./csv_comments').main((t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound);
