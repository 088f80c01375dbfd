/**
 * Express: `express()` apps and `express.Router()` / `Router()` routers; `r.METHOD(path, ...handlers)` including
 * `all`, `r.route(path).get(...).put(...)` chains (read through the route-holder origin), array paths, and
 * `r.use([prefix,] router)` mounts. `app.get('setting')` with one argument is a settings read, not a route, and
 * `router.param()` is not a route either.
 */
import { addShorthandRoute, addUseMounts } from '../route-calls';
import type { CallContext, FrameworkSpec } from './spec';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);

export const expressSpec: FrameworkSpec = {
  framework: 'express',
  factories: [
    { module: 'express', path: '', how: 'call', creates: 'router' },
    { module: 'express', path: 'Router', how: 'either', creates: 'router' },
    { module: 'express', path: 'default.Router', how: 'either', creates: 'router' },
  ],
  routerTypes: [
    { module: 'express', name: 'Express' }, { module: 'express', name: 'Application' },
    { module: 'express', name: 'Router' }, { module: 'express', name: 'IRouter' },
    { module: 'express-serve-static-core', name: 'Express' }, { module: 'express-serve-static-core', name: 'Router' },
  ],
  methods: METHODS,
  chain(name: string) {
    if (name === 'route') return 'holder';
    return METHODS.has(name) || name === 'use' || name === 'param' ? 'same' : undefined;
  },
  handleCall(ctx: CallContext): void {
    const name = ctx.name.text;
    if (METHODS.has(name)) addShorthandRoute(ctx);
    else if (name === 'use') addUseMounts(ctx);
  },
};
