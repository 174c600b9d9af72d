// Vite entry: the analyst map.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import './app/app.css';
import { mount } from 'svelte';
import App from './app/App.svelte';

mount(App, { target: document.getElementById('app')! });
