#include "widgets/number_format.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace nas::widgets {

namespace {
// Decimal separators follow the interface language (QLocale's default, set at start-up).
QString number(double value, int decimals) { return QLocale().toString(value, 'f', decimals); }
}  // namespace

QString formatSignificant(double value, int digits) {
    if (!std::isfinite(value)) return QLocale().toString(value);
    if (value == 0.0) return QStringLiteral("0");
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
    const int decimals = std::clamp(digits - 1 - magnitude, 0, 15);
    QString text = number(value, decimals);
    const QChar point = QLocale().decimalPoint().front();
    if (decimals > 0) {
        while (text.endsWith(QLatin1Char('0'))) text.chop(1);
        if (text.endsWith(point)) text.chop(1);
    }
    return text;
}

QString formatCount(double value) {
    const double magnitude = std::abs(value);
    // SI prefixes: cost figures (params, FLOPs) are conventionally quoted in k/M/G.
    if (magnitude >= 1e9) return QStringLiteral("%1 G").arg(formatSignificant(value / 1e9));
    if (magnitude >= 1e6) return QStringLiteral("%1 M").arg(formatSignificant(value / 1e6));
    if (magnitude >= 1e3) return QStringLiteral("%1 k").arg(formatSignificant(value / 1e3));
    return formatSignificant(value, 4);
}

QString formatBytes(double bytes) {
    static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (std::abs(bytes) >= 1024.0 && unit < 4) {
        bytes /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(number(bytes, unit == 0 ? 0 : 1),
                                       QLatin1String(kUnits[unit]));
}

QString formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("--:--");
    const auto total = static_cast<long long>(std::llround(seconds));
    const long long h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString formatPercent(double fraction) {
    return QStringLiteral("%1 %").arg(number(fraction * 100.0, 1));
}

}  // namespace nas::widgets
