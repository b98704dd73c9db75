import type { Message } from './index.js';

export default {} satisfies Record<string, Message>;
