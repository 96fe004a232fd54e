// Streams the comment column of an RFC 4180 CSV file (header row; quoted
// fields with commas, doubled quotes and line breaks; LF, CRLF or CR) and
// calls fn(text) once per record, empty comments included, so that every
// baseline scores exactly the texts `verbatim analyze` scores in the same
// file. Reads 4 MiB at a time: memory stays flat whatever the file size.
//
// Shared by sentiment.js, vader.js and read.js (read.js times this reader
// alone, so its cost can be told apart from the scorers').
'use strict';
const fs = require('fs');
const { StringDecoder } = require('string_decoder');

const DELIM = /[,\r\n]/g;

// Parses the field at buf[p]. Returns [text, end, delimiter] where end is the
// index after the delimiter and delimiter is ',', '\n' (any line end) or ''
// (end of input); or null when the field runs into the end of the buffer
// before the end of the file (more input is needed).
function field(buf, p, eof) {
  let text, i;
  if (buf.charCodeAt(p) === 34) { // "quoted"
    let q = p + 1, esc = false;
    for (;;) {
      i = buf.indexOf('"', q);
      if (i < 0) return eof ? [buf.slice(p + 1), buf.length, ''] : null; // unclosed
      if (i + 1 === buf.length && !eof) return null; // a "" may be split
      if (buf.charCodeAt(i + 1) === 34) { q = i + 2; esc = true; continue; }
      break;
    }
    text = buf.slice(p + 1, i);
    if (esc) text = text.replace(/""/g, '"');
    i++; // after the closing quote; junk up to the delimiter is kept out
    DELIM.lastIndex = i;
    const m = DELIM.exec(buf);
    i = m ? m.index : buf.length;
  } else {
    DELIM.lastIndex = p;
    const m = DELIM.exec(buf);
    i = m ? m.index : buf.length;
    text = buf.slice(p, i);
  }
  if (i >= buf.length) return eof ? [text, buf.length, ''] : null;
  const c = buf.charCodeAt(i);
  if (c === 44) return [text, i + 1, ','];
  if (c === 13) {
    if (i + 1 === buf.length && !eof) return null; // CR LF may be split
    return [text, buf.charCodeAt(i + 1) === 10 ? i + 2 : i + 1, '\n'];
  }
  return [text, i + 1, '\n'];
}

function forEachComment(path, column, fn) {
  const fd = path === '-' ? 0 : fs.openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(4 << 20);
  const dec = new StringDecoder('utf8');
  let buf = '';
  let eof = false;
  let col = -1; // index of the comment column; -1 until the header is read
  const header = [];
  let records = 0;
  while (!eof) {
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) { eof = true; buf += dec.end(); } else buf += dec.write(chunk.subarray(0, n));
    let pos = 0; // start of the record being parsed
    while (pos < buf.length) {
      let p = pos, k = 0, text = '', f;
      while ((f = field(buf, p, eof)) !== null) {
        if (col < 0) header.push(f[0]);
        else if (k === col) text = f[0];
        k++;
        p = f[1];
        if (f[2] !== ',') break;
      }
      if (f === null) break; // incomplete record: read more
      pos = p;
      if (col < 0) {
        col = header.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
        if (col < 0) throw new Error(`no column "${column}" in ${path}: ${header.join(', ')}`);
        continue;
      }
      records++;
      fn(text);
    }
    buf = buf.slice(pos);
  }
  if (fd !== 0) fs.closeSync(fd);
  return records;
}

// Buffered stdout: one line per record, written 1 MiB at a time.
function lineWriter() {
  let parts = [], size = 0;
  return {
    write(s) {
      parts.push(s);
      size += s.length + 1;
      if (size >= 1 << 20) this.flush();
    },
    flush() {
      if (parts.length) fs.writeSync(1, parts.join('\n') + '\n');
      parts = []; size = 0;
    },
  };
}

// Shared command line: node SCRIPT FILE [COLUMN]  (default column: comment).
function main(score) {
  const path = process.argv[2] || '-';
  const column = process.argv[3] || 'comment';
  const out = lineWriter();
  const n = forEachComment(path, column, (t) => out.write(String(score(t))));
  out.flush();
  process.stderr.write(`${require('path').basename(process.argv[1])}: ${n} records\n`);
}

module.exports = { forEachComment, lineWriter, main };
