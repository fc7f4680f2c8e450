import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './common/csp';

/**
 * Writes the one CSP into index.html too, as a fallback to the header both transports send.
 * frame-ancestors is left out there: browsers honour it only as a header.
 */
function cspMeta(): Plugin {
  return {
    name: 'loadwise-csp-meta',
    transformIndexHtml: (html) =>
      html.replace(
        '<!--csp-->',
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.split('; ')
          .filter((d) => !d.startsWith('frame-ancestors'))
          .join('; ')}" />`,
      ),
  };
}

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: '/',
  plugins: [react(), cspMeta()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Inline assets would need data: in script/style CSP; keep every asset a file.
    assetsInlineLimit: 0,
  },
});
