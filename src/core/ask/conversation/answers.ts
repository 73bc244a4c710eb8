/** The little words that steer a conversation, however they are typed. */
const norm = (s: string) => s.trim().toLowerCase().replace(/[.!]+$/, '');

export const isCancel = (s: string) => /^(cancel|stop|quit|abort|never ?mind|forget it)$/.test(norm(s));
export const isBack = (s: string) => /^(back|go back|previous|undo)$/.test(norm(s));
export const isSkip = (s: string) => /^(skip|no|nope|n|none|same|keep( it)?|no change|unchanged|leave it|as is|-)$/.test(norm(s));
export const isYes = (s: string) => /^(yes|y|yep|yeah|correct|right|ok|okay|confirm|that'?s right|looks good|sure)$/.test(norm(s));
