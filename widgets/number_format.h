#pragma once
// Human-readable numbers for costs and sizes (1.23 M, 456 k, 2.5 GiB), shared by all views.
#include <QString>
#include <cstdint>

namespace nas::widgets {

// 1234567 -> "1.23 M", 40000 -> "40 k"; three significant digits, no trailing zeros; below 1000
// the plain number.
[[nodiscard]] QString formatCount(double value);
// `value` to `digits` significant digits without trailing zeros or an exponent: 0.25, 12.5, 1200.
[[nodiscard]] QString formatSignificant(double value, int digits = 3);
// Bytes with binary units: 1536 -> "1.5 KiB".
[[nodiscard]] QString formatBytes(double bytes);
// Seconds as h:mm:ss or m:ss.
[[nodiscard]] QString formatDuration(double seconds);
// An accuracy in [0, 1] as a percentage with one decimal.
[[nodiscard]] QString formatPercent(double fraction);

}  // namespace nas::widgets
