#include "data/tensor_data.h"

#include <random>
#include <stdexcept>
#include <string>

namespace nas::data {

TensorSet toTensors(const ImageSet& set, const ChannelStats& stats, const torch::Device& device) {
    auto bytes = torch::from_blob(const_cast<std::uint8_t*>(set.pixels.data()),
                                  {set.count, set.channels, set.height, set.width}, torch::kUInt8);
    auto images = bytes.to(torch::kFloat).div_(255.0);
    auto mean = torch::tensor(stats.mean, torch::kDouble).to(torch::kFloat).view({1, -1, 1, 1});
    auto std = torch::tensor(stats.std, torch::kDouble)
                   .to(torch::kFloat)
                   .clamp_min(1e-6)
                   .view({1, -1, 1, 1});
    images = (images - mean) / std;
    // The same arithmetic on a zero byte, so padding matches a black pixel of the data bit for bit.
    auto black = ((torch::zeros_like(mean) - mean) / std).view({-1});
    auto labels = torch::tensor(set.labels, torch::kLong);
    return {images.contiguous().to(device), labels.to(device), black.to(device)};
}

BatchLoader::BatchLoader(TensorSet set, int batchSize, bool shuffle, bool augment,
                         std::uint64_t seed, Shard shard)
    : m_set(std::move(set)),
      m_batchSize(batchSize),
      m_shuffle(shuffle),
      m_augment(augment),
      m_seed(seed),
      m_shard(shard) {
    if (shard.worldSize < 1 || shard.rank < 0 || shard.rank >= shard.worldSize)
        throw std::invalid_argument("rank " + std::to_string(shard.rank) +
                                    " is not in a world of " + std::to_string(shard.worldSize));
    beginEpoch(0);
}

void BatchLoader::beginEpoch(int epoch) {
    m_epoch = epoch;
    const int n = static_cast<int>(m_set.size());
    std::vector<int64_t> order(static_cast<size_t>(n));
    if (m_shuffle) {
        const auto shuffled =
            shuffledOrder(n, m_seed * 1000003ULL + static_cast<std::uint64_t>(epoch));
        order.assign(shuffled.begin(), shuffled.end());
    } else {
        for (int i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
    }
    m_order = torch::tensor(order, torch::kLong).to(m_set.labels.device());
}

int BatchLoader::batchCount() const {
    return static_cast<int>(m_set.size() / m_shard.worldSize / m_batchSize);
}

Batch BatchLoader::batch(int index) const {
    // Batch `index` of every rank together is one global batch of worldSize x batchSize samples.
    const int64_t global = static_cast<int64_t>(m_batchSize) * m_shard.worldSize;
    const auto indices = m_order.narrow(0, static_cast<int64_t>(index) * global, global)
                             .slice(0, m_shard.rank, global, m_shard.worldSize);
    Batch b{m_set.images.index_select(0, indices), m_set.labels.index_select(0, indices)};
    // Augmentation draws by global batch position, so the ranks crop differently.
    if (m_augment) b.images = augment(b.images, index * m_shard.worldSize + m_shard.rank);
    return b;
}

torch::Tensor BatchLoader::augment(const torch::Tensor& images, int index) const {
    // Random crop after padding by an eighth of the side (4 px at 32, as in DARTS), and a random
    // horizontal flip. The padding is black: torchvision's RandomCrop pads the raw image with 0
    // before Normalize, while a 0 after normalisation would be a mid-grey border that no test
    // image has. One fill and one copy per batch, on any device.
    std::mt19937_64 rng(m_seed ^ (static_cast<std::uint64_t>(m_epoch) << 32) ^
                        (static_cast<std::uint64_t>(index) * 0x9E3779B97F4A7C15ULL));
    const int64_t h = images.size(2), w = images.size(3);
    const int64_t pad = std::max<int64_t>(1, h / 8);
    const std::vector<int64_t> paddedShape{images.size(0), images.size(1), h + 2 * pad,
                                           w + 2 * pad};
    auto padded = m_set.black.defined()
                      ? m_set.black.view({1, -1, 1, 1}).expand(paddedShape).contiguous()
                      : torch::zeros(paddedShape, images.options());
    padded.narrow(2, pad, h).narrow(3, pad, w).copy_(images);
    std::vector<torch::Tensor> out;
    out.reserve(static_cast<size_t>(images.size(0)));
    for (int64_t i = 0; i < images.size(0); ++i) {
        const int64_t dy = static_cast<int64_t>(rng() % static_cast<std::uint64_t>(2 * pad + 1));
        const int64_t dx = static_cast<int64_t>(rng() % static_cast<std::uint64_t>(2 * pad + 1));
        auto crop = padded[i].narrow(1, dy, h).narrow(2, dx, w);
        if (rng() & 1ULL) crop = crop.flip({2});
        out.push_back(crop);
    }
    return torch::stack(out);
}

}  // namespace nas::data
