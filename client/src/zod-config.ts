/**
 * zod without its eval probe: zod 4 tries `new Function("")` once to decide whether it may compile its
 * parsers, and the server's Content-Security-Policy (no 'unsafe-eval', see server/src/http/security.ts)
 * refuses it, which browsers report as a CSP violation in the console on every page load. Imported first.
 */
import { z } from 'zod';

z.config({ jitless: true });
