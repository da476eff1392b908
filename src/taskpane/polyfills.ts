/**
 * The one runtime feature the shipped packages use that is newer than the ECMAScript 2020 the build
 * targets: WeakRef (ES2021; Safari 14.1), which Fluent UI's focus management (tabster, keyborg) calls.
 * Older Safari web views of Office on Mac lack it; there this stand-in keeps an ordinary reference
 * (the object is simply never collected early), which is all those callers need. Imported first.
 */
const g = globalThis as { WeakRef?: unknown };
if (typeof g.WeakRef === 'undefined') {
  g.WeakRef = class WeakRefStandIn<T extends object> {
    private readonly target: T;
    constructor(target: T) {
      this.target = target;
    }
    deref(): T | undefined {
      return this.target;
    }
  };
}
export {};
