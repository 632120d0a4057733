/** The build contract as pages and the content config import it (see `buildContract.ts`). */
declare module 'virtual:dossier/build' {
  const build: import('./buildContract.ts').BuildContract;
  export default build;
}
