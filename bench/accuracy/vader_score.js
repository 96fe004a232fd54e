// Scores `gold<TAB>text` lines (stdin) with the npm package vader-sentiment
// (the JavaScript port of VADER) and prints `gold<TAB>compound` lines.
// Usage: node vader_score.js < set.tsv   (NODE_PATH=bench/node_modules)
'use strict';
const vader = require('vader-sentiment');
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const out = [];
for (const line of lines) {
  const tab = line.indexOf('\t');
  if (tab < 0) continue;
  const s = vader.SentimentIntensityAnalyzer.polarity_scores(line.slice(tab + 1));
  out.push(line.slice(0, tab) + '\t' + s.compound);
}
process.stdout.write(out.join('\n') + '\n');
