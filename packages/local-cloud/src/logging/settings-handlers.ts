// ConfigServiceV2's Log Router settings: GetCmekSettings, UpdateCmekSettings, GetSettings,
// UpdateSettings. Readable for every parent; changeable where the API says they "can
// currently only be configured": CMEK settings on organizations, settings on
// organizations and folders (the REST bindings UpdateSettings has). `name` is the parent
// itself (`projects/P`), the form the REST bindings `/v2/{name=projects/*}/cmekSettings`
// build; the `projects/P/cmekSettings` spelling some proto comments show is refused, the
// stricter of the two readings. KMS keys are checked for form only: the local cloud has
// no Cloud KMS to ask whether Logging's service account may use them.
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import { checkMask, maskPaths, requiredMessage } from './config-common.js';
import { parseLocation, parseParent } from './config-names.js';
import type { ConfigStore, Resource } from './config-store.js';

const KMS_KEY = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;

function checkKmsKey(value: unknown, field: string): string {
  const key = typeof value === 'string' ? value : '';
  // "To disable CMEK for the Log Router, set this field to an empty string."
  if (key !== '' && !KMS_KEY.test(key)) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `${field} "${key}" must be projects/P/locations/L/keyRings/R/cryptoKeys/K.`,
    );
  }
  return key;
}

function configurableOn(parent: string, kinds: string[], what: string): void {
  const kind = parent.split('/')[0] ?? '';
  if (!kinds.includes(kind)) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `${what} can only be configured on ${kinds.join(' and ')}, not on ${parent}.`,
    );
  }
}

/** An update mask's fields copied from `changes`; "overwritten if and only if it is in the update mask". */
function applyMasked(
  current: Resource,
  changes: Resource,
  paths: string[],
  checks: Record<string, (value: unknown) => unknown>,
): Resource {
  const updated = { ...current };
  for (const path of paths) {
    const camel = path.replace(/_([a-z])/g, (_, char: string) => char.toUpperCase());
    updated[camel] = checks[path]?.(changes[camel]);
  }
  return updated;
}

export function createSettingsHandlers(store: ConfigStore): UnaryHandlers {
  return {
    async GetCmekSettings(request) {
      return store.of(parseParent(request.name, 'name')).cmekSettings;
    },

    async UpdateCmekSettings(request) {
      const parent = parseParent(request.name, 'name');
      configurableOn(parent, ['organizations'], 'CMEK settings for the Log Router');
      const changes = requiredMessage(request.cmekSettings, 'cmekSettings');
      const paths = maskPaths(request);
      checkMask(paths, ['kms_key_name'], 'CmekSettings');
      const config = store.of(parent);
      config.cmekSettings = applyMasked(config.cmekSettings, changes, paths, {
        kms_key_name: (value) => checkKmsKey(value, 'cmekSettings.kmsKeyName'),
      });
      return config.cmekSettings;
    },

    async GetSettings(request) {
      return store.of(parseParent(request.name, 'name')).settings;
    },

    async UpdateSettings(request) {
      const parent = parseParent(request.name, 'name');
      configurableOn(parent, ['organizations', 'folders'], 'Log Router settings');
      const changes = requiredMessage(request.settings, 'settings');
      const paths = maskPaths(request);
      checkMask(paths, ['kms_key_name', 'storage_location', 'disable_default_sink'], 'Settings');
      const config = store.of(parent);
      config.settings = applyMasked(config.settings, changes, paths, {
        kms_key_name: (value) => checkKmsKey(value, 'settings.kmsKeyName'),
        storage_location: (value) =>
          value === '' || value === undefined
            ? ''
            : parseLocation(`${parent}/locations/${String(value)}`, 'settings.storageLocation').location,
        disable_default_sink: (value) => value === true,
      });
      return config.settings;
    },
  };
}
