// The renderer's Content Security Policy, served by both the app:// protocol and browser mode and
// written into index.html at build time. No inline script, no eval, no remote origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Photos are served by URL from the app's own origin (app://loadwise/media/…, or the bridge's
  // /media/… in browser mode); nothing else draws images.
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  // pdf.js lays out the print preview's pages in a worker loaded from the app's own files.
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
