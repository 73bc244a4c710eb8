/** The files a board paper comes as. PDF first: it is what `report` sends when no format is named. */
export const PAPER_FORMATS = ['pdf', 'xlsx', 'docx', 'csv', 'html', 'md', 'json'] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];
