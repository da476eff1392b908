/** The WeakRef stand-in for Safari web views older than 14.1 (Fluent UI's focus code calls it). */
describe('taskpane polyfills', () => {
  const g = globalThis as { WeakRef?: unknown };
  const real = g.WeakRef;
  afterEach(() => {
    g.WeakRef = real;
  });

  it('adds a WeakRef whose deref gives the object back where the browser has none', () => {
    delete g.WeakRef;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/taskpane/polyfills');
    });
    const Ctor = g.WeakRef as new (o: object) => { deref(): object | undefined };
    expect(typeof Ctor).toBe('function');
    const target = { a: 1 };
    expect(new Ctor(target).deref()).toBe(target);
  });
  it('leaves a native WeakRef alone', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/taskpane/polyfills');
    });
    expect(g.WeakRef).toBe(real);
  });
});
