// Shipped dictionaries are bundled as text by esbuild (loader `.yml: text`).
declare module '*.yml' {
  const text: string;
  export default text;
}
