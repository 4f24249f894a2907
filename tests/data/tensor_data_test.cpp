#include "data/tensor_data.h"

#include <gtest/gtest.h>

#include <random>

using namespace nas::data;

namespace {

// `count` RGB images of 16 x 16 whose bytes lie in [60, 255], each channel with its own range so
// that each has its own mean and spread, and no pixel of the data is black.
ImageSet brightSet(int count) {
    ImageSet set;
    set.count = count;
    set.channels = 3;
    set.height = 16;
    set.width = 16;
    set.classes = 10;
    std::mt19937_64 rng(5);
    const int low[3] = {60, 120, 200};
    for (int n = 0; n < count; ++n) {
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < 16 * 16; ++i)
                set.pixels.push_back(static_cast<std::uint8_t>(
                    low[c] + rng() % static_cast<unsigned>(256 - low[c])));
        set.labels.push_back(n % 10);
    }
    return set;
}

}  // namespace

TEST(TensorData, BlackIsWhatAZeroByteNormalisesTo) {
    const ImageSet set = brightSet(8);
    const ChannelStats stats = channelStats(set);
    const TensorSet tensors = toTensors(set, stats, torch::kCPU);
    ASSERT_TRUE(tensors.black.defined());
    ASSERT_EQ(tensors.black.size(0), 3);
    for (int c = 0; c < 3; ++c)
        EXPECT_NEAR(tensors.black[c].item<double>(), -stats.mean[c] / stats.std[c], 1e-5) << c;

    // An all-black image through the same conversion gives exactly those values.
    ImageSet dark = set;
    std::fill(dark.pixels.begin(), dark.pixels.end(), std::uint8_t{0});
    const TensorSet darkTensors = toTensors(dark, stats, torch::kCPU);
    EXPECT_TRUE(darkTensors.images[0].equal(tensors.black.view({3, 1, 1}).expand({3, 16, 16})));
}

TEST(TensorData, RandomCropPadsWithBlackBeforeNormalisation) {
    const ImageSet set = brightSet(32);
    const TensorSet tensors = toTensors(set, channelStats(set), torch::kCPU);
    // The image as torchvision sees it: padded by 2 (16 / 8) with black, then normalised.
    const int pad = 2;
    const auto padded =
        tensors.black.view({1, 3, 1, 1}).expand({32, 3, 16 + 2 * pad, 16 + 2 * pad}).clone();
    padded.narrow(2, pad, 16).narrow(3, pad, 16).copy_(tensors.images);

    BatchLoader loader(tensors, 16, false, true, 9);
    int withBorder = 0;
    for (int b = 0; b < loader.batchCount(); ++b) {
        const Batch batch = loader.batch(b);
        for (int i = 0; i < 16; ++i) {
            const auto image = batch.images[i];
            const auto source = padded[b * 16 + i];
            // Each augmented image is one crop of the black-padded image, flipped or not.
            bool found = false;
            for (int dy = 0; dy <= 2 * pad && !found; ++dy)
                for (int dx = 0; dx <= 2 * pad && !found; ++dx) {
                    const auto crop = source.narrow(1, dy, 16).narrow(2, dx, 16);
                    if (image.equal(crop) || image.equal(crop.flip({2}))) {
                        found = true;
                        if (dy != pad || dx != pad) ++withBorder;
                    }
                }
            EXPECT_TRUE(found) << "batch " << b << ", image " << i
                               << " is no crop of the black-padded image";
        }
    }
    // 24 of 25 shifts show some border; with 32 images nearly all do.
    EXPECT_GT(withBorder, 20);
    // Black lies well below the normalised 0 (the data's mean, mid-grey) that padding after
    // normalisation gave, so a grey border could not have matched above.
    for (int c = 0; c < 3; ++c) EXPECT_LT(tensors.black[c].item<float>(), -1.0f) << c;
}

TEST(TensorData, ShardsOfOneEpochSplitEachGlobalBatchWithoutOverlap) {
    const auto images = brightSet(70);
    const auto set = toTensors(images, channelStats(images), torch::kCPU);
    // Tag each image by its label-independent position: the first pixel of channel 0 is unique
    // enough to tell images apart here; compare whole images instead to be exact.
    BatchLoader whole(set, 8, true, false, 3);
    BatchLoader rank0(set, 4, true, false, 3, Shard{0, 2});
    BatchLoader rank1(set, 4, true, false, 3, Shard{1, 2});
    // 70 images: 35 per rank, 8 batches of 4 each; the single loader has 8 batches of 8.
    EXPECT_EQ(rank0.batchCount(), 8);
    EXPECT_EQ(rank1.batchCount(), 8);
    for (int epoch = 0; epoch < 2; ++epoch) {
        whole.beginEpoch(epoch);
        rank0.beginEpoch(epoch);
        rank1.beginEpoch(epoch);
        for (int b = 0; b < rank0.batchCount(); ++b) {
            const auto a = rank0.batch(b).images;
            const auto c = rank1.batch(b).images;
            // The two shards of batch b are the global batch b (the single loader's), interleaved.
            const auto global = whole.batch(b).images;
            EXPECT_TRUE(torch::equal(a, global.slice(0, 0, 8, 2)))
                << "epoch " << epoch << " batch " << b;
            EXPECT_TRUE(torch::equal(c, global.slice(0, 1, 8, 2)))
                << "epoch " << epoch << " batch " << b;
        }
    }
    EXPECT_THROW(BatchLoader(set, 4, true, false, 3, Shard{2, 2}), std::invalid_argument);
}
