#include "widgets/number_format.h"

#include <gtest/gtest.h>

#include <QLocale>

using namespace nas::widgets;

TEST(NumberFormat, ReadableCountsBytesAndDurations) {
    const QLocale saved;
    QLocale::setDefault(QLocale::c());
    EXPECT_EQ(formatCount(1234567), QStringLiteral("1.23 M"));
    EXPECT_EQ(formatCount(25674), QStringLiteral("25.7 k"));
    EXPECT_EQ(formatCount(512), QStringLiteral("512"));
    EXPECT_EQ(formatBytes(1536), QStringLiteral("1.5 KiB"));
    EXPECT_EQ(formatDuration(3725), QStringLiteral("1:02:05"));
    EXPECT_EQ(formatDuration(65), QStringLiteral("1:05"));
    EXPECT_EQ(formatPercent(0.1414), QStringLiteral("14.1 %"));
    // Decimal separators follow the interface language.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    EXPECT_EQ(formatCount(1234567), QStringLiteral("1,23 M"));
    EXPECT_EQ(formatPercent(0.1414), QStringLiteral("14,1 %"));
    QLocale::setDefault(saved);
}
