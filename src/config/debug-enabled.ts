/** True when DEBUG is set (to anything but "" or "0"): errors then print their stack. */
export function debugEnabled(environment: Record<string, string | undefined> = process.env): boolean {
  const value = environment.DEBUG;
  return value !== undefined && value !== '' && value !== '0';
}
