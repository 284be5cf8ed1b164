/** Flags for a headless Chromium on a closed network. */
export declare const CHROMIUM_ARGS: string[];
/** The path of a usable Chromium, or null when none is installed. */
export declare function findChromium(): Promise<string | null>;
/** What to install when no Chromium is found. */
export declare const INSTALL_HINT: string;
