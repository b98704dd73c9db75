// Test files import exceljs directly to write fixtures; the program's own exceljs hooks
// (src/xlsx/sax-decode.ts) must be in place before that first import, as they are in the CLI.
import { installStreamingDecoder } from '../src/xlsx/sax-decode.js';

installStreamingDecoder();
