/** A catalog Group as the ancestry needs it; refs are lower-case full refs. */
export interface GroupNode {
  ref: string;
  /** `spec.parent`, resolved to a full ref. */
  parent?: string;
  /** `spec.children`, resolved to full refs. */
  children?: string[];
}

export interface AncestryRow {
  groupRef: string;
  ancestorRef: string;
  /** 0 for the group itself, 1 for its parent, and so on. */
  depth: number;
}

/**
 * Every (group, ancestor) pair of the group tree, the group itself included at depth 0, so an
 * owner roll-up is one join at any depth. The parent is `spec.parent`, or, when a group does not
 * name one, the group that lists it in `spec.children` (the catalog accepts either). A cycle in
 * bad data stops the walk instead of looping; parents that are not in the catalog still count
 * as ancestors, since the refs in the results table point to them.
 */
export function buildGroupAncestry(groups: GroupNode[]): AncestryRow[] {
  const parentOf = new Map<string, string>();
  for (const group of groups) {
    if (group.parent && group.parent !== group.ref) {
      parentOf.set(group.ref, group.parent);
    }
  }
  for (const group of groups) {
    for (const child of group.children ?? []) {
      if (child !== group.ref && !parentOf.has(child)) {
        parentOf.set(child, group.ref);
      }
    }
  }

  const refs = new Set<string>(groups.map(group => group.ref));
  for (const [child, parent] of parentOf) {
    refs.add(child);
    refs.add(parent);
  }

  const rows: AncestryRow[] = [];
  for (const ref of [...refs].sort()) {
    const seen = new Set<string>();
    let current: string | undefined = ref;
    let depth = 0;
    while (current !== undefined && !seen.has(current)) {
      seen.add(current);
      rows.push({ groupRef: ref, ancestorRef: current, depth });
      current = parentOf.get(current);
      depth += 1;
    }
  }
  return rows;
}

/** Order-independent equality, so an unchanged tree is not rewritten. */
export function sameAncestry(a: AncestryRow[], b: AncestryRow[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  const key = (row: AncestryRow) =>
    `${row.groupRef}\u0000${row.ancestorRef}\u0000${row.depth}`;
  const keys = new Set(a.map(key));
  return b.every(row => keys.has(key(row)));
}
