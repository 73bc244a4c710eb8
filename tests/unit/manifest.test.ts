import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND } from '../../src/slack/ids.js';

/** Our own checks of manifest.yml (CI also validates it against Slack's published schema). */
const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8'));

/** The scope each Web API method we call needs; a method missing here fails the test, so the map stays complete. */
const SCOPE_OF: Record<string, string | null> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'views.open': null,
  'views.publish': null,
  'views.update': null,
  'users.info': 'users:read',
  'users.list': 'users:read',
  'conversations.open': 'im:write',
  'files.uploadV2': 'files:write',
  // Also what url_private_download needs: a person's document downloaded with the bot token.
  'files.info': 'files:read',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = path.join(dir, n);
    return statSync(f).isDirectory() ? sources(f) : f.endsWith('.ts') ? [f] : [];
  });
}

describe('manifest.yml', () => {
  it('names the app and bot within Slack limits', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.features.bot_user.display_name).toBeTruthy();
  });

  it('declares /concerto with a description, usage hint and escaping', () => {
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: COMMAND, should_escape: true });
    expect(command.command.length).toBeLessThanOrEqual(32);
    expect(command.description.length).toBeGreaterThan(10);
    expect(command.usage_hint).toContain('update');
  });

  it('turns on App Home (home and messages tabs) and interactivity', () => {
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('subscribes to the events the app listens for', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
  });

  it('asks for exactly the scopes the code uses', () => {
    const used = new Set<string>();
    for (const file of sources(new URL('../../src/slack/', import.meta.url).pathname)) {
      // Calls on the interactive client and on the fail-fast background client alike.
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:client|background)\.(\w+)\.(\w+)\(/g)) {
        const method = `${m[1]}.${m[2]}`;
        expect(SCOPE_OF, `scope for ${method}`).toHaveProperty([method]);
        const scope = SCOPE_OF[method];
        if (scope) used.add(scope);
      }
    }
    // Commands, mentions and DMs arrive as events and commands rather than method calls.
    for (const s of ['commands', 'app_mentions:read', 'im:history']) used.add(s);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...used].sort());
  });
});
