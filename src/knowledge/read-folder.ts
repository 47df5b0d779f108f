import { readdir } from 'node:fs/promises';

/**
 * The names in a data folder (topics, the flag inventory), or why it cannot be read, in a few words for a
 * one-line start-up message: `does not exist`, `is not a folder`, or `cannot be read (CODE)`.
 */
export async function readFolder(dir: string): Promise<{ ok: true; names: string[] } | { ok: false; why: string }> {
  try {
    return { ok: true, names: await readdir(dir) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${code ?? String(error)})`;
    return { ok: false, why };
  }
}
