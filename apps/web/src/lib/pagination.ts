interface Page<Edge extends { node: { id: string } }> {
  edges: Edge[];
}

/**
 * The next page appended to the one shown, taking the new page's `pageInfo`. Edges already
 * shown are skipped: an item may move while staff read (decided, then listed again).
 */
export function appendPage<Edge extends { node: { id: string } }, Connection extends Page<Edge>>(
  shown: Connection,
  next: Connection,
): Connection {
  const seen = new Set(shown.edges.map((edge) => edge.node.id));
  return {
    ...next,
    edges: [...shown.edges, ...next.edges.filter((edge) => !seen.has(edge.node.id))],
  };
}
