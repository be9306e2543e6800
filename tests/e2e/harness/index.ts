// The browser-test harness: launch a browser with the built extension, serve fixtures, read marks and the DOM.
export * from './paths.js';
export * from './launch.js';
export * from './server.js';
export * from './marks.js';
export * from './describe.js';
export * from './network.js';
export * from './png.js';
export * from './axe.js';
