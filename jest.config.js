/** Jest: "unit" runs in Node (core, adapters, Office layer with mocks, manifest checks);
 *  "browser" drives the built preview in Debian's Chromium (needs `npm run build` first). */
const tsJest = ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, isolatedModules: true } }];
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose ESM-only dependency breaks Jest.
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'], testPathIgnorePatterns: ['/test/browser/'] },
    { ...common, displayName: 'browser', testEnvironment: 'node', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
