/** One SMS segment: the backend refuses longer texts (SMS_TOO_LONG) instead of splitting them. */
export const SMS_MAX_LENGTH = 160
