/** Types of tools/evaluator-bundle.mjs (plain JavaScript: it runs before anything is compiled). */
export interface BundleTarget {
  /** The project directory; every path below is relative to it. */
  readonly root: string;
  readonly entry: string;
  /** Where the bundles and the stamp go. */
  readonly outDir: string;
  /** Files whose change alters the build without being esbuild inputs. */
  readonly buildInputs: readonly string[];
}
export declare const EVALUATOR: BundleTarget;
/** The path of a bundle built from exactly the current sources, or undefined when there is none. */
export declare function freshBundle(target?: BundleTarget): string | undefined;
/** Build the bundle and its stamp; returns the bundle's path. */
export declare function buildBundle(target?: BundleTarget): Promise<string>;
