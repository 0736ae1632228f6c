import './speech.css'

/**
 * A script as the agent reads it. The HTML comes from the server already sanitized, with values
 * escaped and unknown or empty variables wrapped in `span[data-variable]` (or from the preview,
 * which only rewraps the editor's own HTML); the stylesheet makes those spans stand out.
 */
export function ScriptView({ html, testId }: { html: string; testId?: string }) {
  return (
    <div
      className="speech-script"
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
