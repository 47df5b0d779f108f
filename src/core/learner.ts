import type { LearnerRef } from '../store/index.ts';
import { localDate } from '../quiz/index.ts';
import type { CommandRequest } from './command.ts';

/** The store's record of who is asking: one learner per platform account. */
export function learnerOf(request: CommandRequest): LearnerRef {
  return { key: `${request.platform}:${request.user.id}`, name: request.user.name };
}

/** The asker's calendar date, in their time zone when known and UTC otherwise. */
export function todayOf(request: CommandRequest): string {
  return localDate(request.now, request.timeZone);
}

/** The server or workspace a request came from, as an optional field to spread into a record; none in DMs. */
export function serverOf(request: CommandRequest): { serverId?: string } {
  return request.serverId ? { serverId: request.serverId } : {};
}
