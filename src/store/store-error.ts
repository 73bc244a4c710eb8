/** A storage failure with a stable code and a sentence a person can act on. */
export class StoreError extends Error {
  constructor(
    readonly code: 'data_dir_locked' | 'data_dir_unreadable' | 'unavailable' | 'not_found' | 'conflict' | 'no_plan' | 'plan_exists' | 'plan_archived' | 'plan_channel_taken' | 'board_exists' | 'meeting_exists' | 'invalid' | 'not_permitted',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
