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

TEST(NumberFormat, SignificantDigitsWithoutTrailingZeros) {
    const QLocale saved;
    QLocale::setDefault(QLocale::c());
    EXPECT_EQ(formatSignificant(0.0), QStringLiteral("0"));
    EXPECT_EQ(formatSignificant(0.25), QStringLiteral("0.25"));
    EXPECT_EQ(formatSignificant(0.000123456), QStringLiteral("0.000123"));
    EXPECT_EQ(formatSignificant(12.5), QStringLiteral("12.5"));
    EXPECT_EQ(formatSignificant(1234.5), QStringLiteral("1235"));
    EXPECT_EQ(formatCount(40000), QStringLiteral("40 k")) << "not 40.0 k";
    EXPECT_EQ(formatCount(2e6), QStringLiteral("2 M")) << "not 2.000000 M";
    EXPECT_EQ(formatCount(0), QStringLiteral("0"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    EXPECT_EQ(formatSignificant(0.25), QStringLiteral("0,25"));
    EXPECT_EQ(formatCount(2e6), QStringLiteral("2 M"));
    QLocale::setDefault(saved);
}
