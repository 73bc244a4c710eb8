/** A board a plan reports to (the seed's SAS and JCOB): a short name people type, and an optional title. */
export interface Board {
  id: number;
  /** Upper case letters, digits and hyphens, as boards are written ("SAS", "JCOB"). */
  name: string;
  title: string | null;
}

const BOARD_NAME = /^[A-Z][A-Z0-9&-]{0,19}$/;

/** A board's name as stored and compared: boards are written in capitals whatever case was typed. */
export function boardName(typed: string): string {
  return typed.trim().toUpperCase();
}

/** Why a typed board name cannot be a board's name, or null when it can. */
export function checkBoardName(typed: string): string | null {
  const name = boardName(typed);
  if (!name) return 'Give the board a short name, e.g. `board add SAS --title "Strategic Alliance Summit"`.';
  if (!BOARD_NAME.test(name)) return `"${typed.trim()}" cannot be a board's name: use up to 20 letters, digits or hyphens, starting with a letter (e.g. SAS, JCOB).`;
  return null;
}

/** The board a typed name means, ignoring case. */
export function findBoard<B extends Pick<Board, 'name'>>(boards: readonly B[], typed: string): B | null {
  const name = boardName(typed);
  return boards.find((b) => b.name === name) ?? null;
}

/** "There is no board SAD — the boards are SAS and JCOB." */
export function unknownBoard(typed: string, boards: readonly Pick<Board, 'name'>[]): string {
  if (!boards.length) return `There is no board ${boardName(typed)}: this plan has no boards yet. Add one with \`board add ${boardName(typed)} --title "…"\`.`;
  return `There is no board ${boardName(typed)}. The plan's boards are ${boards.map((b) => b.name).join(', ')}; add another with \`board add NAME\`.`;
}
