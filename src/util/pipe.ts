/**
 * A reader that stops early (`zongzhi score --json | head -1`) closes the pipe: that is
 * a normal end, so the process ends quietly with exit 0 instead of an EPIPE stack trace.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream, onOther: (e: Error) => void): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    onOther(e);
  });
}
