import sanitizeHtml from 'sanitize-html'

/**
 * What a script may contain: formatting, lists, links, highlights. No
 * scripts, styles, images or event handlers — whatever the editor sends.
 */
export function sanitizeScript(html: string) {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'strong',
      'b',
      'em',
      'i',
      'u',
      's',
      'h1',
      'h2',
      'h3',
      'h4',
      'ul',
      'ol',
      'li',
      'blockquote',
      'a',
      'span',
      'mark',
      'code',
      'pre',
      'hr',
    ],
    allowedAttributes: { a: ['href', 'target', 'rel'], span: ['data-variable'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }),
    },
  })
}

/** {{client.first_name}}, {{client.custom.segmento}}, {{agent.name}}… */
export const VARIABLE = /\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){1,2})\s*\}\}/g

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!
  )

/**
 * Fills the variables with the given values (escaped). A variable that is
 * unknown stays visible and is marked, never silently blank (S2); a known
 * one without a value shows as an empty marked slot the agent can see.
 */
export function fillScript(html: string, values: Map<string, string | null>) {
  const unknown = new Set<string>()
  const filled = html.replace(VARIABLE, (token, name: string) => {
    if (!values.has(name)) {
      unknown.add(name)
      return `<span data-variable="unknown">${escapeHtml(token)}</span>`
    }
    const value = values.get(name)
    if (value === null || value === undefined || value === '') {
      return `<span data-variable="empty">${escapeHtml(token)}</span>`
    }
    return escapeHtml(value)
  })
  return { html: filled, unknown: [...unknown] }
}

export function variablesIn(html: string) {
  return [...new Set([...html.matchAll(VARIABLE)].map((match) => match[1]))]
}
