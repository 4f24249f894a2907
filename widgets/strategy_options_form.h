#pragma once
// The chosen strategy's own settings, one field per key of its config section as the registry
// lists them: a new strategy's settings appear here without a line of widget code.
#include <QWidget>
#include <nlohmann/json.hpp>
#include <string>

class QFormLayout;

namespace nas::widgets {

class StrategyOptionsForm final : public QWidget {
    Q_OBJECT
  public:
    explicit StrategyOptionsForm(QWidget* parent = nullptr);

    // Rebuilds the fields for `strategy` and fills them from `section` (keys it lacks: defaults).
    void showStrategy(const std::string& strategy, const nlohmann::json& section);
    [[nodiscard]] const std::string& strategy() const { return m_strategy; }
    // The section the fields describe, every key of the strategy.
    [[nodiscard]] nlohmann::json section() const;

  signals:
    void changed();

  private:
    QFormLayout* m_form = nullptr;
    std::string m_strategy;
};

}  // namespace nas::widgets
