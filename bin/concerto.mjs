#!/usr/bin/env node
// The `concerto` command without a build step: TypeScript is loaded through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
