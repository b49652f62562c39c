#!/usr/bin/env node
// Launcher: the implementation is compiled to dist/ by `npm run build`.
import '../dist/bin/apply-migrations.js'
