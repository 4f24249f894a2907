#pragma once
// A rough, documented estimate of the memory a supernet search needs, checked before a run starts
// so an impossible configuration is refused in the launch panel instead of dying mid-epoch.
#include <QString>
#include <optional>

#include "engine/search_config.h"

namespace nas::widgets {

// Activation memory of one training step of the supernet, in bytes:
//
//   batch x sum over cells ( edges x ops(cell type) x C x H x W ) x 4 bytes x 3
//
// Every candidate op on every edge keeps its output (C x H x W floats per image, at the cell's
// output size) for the backward pass; the factor 3 covers the forward activations, their gradients
// and the intermediate tensors inside the ops. Weights and the data set are small beside this for
// the spaces the studio offers, so they are left out. It is an estimate, not a bound.
[[nodiscard]] double estimateSupernetActivationBytes(const engine::SearchConfig& config);

// MemAvailable from a meminfo file in bytes; nullopt when it cannot be read (non-Linux systems).
[[nodiscard]] std::optional<double> availableMemoryBytes(
    const QString& meminfoPath = QStringLiteral("/proc/meminfo"));

// Whether an NVIDIA GPU device node exists: decides whether "auto" means the CPU. The engine
// makes the real choice; this only picks which memory the estimate is compared with.
[[nodiscard]] bool gpuDevicePresent();

// Leave room for the OS, the studio itself and LibTorch's allocator slack.
inline constexpr double kUsableMemoryFraction = 0.8;

// True when `estimate` fits in the usable share of `available`.
[[nodiscard]] bool fitsInMemory(double estimateBytes, double availableBytes);

}  // namespace nas::widgets
