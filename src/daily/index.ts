export { DailyScheduler, DAILY_SCHEDULER_DEFAULTS, idempotencyKey, type DailySchedulerOptions, type DailyTickReport } from './daily-scheduler.ts';
export type { DailyDeliveryOutcome, DailyPoster, OutgoingDailyPost } from './daily-poster.ts';
export { nextPostAt, localDateIn, type DailyTiming, type PostSlot } from './next-post-at.ts';
export { parseLocalTime, formatLocalTime, type LocalTime } from './parse-local-time.ts';
export { parseTimeZone } from './parse-time-zone.ts';
export { parseWeekdays } from './parse-weekdays.ts';
export { chooseDailyQuestion } from './choose-daily-question.ts';
export { renderDailyPost, renderDailyReveal } from './render-daily-post.ts';
export { saveDailySchedule, type DailyScheduleSettings } from './save-daily-schedule.ts';
