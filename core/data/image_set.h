#pragma once
// A decoded image data set as plain bytes, and the small operations every reader's output needs.
// Torch-free: readers, the engine's tensor conversion and widgets (sample previews) all share it.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace nas::data {

// N images of C x H x W bytes (0..255), row-major N,C,H,W, plus int64 labels in [0, classes).
// Labels are int64 because that is what a cross-entropy target tensor wants, so the engine can
// wrap them without a copy.
struct ImageSet {
    int count = 0;
    int channels = 0;
    int height = 0;
    int width = 0;
    int classes = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<std::int64_t> labels;
    std::vector<std::string> classNames;

    // Bytes of one image (C * H * W).
    [[nodiscard]] std::size_t imageBytes() const {
        return static_cast<std::size_t>(channels) * static_cast<std::size_t>(height) *
               static_cast<std::size_t>(width);
    }
};

// A file that is missing, unreadable or not what its format promises. Messages name the file and
// what is wrong with it, because they end up verbatim in the CLI and the studio's error dialog.
class DatasetError final : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class Split { Train, Test };

// Per-channel mean and standard deviation of the pixels scaled to [0,1]; the numbers a
// normalisation layer is configured with.
struct ChannelStats {
    std::vector<double> mean;
    std::vector<double> std;
};

[[nodiscard]] ChannelStats channelStats(const ImageSet& set);

// 0..count-1 in a seeded Fisher-Yates order. Built from std::mt19937_64's raw outputs only: the
// standard fixes those bits, while std::uniform_int_distribution and std::shuffle differ between
// standard libraries, and a seed must give the same split and batch order everywhere.
[[nodiscard]] std::vector<int> shuffledOrder(int count, std::uint64_t seed);

// The first `count` items; count <= 0 or >= set.count gives all of them.
[[nodiscard]] ImageSet subset(const ImageSet& set, int count);

// A seeded shuffle, then the first round(firstFraction * count) items and the rest; the same seed
// always gives the same split, and every item lands in exactly one part (order within each part
// follows the shuffle). firstFraction must lie in (0,1); throws std::invalid_argument otherwise.
[[nodiscard]] std::pair<ImageSet, ImageSet> splitSet(const ImageSet& set, double firstFraction,
                                                     std::uint64_t seed);

}  // namespace nas::data
