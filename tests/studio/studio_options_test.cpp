#include "app/studio/studio_options.h"

#include <gtest/gtest.h>

using nas::studio::parseStudioOptions;

TEST(StudioOptions, ReadsEveryOption) {
    QString error;
    const auto options = parseStudioOptions(
        {QStringLiteral("nas-studio"), QStringLiteral("--workspace"), QStringLiteral("/tmp/ws"),
         QStringLiteral("--language"), QStringLiteral("de"), QStringLiteral("--screenshots"),
         QStringLiteral("/tmp/shots"), QStringLiteral("--demo")},
        error);
    ASSERT_TRUE(options.has_value()) << error.toStdString();
    EXPECT_EQ(options->workspace, QStringLiteral("/tmp/ws"));
    EXPECT_EQ(options->language, QStringLiteral("de"));
    EXPECT_EQ(options->screenshotsDir, QStringLiteral("/tmp/shots"));
    EXPECT_TRUE(options->demo);
}

TEST(StudioOptions, RejectsUnknownLanguagesAndADemoWithoutFolder) {
    QString error;
    EXPECT_FALSE(parseStudioOptions(
        {QStringLiteral("nas-studio"), QStringLiteral("--language"), QStringLiteral("xx")}, error));
    EXPECT_TRUE(error.contains(QStringLiteral("xx")));
    EXPECT_FALSE(
        parseStudioOptions({QStringLiteral("nas-studio"), QStringLiteral("--demo")}, error));
    const auto plain = parseStudioOptions({QStringLiteral("nas-studio")}, error);
    ASSERT_TRUE(plain.has_value());
    EXPECT_FALSE(plain->demo);
    EXPECT_TRUE(plain->workspace.isEmpty());
}
