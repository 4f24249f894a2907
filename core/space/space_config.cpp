#include "space/space_config.h"

namespace nas::space {

// Node `to` has 2 + to incoming edges, so its first edge index is sum_{i<to} (2 + i).
static int firstEdgeOf(int to) { return to * 2 + to * (to - 1) / 2; }

int edgeTarget(int edge) {
    int to = 0;
    while (firstEdgeOf(to + 1) <= edge) ++to;
    return to;
}

int edgeSource(int edge) { return edge - firstEdgeOf(edgeTarget(edge)); }

int edgeIndex(int from, int to) { return firstEdgeOf(to) + from; }

}  // namespace nas::space
