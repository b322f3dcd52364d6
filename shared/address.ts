/**
 * How a vote's phone screens address the delegate: "đồng chí" in the Party and the army,
 * "đại biểu" in the National Assembly and People's Councils. A preset carries it
 * (`Preset.address`), the secretariat may change it, and the ballot page and the messages it
 * shows use it. English says "you" either way. Kept apart from presets.ts so the ballot page
 * loads these few words without every preset's texts.
 */

/** The forms of address a preset may choose. */
export const ADDRESSES = ['dong-chi', 'dai-bieu'] as const;
export type Address = (typeof ADDRESSES)[number];

/** The project's default: "đồng chí". */
export const DEFAULT_ADDRESS: Address = 'dong-chi';

/** The Vietnamese word, lower case as inside a sentence. */
export const ADDRESS_WORDS: Record<Address, string> = { 'dong-chi': 'đồng chí', 'dai-bieu': 'đại biểu' };

export function isAddress(value: unknown): value is Address {
  return (ADDRESSES as readonly unknown[]).includes(value);
}

/**
 * `text` with each "đồng chí" (and "Đồng chí" opening a sentence) in the words of `address`:
 * messages are written with the default address and put in the vote's own on the way out.
 */
export function withAddress(text: string, address: Address | undefined): string {
  if (!address || address === DEFAULT_ADDRESS) return text;
  const word = ADDRESS_WORDS[address];
  return text.replace(/(Đ|đ)ồng chí/g, (_m, d: string) => (d === 'Đ' ? word[0]!.toUpperCase() + word.slice(1) : word));
}
