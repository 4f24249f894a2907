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

std::string channelsProblem(int channels) {
    if (channels >= 2 && channels % 2 == 0 && channels <= kMaxChannels) return {};
    return "must be a positive even number up to " + std::to_string(kMaxChannels) +
           " (factorized reduce halves it), not " + std::to_string(channels);
}

std::string layersProblem(int layers) {
    if (layers >= kMinLayers && layers <= kMaxLayers) return {};
    return "must be from " + std::to_string(kMinLayers) +
           " (two reduction cells and a normal cell) to " + std::to_string(kMaxLayers) + ", not " +
           std::to_string(layers);
}

}  // namespace nas::space
