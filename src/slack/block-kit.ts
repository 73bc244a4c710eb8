import { z } from 'zod';

/**
 * The Block Kit we emit, and Slack's limits on it (https://api.slack.com/reference/block-kit).
 * Slack rejects a whole message or view for one over-long string, so every builder's output is parsed against these.
 */

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 12_000,
  sectionText: 3000,
  headerText: 150,
  viewTitle: 24,
  privateMetadata: 3000,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  contextElements: 10,
  actionsElements: 25,
  selectOptions: 100,
  checkboxOptions: 10,
  optionText: 75,
  optionValue: 150,
  inputLength: 3000,
  placeholder: 150,
  label: 2000,
} as const;

const id = z.string().min(1).max(LIMITS.id);
const plain = (max: number) => z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
const mrkdwn = (max: number) => z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max), verbatim: z.boolean().optional() });

export const PlainText = plain(LIMITS.sectionText);
export type PlainText = z.infer<typeof PlainText>;
export const Mrkdwn = mrkdwn(LIMITS.sectionText);
export type Mrkdwn = z.infer<typeof Mrkdwn>;
export const TextObject = z.discriminatedUnion('type', [PlainText, Mrkdwn]);
export type TextObject = z.infer<typeof TextObject>;

export const Confirm = z.strictObject({
  title: plain(100),
  text: z.discriminatedUnion('type', [plain(300), mrkdwn(300)]),
  confirm: plain(30),
  deny: plain(30),
  style: z.enum(['primary', 'danger']).optional(),
});
export type Confirm = z.infer<typeof Confirm>;

export const Button = z.strictObject({
  type: z.literal('button'),
  action_id: id,
  text: plain(LIMITS.buttonText),
  value: z.string().max(LIMITS.buttonValue).optional(),
  style: z.enum(['primary', 'danger']).optional(),
  confirm: Confirm.optional(),
});
export type Button = z.infer<typeof Button>;

export const Option = z.strictObject({ text: plain(LIMITS.optionText), value: z.string().min(1).max(LIMITS.optionValue) });
export type Option = z.infer<typeof Option>;

export const Overflow = z.strictObject({ type: z.literal('overflow'), action_id: id, options: z.array(Option).min(1).max(5) });
export type Overflow = z.infer<typeof Overflow>;

export const StaticSelect = z
  .strictObject({
    type: z.literal('static_select'),
    action_id: id,
    placeholder: plain(LIMITS.placeholder).optional(),
    options: z.array(Option).min(1).max(LIMITS.selectOptions),
    initial_option: Option.optional(),
  })
  .refine((s) => !s.initial_option || s.options.some((o) => o.value === s.initial_option!.value && o.text.text === s.initial_option!.text.text), {
    message: 'initial_option must be one of options',
  });
export type StaticSelect = z.infer<typeof StaticSelect>;

export const PlainTextInput = z
  .strictObject({
    type: z.literal('plain_text_input'),
    action_id: id,
    multiline: z.boolean().optional(),
    max_length: z.number().int().min(1).max(LIMITS.inputLength).optional(),
    initial_value: z.string().optional(),
    placeholder: plain(LIMITS.placeholder).optional(),
  })
  .refine((i) => (i.initial_value ?? '').length <= (i.max_length ?? LIMITS.inputLength), { message: 'initial_value is longer than max_length' });
export type PlainTextInput = z.infer<typeof PlainTextInput>;

const multiSelect = { action_id: id, placeholder: plain(LIMITS.placeholder).optional(), initial_options: z.array(Option).max(LIMITS.selectOptions).optional(), max_selected_items: z.number().int().min(1).optional() };
export const MultiStaticSelect = z.strictObject({ type: z.literal('multi_static_select'), ...multiSelect, options: z.array(Option).min(1).max(LIMITS.selectOptions) });
/** Options come from the app's `block_suggestion` handler as the person types (at most 100 per answer). */
export const MultiExternalSelect = z.strictObject({ type: z.literal('multi_external_select'), ...multiSelect, min_query_length: z.number().int().min(0).optional() });
export const Checkboxes = z.strictObject({ type: z.literal('checkboxes'), action_id: id, options: z.array(Option).min(1).max(LIMITS.checkboxOptions), initial_options: z.array(Option).optional() });

