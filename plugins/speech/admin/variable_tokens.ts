/**
 * `{{…}}` tokens in a script. Anything between double braces counts, even a malformed name
 * (`{{Cliente.nombre}}`): the server fills only names its campaign offers, so whatever else the
 * supervisor typed must be pointed out, never dropped.
 */
export const TOKEN = /\{\{([^{}]*)\}\}/g

export const tokenName = (inner: string) => inner.trim()

/** The names used in a piece of text, once each, in order of appearance. */
export function tokensIn(text: string) {
  return [...new Set([...text.matchAll(TOKEN)].map((match) => tokenName(match[1])))]
}

/** Names in the script's text that are not among the campaign's variables. */
export function unknownTokens(html: string, known: ReadonlySet<string>) {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? ''
  return tokensIn(text).filter((name) => !known.has(name))
}

/**
 * The editor's HTML with each token wrapped as the agent will see it: a known variable shows its
 * label, an unknown one stays as typed and is marked. Works on text nodes only, so links and
 * other markup are untouched (the editor's HTML, not user input, is what goes in).
 */
export function markTokens(html: string, labelOf: (name: string) => string | undefined) {
  const document = new DOMParser().parseFromString(html, 'text/html')
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const texts: Text[] = []
  while (walker.nextNode()) texts.push(walker.currentNode as Text)
  for (const text of texts) {
    const value = text.data
    if (!value.includes('{{')) continue
    const fragment = document.createDocumentFragment()
    let last = 0
    for (const match of value.matchAll(TOKEN)) {
      fragment.append(value.slice(last, match.index))
      const label = labelOf(tokenName(match[1]))
      const span = document.createElement('span')
      span.dataset.variable = label === undefined ? 'unknown' : 'sample'
      span.textContent = label === undefined ? match[0] : label
      fragment.append(span)
      last = match.index + match[0].length
    }
    fragment.append(value.slice(last))
    text.replaceWith(fragment)
  }
  return document.body.innerHTML
}
