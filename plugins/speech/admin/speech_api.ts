/**
 * The plugin's own routes (backend/routes.ts: `variables`, `render`), mounted by the kernel
 * under /api/p/<plugin>. Scripts and versions are read and written through the generic REST of
 * their resources (use_speech_data.ts).
 */
export const SPEECH_API = '/api/p/speech'
