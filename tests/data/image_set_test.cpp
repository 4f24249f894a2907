#include "data/image_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace nas::data;

namespace {

// `count` 1x2x2 images whose first byte is the item's index, so every item can be traced.
ImageSet indexedSet(int count) {
    ImageSet set;
    set.count = count;
    set.channels = 1;
    set.height = 2;
    set.width = 2;
    set.classes = 3;
    set.classNames = {"a", "b", "c"};
    for (int i = 0; i < count; ++i) {
        set.pixels.insert(set.pixels.end(), {static_cast<std::uint8_t>(i), 1, 2, 3});
        set.labels.push_back(i % 3);
    }
    return set;
}

std::vector<int> itemIds(const ImageSet& set) {
    std::vector<int> ids;
    for (int i = 0; i < set.count; ++i) {
        const int id = set.pixels[static_cast<std::size_t>(i) * set.imageBytes()];
        EXPECT_EQ(set.labels[i], id % 3) << "label travelled without its image";
        ids.push_back(id);
    }
    return ids;
}

}  // namespace

TEST(ShuffledOrder, IsASeededPermutationPinnedAcrossPlatforms) {
    const std::vector<int> order = shuffledOrder(10, 42);
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(shuffledOrder(10, 42), order);
    EXPECT_NE(shuffledOrder(10, 43), order);
    // Built from mt19937_64's raw outputs, which the standard fixes: these values hold with
    // every standard library, which is the point of not using std::shuffle.
    EXPECT_EQ(order, (std::vector<int>{1, 7, 9, 0, 3, 8, 4, 2, 5, 6}));
    EXPECT_TRUE(shuffledOrder(0, 1).empty());
}

TEST(Subset, TakesTheFirstItemsOrAll) {
    const ImageSet set = indexedSet(5);
    const ImageSet first = subset(set, 2);
    EXPECT_EQ(first.count, 2);
    EXPECT_EQ(itemIds(first), (std::vector<int>{0, 1}));
    EXPECT_EQ(first.pixels.size(), 2 * set.imageBytes());
    EXPECT_EQ(first.classNames, set.classNames);
    EXPECT_EQ(first.height, 2);
    EXPECT_EQ(subset(set, 0).count, 5);
    EXPECT_EQ(subset(set, -1).count, 5);
    EXPECT_EQ(subset(set, 5).pixels, set.pixels);
    EXPECT_EQ(subset(set, 99).labels, set.labels);
}

TEST(SplitSet, IsDeterministicDisjointAndComplete) {
    const ImageSet set = indexedSet(100);
    const auto [train, valid] = splitSet(set, 0.8, 7);
    EXPECT_EQ(train.count, 80);
    EXPECT_EQ(valid.count, 20);
    EXPECT_EQ(train.pixels.size(), 80 * set.imageBytes());
    EXPECT_EQ(valid.labels.size(), 20u);
    EXPECT_EQ(valid.classes, 3);

    std::vector<int> all = itemIds(train);
    const std::vector<int> validIds = itemIds(valid);
    all.insert(all.end(), validIds.begin(), validIds.end());
    std::sort(all.begin(), all.end());
    std::vector<int> expected(100);
    for (int i = 0; i < 100; ++i) expected[i] = i;
    EXPECT_EQ(all, expected) << "every item must land in exactly one part";

    const auto again = splitSet(set, 0.8, 7);
    EXPECT_EQ(again.first.pixels, train.pixels);
    EXPECT_EQ(again.second.labels, valid.labels);
    EXPECT_NE(splitSet(set, 0.8, 8).first.pixels, train.pixels);
    EXPECT_NE(itemIds(train), std::vector<int>(expected.begin(), expected.begin() + 80))
        << "the split must shuffle, not cut";
}

TEST(SplitSet, RoundsTheFirstPartAndRejectsBadFractions) {
    const ImageSet set = indexedSet(10);
    EXPECT_EQ(splitSet(set, 0.25, 1).first.count, 3);  // 2.5 rounds away from zero
    EXPECT_EQ(splitSet(set, 0.01, 1).second.count, 10);
    EXPECT_THROW((void)splitSet(set, 0.0, 1), std::invalid_argument);
    EXPECT_THROW((void)splitSet(set, 1.0, 1), std::invalid_argument);
    EXPECT_THROW((void)splitSet(set, -0.5, 1), std::invalid_argument);
}

TEST(ChannelStats, ArePerChannelOverAllPixelsInUnitScale) {
    ImageSet set;
    set.count = 2;
    set.channels = 2;
    set.height = 1;
    set.width = 2;
    // Channel 0 holds 0, 255, 255, 0 over both images; channel 1 is 51 everywhere.
    set.pixels = {0, 255, 51, 51, 255, 0, 51, 51};
    set.labels = {0, 0};
    const ChannelStats stats = channelStats(set);
    ASSERT_EQ(stats.mean.size(), 2u);
    ASSERT_EQ(stats.std.size(), 2u);
    EXPECT_NEAR(stats.mean[0], 0.5, 1e-12);
    EXPECT_NEAR(stats.std[0], 0.5, 1e-12);
    EXPECT_NEAR(stats.mean[1], 0.2, 1e-12);
    EXPECT_NEAR(stats.std[1], 0.0, 1e-12);
    EXPECT_THROW((void)channelStats(ImageSet{}), std::invalid_argument);
}
