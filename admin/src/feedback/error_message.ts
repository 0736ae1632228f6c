/** A refusal's or failure's own words: an Error's (ApiError included) message, or the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
