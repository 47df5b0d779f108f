import { describe, expect, test } from 'vitest';
import { DOCKERFILE_RULES } from '../../../src/explain/dockerfile-rules/index.ts';
import { readDockerfile } from '../../../src/explain/read-dockerfile.ts';

/** For every rule: a Dockerfile it must flag (on the given lines) and a close one, fixed, it must pass. */
const CASES: Record<string, { failing: string; lines: number[]; passing: string }> = {
  'unknown-instruction': {
    failing: 'FROM alpine:3.20\nRUNN apk add --no-cache curl\nUSER nobody',
    lines: [2],
    passing: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER nobody',
  },
  'duplicate-stage-name': {
    failing: 'FROM golang:1.22 AS build\nRUN go build ./...\nFROM golang:1.22 AS build\nUSER 65532',
    lines: [3],
    passing: 'FROM golang:1.22 AS build\nRUN go build ./...\nFROM golang:1.22 AS test\nUSER 65532',
  },
  'reserved-stage-name': {
    failing: 'FROM alpine:3.20 AS scratch\nUSER nobody',
    lines: [1],
    passing: 'FROM alpine:3.20 AS base\nUSER nobody',
  },
  'undefined-arg-in-from': {
    failing: 'FROM python:${PY_VERSION}-slim\nUSER nobody',
    lines: [1],
    passing: 'ARG PY_VERSION=3.12\nFROM python:${PY_VERSION}-slim\nUSER nobody',
  },
  'copy-from-unknown-stage': {
    failing: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=buidler /app /app\nUSER nobody',
    lines: [4],
    passing: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\nUSER nobody',
  },
  'cmd-entrypoint-shell-form': {
    failing: 'FROM node:20-slim\nUSER node\nCMD node server.js',
    lines: [3],
    passing: 'FROM node:20-slim\nUSER node\nCMD ["node", "server.js"]',
  },
  'secret-in-arg-or-env': {
    failing: 'FROM node:20-slim\nARG NPM_TOKEN\nENV DB_PASSWORD=changeme\nUSER node',
    lines: [2, 3],
    passing: 'FROM node:20-slim\nARG NODE_ENV=production\nENV PORT=3000\nUSER node',
  },
  'base-image-unpinned': {
    failing: 'FROM ubuntu\nFROM nginx:latest\nUSER nginx',
    lines: [1, 2],
    passing: 'FROM ubuntu:24.04\nFROM nginx:1.27-alpine\nUSER nginx',
  },
  'runs-as-root': {
    failing: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]',
    lines: [1],
    passing: 'FROM python:3.12-slim\nCOPY app.py /app/\nUSER 10001\nCMD ["python", "/app/app.py"]',
  },
  'context-copied-before-dependencies': {
    failing: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node',
    lines: [3],
    passing: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nUSER node',
  },
  'dockerignore-for-whole-context': {
    failing: 'FROM nginx:1.27-alpine\nCOPY . /usr/share/nginx/html\nUSER nginx',
    lines: [2],
    passing: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html\nUSER nginx',
  },
  'apt-get-update-alone': {
    failing: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nUSER nobody',
    lines: [2],
    passing: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nUSER nobody',
  },
  'apt-lists-not-removed': {
    failing: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nUSER nobody',
    lines: [2],
    passing: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\nUSER nobody',
  },
  'apk-add-without-no-cache': {
    failing: 'FROM alpine:3.20\nRUN apk update && apk add curl\nUSER nobody',
    lines: [2],
    passing: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER nobody',
  },
  'add-where-copy-does': {
    failing: 'FROM nginx:1.27-alpine\nADD nginx.conf /etc/nginx/nginx.conf\nUSER nginx',
    lines: [2],
    passing: 'FROM nginx:1.27-alpine\nCOPY nginx.conf /etc/nginx/nginx.conf\nADD rootfs.tar.gz /\nUSER nginx',
  },
  'workdir-relative-path': {
    failing: 'FROM golang:1.22\nWORKDIR src/app\nUSER 65532',
    lines: [2],
    passing: 'FROM golang:1.22\nWORKDIR /src\nWORKDIR app\nUSER 65532',
  },
  'maintainer-deprecated': {
    failing: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nUSER nobody',
    lines: [2],
    passing: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.com"\nUSER nobody',
  },
};

describe('Dockerfile rules', () => {
  test('GIVEN the rule list THEN every rule has a failing and a passing case here, and names are kebab-case and unique', () => {
    expect(DOCKERFILE_RULES.map((r) => r.name).sort()).toEqual(Object.keys(CASES).sort());
    for (const rule of DOCKERFILE_RULES) expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  for (const rule of DOCKERFILE_RULES) {
    const c = CASES[rule.name];
    if (!c) continue;
    test(`GIVEN a Dockerfile that breaks ${rule.name} THEN it is flagged on lines ${c.lines.join(', ')} with why and fix`, () => {
      const hits = rule.check(readDockerfile(c.failing));
      expect(hits.map((h) => h.line)).toEqual(c.lines);
      for (const hit of hits) {
        expect(hit.message.length).toBeGreaterThan(10);
        expect(hit.why.length).toBeGreaterThan(20);
        expect(hit.fix.length).toBeGreaterThan(10);
      }
    });
    test(`GIVEN the fixed Dockerfile THEN ${rule.name} finds nothing`, () => {
      expect(rule.check(readDockerfile(c.passing))).toEqual([]);
    });
  }

  test('GIVEN a distroless :nonroot or scratch final stage with no USER THEN runs-as-root stays quiet', () => {
    const rule = DOCKERFILE_RULES.find((r) => r.name === 'runs-as-root')!;
    expect(rule.check(readDockerfile('FROM golang:1.22 AS b\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=b /app /app'))).toEqual([]);
    expect(rule.check(readDockerfile('FROM scratch\nCOPY app /app'))).toEqual([]);
    expect(rule.check(readDockerfile('FROM node:20\nUSER node\nFROM node:20\nUSER root'))).toHaveLength(1);
  });
});
