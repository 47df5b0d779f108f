import { beforeAll, describe, expect, test } from 'vitest';
import { routePaste } from '../../../src/core/route-paste.ts';
import { loadFlagInventory, type FlagInventory } from '../../../src/explain/index.ts';

let inventory: FlagInventory;
beforeAll(async () => {
  inventory = await loadFlagInventory();
});

describe('routePaste: what /ask hands to the explainer', () => {
  test.each([
    'docker run -d -p 8080:80 -v data:/var/lib/mysql --rm --name db mysql:8',
    'docker compose up --build',
    'docker build -t app:1 --target prod .',
    'docker exec -it web sh',
    'docker image prune -a --filter until=24h',
    'docker rmi old-image:0.9',
    'docker ps -a',
    'docker rm $(docker ps -aq)',
    '$ docker logs -f web',
  ])('GIVEN the docker command %j THEN it goes to the command explainer', (text) => {
    expect(routePaste(text, inventory).kind).toBe('command');
  });

  test.each([
    'docker stop vs docker kill',
    'docker cp?',
    'docker inspect',
    'docker run',
    'docker exec says "container is not running"',
    'docker inspect --format template example pls, just want the state',
    'docker run --frobnicate nginx:1.27',
    'docker stats',
    'what does docker run -d do',
    'how do I use docker compose up',
  ])('GIVEN %j THEN it stays a question', (text) => {
    expect(routePaste(text, inventory).kind).toBe('question');
  });

  test('GIVEN a pasted multi-line Dockerfile THEN it goes to the Dockerfile explainer', () => {
    expect(routePaste('FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]', inventory).kind).toBe('dockerfile');
    expect(routePaste('# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN apk add --no-cache curl', inventory).kind).toBe('dockerfile');
  });

  test('GIVEN one Dockerfile line, or a Dockerfile with a question in it THEN it stays a question', () => {
    expect(routePaste('FROM node:20', inventory).kind).toBe('question');
    expect(routePaste('FROM node:20\nwhy is my build so slow with this', inventory).kind).toBe('question');
  });
});
