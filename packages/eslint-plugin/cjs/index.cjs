'use strict';
// CommonJS entry for `eslint.config.cjs` users: Node 20.19+ can require() the ESM build
// synchronously, and ESLint wants the plugin object itself rather than a namespace.
module.exports = require('../dist/index.js').default;
