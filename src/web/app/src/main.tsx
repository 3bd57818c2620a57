import { render } from 'preact';
import './styles.css';
import './hook.ts';
import { App } from './app.tsx';

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
