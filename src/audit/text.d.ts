/** Bundled word lists are imported as text (scripts/textImport.ts for Vite, esbuild's text loader for the CLI). */
declare module "*.txt" {
  const text: string;
  export default text;
}
