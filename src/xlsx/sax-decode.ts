import { createRequire } from 'node:module';

/**
 * exceljs 4.4's streaming reader decodes every chunk of a zip entry on its own
 * (lib/utils/parse-sax.js), so a CJK character whose UTF-8 bytes straddle two chunks
 * comes out as two U+FFFD: about one row in 400 of a large Chinese workbook. This puts
 * a copy of that module with a streaming decoder in the CommonJS cache before exceljs
 * loads, so every exceljs reader gets whole characters.
 */
export function installStreamingDecoder(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve('exceljs/lib/utils/parse-sax.js');
  if (require.cache[path]) return;
  const local = createRequire(path);
  const { SaxesParser } = local('saxes');
  const { PassThrough } = local('readable-stream');

  async function* parseSax(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }) {
    if (iterable.pipe && !(Symbol.asyncIterator in iterable)) iterable = (iterable as unknown as NodeJS.ReadableStream).pipe(new PassThrough());
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: unknown;
    let events: { eventType: string; value: unknown }[] = [];
    parser.on('error', (e: unknown) => (error = e));
    parser.on('opentag', (value: unknown) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value: unknown) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value: unknown) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }

  require.cache[path] = { id: path, filename: path, loaded: true, exports: parseSax } as unknown as NodeJS.Module;
}
