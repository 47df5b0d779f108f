import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ConfigSchema } from '../../src/config.ts';
import { PROJECT_ROOT } from '../fixtures/image-dockerfile.ts';

interface Service {
  build?: string;
  image?: string;
  env_file?: string | string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  volumes?: string[];
  secrets?: (string | { source: string })[];
  healthcheck?: { test?: string[] };
}

const text = readFileSync(new URL('compose.yaml', PROJECT_ROOT), 'utf8');
const compose = parse(text) as { services: Record<string, Service>; volumes?: Record<string, unknown>; secrets?: Record<string, { file?: string; environment?: string }> };
const services = Object.entries(compose.services);
const envExample = readFileSync(new URL('.env.example', PROJECT_ROOT), 'utf8');

/**
 * The Compose specification's JSON schema (draft-07), vendored with its commit and license: test/fixtures/compose-spec.md.
 * Ajv's default class implements draft-07; the schema names the draft-07 meta-schema by its https address, which Ajv
 * knows by the http one, so Ajv's copy is registered under the https one too and the vendored schema is itself checked against it.
 * Strict mode stays on except `strictTypes`, a style rule (`type` beside every `properties`) the schema does not follow.
 */
const composeSpec = JSON.parse(readFileSync(new URL('test/fixtures/compose-spec.json', PROJECT_ROOT), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strictTypes: false });
const draft07 = ajv.getSchema('http://json-schema.org/draft-07/schema')!.schema as Record<string, unknown>;
ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' });
const validateCompose = ajv.compile(composeSpec);
const schemaErrors = (document: unknown) => (validateCompose(document) ? [] : (validateCompose.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));

describe('compose.yaml', () => {
  test('GIVEN the Compose specification\'s JSON schema THEN the file is valid, and the same file with a typo in it is not', () => {
    expect(composeSpec['$schema']).toBe('https://json-schema.org/draft-07/schema');
    expect(schemaErrors(compose)).toEqual([]);
    // The validator is really at work: an unknown key, a wrong condition and a misspelt key are each caught.
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services['bot']!['restart_policy'] = 'always';
    broken.services['bot']!['depends_on'] = { db: { condition: 'service_ready' } };
    broken.services['db']!['healthcheck'] = { ...(broken.services['db']!['healthcheck'] as object), intervall: '5s' };
    const errors = schemaErrors(broken);
    expect(errors).toContainEqual('/services/bot must NOT have additional properties');
    expect(errors).toContainEqual('/services/bot/depends_on/db/condition must be equal to one of the allowed values');
    expect(errors).toContainEqual('/services/db/healthcheck must NOT have additional properties');
  });

  test('GIVEN its services THEN the bot is built from the Dockerfile and waits for a healthy PostgreSQL', () => {
    expect(Object.keys(compose.services)).toEqual(['bot', 'db']);
    const { bot, db } = compose.services as { bot: Service; db: Service };
    expect(bot.build).toBe('.');
    expect(existsSync(new URL('Dockerfile', PROJECT_ROOT))).toBe(true);
    expect(bot.depends_on).toMatchObject({ db: { condition: 'service_healthy' } });
    expect(db.image).toMatch(/^postgres:\d+-alpine$/);
    expect(db.healthcheck?.test).toEqual(['CMD', 'pg_isready', '--username=stevedore', '--dbname=stevedore']);
    expect(bot.environment?.['DATABASE_URL']).toBe('postgres://stevedore:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}@db:5432/stevedore');
  });

  test('GIVEN every reference THEN each service, named volume, secret and env file it names exists, and every setting it passes is one the bot reads', () => {
    const named = Object.keys(compose.volumes ?? {});
    for (const [name, service] of services) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect(Object.keys(compose.services), `${name} depends on ${dependency}`).toContain(dependency);
        // A condition on health needs a health check to be met.
        if (service.depends_on![dependency]!.condition === 'service_healthy') expect(compose.services[dependency]!.healthcheck?.test, dependency).toBeDefined();
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/')) expect(named, `${name} mounts ${source}`).toContain(source);
      }
      for (const secret of service.secrets ?? []) {
        const source = typeof secret === 'string' ? secret : secret.source;
        expect(Object.keys(compose.secrets ?? {}), `${name} uses the secret ${source}`).toContain(source);
      }
      // .env is each installation's own (never committed): .env.example is its documented template.
      for (const file of [service.env_file ?? []].flat()) expect(file === '.env' ? existsSync(new URL('.env.example', PROJECT_ROOT)) : existsSync(new URL(file, PROJECT_ROOT)), file).toBe(true);
    }
    for (const setting of Object.keys(compose.services['bot']!.environment ?? {})) expect(Object.keys(ConfigSchema.shape)).toContain(setting);
    // A file-based secret's file is in the project (environment-based ones come from the shell).
    for (const [secret, definition] of Object.entries(compose.secrets ?? {})) if (definition.file) expect(existsSync(new URL(definition.file, PROJECT_ROOT)), secret).toBe(true);
    // Every named volume is used, so none is left behind by a rename.
    for (const volume of named) expect(services.some(([, s]) => (s.volumes ?? []).some((v) => v.startsWith(`${volume}:`))), volume).toBe(true);
  });

  test('GIVEN a variable compose.yaml interpolates THEN .env.example documents it', () => {
    const variables = new Set([...text.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]!));
    expect([...variables]).toEqual(['POSTGRES_PASSWORD']);
    for (const variable of variables) expect(envExample).toMatch(new RegExp(`^# ${variable}=`, 'm'));
  });
});

describe('compose.scale.yaml', () => {
  const scale = parse(readFileSync(new URL('compose.scale.yaml', PROJECT_ROOT), 'utf8')) as { services: Record<string, Service & { command?: string[] }> };

  test('GIVEN it over compose.yaml THEN the bot reaches Discord through the REST proxy service, which is the same image running the proxy', () => {
    const { bot, 'discord-rest': proxy } = scale.services as Record<string, Service & { command?: string[] }>;
    expect(Object.keys(compose.services)).toContain('bot');
    const port = proxy!.environment?.['DISCORD_PROXY_PORT'];
    expect(bot!.environment?.['DISCORD_API_URL']).toBe(`http://discord-rest:${port}/api`);
    expect(bot!.depends_on).toMatchObject({ 'discord-rest': { condition: 'service_healthy' } });
    expect(proxy!.healthcheck?.test?.join(' ')).toContain(`http://127.0.0.1:${port}/health`);
    expect(proxy!.build).toBe(compose.services['bot']!.build);
    expect(proxy!.image).toBe(compose.services['bot']!.image);
    // The command is the compiled proxy that `npm run build` emits from src/cli/.
    expect(proxy!.command).toEqual(['node', 'dist/cli/discord-rest-proxy.js']);
    expect(existsSync(new URL('src/cli/discord-rest-proxy.ts', PROJECT_ROOT))).toBe(true);
    for (const service of Object.values(scale.services)) {
      for (const setting of Object.keys(service.environment ?? {})) expect(Object.keys(ConfigSchema.shape)).toContain(setting);
    }
  });
});
