// The starter templates that ship with the app (resources/templates, audit §10), read once per
// directory and checked with the same schema as everything else: a broken file is a build error
// the tests catch, and at run time it is left out with a log line rather than stopping the app.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TemplateSchema, type Template } from '../../common/domain/template';
import type { ServiceContext } from '../context';

const ManifestSchema = z.object({ templatesVersion: z.number().int().min(1), files: z.array(z.string().regex(/^[a-z0-9-]+\.json$/)) });

const cache = new Map<string, Template[]>();

/** Templates sit beside the seed library in the app's resources. */
export const templatesDir = (ctx: Pick<ServiceContext, 'seedDir'>): string => path.join(path.dirname(ctx.seedDir), 'templates');

export function builtinTemplates(ctx: Pick<ServiceContext, 'seedDir' | 'log'>): Template[] {
  const dir = templatesDir(ctx);
  const cached = cache.get(dir);
  if (cached) return cached;
  const manifestPath = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    cache.set(dir, []);
    return [];
  }
  const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  const templates: Template[] = [];
  for (const file of manifest.files) {
    const parsed = TemplateSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (parsed.success) templates.push(parsed.data);
    else ctx.log.error(`Built-in template ${file} is not valid and was left out`, parsed.error);
  }
  cache.set(dir, templates);
  return templates;
}
