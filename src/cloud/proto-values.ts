// Conversions between plain values and the protobuf shapes the Google clients send and
// return: Struct params (a plain object is silently sent empty), Timestamps whose
// `seconds` arrive as strings, and enums that may arrive as names or numbers.

export interface StructValue {
  fields: Record<
    string,
    { stringValue?: string | null; numberValue?: number | null; boolValue?: boolean | null }
  >;
}

/** DTS params are strings inside a Struct (`{fields:{data_path:{stringValue:…}}}`). */
export function toStruct(params: Record<string, string>): StructValue {
  const fields: StructValue['fields'] = {};
  for (const [key, value] of Object.entries(params)) fields[key] = { stringValue: value };
  return { fields };
}

/** Reads a Struct back into strings; tolerates numbers/booleans and a missing Struct. */
export function fromStruct(struct: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const fields = (struct as { fields?: Record<string, Record<string, unknown>> } | null | undefined)?.fields;
  if (!fields) return out;
  for (const [key, value] of Object.entries(fields)) {
    if (value == null) continue;
    if (typeof value.stringValue === 'string') out[key] = value.stringValue;
    else if (typeof value.numberValue === 'number') out[key] = String(value.numberValue);
    else if (typeof value.boolValue === 'boolean') out[key] = String(value.boolValue);
  }
  return out;
}

interface TimestampLike {
  seconds?: string | number | { toString(): string } | null;
  nanos?: number | null;
}

export function fromTimestamp(value: unknown): Date | undefined {
  if (value == null) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  const timestamp = value as TimestampLike;
  if (timestamp.seconds == null) return undefined;
  const seconds = Number(String(timestamp.seconds));
  if (!Number.isFinite(seconds)) return undefined;
  return new Date(seconds * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6));
}

export function toTimestamp(date: Date): { seconds: number; nanos: number } {
  const ms = date.getTime();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
}

/** An enum that gax may hand back as its name or its number. */
export function enumName<T extends string>(value: unknown, names: readonly T[], fallback: T): T {
  if (typeof value === 'string' && (names as readonly string[]).includes(value)) return value as T;
  if (typeof value === 'number') return names[value] ?? fallback;
  return fallback;
}
