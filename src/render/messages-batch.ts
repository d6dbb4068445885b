/** Messages of the batch commands, merged into the catalogue of render/messages.ts. */
type Text = (a: Record<string, string | number | bigint | boolean | null | undefined>) => string;

export const zh: Record<string, Text> = {};
export const en: Record<string, Text> = {};
