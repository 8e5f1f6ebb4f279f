// The typo detector's data files are bundled as text by esbuild (loader `.txt: text`).
declare module '*.txt' {
  const text: string;
  export default text;
}
