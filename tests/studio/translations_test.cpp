#include "app/studio/translations.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QPushButton>
#include <QTranslator>

#include "widgets/launch_panel.h"

// The German translation is compiled into the binary and reaches widgets' tr() contexts.
TEST(Translations, GermanIsEmbeddedAndUsed) {
    ASSERT_TRUE(QFile::exists(QStringLiteral(":/i18n/nas_studio_de.qm")));
    ASSERT_TRUE(QFile::exists(QStringLiteral(":/i18n/nas_studio_en.qm")));
    QTranslator german;
    ASSERT_TRUE(german.load(QStringLiteral(":/i18n/nas_studio_de.qm")));
    QCoreApplication::installTranslator(&german);
    nas::widgets::LaunchPanel panel;
    const auto* start = panel.findChild<QPushButton*>(QStringLiteral("startButton"));
    ASSERT_NE(start, nullptr);
    EXPECT_EQ(start->text(), QStringLiteral("Suche starten"));
    EXPECT_EQ(QCoreApplication::translate("nas::studio::MainWindow", "&Pause"),
              QStringLiteral("&Anhalten"));
    QCoreApplication::removeTranslator(&german);
    EXPECT_EQ(QCoreApplication::translate("nas::studio::MainWindow", "&Pause"),
              QStringLiteral("&Pause"));
}

TEST(Translations, OffersEnglishAndGerman) {
    const auto languages = nas::studio::availableLanguages();
    ASSERT_GE(languages.size(), 2);
    EXPECT_EQ(languages[0].code, QStringLiteral("en"));
    EXPECT_EQ(languages[1].code, QStringLiteral("de"));
}

// Every string of the German translation is translated (lupdate marks new ones unfinished).
TEST(Translations, GermanIsComplete) {
    QFile ts(QStringLiteral(NAS_TRANSLATIONS_DIR "/nas_studio_de.ts"));
    ASSERT_TRUE(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    EXPECT_GT(text.count(QStringLiteral("<message")), 250);
    EXPECT_EQ(text.count(QStringLiteral("type=\"unfinished\"")), 0);
    EXPECT_EQ(text.count(QStringLiteral("<translation></translation>")), 0);
}
