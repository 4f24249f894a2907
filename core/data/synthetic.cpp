#include "data/synthetic.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

namespace nas::data {

namespace {

// Stripe directions as integer vectors, roughly every 22.5 degrees; integer vectors avoid sin/cos,
// whose last bit differs between maths libraries.
constexpr int kDirections[8][2] = {{1, 0}, {2, 1},  {1, 1},  {1, 2},
                                   {0, 1}, {-1, 2}, {-1, 1}, {-2, 1}};

// Shares of an image's dynamic range.
constexpr double kStripeAmplitude = 0.4;
constexpr double kBlobAmplitude = 0.7;
constexpr double kNoiseStd = 0.10;

double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * uniform01(rng);
}

// Sum of three uniforms: near-normal, zero mean, standard deviation `std`, without log or cos.
double noise(std::mt19937_64& rng, double std) {
    return (uniform01(rng) + uniform01(rng) + uniform01(rng) - 1.5) * 2.0 * std;
}

struct ClassPattern {
    double blobX = 0, blobY = 0, blobRadius = 1;
    double stripeX = 1, stripeY = 0;  // direction over (length * period)
    std::vector<double> colour;       // per channel, in [0.6, 1]
};

ClassPattern classPattern(const SyntheticSpec& spec, int k) {
    ClassPattern p;
    int grid = 1;  // blob places: the smallest square grid with a cell per class
    while (grid * grid < spec.classes) ++grid;
    const double cellW = static_cast<double>(spec.width) / grid;
    const double cellH = static_cast<double>(spec.height) / grid;
    p.blobX = (k % grid + 0.5) * cellW;
    p.blobY = (k / grid + 0.5) * cellH;
    p.blobRadius = 0.6 * std::min(cellW, cellH);

    const int* d = kDirections[k % 8];
    const double period = 4.0 + 2.0 * ((k / 8) % 3);
    const double length = std::sqrt(static_cast<double>(d[0] * d[0] + d[1] * d[1]));
    p.stripeX = d[0] / (length * period);
    p.stripeY = d[1] / (length * period);

    // Colours come from a generator seeded by the class alone: fixed whatever spec.seed is.
    std::mt19937_64 rng(0xC0105EEDull + static_cast<std::uint64_t>(k));
    for (int c = 0; c < spec.channels; ++c) p.colour.push_back(uniform(rng, 0.6, 1.0));
    if (spec.channels == 1) p.colour[0] = 1.0;  // one channel: colour carries no class signal
    return p;
}

std::uint8_t toByte(double v) {
    return static_cast<std::uint8_t>(std::clamp(v, 0.0, 1.0) * 255.0 + 0.5);
}

}  // namespace

ImageSet makeSynthetic(const SyntheticSpec& spec) {
    if (spec.count < 0 || spec.channels < 1 || spec.height < 8 || spec.width < 8 ||
        spec.classes < 2)
        throw std::invalid_argument(
            "makeSynthetic: need count >= 0, channels >= 1, height and width >= 8, classes >= 2");

    ImageSet set;
    set.count = spec.count;
    set.channels = spec.channels;
    set.height = spec.height;
    set.width = spec.width;
    set.classes = spec.classes;
    for (int k = 0; k < spec.classes; ++k) set.classNames.push_back("class " + std::to_string(k));
    std::vector<ClassPattern> patterns;
    for (int k = 0; k < spec.classes; ++k) patterns.push_back(classPattern(spec, k));

    // A permutation taken modulo the class count: balanced labels in seeded order.
    for (int index : shuffledOrder(spec.count, spec.seed))
        set.labels.push_back(index % spec.classes);

    std::mt19937_64 rng(spec.seed ^ 0x9E3779B97F4A7C15ull);
    const int maxShift = std::max(1, std::min(spec.height, spec.width) / 10);
    set.pixels.resize(set.imageBytes() * static_cast<std::size_t>(spec.count));
    std::uint8_t* out = set.pixels.data();
    for (int n = 0; n < spec.count; ++n) {
        const ClassPattern& p = patterns[static_cast<std::size_t>(set.labels[n])];
        // Modulo of a 64-bit draw: its bias towards small shifts is below 1e-17, nothing to fix.
        const double shiftX = static_cast<double>(rng() % (2 * maxShift + 1)) - maxShift;
        const double shiftY = static_cast<double>(rng() % (2 * maxShift + 1)) - maxShift;
        const double phase = uniform01(rng);
        const double contrast = uniform(rng, 0.6, 1.0);
        const double background = uniform(rng, 0.05, 0.25);
        const double cx = p.blobX + shiftX, cy = p.blobY + shiftY;
        const double r2 = p.blobRadius * p.blobRadius;
        for (int c = 0; c < spec.channels; ++c) {
            const double gain = contrast * p.colour[static_cast<std::size_t>(c)];
            for (int y = 0; y < spec.height; ++y) {
                for (int x = 0; x < spec.width; ++x) {
                    const double t = x * p.stripeX + y * p.stripeY + phase;
                    const double stripe = 1.0 - std::abs(2.0 * (t - std::floor(t)) - 1.0);
                    const double dx = x - cx, dy = y - cy;
                    const double blob = std::max(0.0, 1.0 - (dx * dx + dy * dy) / r2);
                    *out++ = toByte(background +
                                    gain * (kStripeAmplitude * stripe + kBlobAmplitude * blob) +
                                    noise(rng, kNoiseStd));
                }
            }
        }
    }
    return set;
}

}  // namespace nas::data
