import { App, LogLevel } from '@slack/bolt';

/**
 * The framework floor: a bare Bolt app on the same HTTP receiver, signature checks on, that answers
 * the benchmark's requests with a fixed reply — `/concerto` through response_url, an @mention with
 * chat.postMessage — and serves /healthz. Whatever Concerto takes beyond this is Concerto's own.
 */
const port = Number(process.env.PORT);
const app = new App({
  token: process.env.SLACK_BOT_TOKEN!,
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL! },
  port,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
      },
    },
  ],
});
app.command('/concerto', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: 'Fixed reply.' });
});
app.event('app_mention', async ({ event, client }) => {
  await client.chat.postMessage({ channel: event.channel, text: 'Fixed reply.' });
});
// Concerto's connection keep-alive (src/slack/app.ts), so both are measured over the same connections.
await app.start(port, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
