#pragma once
// The studio's persistent settings (QSettings), named in one place.
#include <QByteArray>
#include <QString>

namespace nas::studio::settings {

// "" means: follow the system's language.
[[nodiscard]] QString language();
void setLanguage(const QString& language);
// "" means: the engine's default workspace.
[[nodiscard]] QString workspace();
void setWorkspace(const QString& folder);
// LibTorch threads of new searches (0: one per core); -1 when never set.
[[nodiscard]] int threads();
void setThreads(int threads);
[[nodiscard]] QByteArray lastConfigJson();
void setLastConfigJson(const QByteArray& json);
[[nodiscard]] QByteArray windowGeometry();
[[nodiscard]] QByteArray windowState();
void setWindow(const QByteArray& geometry, const QByteArray& state);

}  // namespace nas::studio::settings
