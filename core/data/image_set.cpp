#include "data/image_set.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace nas::data {

namespace {

// Uniform in [0, bound) by rejection, so no residue class is favoured.
std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t limit = std::mt19937_64::max() - std::mt19937_64::max() % bound;
    for (;;) {
        const std::uint64_t x = rng();
        if (x < limit) return x % bound;
    }
}

ImageSet emptyLike(const ImageSet& set) {
    ImageSet out;
    out.channels = set.channels;
    out.height = set.height;
    out.width = set.width;
    out.classes = set.classes;
    out.classNames = set.classNames;
    return out;
}

void append(ImageSet& out, const ImageSet& set, int index) {
    const std::size_t bytes = set.imageBytes();
    const auto begin = set.pixels.begin() + static_cast<std::ptrdiff_t>(bytes * index);
    out.pixels.insert(out.pixels.end(), begin, begin + static_cast<std::ptrdiff_t>(bytes));
    out.labels.push_back(set.labels[static_cast<std::size_t>(index)]);
    ++out.count;
}

}  // namespace

std::vector<int> shuffledOrder(int count, std::uint64_t seed) {
    std::vector<int> order(static_cast<std::size_t>(std::max(count, 0)));
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::mt19937_64 rng(seed);
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[uniformBelow(rng, i)]);
    return order;
}

ChannelStats channelStats(const ImageSet& set) {
    if (set.count <= 0 || set.channels <= 0)
        throw std::invalid_argument("channelStats: the image set is empty");
    // Integer sums are exact, so the figures do not depend on summation order or set size.
    const std::size_t plane = static_cast<std::size_t>(set.height) * set.width;
    std::vector<std::uint64_t> sum(set.channels, 0), squares(set.channels, 0);
    for (int n = 0; n < set.count; ++n) {
        for (int c = 0; c < set.channels; ++c) {
            const std::uint8_t* p =
                set.pixels.data() + (static_cast<std::size_t>(n) * set.channels + c) * plane;
            std::uint64_t s = 0, q = 0;
            for (std::size_t i = 0; i < plane; ++i) {
                s += p[i];
                q += static_cast<std::uint64_t>(p[i]) * p[i];
            }
            sum[c] += s;
            squares[c] += q;
        }
    }
    ChannelStats stats;
    const double values = static_cast<double>(plane) * set.count;
    for (int c = 0; c < set.channels; ++c) {
        const double mean = static_cast<double>(sum[c]) / values;
        const double variance =
            std::max(0.0, static_cast<double>(squares[c]) / values - mean * mean);
        stats.mean.push_back(mean / 255.0);
        stats.std.push_back(std::sqrt(variance) / 255.0);
    }
    return stats;
}

ImageSet subset(const ImageSet& set, int count) {
    if (count <= 0 || count >= set.count) return set;
    ImageSet out = emptyLike(set);
    out.count = count;
    out.pixels.assign(set.pixels.begin(),
                      set.pixels.begin() + static_cast<std::ptrdiff_t>(set.imageBytes() * count));
    out.labels.assign(set.labels.begin(), set.labels.begin() + count);
    return out;
}

std::pair<ImageSet, ImageSet> splitSet(const ImageSet& set, double firstFraction,
                                       std::uint64_t seed) {
    if (!(firstFraction > 0.0 && firstFraction < 1.0))
        throw std::invalid_argument("splitSet: firstFraction must lie in (0,1), got " +
                                    std::to_string(firstFraction));
    const std::vector<int> order = shuffledOrder(set.count, seed);
    const auto firstCount = static_cast<std::size_t>(std::llround(firstFraction * set.count));
    std::pair<ImageSet, ImageSet> parts{emptyLike(set), emptyLike(set)};
    parts.first.pixels.reserve(set.imageBytes() * firstCount);
    parts.second.pixels.reserve(set.imageBytes() * (order.size() - firstCount));
    for (std::size_t i = 0; i < order.size(); ++i)
        append(i < firstCount ? parts.first : parts.second, set, order[i]);
    return parts;
}

}  // namespace nas::data
