import { z } from 'zod';
import type { ArgumentMeta, CompletionSource } from './command.ts';

/** A command argument as front ends need it, read once from the command's zod schema. */
export interface ArgumentSpec {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'boolean';
  required: boolean;
  choices?: string[];
  autocomplete?: CompletionSource;
  maxLength?: number;
  /** What happens past `maxLength`; see `ArgumentMeta.overflow`. */
  overflow: 'refuse' | 'cut';
  /** A pasted block; see `ArgumentMeta.paste`. */
  paste: boolean;
  /** A role id; see `ArgumentMeta.kind`. */
  kind?: 'role';
}

/** Reads the argument specs of a command's `z.object` schema, in declaration order. */
export function argumentSpecs(schema: z.ZodObject): ArgumentSpec[] {
  return Object.entries(schema.shape).map(([name, field]) => specOf(name, field as z.ZodType));
}

function specOf(name: string, field: z.ZodType): ArgumentSpec {
  let inner: z.ZodType = field;
  let required = true;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
    required = false;
    inner = inner.unwrap() as z.ZodType;
  }
  const description = field.description ?? inner.description;
  if (!description) throw new Error(`Argument "${name}" needs a .describe() text: it is shown to users`);
  const meta = { ...(inner.meta() as ArgumentMeta | undefined), ...(field.meta() as ArgumentMeta | undefined) };
  const spec: ArgumentSpec = { name, description, type: 'string', required, overflow: meta.overflow ?? 'refuse', paste: meta.paste === true };
  if (meta.autocomplete) spec.autocomplete = meta.autocomplete;
  if (meta.kind) spec.kind = meta.kind;

  if (inner instanceof z.ZodEnum) spec.choices = inner.options.map(String);
  else if (inner instanceof z.ZodBoolean) spec.type = 'boolean';
  else if (inner instanceof z.ZodNumber) spec.type = 'integer';
  else if (inner instanceof z.ZodString && inner.maxLength !== null) spec.maxLength = inner.maxLength;
  return spec;
}
