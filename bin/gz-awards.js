#!/usr/bin/env node
// The bundle (scripts/bundle.mjs) starts faster than the hundred modules of dist/cli.
import "../dist/bundle/main.js";
