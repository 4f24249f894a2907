#pragma once
// Run statuses and strategy/dataset keys as the user reads them, translated.
#include <QColor>
#include <QString>
#include <string>

#include "engine/events.h"

namespace nas::widgets {

[[nodiscard]] QString statusText(engine::RunStatus status);
[[nodiscard]] QColor statusColor(engine::RunStatus status);
// "snas" -> "SNAS", "fashion-mnist" -> "Fashion-MNIST"; unknown keys are shown as they are.
[[nodiscard]] QString strategyText(const std::string& key);
[[nodiscard]] QString datasetText(const std::string& key);
// Runs that can continue from their last checkpoint.
[[nodiscard]] bool isResumable(engine::RunStatus status);

}  // namespace nas::widgets
