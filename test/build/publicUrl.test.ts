/**
 * The production build needs the address dist/ will be served from: without ADDIN_PUBLIC_URL it stops
 * with a message saying what to set, instead of pointing the manifest at a host that does not exist.
 */
import path from 'path';

type Config = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<{ plugins: unknown[] }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.resolve(__dirname, '../../webpack.config.js')) as Config;

describe('webpack.config.js public address', () => {
  const saved = process.env.ADDIN_PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  });

  it('stops a production build without ADDIN_PUBLIC_URL, saying what to set', async () => {
    delete process.env.ADDIN_PUBLIC_URL;
    await expect(config({}, { mode: 'production' })).rejects.toThrow(/ADDIN_PUBLIC_URL is not set.*ADDIN_PUBLIC_URL=https:\/\/school\.example\/closing-the-gap\/ npm run build/);
    process.env.ADDIN_PUBLIC_URL = '   ';
    await expect(config({}, { mode: 'production' })).rejects.toThrow(/ADDIN_PUBLIC_URL is not set/);
  });
  it('refuses an address that is not https', async () => {
    process.env.ADDIN_PUBLIC_URL = 'http://school.example/ctg/';
    await expect(config({}, { mode: 'production' })).rejects.toThrow(/must start with https:\/\//);
    process.env.ADDIN_PUBLIC_URL = 'school.example';
    await expect(config({}, { mode: 'production' })).rejects.toThrow(/is not a web address/);
  });
  it('builds with an address, with the test flag, and in development without one', async () => {
    process.env.ADDIN_PUBLIC_URL = 'https://school.example/ctg';
    await expect(config({}, { mode: 'production' })).resolves.toHaveProperty('plugins');
    delete process.env.ADDIN_PUBLIC_URL;
    await expect(config({ testUrl: true }, { mode: 'production' })).resolves.toHaveProperty('plugins');
    await expect(config({}, { mode: 'development' })).resolves.toHaveProperty('plugins');
  });
  it('is what npm test builds with (the plain build has no placeholder)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require(path.resolve(__dirname, '../../package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('webpack --mode production');
    expect(pkg.scripts['build:test']).toBe('webpack --mode production --env testUrl');
    expect(pkg.scripts.test).toMatch(/npm run build:test && jest/);
  });
});
