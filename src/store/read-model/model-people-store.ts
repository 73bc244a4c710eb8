import type { PeopleStore } from '../../core/ports.js';
import type { ReadModel } from './read-model.js';

/** People links for a serving process: who a Slack user acts for comes from the read model (asked on every request); changes go to the database. */
export function modelPeopleStore(inner: PeopleStore, model: ReadModel): PeopleStore {
  return {
    ownersFor: (externalId) => model.ownersFor(externalId),
    membersOf: (ownerNames) => inner.membersOf(ownerNames),
    link: (externalId, ownerName, auto, meta) => model.written(inner.link(externalId, ownerName, auto, meta)),
    unlink: (externalId, ownerName, meta) => model.written(inner.unlink(externalId, ownerName, meta)),
    unlinkAll: (externalId, meta, reason) => model.written(inner.unlinkAll(externalId, meta, reason)),
    links: () => inner.links(),
    wasUnlinked: (externalId, ownerName) => inner.wasUnlinked(externalId, ownerName),
  };
}
