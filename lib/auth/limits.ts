/** Password length limits, shared by the server rules and the forms (client-safe). */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
