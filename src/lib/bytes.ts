/** A size as readers read it, in their language: `48.2 MB`, `730 kB` (decimal units, as storage settings show them). */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1e9
      ? [bytes / 1e9, 'gigabyte']
      : bytes >= 1e6
        ? [bytes / 1e6, 'megabyte']
        : [Math.max(1, bytes / 1e3), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(
    value,
  );
}
