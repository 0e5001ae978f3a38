#!/usr/bin/env node
// The `yijian` command. The project ships TypeScript sources and runs them through tsx,
// so there is no build step between `git clone` and `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
