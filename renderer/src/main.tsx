import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createBridge } from './bridge/index.ts';
import './i18n/index.ts';
import { useSession } from './stores/session-store.ts';

const bridge = createBridge();
const root = createRoot(document.getElementById('root')!);
if (!bridge) {
  // Opened without the preload or the host's launch URL: say how to open it properly.
  root.render(
    <p style={{ padding: 24 }}>
      请通过“npm start”或“npm run preview”打印的地址打开。Open the app via npm start, or the address npm run
      preview prints.
    </p>,
  );
} else {
  void useSession.getState().init(bridge);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
