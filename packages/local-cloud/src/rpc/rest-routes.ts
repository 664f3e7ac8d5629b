// The `google.api.http` annotations of a protobuf service, compiled into HTTP routes: the
// server side of google-gax's REST transcoding (google-gax/build/src/transcoding.js), so
// the REST gateway answers exactly the URLs the official clients build.
import type protobuf from 'protobufjs';

const HTTP_OPTION = '(google.api.http)';
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface HttpRule {
  get?: string;
  post?: string;
  put?: string;
  patch?: string;
  delete?: string;
  body?: string;
  additional_bindings?: HttpRule | HttpRule[];
}

export interface HttpRoute {
  method: protobuf.Method;
  httpMethod: string;
  template: string;
  /** Matches the raw (still percent-encoded) URL path. */
  pattern: RegExp;
  /** camelCase field paths bound by the template's variables, in capture-group order. */
  variables: string[][];
  /** '' (no body), '*' (the whole request) or a camelCase field path. */
  body: string;
}

function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `projects/*\/locations/*` → a regex source: `*` is one segment, `**` any number. */
function segmentPattern(pattern: string): string {
  return pattern
    .split('/')
    .map((segment) => (segment === '**' ? '.+' : segment === '*' ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
}

function compileTemplate(template: string): { pattern: RegExp; variables: string[][] } {
  const variables: string[][] = [];
  let source = '';
  let rest = template;
  for (;;) {
    const match = /^([^{]*)\{([^}=]+)(?:=([^}]*))?\}(.*)$/.exec(rest);
    if (!match) break;
    const [, before = '', field = '', pattern = '*', after = ''] = match;
    source += `${escapeRegExp(before)}(${segmentPattern(pattern)})`;
    variables.push(field.split('.').map(snakeToCamel));
    rest = after;
  }
  source += escapeRegExp(rest);
  return { pattern: new RegExp(`^${source}$`), variables };
}

function rulesOf(method: protobuf.Method): HttpRule[] {
  const rules: HttpRule[] = [];
  for (const option of method.parsedOptions ?? []) {
    const rule = (option as Record<string, HttpRule | undefined>)[HTTP_OPTION];
    if (!rule) continue;
    rules.push(rule);
    const extra = rule.additional_bindings;
    if (extra) rules.push(...(Array.isArray(extra) ? extra : [extra]));
  }
  return rules;
}

/** Every HTTP binding of every method of the service, in declaration order. */
export function compileRoutes(service: protobuf.Service): HttpRoute[] {
  const routes: HttpRoute[] = [];
  for (const method of service.methodsArray) {
    for (const rule of rulesOf(method)) {
      for (const httpMethod of HTTP_METHODS) {
        const template = rule[httpMethod];
        if (!template) continue;
        const { pattern, variables } = compileTemplate(template);
        const body =
          rule.body === undefined || rule.body === '*' ? (rule.body ?? '') : snakeToCamel(rule.body);
        routes.push({ method, httpMethod: httpMethod.toUpperCase(), template, pattern, variables, body });
      }
    }
  }
  return routes;
}

export function findRoute(
  routes: HttpRoute[],
  httpMethod: string,
  path: string,
): { route: HttpRoute; values: string[] } | undefined {
  for (const route of routes) {
    if (route.httpMethod !== httpMethod) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, values: match.slice(1).map((value) => decodeURIComponent(value)) };
  }
  return undefined;
}
