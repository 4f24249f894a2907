#include "study/pca.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace nas::study {
namespace {

using Matrix = std::vector<std::vector<double>>;

// Diagonalises the symmetric `a` in place by cyclic Jacobi rotations; the columns of the returned
// matrix are the eigenvectors, a's diagonal the eigenvalues.
Matrix jacobiEigenvectors(Matrix& a) {
    const std::size_t n = a.size();
    Matrix v(n, std::vector<double>(n, 0));
    for (std::size_t i = 0; i < n; ++i) v[i][i] = 1;
    double scale = 0;
    for (const auto& row : a)
        for (double x : row) scale += x * x;
    constexpr int kMaxSweeps = 100;
    for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
        double off = 0;
        for (std::size_t p = 0; p < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q) off += a[p][q] * a[p][q];
        if (off <= 1e-30 * scale || off == 0) break;
        for (std::size_t p = 0; p < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q) {
                if (a[p][q] == 0) continue;
                // The rotation that zeroes a[p][q] (Numerical Recipes' stable form).
                const double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                const double t =
                    (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1));
                const double c = 1 / std::sqrt(t * t + 1), s = t * c;
                for (std::size_t k = 0; k < n; ++k) {  // columns p and q
                    const double akp = a[k][p], akq = a[k][q];
                    a[k][p] = c * akp - s * akq, a[k][q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {  // rows p and q
                    const double apk = a[p][k], aqk = a[q][k];
                    a[p][k] = c * apk - s * aqk, a[q][k] = s * apk + c * aqk;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    const double vkp = v[k][p], vkq = v[k][q];
                    v[k][p] = c * vkp - s * vkq, v[k][q] = s * vkp + c * vkq;
                }
            }
    }
    return v;
}

}  // namespace

PcaProjection pcaProjection(const std::vector<std::vector<float>>& states) {
    PcaProjection projection;
    if (states.empty()) return projection;
    const std::size_t dims = states.front().size();
    for (const auto& s : states)
        if (s.size() != dims)
            throw std::invalid_argument("hidden states of " + std::to_string(s.size()) + " and " +
                                        std::to_string(dims) +
                                        " values cannot be projected together");
    projection.points.assign(states.size(), {0, 0});
    if (states.size() < 2 || dims == 0) return projection;

    std::vector<double> mean(dims, 0);
    for (const auto& s : states)
        for (std::size_t d = 0; d < dims; ++d) mean[d] += s[d];
    for (double& m : mean) m /= static_cast<double>(states.size());
    Matrix centred(states.size(), std::vector<double>(dims));
    for (std::size_t i = 0; i < states.size(); ++i)
        for (std::size_t d = 0; d < dims; ++d) centred[i][d] = states[i][d] - mean[d];
    Matrix covariance(dims, std::vector<double>(dims, 0));
    for (const auto& row : centred)
        for (std::size_t p = 0; p < dims; ++p)
            for (std::size_t q = p; q < dims; ++q) covariance[p][q] += row[p] * row[q];
    for (std::size_t p = 0; p < dims; ++p)
        for (std::size_t q = p; q < dims; ++q)
            covariance[q][p] = covariance[p][q] /= static_cast<double>(states.size() - 1);

    const Matrix vectors = jacobiEigenvectors(covariance);
    std::vector<std::size_t> order(dims);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return covariance[a][a] > covariance[b][b];
    });
    for (std::size_t d = 0; d < dims; ++d) projection.totalVariance += covariance[d][d];
    for (std::size_t c = 0; c < 2 && c < dims; ++c) {
        const std::size_t column = order[c];
        std::vector<double> axis(dims);
        std::size_t largest = 0;
        for (std::size_t d = 0; d < dims; ++d) {
            axis[d] = vectors[d][column];
            if (std::abs(axis[d]) > std::abs(axis[largest])) largest = d;
        }
        if (axis[largest] < 0)
            for (double& x : axis) x = -x;
        projection.variance[c] = std::max(0.0, covariance[column][column]);
        for (std::size_t i = 0; i < states.size(); ++i)
            projection.points[i][c] =
                std::inner_product(centred[i].begin(), centred[i].end(), axis.begin(), 0.0);
    }
    return projection;
}

}  // namespace nas::study
