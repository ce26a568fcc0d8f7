// The dashboard's build script that counts the initial JavaScript (plain JavaScript, typed here), so
// the benchmark and the build's budget check count it the same way.
declare module '@renda/dashboard/scripts/bundle-size.js' {
  export interface BundleFile {
    /** Path inside the dist folder, e.g. `assets/index-Bl1ihUS7.js`. */
    file: string;
    /** Loaded by index.html (entry script or modulepreload), as opposed to a lazy chunk. */
    initial: boolean;
    bytes: number;
    gzipBytes: number;
  }
  export interface BundleSize {
    /** Sum of the initial files, gzipped at level 9: the figure the budget is about. */
    initialGzipBytes: number;
    initialBytes: number;
    lazyGzipBytes: number;
    files: BundleFile[];
  }
  export const bundleSize: { budgetKb: number; measure(distDir: string): BundleSize };
}
