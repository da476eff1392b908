/**
 * Outside Excel (the browser preview, tests) there is no `CustomFunctions` global, yet the build
 * appends `CustomFunctions.associate(...)` calls to functions.ts. This module, imported first by
 * functions.ts, supplies a do-nothing `associate` there so the same bundle loads anywhere. Inside
 * Excel the runtime's own object is left untouched.
 */
const g = globalThis as { CustomFunctions?: unknown };
if (typeof g.CustomFunctions === 'undefined') {
  g.CustomFunctions = { associate: () => undefined };
}
export {};
