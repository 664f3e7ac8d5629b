// google.protobuf.Struct <-> string maps, in @grpc/proto-loader's object shape. DTS params
// travel as a Struct whose values are strings.

interface StructValue {
  kind?: string;
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  nullValue?: unknown;
}

/** Flattens a Struct to strings; numbers and booleans are stringified as DTS does. */
export function structToStrings(struct: unknown): Record<string, string> {
  const fields = (struct as { fields?: Record<string, StructValue> } | null | undefined)?.fields ?? {};
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const kind = value.kind ?? (value.stringValue !== undefined ? 'stringValue' : undefined);
    if (kind === 'stringValue' && value.stringValue !== undefined) result[name] = value.stringValue;
    else if (kind === 'numberValue' && value.numberValue !== undefined)
      result[name] = String(value.numberValue);
    else if (kind === 'boolValue' && value.boolValue !== undefined) result[name] = String(value.boolValue);
  }
  return result;
}

export function stringsToStruct(values: Record<string, string>): {
  fields: Record<string, { stringValue: string }>;
} {
  return {
    fields: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { stringValue: value }])),
  };
}
