/**
 * Slack sends what people type with its own markup: "&", "<" and ">" as entities, and mentions,
 * channels and links in angle brackets. This turns it back into the plain text the person saw,
 * so "R&D" is stored as "R&D" and a pasted link as its address.
 */
export function fromSlackText(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!subteam^')) return label ?? '@team';
      if (target.startsWith('!date^')) return label ?? '';
      if (target.startsWith('!')) return `@${target.slice(1)}`;
      const address = target.replace(/^mailto:/, '');
      return label && label !== address && label !== address.replace(/^https?:\/\//, '') ? `${label} (${address})` : address;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
