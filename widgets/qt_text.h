#pragma once
// Conversions between core's std::string and Qt's QString, in one place so every widget converts
// the same way (UTF-8 both directions).
#include <QString>
#include <string>

namespace nas::widgets {

[[nodiscard]] inline QString toQString(const std::string& text) {
    return QString::fromStdString(text);
}
[[nodiscard]] inline std::string toStdString(const QString& text) { return text.toStdString(); }

}  // namespace nas::widgets
