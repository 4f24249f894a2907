#pragma once
// Where a search is set up: the form, the engine's own validation shown in a message area before
// anything starts, a memory estimate with a clear refusal when the run cannot fit, saving and
// loading config JSON, and applying new constraints to a running search.
#include <QStringList>
#include <QWidget>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

#include "engine/search_config.h"

class QLabel;
class QPushButton;
class QTimer;

namespace nas::widgets {

class LaunchForm;

class LaunchPanel final : public QWidget {
    Q_OBJECT
  public:
    explicit LaunchPanel(QWidget* parent = nullptr);

    [[nodiscard]] nlohmann::json configJson() const;
    // Shows `json`; false (problems shown) when it is not a valid config, which is still shown as
    // far as the form can.
    bool setConfigJson(const nlohmann::json& json);
    [[nodiscard]] bool loadConfig(const QString& path);
    [[nodiscard]] bool saveConfig(const QString& path);

    // Validates the form with the engine's rules and shows the outcome; the config when valid.
    std::optional<engine::SearchConfig> validate();
    // Validates, checks memory, and emits startRequested when both pass; false otherwise.
    bool requestStart();

    // While a search runs only its constraints can change; `space` is the running search's space,
    // the one new limits are checked against (a resumed run's may differ from the form's).
    void setRunning(bool running, const std::optional<space::SpaceConfig>& space = std::nullopt);
    // The constraints in the form, checked the way Start checks them against the running search's
    // space; problems shown (and nullopt) when they are unusable.
    std::optional<engine::Constraints> validateConstraints();
    // Where free memory comes from (tests pass a fixed figure).
    void setMemoryProbe(std::function<std::optional<double>()> probe);

    [[nodiscard]] QStringList problems() const { return m_problems; }
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] QString memoryText() const;
    [[nodiscard]] LaunchForm* form() const { return m_form; }

  public slots:
    void chooseAndLoadConfig();
    void chooseAndSaveConfig();

  signals:
    void startRequested(const nas::engine::SearchConfig& config);
    void constraintsApplied(const nas::engine::Constraints& constraints);
    void configChanged();

  private:
    void showProblems(const QStringList& problems);
    void showProblems(const QString& heading, const QStringList& problems);
    void showOk(const QString& text);
    // Updates the memory line; false when the run cannot fit.
    bool checkMemory(const engine::SearchConfig& config);
    void applyConstraints();

    LaunchForm* m_form = nullptr;
    QLabel* m_messages = nullptr;
    QLabel* m_memory = nullptr;
    QPushButton* m_load = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_apply = nullptr;
    QTimer* m_revalidate = nullptr;
    QStringList m_problems;
    bool m_running = false;
    std::optional<space::SpaceConfig> m_runningSpace;
    std::function<std::optional<double>()> m_memoryProbe;
};

}  // namespace nas::widgets
