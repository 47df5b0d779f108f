import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { completeArgument, type CompletionContext, type CompletionSource } from '../../core/index.ts';
import { cutText, DISCORD_LIMITS as LIMIT } from './discord-limits.ts';

type Choice = ApplicationCommandOptionChoiceData<string>;

/**
 * At most 25 suggestions for what has been typed so far into an option with autocomplete: the core's
 * `completeArgument`, cut to Discord's limits (choice names of 100 characters; values that do not fit are left out).
 */
export function autocompleteChoices(source: CompletionSource, rawTyped: string, context: CompletionContext): Choice[] {
  return completeArgument(source, rawTyped, context, LIMIT.autocompleteChoices)
    .filter((c) => c.value.length > 0 && c.value.length <= LIMIT.choiceValue)
    .slice(0, LIMIT.autocompleteChoices)
    .map((c) => ({ name: cutText(c.name, LIMIT.choiceName), value: c.value }));
}
