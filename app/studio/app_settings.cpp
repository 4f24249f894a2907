#include "app/studio/app_settings.h"

#include <QSettings>

namespace nas::studio::settings {
namespace {
const QString kLanguage = QStringLiteral("general/language");
const QString kWorkspace = QStringLiteral("general/workspace");
const QString kThreads = QStringLiteral("engine/threads");
const QString kLastConfig = QStringLiteral("launch/lastConfig");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
}  // namespace

QString language() { return QSettings().value(kLanguage).toString(); }
void setLanguage(const QString& language) { QSettings().setValue(kLanguage, language); }
QString workspace() { return QSettings().value(kWorkspace).toString(); }
void setWorkspace(const QString& folder) { QSettings().setValue(kWorkspace, folder); }
int threads() { return QSettings().value(kThreads, -1).toInt(); }
void setThreads(int threads) { QSettings().setValue(kThreads, threads); }
QByteArray lastConfigJson() { return QSettings().value(kLastConfig).toByteArray(); }
void setLastConfigJson(const QByteArray& json) { QSettings().setValue(kLastConfig, json); }
QByteArray windowGeometry() { return QSettings().value(kGeometry).toByteArray(); }
QByteArray windowState() { return QSettings().value(kState).toByteArray(); }

void setWindow(const QByteArray& geometry, const QByteArray& state) {
    QSettings s;
    s.setValue(kGeometry, geometry);
    s.setValue(kState, state);
}

}  // namespace nas::studio::settings
