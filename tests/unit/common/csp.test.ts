// The one Content Security Policy, served by app:// and browser mode and written into index.html.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';
import { repoRoot } from '../../support/repo';

const root = repoRoot;

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name.toLowerCase()), `directive ${name} repeated`).toBe(false);
    map.set(name.toLowerCase(), values);
  }
  return map;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const d = directives(CONTENT_SECURITY_POLICY);

  it('is one line with no characters that could split a header', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n,"]/);
  });

  it('allows no inline script or eval anywhere', () => {
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'"]) {
      expect(CONTENT_SECURITY_POLICY).not.toContain(bad);
    }
  });

  it('names no remote source: no http:, https:, ws:, wss:, * or host', () => {
    for (const [name, values] of d) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/^(https?|wss?|ftp):/i);
        expect(v, `${name} ${v}`).not.toContain('*');
        // Only keywords ('self', 'none') and the local blob:/data: schemes.
        expect(["'self'", "'none'", 'blob:', 'data:'], `${name} ${v}`).toContain(v);
      }
    }
  });

  it("starts from default-src 'none'", () => {
    expect(d.get('default-src')).toEqual(["'none'"]);
  });

  it("lets scripts come from 'self' exactly", () => {
    expect(d.get('script-src')).toEqual(["'self'"]);
  });

  it('shuts the remaining doors', () => {
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
  });

  it('keeps data: and blob: out of every directive; images come from the app origin only', () => {
    for (const [name, values] of d) {
      expect(values, name).not.toContain('data:');
      expect(values, name).not.toContain('blob:');
    }
    expect(d.get('img-src')).toEqual(["'self'"]);
  });

  it('passes Google csp-evaluator with no HIGH, MEDIUM or syntax finding', () => {
    const require = createRequire(import.meta.url);
    const csp = require('@doyensec/csp-evaluator') as {
      CspParser: new (raw: string) => { csp: unknown };
      CspEvaluator: new (
        parsed: unknown,
        version: unknown,
      ) => { evaluate(): { severity: number; directive: string; description: string }[] };
      Version: { CSP3: unknown };
      Finding: { Severity: Record<string, number> };
    };
    const S = csp.Finding.Severity;
    // Sanity: the evaluator does flag a weak policy, so an empty result below means something.
    const weak = new csp.CspEvaluator(new csp.CspParser("script-src https: 'unsafe-inline'").csp, csp.Version.CSP3).evaluate();
    expect(weak.some((f) => f.severity === S.HIGH)).toBe(true);

    const findings = new csp.CspEvaluator(new csp.CspParser(CONTENT_SECURITY_POLICY).csp, csp.Version.CSP3).evaluate();
    const serious = findings.filter((f) => [S.HIGH, S.SYNTAX, S.MEDIUM, S.HIGH_MAYBE].includes(f.severity));
    expect(serious).toEqual([]);
  });

  it('is injected into the renderer source by the build marker', () => {
    expect(fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8')).toContain('<!--csp-->');
  });

  const built = path.join(root, 'out', 'renderer', 'index.html');
  it('matches the meta tag written into the built index.html (header-only directives aside)', () => {
    const html = fs.readFileSync(built, 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    expect(metas).toHaveLength(1);
    // The same policy, less frame-ancestors, which browsers honour only as a header.
    const meta = directives(metas[0]);
    const expected = directives(CONTENT_SECURITY_POLICY);
    expected.delete('frame-ancestors');
    expect(meta).toEqual(expected);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