const blockId = id.optional();
export const SectionBlock = z.strictObject({ type: z.literal('section'), block_id: blockId, text: TextObject, accessory: z.union([Button, Overflow]).optional() });
export const HeaderBlock = z.strictObject({ type: z.literal('header'), block_id: blockId, text: plain(LIMITS.headerText) });
export const DividerBlock = z.strictObject({ type: z.literal('divider'), block_id: blockId });
export const ContextBlock = z.strictObject({ type: z.literal('context'), block_id: blockId, elements: z.array(TextObject).min(1).max(LIMITS.contextElements) });
export const ActionsBlock = z
  .strictObject({ type: z.literal('actions'), block_id: blockId, elements: z.array(Button).min(1).max(LIMITS.actionsElements) })
  .refine((b) => new Set(b.elements.map((e) => e.action_id)).size === b.elements.length, { message: 'action_id must be unique within a block' });
export const InputBlock = z.strictObject({
  type: z.literal('input'),
  block_id: id,
  label: plain(LIMITS.label),
  element: z.union([PlainTextInput, StaticSelect, MultiStaticSelect, MultiExternalSelect, Checkboxes]),
  hint: plain(LIMITS.label).optional(),
  optional: z.boolean().optional(),
});
export type SectionBlock = z.infer<typeof SectionBlock>;
export type HeaderBlock = z.infer<typeof HeaderBlock>;
export type DividerBlock = z.infer<typeof DividerBlock>;
export type ContextBlock = z.infer<typeof ContextBlock>;
export type ActionsBlock = z.infer<typeof ActionsBlock>;
export type InputBlock = z.infer<typeof InputBlock>;

export const Block = z.discriminatedUnion('type', [SectionBlock, HeaderBlock, DividerBlock, ContextBlock, ActionsBlock, InputBlock]);
export type Block = z.infer<typeof Block>;

/** Every visible string in a block tree: the text of each plain_text/mrkdwn object. */
export function textLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + textLength(x), 0);
  if (!node || typeof node !== 'object') return 0;
  const o = node as Record<string, unknown>;
  if ((o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string') return o.text.length;
  return Object.values(o).reduce((n: number, x) => n + textLength(x), 0);
}

const uniqueBlockIds = (blocks: Block[]) => {
  const ids = blocks.map((b) => b.block_id).filter((x) => x !== undefined);
  return new Set(ids).size === ids.length;
};
const blocks = (max: number) => z.array(Block).max(max).refine(uniqueBlockIds, { message: 'block_id must be unique' });

export const Message = z
  .strictObject({ text: z.string().min(1), blocks: blocks(LIMITS.messageBlocks) })
  .refine((m) => m.blocks.every((b) => b.type !== 'input'), { message: 'input blocks belong in modals' })
  .refine((m) => m.text.length + textLength(m.blocks) <= LIMITS.messageText, { message: `message text exceeds ${LIMITS.messageText} characters` });
export type Message = z.infer<typeof Message>;

export const ModalView = z
  .strictObject({
    type: z.literal('modal'),
    callback_id: id,
    title: plain(LIMITS.viewTitle),
    submit: plain(LIMITS.viewTitle).optional(),
    close: plain(LIMITS.viewTitle).optional(),
    private_metadata: z.string().max(LIMITS.privateMetadata).optional(),
    blocks: blocks(LIMITS.viewBlocks).min(1),
  })
  .refine((v) => v.submit || v.blocks.every((b) => b.type !== 'input'), { message: 'a modal with inputs needs a submit button' });
export type ModalView = z.infer<typeof ModalView>;

export const HomeView = z.strictObject({ type: z.literal('home'), blocks: blocks(LIMITS.viewBlocks) });
export type HomeView = z.infer<typeof HomeView>;

function assertWith<T>(schema: z.ZodType<T>, what: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid Block Kit ${what}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const assertMessage = (m: unknown): Message => assertWith(Message, 'message', m);
export const assertModal = (v: unknown): ModalView => assertWith(ModalView, 'modal', v);
export const assertHome = (v: unknown): HomeView => assertWith(HomeView, 'home view', v);
