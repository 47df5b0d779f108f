import type { DockerfileRule } from './dockerfile-rule.ts';
import { allSteps } from './dockerfile-rule.ts';

const REMOTE_OR_ARCHIVE = /^(https?:\/\/|git@)|\.(tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz|tar\.zst)$/i;

/** ADD for plain local files, where COPY says exactly what happens. */
export const addWhereCopyDoes: DockerfileRule = {
  name: 'add-where-copy-does',
  severity: 'warning',
  topic: 'dockerfile-basics',
  check: (model) =>
    allSteps(model)
      .filter((s) => s.keyword === 'ADD' && !s.heredoc)
      .filter((s) => {
        const sources = (s.execForm ?? s.words).slice(0, -1);
        return sources.length > 0 && !sources.some((src) => REMOTE_OR_ARCHIVE.test(src));
      })
      .map((s) => ({
        line: s.line,
        message: `\`${s.text}\` uses ADD for local files.`,
        why: 'ADD also downloads URLs and unpacks local tar archives, so a reader (and a future file with a .tar name) can get a surprise; COPY does only the copy.',
        fix: `Use COPY: \`${s.text.replace(/^add\b/i, 'COPY')}\`. Keep ADD for unpacking an archive or fetching a remote file with \`--checksum\`.`,
      })),
};
