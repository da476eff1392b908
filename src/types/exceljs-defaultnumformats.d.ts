declare module 'exceljs/lib/xlsx/defaultnumformats' {
  /** Excel's built-in number formats by id: `f` the format code, else one code per locale. */
  const formats: Record<number, { f?: string } & Record<string, string>>;
  export default formats;
}
