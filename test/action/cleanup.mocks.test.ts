// The post step with @actions/core and the cloud mocked: it deletes what main saved, and
// never fails the job — anything it cannot delete becomes a warning naming the janitor.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

const core = {
  getState: vi.fn<(name: string) => string>(),
  setSecret: vi.fn(),
  info: vi.fn(),
  warning: vi.fn(),
};
vi.mock('@actions/core', () => core);

const close = vi.fn(async () => undefined);
const createCloudServices = vi.fn(() => ({ projectId: 'p', close }));
vi.mock('../../src/cloud/index.js', () => ({ createCloudServices }));
const cleanupConfigs = vi.fn();
vi.mock('../../src/lifecycle/index.js', () => ({ cleanupConfigs }));

const { cleanup } = await import('../../src/action/cleanup.js');

const A = 'projects/p/locations/us/transferConfigs/a';
const B = 'projects/p/locations/us/transferConfigs/b';

beforeEach(() => {
  vi.clearAllMocks();
  core.getState.mockReturnValue(
    JSON.stringify({ configs: [A, B], project: 'p', location: 'eu', transport: 'rest' }),
  );
});

describe('post (cleanup)', () => {
  it('does nothing when main left nothing', async () => {
    core.getState.mockReturnValue('');
    await cleanup({});
    expect(createCloudServices).not.toHaveBeenCalled();
    expect(core.info).toHaveBeenCalledWith('No transfer config left behind by this job.');
  });

  it('deletes the saved configs where main saved them, and warns about any it cannot delete', async () => {
    cleanupConfigs.mockResolvedValue({
      deleted: [A],
      missing: [],
      failed: [{ name: B, message: 'PERMISSION_DENIED' }],
    });
    await cleanup({ AWS_SECRET_ACCESS_KEY: SECRET });
    expect(core.setSecret).toHaveBeenCalledWith(SECRET);
    expect(createCloudServices).toHaveBeenCalledWith(
      expect.objectContaining({
        settings: expect.objectContaining({ project: 'p', location: 'eu' }),
        transport: 'rest',
      }),
    );
    expect(cleanupConfigs).toHaveBeenCalledWith(expect.anything(), [A, B], expect.any(AbortSignal));
    expect(core.info).toHaveBeenCalledWith(`Deleted ${A}`);
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(new RegExp(`${B}: PERMISSION_DENIED.*s3bq janitor`)),
    );
    expect(close).toHaveBeenCalled();
  });

  it('turns any error into a warning without the secret, and never throws', async () => {
    cleanupConfigs.mockRejectedValue(new Error(`DTS echoed secret_access_key ${SECRET}`));
    await expect(cleanup({ AWS_SECRET_ACCESS_KEY: SECRET })).resolves.toBeUndefined();
    const [message] = core.warning.mock.calls[0] as [string];
    expect(message).toContain('s3bq janitor');
    expect(message).not.toContain(SECRET);
    expect(close).toHaveBeenCalled();
  });

  it('warns on a state it cannot read', async () => {
    core.getState.mockReturnValue('{"not":"ours"}');
    await cleanup({});
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('not what main wrote'));
  });
});
