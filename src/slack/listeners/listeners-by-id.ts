import type { App } from '@slack/bolt';

/** Where buttons, forms and menus are registered: Bolt's own methods, with their own types. */
export type IdListeners = Pick<App, 'action' | 'view' | 'options'>;

type Handler = (args: never) => Promise<void>;

/**
 * Bolt runs every listener's middleware for every request it receives — each an async chain of its own with a
 * fresh copy of the arguments — so twenty-odd button and form listeners were paid for by every slash command and
 * every mention (a tenth of a busy server's time). Listeners registered by an exact action id or callback id are
 * gathered here and given to Bolt, once all are registered, as one listener per kind that looks the id up.
 * Anything else (a pattern, a constraint object) goes to Bolt as it came. An id is handled by one listener only.
 */
export function listenersById(app: App): { listeners: IdListeners; mount(): void } {
  const actions = new Map<string, Handler>();
  const views = new Map<string, Handler>();
  const options = new Map<string, Handler>();
  const gather =
    (into: Map<string, Handler>, kind: 'action' | 'view' | 'options') =>
    (...args: unknown[]): void => {
      const [id, handler] = args;
      if (typeof id !== 'string' || args.length !== 2 || typeof handler !== 'function') {
        (app[kind] as (...a: unknown[]) => void).apply(app, args);
        return;
      }
      if (into.has(id)) throw new Error(`Two ${kind} listeners for the id ${id}: each id is handled in one place.`);
      into.set(id, handler as Handler);
    };
  const listeners = {
    action: gather(actions, 'action') as App['action'],
    view: gather(views, 'view') as App['view'],
    options: gather(options, 'options') as App['options'],
  };
  const mount = (): void => {
    if (actions.size) app.action(oneOf(actions), (args) => actions.get((args.action as { action_id: string }).action_id)!(args as never));
    if (views.size) app.view(oneOf(views), (args) => views.get(args.view.callback_id)!(args as never));
    if (options.size) app.options(oneOf(options), (args) => options.get((args.payload as { action_id: string }).action_id)!(args as never));
  };
  return { listeners, mount };
}

/** A pattern matching exactly the ids registered: Bolt tests an action's action_id, a view's callback_id against it. */
function oneOf(handlers: Map<string, Handler>): RegExp {
  return new RegExp(`^(?:${[...handlers.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
}
