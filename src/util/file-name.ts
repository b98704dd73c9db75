/** Text made safe as part of a file name: the characters Windows forbids become _, and it is kept short. */
export function safeFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 60);
}
