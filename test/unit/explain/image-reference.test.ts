import { describe, expect, test } from 'vitest';
import { parseImageReference } from '../../../src/explain/image-reference.ts';

describe('parseImageReference', () => {
  test.each([
    ['nginx', { registry: 'docker.io', registryWritten: false, repository: 'library/nginx', tag: 'latest', tagWritten: false }],
    ['bitnami/redis:7.2', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7.2', tagWritten: true }],
    ['localhost:5000/app', { registry: 'localhost:5000', registryWritten: true, repository: 'app', tag: 'latest' }],
    ['ghcr.io/org/team/svc:v1.0.0-rc.1', { registry: 'ghcr.io', repository: 'org/team/svc', tag: 'v1.0.0-rc.1' }],
    ['registry:2', { registry: 'docker.io', repository: 'library/registry', tag: '2' }],
  ])('GIVEN %s THEN it splits into registry, repository and tag', (text, expected) => {
    expect(parseImageReference(text)).toMatchObject(expected);
  });

  test('GIVEN a digest THEN it is kept apart from the tag', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseImageReference(`alpine:3.20@${digest}`)).toMatchObject({ tag: '3.20', digest });
    expect(parseImageReference(`alpine@${digest}`)).toMatchObject({ tagWritten: false, digest });
  });

  test.each(['Nginx', 'app:', 'a//b', 'nginx@sha256:xyz', ''])('GIVEN the invalid reference %j THEN it is refused', (text) => {
    expect(parseImageReference(text)).toBeUndefined();
  });
});
