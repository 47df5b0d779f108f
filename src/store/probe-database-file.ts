import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Checks, without blocking the event loop, that `path` can hold an SQLite database: its folder can be made, it
 * opens for reading and writing, it is a regular file, and it is empty or starts with SQLite's header. Each
 * step runs on libuv's thread pool against a timer, because better-sqlite3 opens files synchronously and a
 * path on a special or unresponsive file system (a FIFO, `/proc/kmsg`, a dead network mount) would hang the
 * process forever. Resolves when the file is usable; rejects with an `Error` whose message says why in a few
 * words (`does not answer within 5 s`, `is not a regular file`, …).
 *
 * @param timeoutMs how long the checks may take in all, in milliseconds.
 */
export async function probeDatabaseFile(path: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`does not answer within ${String(timeoutMs / 1000)} s (a special or unresponsive file system?)`)), timeoutMs);
  });
  try {
    await Promise.race([checkFile(path).catch((error: unknown) => Promise.reject(new Error(describeFileError(error), { cause: error }))), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function checkFile(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Read-write opens of a FIFO do not block on Linux; the type check below refuses it.
  const handle = await open(path, 'a+');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('is not a regular file');
    if (stat.size === 0) return;
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    if (bytesRead < 16 || buffer.toString('latin1') !== SQLITE_HEADER) throw new Error('is not an SQLite database file');
  } finally {
    await handle.close();
  }
}

/** A file-system error in a few words, for a one-line start-up message. */
function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'cannot be created there (a missing folder, or a file system that allows no new files)';
    case 'EACCES':
    case 'EPERM':
      return 'is not writable by this user (permission denied)';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EROFS':
      return 'is on a read-only file system';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'has a file where a folder should be in its path';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
