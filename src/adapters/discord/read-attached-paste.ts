import type { Attachment } from 'discord.js';
import { INPUT_LIMITS, type Problem } from '../../core/index.ts';

export interface ReadAttachedPasteOptions {
  /**
   * How long the download may take, in milliseconds.
   *
   * @defaultValue 10000
   */
  timeoutMs?: number;
}

/**
 * Downloads a file attached to a slash command as text, refusing anything over `INPUT_LIMITS.paste` bytes
 * (by its declared size before downloading, and by what actually arrives). Failures are problems, not throws.
 */
export async function readAttachedPaste(attachment: Pick<Attachment, 'url' | 'size' | 'name'>, options: ReadAttachedPasteOptions = {}): Promise<{ ok: true; text: string } | { ok: false; problem: Problem }> {
  const limit = INPUT_LIMITS.paste;
  if (attachment.size > limit) return { ok: false, problem: { code: 'paste-file-too-large', bytes: attachment.size, limit } };
  try {
    const response = await fetch(attachment.url, { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    if (!response.ok) return { ok: false, problem: { code: 'paste-file-unreadable', name: attachment.name } };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > limit) return { ok: false, problem: { code: 'paste-file-too-large', bytes: bytes.byteLength, limit } };
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  } catch {
    return { ok: false, problem: { code: 'paste-file-unreadable', name: attachment.name } };
  }
}
