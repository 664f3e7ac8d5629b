// A stored entry as filters see it: a plain tree by the LogEntry JSON field names, its
// leaves typed (numbers for int64 fields, Instant, Span, Severity), `jsonPayload` as the
// JSON it holds, `protoPayload` as `{"@type": …, …}`. Fields that hold their proto3 default
// are left out, so that "present" (`:*`) means "explicitly set", as the reference says.
// Built once per record, on the first filter that reads it.
import { loadLoggingProto } from '../rpc/protos.js';
import { type FieldSchema, isMessage, LOG_ENTRY_SCHEMA, PAYLOAD_FIELDS } from './entry-schema.js';
import type { LogRecord, StructObject } from './log-record.js';
import { Instant, parseSeverity, Severity, Span, timestampToNanos } from './log-values.js';

export type ViewValue =
  | string
  | number
  | boolean
  | null
  | Instant
  | Span
  | Severity
  | { readonly [key: string]: ViewValue }
  | readonly ViewValue[];

export type ViewNode = { readonly [key: string]: ViewValue };

/** A JSON object or message in the view (not a typed leaf, not an array). */
export function isViewNode(value: ViewValue): value is ViewNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Instant || value instanceof Span || value instanceof Severity)
  );
}

const views = new WeakMap<LogRecord, ViewNode>();

export function entryView(record: LogRecord): ViewNode {
  let view = views.get(record);
  if (!view) {
    view = messageView(record.entry as unknown as Record<string, unknown>, LOG_ENTRY_SCHEMA, true);
    views.set(record, view);
  }
  return view;
}

function messageView(message: Record<string, unknown>, schema: Record<string, FieldSchema>, top: boolean) {
  const view: Record<string, ViewValue> = {};
  for (const [name, fieldSchema] of Object.entries(schema)) {
    const raw = message[name];
    if (raw === undefined || raw === null) continue;
    if (top && PAYLOAD_FIELDS.has(name) && message.payload !== undefined && message.payload !== name)
      continue;
    const value = fieldView(raw, fieldSchema, top && PAYLOAD_FIELDS.has(name));
    if (value !== undefined) view[name] = value;
  }
  return view;
}

/** The view of one field, or undefined when it holds its default (not explicitly set). */
function fieldView(raw: unknown, schema: FieldSchema, oneofMember: boolean): ViewValue | undefined {
  if (isMessage(schema))
    return typeof raw === 'object' ? messageView(raw as Record<string, unknown>, schema, false) : undefined;
  switch (schema) {
    case 'string':
      return raw === '' && !oneofMember ? undefined : String(raw);
    case 'number':
      return Number(raw) === 0 ? undefined : Number(raw);
    case 'bool':
      return raw === true ? true : undefined;
    case 'timestamp': {
      const nanos = timestampToNanos(raw as { seconds?: string });
      return nanos === undefined ? undefined : new Instant(nanos);
    }
    case 'duration': {
      const nanos = timestampToNanos(raw as { seconds?: string });
      return nanos === undefined || nanos === 0n ? undefined : new Span(nanos);
    }
    case 'severity':
      return severityView(raw);
    case 'map':
      return Object.keys(raw as object).length === 0 ? undefined : { ...(raw as Record<string, string>) };
    case 'struct':
      return structView(raw as StructObject);
    case 'any':
      return anyView(raw as { type_url?: string; typeUrl?: string; value?: Uint8Array });
  }
}

function severityView(raw: unknown): ViewValue | undefined {
  const severity = parseSeverity(raw as string | number);
  return severity && severity.rank !== 0 ? severity : undefined;
}

/** A google.protobuf.Struct (proto-loader shape) as the JSON object it stands for. */
function structView(struct: StructObject): ViewNode {
  const view: Record<string, ViewValue> = {};
  for (const [key, value] of Object.entries(struct.fields ?? {})) view[key] = structValueView(value);
  return view;
}

function structValueView(value: unknown): ViewValue {
  const holder = (value ?? {}) as Record<string, unknown>;
  const kind =
    (holder.kind as string | undefined) ??
    ['stringValue', 'numberValue', 'boolValue', 'structValue', 'listValue', 'nullValue'].find(
      (name) => holder[name] !== undefined && holder[name] !== null,
    );
  switch (kind) {
    case 'stringValue':
      return String(holder.stringValue);
    case 'numberValue':
      return Number(holder.numberValue);
    case 'boolValue':
      return holder.boolValue === true;
    case 'structValue':
      return structView(holder.structValue as StructObject);
    case 'listValue':
      return ((holder.listValue as { values?: unknown[] }).values ?? []).map(structValueView);
    default:
      return null;
  }
}

/** A google.protobuf.Any: its `@type`, and its fields when the type is one the local cloud knows. */
function anyView(any: { type_url?: string; typeUrl?: string; value?: Uint8Array }): ViewNode {
  // protobufjs names Any's field type_url whatever the loader's keepCase.
  const typeUrl = any.type_url ?? any.typeUrl ?? '';
  const view: Record<string, ViewValue> = { '@type': typeUrl };
  try {
    const type = loadLoggingProto().root.lookupType(typeUrl.slice(typeUrl.lastIndexOf('/') + 1));
    const decoded = type.toObject(type.decode(any.value ?? new Uint8Array()), {
      longs: String,
      enums: String,
      bytes: String,
      json: true,
    });
    Object.assign(view, JSON.parse(JSON.stringify(decoded)) as ViewNode);
  } catch {
    // A type the local cloud has no proto for: only its @type can be filtered on.
  }
  return view;
}
