// zongzhi-audit: replaces exceljs 4.4.0 lib/utils/parse-sax.js (applied by scripts/patch-exceljs.mjs).
// The original decodes every chunk of a zip entry on its own, so a CJK character whose UTF-8 bytes straddle
// two chunks came out as two U+FFFD (about one row in 400 of a large Chinese workbook). This version keeps
// one streaming TextDecoder per entry and flushes it at the end.
const {SaxesParser} = require('saxes');
const {PassThrough} = require('readable-stream');

module.exports = async function* (iterable) {
  if (iterable.pipe && !iterable[Symbol.asyncIterator]) {
    iterable = iterable.pipe(new PassThrough());
  }
  const saxesParser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error;
  saxesParser.on('error', err => {
    error = err;
  });
  let events = [];
  saxesParser.on('opentag', value => events.push({eventType: 'opentag', value}));
  saxesParser.on('text', value => events.push({eventType: 'text', value}));
  saxesParser.on('closetag', value => events.push({eventType: 'closetag', value}));
  for await (const chunk of iterable) {
    saxesParser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true}));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    saxesParser.write(rest);
    if (error) throw error;
    yield events;
  }
};
module.exports.streamingDecoder = true;
