// Turns one HTTP request of google-gax's REST transport back into the RPC request object,
// and an RPC response object into protobuf JSON: path variables + query parameters + JSON
// body, typed by the method's protobuf messages, in @grpc/proto-loader's object shape so
// the same handlers serve gRPC and REST.
import { fromProto3JSON, type JSONObject, type JSONValue, toProto3JSON } from 'proto3-json-serializer';
import type protobuf from 'protobufjs';
import { PROTO_LOADER_OPTIONS } from '../log-contract.js';
import type { HttpRoute } from './rest-routes.js';

const NUMBER_TYPES = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32', 'double', 'float']);

/** Thrown for a request that cannot be read; the gateway answers 400 INVALID_ARGUMENT. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
}

function setPath(target: JSONObject, path: string[], value: JSONValue): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next;
    else {
      const created: JSONObject = {};
      node[key] = created;
      node = created;
    }
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

/** A query parameter's strings as the JSON value its protobuf field expects. */
function queryValue(type: protobuf.Type, path: string[], values: string[]): JSONValue | undefined {
  let current: protobuf.Type = type;
  let field: protobuf.Field | undefined;
  for (const [index, name] of path.entries()) {
    field = current.fields[name];
    if (!field) return undefined;
    if (index < path.length - 1) {
      const next = field.resolve().resolvedType;
      if (!next || !('fields' in next)) return undefined;
      current = next as protobuf.Type;
    }
  }
  if (!field) return undefined;
  // Enums arrive as numbers when the client asks for `$alt=json;enum-encoding=int`.
  const isEnum = field.resolve().resolvedType !== null && !('fields' in (field.resolvedType ?? {}));
  const convert = (value: string): JSONValue => {
    if (NUMBER_TYPES.has(field.type) || (isEnum && /^\d+$/.test(value))) return Number(value);
    return field.type === 'bool' ? value === 'true' : value;
  };
  return field.repeated ? values.map(convert) : convert(values[values.length - 1] ?? '');
}

export function buildRequest(
  route: HttpRoute,
  pathValues: string[],
  query: URLSearchParams,
  bodyText: string,
): Record<string, unknown> {
  const requestType = route.method.resolvedRequestType;
  if (!requestType) throw new Error(`Unresolved request type of ${route.method.name}.`);
  let json: JSONObject = {};
  if (route.body !== '' && bodyText.trim() !== '') {
    let body: JSONValue;
    try {
      body = JSON.parse(bodyText) as JSONValue;
    } catch {
      throw new BadRequestError('The request body is not valid JSON.');
    }
    if (route.body === '*') {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new BadRequestError('The request body must be a JSON object.');
      }
      json = body;
    } else setPath(json, route.body.split('.'), body);
  }
  const keys = new Set([...query.keys()].filter((key) => !key.startsWith('$')));
  for (const key of keys) {
    const path = key.split('.');
    const value = queryValue(requestType, path, query.getAll(key));
    if (value === undefined)
      throw new BadRequestError(`Unknown query parameter "${key}" for ${route.method.name}.`);
    setPath(json, path, value);
  }
  route.variables.forEach((path, index) => {
    setPath(json, path, pathValues[index] ?? '');
  });
  let message: protobuf.Message | null;
  try {
    message = fromProto3JSON(requestType, json);
  } catch (error) {
    throw new BadRequestError(`Invalid ${requestType.name}: ${(error as Error).message}`);
  }
  if (!message) throw new BadRequestError(`Invalid ${requestType.name}.`);
  return requestType.toObject(message, PROTO_LOADER_OPTIONS) as Record<string, unknown>;
}

/** The protobuf JSON of a handler's response (proto-loader object shape in). */
export function encodeResponse(
  route: HttpRoute,
  response: Record<string, unknown>,
  numericEnums: boolean,
): JSONValue {
  const responseType = route.method.resolvedResponseType;
  if (!responseType) throw new Error(`Unresolved response type of ${route.method.name}.`);
  return toProto3JSON(responseType.fromObject(response), { numericEnums }) ?? {};
}
