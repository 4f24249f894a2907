#pragma once
// A 2-D picture of hidden states: their projection on the two principal components. Deterministic
// (the same states give the same picture on every run), so the studio's plot does not jump about
// as t-SNE's would. Torch-free.
#include <array>
#include <vector>

namespace nas::study {

struct PcaProjection {
    std::vector<std::array<double, 2>> points;  // one per state, in the order given
    std::array<double, 2> variance{};           // along each component
    double totalVariance = 0;                   // over all dimensions (for "explains x %")
};

// States are centred, the covariance (divided by n - 1) is diagonalised by cyclic Jacobi
// rotations, and each state is projected on the eigenvectors of the two largest eigenvalues. Each
// component's sign is fixed: its largest-magnitude entry (the first such) is positive. A component
// past the states' dimension, or of a single state, projects to 0. Throws std::invalid_argument
// when the states differ in size; no states give no points.
[[nodiscard]] PcaProjection pcaProjection(const std::vector<std::vector<float>>& states);

}  // namespace nas::study
