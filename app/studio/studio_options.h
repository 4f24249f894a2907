#pragma once
// The studio's command line: --workspace DIR, --language de|zh_CN|en, --screenshots DIR --demo.
#include <QString>
#include <QStringList>
#include <optional>

namespace nas::studio {

struct StudioOptions {
    QString workspace;       // empty: settings, then the engine's default
    QString language;        // empty: settings, then the system's
    QString screenshotsDir;  // with demo: where the demo saves its screenshots
    bool demo = false;
};

// Parses `arguments` (argv as a list); on a usage error returns nullopt and sets `error`. --help
// and --version print and exit as usual for Qt programs.
[[nodiscard]] std::optional<StudioOptions> parseStudioOptions(const QStringList& arguments,
                                                              QString& error);

}  // namespace nas::studio
