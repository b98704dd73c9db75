// zongzhi-audit: replaces exceljs 4.4.0 lib/utils/parse-sax.js (applied by scripts/patch-exceljs.mjs).
// The original decodes every chunk of a zip entry on its own, so a CJK character whose UTF-8 bytes straddle
// two chunks came out as two U+FFFD (about one row in 400 of a large Chinese workbook). This version keeps
// one streaming TextDecoder per entry and flushes it at the end. Every exceljs reader parses through here, so
// this is also where src/xlsx/read.ts gets what the streaming reader itself drops or gets wrong:
// - merged ranges: the `<mergeCell ref>` of a part, kept as ranges on the source under MERGES (never expanded);
// - a run of text over TEXT_RUN_LIMIT characters between two tags (a cell holds at most 32,767, each at most
//   6 when escaped) or more than MERGE_LIMIT merges: an error with code ZONGZHI_XML_LIMIT, instead of growing one
//   string until V8 fails with "Invalid string length" on 1 GB of whitespace;
// - control characters written raw (by earlier versions of this tool and other exceljs-based ones), which an
//   XML parser refuses a whole file for: dropped, Word's line break U+000B becoming the newline it means;
// - inline rich text, whose runs exceljs overwrites one by one ("粗体" read as "体"): joined into one text;
// - a formula whose result is an error (`<c t="e"><f>…`), which exceljs parses as a number (NaN): its `<f>` is
//   dropped so the cell reads as the error.
const {SaxesParser} = require('saxes');
const {PassThrough} = require('readable-stream');

const TEXT_RUN_LIMIT = 1000000;
const MERGE_LIMIT = 100000;
const MERGES = Symbol.for('zongzhi.mergeCells');
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function limitError(what) {
  const error = new Error(`xml limit exceeded: ${what}`);
  error.code = 'ZONGZHI_XML_LIMIT';
  error.what = what;
  return error;
}

// Passes events through, except inside an inline string and the formula of an error cell (see above).
function cellEvents(events) {
  let joined; // the text of an open <is>, else undefined
  let phonetic = 0;
  let inText = false;
  let errorCell = false;
  let inFormula = false;
  return {
    open(tag) {
      if (tag.name === 'c') errorCell = tag.attributes.t === 'e';
      if (tag.name === 'f' && errorCell) inFormula = true;
      else if (tag.name === 'is') joined = '';
      else if (joined === undefined) events().push({eventType: 'opentag', value: tag});
      else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't') inText = true;
    },
    text(value) {
      if (inFormula) return;
      if (joined === undefined) events().push({eventType: 'text', value});
      else if (inText && phonetic === 0) joined += value;
    },
    close(tag) {
      if (inFormula) {
        if (tag.name === 'f') inFormula = false;
      } else if (joined === undefined) {
        events().push({eventType: 'closetag', value: tag});
      } else if (tag.name === 'is') {
        // <is><t>joined</t></is>: what the streaming reader and the in-memory one both read whole.
        const t = {name: 't', attributes: {}};
        events().push(
          {eventType: 'opentag', value: {name: 'is', attributes: {}}},
          {eventType: 'opentag', value: t},
          {eventType: 'text', value: joined},
          {eventType: 'closetag', value: t},
          {eventType: 'closetag', value: tag},
        );
        joined = undefined;
      } else if (tag.name === 'rPh') phonetic--;
      else if (tag.name === 't') inText = false;
    },
  };
}

module.exports = async function* (source) {
  let iterable = source;
  if (iterable.pipe && !iterable[Symbol.asyncIterator]) {
    iterable = iterable.pipe(new PassThrough());
  }
  const ranges = [];
  source[MERGES] = ranges;
  const saxesParser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error;
  let events = [];
  let run = 0;
  const cells = cellEvents(() => events);
  saxesParser.on('error', err => {
    error = err;
  });
  saxesParser.on('opentag', value => {
    if (value.name === 'mergeCell' && value.attributes.ref) {
      if (ranges.length >= MERGE_LIMIT) error = limitError('merges');
      ranges.push(value.attributes.ref);
    }
    cells.open(value);
  });
  saxesParser.on('text', value => cells.text(value));
  saxesParser.on('closetag', value => cells.close(value));
  const write = text => {
    const lastTag = text.lastIndexOf('<');
    run = lastTag < 0 ? run + text.length : text.length - lastTag;
    if (run > TEXT_RUN_LIMIT) throw limitError('text');
    saxesParser.write(text.replace(XML_ILLEGAL, c => (c === '\u000B' ? '\n' : '')));
    if (error) throw error;
  };
  for await (const chunk of iterable) {
    write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true}));
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    write(rest);
    yield events;
  }
};
module.exports.streamingDecoder = true;
