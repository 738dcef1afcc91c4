import '../../lib/zod-jitless';
import './options.css';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import { extensionPageBackend } from './extension-page-backend';

createRoot(document.getElementById('root')!).render(<OptionsApp backend={extensionPageBackend} />);
