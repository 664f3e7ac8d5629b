// The fields of google.logging.v2.LogEntry (and the messages inside it) by their JSON
// names, with the type a filter compares them as. Filters may only name these paths, map
// keys (`labels.KEY`, `resource.labels.KEY`) and anything inside `jsonPayload` or
// `protoPayload`; any other path is the "undefined field" error the reference describes.

export type ScalarType = 'string' | 'number' | 'bool' | 'timestamp' | 'duration' | 'severity';

/** A message's fields; `map` holds string values by key; `struct`/`any` hold payloads. */
export type FieldSchema = ScalarType | 'map' | 'struct' | 'any' | MessageSchema;
export interface MessageSchema {
  readonly [field: string]: FieldSchema;
}

const HTTP_REQUEST: MessageSchema = {
  requestMethod: 'string',
  requestUrl: 'string',
  requestSize: 'number',
  status: 'number',
  responseSize: 'number',
  userAgent: 'string',
  remoteIp: 'string',
  serverIp: 'string',
  referer: 'string',
  latency: 'duration',
  cacheLookup: 'bool',
  cacheHit: 'bool',
  cacheValidatedWithOriginServer: 'bool',
  cacheFillBytes: 'number',
  protocol: 'string',
};

export const LOG_ENTRY_SCHEMA: MessageSchema = {
  logName: 'string',
  resource: { type: 'string', labels: 'map' },
  timestamp: 'timestamp',
  receiveTimestamp: 'timestamp',
  severity: 'severity',
  insertId: 'string',
  httpRequest: HTTP_REQUEST,
  labels: 'map',
  operation: { id: 'string', producer: 'string', first: 'bool', last: 'bool' },
  trace: 'string',
  spanId: 'string',
  traceSampled: 'bool',
  sourceLocation: { file: 'string', line: 'number', function: 'string' },
  split: { uid: 'string', index: 'number', totalSplits: 'number' },
  textPayload: 'string',
  jsonPayload: 'struct',
  protoPayload: 'any',
};

/** The members of LogEntry's `payload` oneof: present when set, even to an empty value. */
export const PAYLOAD_FIELDS = new Set(['textPayload', 'jsonPayload', 'protoPayload']);

export function isMessage(schema: FieldSchema): schema is MessageSchema {
  return typeof schema === 'object';
}

/** `http_request` → `httpRequest`: to suggest the JSON name when a filter uses the proto name. */
export function camelCaseOf(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}
