// The words of a form's problems: a message such as "is required" joined to the field it is about.

/** "is required" reads as "Brand name is required"; a sentence of its own stays as it is. */
const VERB_FIRST = /^(is|must|needs|can|has|should|was)\b/;

export function errorText(label: string, message: string): string {
  return VERB_FIRST.test(message)
    ? `${label} ${message}`
    : message.charAt(0).toUpperCase() + message.slice(1);
}

/** One problem for a list away from its field: "Brand name is required", "Timezone: not a zone". */
export function describeViolation(label: string, message: string): string {
  return VERB_FIRST.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}

/** Whether the message continues a sentence that starts with the field's name ("is required"). */
export function startsWithVerb(message: string): boolean {
  return VERB_FIRST.test(message);
}
