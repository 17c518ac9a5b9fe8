/**
 * Entry point of the app page (the SMART redirect target).
 */
import './lc-app.js';
