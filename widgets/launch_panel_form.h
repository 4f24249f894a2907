#pragma once
// The launch panel's input fields and their mapping to and from the search-config JSON. Settings
// the form does not show (optimiser rates, SNAS temperatures, ...) are kept from the last loaded
// config, so loading, editing and saving a config never drops them.
#include <QStringList>
#include <QWidget>
#include <nlohmann/json.hpp>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace nas::widgets {

class StrategyOptionsForm;

class LaunchForm final : public QWidget {
    Q_OBJECT
  public:
    explicit LaunchForm(QWidget* parent = nullptr);

    // The config the fields describe (not validated).
    [[nodiscard]] nlohmann::json toJson() const;
    // Only the constraints part of toJson().
    [[nodiscard]] nlohmann::json constraintsJson() const;
    // Shows a config; keys `given` lacks take SearchConfig's defaults.
    void setJson(const nlohmann::json& given);
    // While a search runs only the constraints stay editable.
    void setRunning(bool running);
    // Values typed beyond the upper bounds the engine leaves open (epochs, batch size, synthetic
    // images), one message each; the engine's validation covers everything else.
    [[nodiscard]] QStringList rangeProblems() const;
    void setThreads(int threads);

  signals:
    void changed();

  private:
    QGroupBox* buildDatasetGroup();
    QGroupBox* buildSearchGroup();
    QGroupBox* buildStrategyOptionsGroup();
    // `keepEdits`: the fields of the strategy shown so far go into the base config first, so that
    // switching strategies back and forth keeps what was typed.
    void showStrategyOptions(bool keepEdits);
    QGroupBox* buildConstraintsGroup();
    void updateDatasetFields();
    void applyPreset(int index);
    void browseDatasetFolder();
    QDoubleSpinBox* limitSpin(const QString& objectName, double max, int decimals,
                              const QString& suffix);

    nlohmann::json m_base;  // the last loaded config: source of the settings the form lacks
    QGroupBox* m_datasetGroup = nullptr;
    QGroupBox* m_searchGroup = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_dataset = nullptr;
    QLineEdit* m_datasetPath = nullptr;
    QPushButton* m_browse = nullptr;
    QSpinBox* m_trainLimit = nullptr;
    QSpinBox* m_syntheticCount = nullptr;
    QSpinBox* m_syntheticChannels = nullptr;
    QSpinBox* m_syntheticSide = nullptr;
    QComboBox* m_strategy = nullptr;
    QGroupBox* m_strategyOptionsGroup = nullptr;
    StrategyOptionsForm* m_strategyOptions = nullptr;
    QSpinBox* m_channels = nullptr;
    QSpinBox* m_layers = nullptr;
    QSpinBox* m_nodes = nullptr;
    QComboBox* m_opSet = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QSpinBox* m_stepsPerEpoch = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_threads = nullptr;
    QComboBox* m_device = nullptr;
    QCheckBox* m_useMaxParams = nullptr;
    QDoubleSpinBox* m_maxParams = nullptr;
    QCheckBox* m_useMaxFlops = nullptr;
    QDoubleSpinBox* m_maxFlops = nullptr;
    QCheckBox* m_useMaxMac = nullptr;
    QDoubleSpinBox* m_maxMac = nullptr;
    QCheckBox* m_useMaxLatency = nullptr;
    QDoubleSpinBox* m_maxLatency = nullptr;
    QCheckBox* m_useMinIntensity = nullptr;
    QDoubleSpinBox* m_minIntensity = nullptr;
    QComboBox* m_preset = nullptr;
    QDoubleSpinBox* m_strength = nullptr;
};

}  // namespace nas::widgets
