// Placeholder until this command lands; it says so instead of pretending.
export default async function run(): Promise<void> {
  throw new Error('this command is not built yet');
}
