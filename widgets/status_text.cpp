#include "widgets/status_text.h"

#include <QCoreApplication>

#include "search/registry/strategy_registry.h"
#include "widgets/qt_text.h"

namespace nas::widgets {

QString statusText(engine::RunStatus status) {
    switch (status) {
        case engine::RunStatus::Running:
            return QCoreApplication::translate("nas::widgets::RunStatus", "running");
        case engine::RunStatus::Paused:
            return QCoreApplication::translate("nas::widgets::RunStatus", "paused");
        case engine::RunStatus::Finished:
            return QCoreApplication::translate("nas::widgets::RunStatus", "finished");
        case engine::RunStatus::Stopped:
            return QCoreApplication::translate("nas::widgets::RunStatus", "stopped");
        case engine::RunStatus::Interrupted:
            return QCoreApplication::translate("nas::widgets::RunStatus", "interrupted");
        case engine::RunStatus::Failed:
            return QCoreApplication::translate("nas::widgets::RunStatus", "failed");
    }
    return {};
}

QColor statusColor(engine::RunStatus status) {
    switch (status) {
        case engine::RunStatus::Running:
            return QColor(0x1f, 0x6f, 0xb2);
        case engine::RunStatus::Paused:
            return QColor(0x8a, 0x6d, 0x00);
        case engine::RunStatus::Finished:
            return QColor(0x23, 0x7a, 0x3b);
        case engine::RunStatus::Stopped:
            return QColor(0x55, 0x55, 0x55);
        case engine::RunStatus::Interrupted:
            return QColor(0xb3, 0x5c, 0x00);
        case engine::RunStatus::Failed:
            return QColor(0xb3, 0x26, 0x1e);
    }
    return {};
}

QString strategyText(const std::string& key) {
    // As the strategy's descriptor names it; a run of a strategy this build lacks keeps its key.
    if (const auto* strategy = search::findStrategy(key)) return toQString(strategy->displayName);
    return toQString(key);
}

QString datasetText(const std::string& key) {
    if (key == "fashion-mnist") return QStringLiteral("Fashion-MNIST");
    if (key == "cifar10") return QStringLiteral("CIFAR-10");
    if (key == "synthetic")
        return QCoreApplication::translate("nas::widgets::RunStatus", "Synthetic");
    return toQString(key);
}

bool isResumable(engine::RunStatus status) {
    return status == engine::RunStatus::Interrupted || status == engine::RunStatus::Stopped;
}

}  // namespace nas::widgets
