/** Types of scripts/public-url.js (CommonJS, loaded by webpack.config.js), for the tests. */
export const DEV_URL: string;
export function parsePublicUrl(value: unknown): string;
export function manifestUrls(xml: string): string[];
export function rewriteManifest(xml: string, publicUrl: string): string;
