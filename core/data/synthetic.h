#pragma once
// A deterministic, learnable synthetic image set: runs, tests and demos without a download.
#include <cstdint>

#include "data/image_set.h"

namespace nas::data {

struct SyntheticSpec {
    int count = 512;
    int channels = 3;
    int height = 32;
    int width = 32;
    int classes = 10;
    std::uint64_t seed = 1;
};

// Each class has a fixed pattern that does not depend on the seed: a soft blob at a class-specific
// place on a grid, oriented stripes with a class-specific direction and period, and a
// class-specific colour (channel weights). Each image draws from `seed` its own shift of the blob,
// stripe phase, contrast, background level and per-pixel noise, so no two images of a class are
// alike and the stripes' average over a class is nearly flat: a template (nearest class mean)
// gets most of the way on blob place and colour, while a CNN can also use the stripes'
// orientation. Labels are balanced (counts differ by at most one) in seeded order.
// Only std::mt19937_64's raw outputs and exactly rounded arithmetic (+ - * / sqrt floor) are used,
// so the same spec gives the same bytes with any standard library. Throws std::invalid_argument
// for count < 0, channels < 1, height or width < 8, or classes < 2.
[[nodiscard]] ImageSet makeSynthetic(const SyntheticSpec& spec);

}  // namespace nas::data
