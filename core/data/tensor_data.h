#pragma once
// Image sets as normalised tensors, and seeded batching with augmentation. Torch code.
#include <torch/types.h>

#include <cstdint>

#include "data/image_set.h"

namespace nas::data {

struct Batch {
    torch::Tensor images;  // [B, C, H, W] float, normalised
    torch::Tensor labels;  // [B] int64
};

struct TensorSet {
    torch::Tensor images;
    torch::Tensor labels;
    // What a black pixel (byte 0) becomes after normalisation, per channel [C]: -mean/std. Padding
    // is black before normalisation (torchvision's RandomCrop pads the raw image with 0), so it is
    // this value after it. Undefined means 0.
    torch::Tensor black;
    [[nodiscard]] std::int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
};

// Scales to [0,1] and normalises each channel with `stats`; also fills in `black`.
[[nodiscard]] TensorSet toTensors(const ImageSet& set, const ChannelStats& stats,
                                  const torch::Device& device);

// Batches of a tensor set in a seeded order per epoch; the order and the augmentation depend only
// on (seed, epoch, batch), so a resumed run sees exactly the batches it would have seen.
// One process's part of each epoch in a data-parallel search: of every `worldSize` consecutive
// samples of the epoch's order, the `rank`-th. Each rank then has batches of the full batch size.
struct Shard {
    int rank = 0;
    int worldSize = 1;
};

class BatchLoader final {
  public:
    // Every rank shuffles with the same seed, so the shards of one epoch never overlap.
    BatchLoader(TensorSet set, int batchSize, bool shuffle, bool augment, std::uint64_t seed,
                Shard shard = {});
    void beginEpoch(int epoch);
    // Full batches only: batch norm needs more than one sample.
    [[nodiscard]] int batchCount() const;
    [[nodiscard]] Batch batch(int index) const;
    [[nodiscard]] const TensorSet& set() const { return m_set; }

  private:
    [[nodiscard]] torch::Tensor augment(const torch::Tensor& images, int index) const;

    TensorSet m_set;
    int m_batchSize;
    bool m_shuffle;
    bool m_augment;
    std::uint64_t m_seed;
    Shard m_shard;
    int m_epoch = 0;
    torch::Tensor m_order;
};

}  // namespace nas::data
