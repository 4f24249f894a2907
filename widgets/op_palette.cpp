#include "widgets/op_palette.h"

#include <QHash>
#include <unordered_map>

#include "widgets/qt_text.h"

namespace nas::widgets {

QColor opColor(const std::string& op) {
    // Parameter-free ops are muted (greys, pale blue/green) so that a collapsed cell looks pale at
    // a glance; the learnable ops get strong, distinguishable hues.
    static const std::unordered_map<std::string, QColor> kColors{
        {"none", QColor(0xbd, 0xbd, 0xbd)},         {"skip_connect", QColor(0x9e, 0x9a, 0xc8)},
        {"max_pool_3x3", QColor(0x9e, 0xca, 0xe1)}, {"max_pool_5x5", QColor(0x6b, 0xae, 0xd6)},
        {"max_pool_7x7", QColor(0x42, 0x92, 0xc6)}, {"avg_pool_3x3", QColor(0xa1, 0xd9, 0x9b)},
        {"sep_conv_3x3", QColor(0xe6, 0x55, 0x0d)}, {"sep_conv_5x5", QColor(0xa6, 0x36, 0x03)},
        {"sep_conv_7x7", QColor(0x7f, 0x27, 0x04)}, {"dil_conv_3x3", QColor(0xd9, 0x4f, 0x8a)},
        {"dil_conv_5x5", QColor(0x98, 0x00, 0x43)}, {"conv_7x1_1x7", QColor(0x31, 0xa3, 0x54)},
        {"conv_1x1", QColor(0xfd, 0xae, 0x6b)},     {"conv_3x3", QColor(0xcb, 0x18, 0x1d)},
        {"conv_3x1_1x3", QColor(0x00, 0x6d, 0x2c)},
    };
    if (const auto it = kColors.find(op); it != kColors.end()) return it->second;
    const uint hash = qHash(toQString(op));
    return QColor::fromHsv(static_cast<int>(hash % 360), 160, 200);
}

QString opShortLabel(const std::string& op) {
    QString label = toQString(op);
    label.replace(QStringLiteral("_conv_"), QStringLiteral(" "));
    label.replace(QStringLiteral("_pool_"), QStringLiteral("pool "));
    label.replace(QStringLiteral("skip_connect"), QStringLiteral("skip"));
    label.replace(QStringLiteral("conv_"), QStringLiteral("conv "));
    return label;
}

}  // namespace nas::widgets
