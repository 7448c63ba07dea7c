export const LEFT_OFF: Record<string, string> = {};
