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
[[nodiscard]] QByteArray lastConfigJson();
void setLastConfigJson(const QByteArray& json);
[[nodiscard]] QByteArray windowGeometry();
[[nodiscard]] QByteArray windowState();
void setWindow(const QByteArray& geometry, const QByteArray& state);

}  // namespace nas::studio::settings
