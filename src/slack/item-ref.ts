/**
 * A button's value names an item and, once there is more than one plan, its plan: "audit-2018/4.2.1".
 * Plan keys and recommendation numbers never hold a "/", so the value reads back unambiguously; a
 * button from before there were plans carries the number alone.
 */
export function itemRef(item: { id: string; plan?: string | undefined }): string {
  return item.plan ? `${item.plan}/${item.id}` : item.id;
}

export function readItemRef(value: string | undefined): { id: string; plan?: string } {
  const v = value ?? '';
  const slash = v.indexOf('/');
  return slash > 0 ? { plan: v.slice(0, slash), id: v.slice(slash + 1) } : { id: v };
}

/** The words that ask about an item in its plan: "complete 4.2.1 in audit-2018". */
export function itemWords(verb: string, value: string | undefined): string {
  const { id, plan } = readItemRef(value);
  return `${verb} ${id}${plan ? ` in ${plan}` : ''}`;
}
