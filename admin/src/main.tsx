import '@ant-design/v5-patch-for-react-19'
import '@refinedev/antd/dist/reset.css'
import dayjs from 'dayjs'
import 'dayjs/locale/es'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { i18n } from './i18n/i18n'

// Dates in antd pickers and Refine fields follow the interface language.
dayjs.locale(i18n.language)
i18n.on('languageChanged', (language) => dayjs.locale(language))

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
