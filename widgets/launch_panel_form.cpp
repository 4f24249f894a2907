#include "widgets/launch_panel_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>

#include "engine/search_config.h"
#include "search/registry/strategy_registry.h"
#include "space/op_catalogue.h"
#include "space/space_config.h"
#include "widgets/qt_text.h"
#include "widgets/strategy_options_form.h"
#include "widgets/trimmed_spin_box.h"

namespace nas::widgets {
namespace {

constexpr double kMillion = 1e6;
constexpr int kMaxEpochs = 100000;
constexpr int kMaxBatchSize = 65536;
constexpr int kMaxSyntheticCount = 1000000;
constexpr int kMaxSyntheticChannels = 16;
constexpr int kMaxSyntheticSide = 256;

QString comboKey(const QComboBox* combo) { return combo->currentData().toString(); }

void selectKey(QComboBox* combo, const QString& key) {
    const int index = combo->findData(key);
    if (index >= 0) combo->setCurrentIndex(index);
}

// Any whole number can be typed: a spin box's own range would silently drop the keystroke that
// leaves it (4096 becoming 409) or put back the old value on leaving the field (0 epochs). Values
// outside what a search takes are refused by validation instead, which says the range.
QSpinBox* intSpin(QWidget* parent, const QString& objectName, int min, const QString& tip = {}) {
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(std::min(min, 0), INT_MAX);
    spin->setToolTip(tip);
    return spin;
}

}  // namespace

LaunchForm::LaunchForm(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("runNameEdit"));
    m_name->setPlaceholderText(tr("optional; default: strategy and dataset"));
    auto* nameRow = new QFormLayout;
    nameRow->addRow(tr("Run name:"), m_name);
    layout->addLayout(nameRow);
    layout->addWidget(buildDatasetGroup());
    layout->addWidget(buildSearchGroup());
    layout->addWidget(buildStrategyOptionsGroup());
    layout->addWidget(buildConstraintsGroup());
    layout->addStretch(1);

    setJson(engine::toJson(engine::SearchConfig{}));

    // Every edit announces itself once, so the panel can re-validate and re-estimate memory.
    for (auto* edit : findChildren<QLineEdit*>())
        connect(edit, &QLineEdit::textChanged, this, &LaunchForm::changed);
    for (auto* spin : findChildren<QSpinBox*>())
        connect(spin, qOverload<int>(&QSpinBox::valueChanged), this, &LaunchForm::changed);
    for (auto* spin : findChildren<QDoubleSpinBox*>())
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &LaunchForm::changed);
    for (auto* combo : findChildren<QComboBox*>())
        connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this, &LaunchForm::changed);
    for (auto* check : findChildren<QCheckBox*>())
        connect(check, &QCheckBox::toggled, this, &LaunchForm::changed);
}

QGroupBox* LaunchForm::buildDatasetGroup() {
    m_datasetGroup = new QGroupBox(tr("Dataset"), this);
    auto* form = new QFormLayout(m_datasetGroup);
    m_dataset = new QComboBox(m_datasetGroup);
    m_dataset->setObjectName(QStringLiteral("datasetChoice"));
    m_dataset->addItem(tr("Fashion-MNIST"), QStringLiteral("fashion-mnist"));
    m_dataset->addItem(tr("CIFAR-10 (binary folder)"), QStringLiteral("cifar10"));
    m_dataset->addItem(tr("Synthetic (generated)"), QStringLiteral("synthetic"));
    form->addRow(tr("Dataset:"), m_dataset);

    m_datasetPath = new QLineEdit(m_datasetGroup);
    m_datasetPath->setObjectName(QStringLiteral("datasetPathEdit"));
    m_datasetPath->setPlaceholderText(tr("default location"));
    m_browse = new QPushButton(tr("Browse\u2026"), m_datasetGroup);
    m_browse->setObjectName(QStringLiteral("datasetBrowseButton"));
    m_browse->setToolTip(tr("Choose the folder that holds the dataset files"));
    // Never narrower than its (translated) text: "Durchsuchen..." was cut in a narrow dock.
    m_browse->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_browse->setMinimumWidth(m_browse->sizeHint().width());
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_datasetPath, 1);
    pathRow->addWidget(m_browse);
    form->addRow(tr("Folder:"), pathRow);

    m_trainLimit = intSpin(m_datasetGroup, QStringLiteral("trainLimitSpin"), 0,
                           tr("Use only the first N training images (0: all)"));
    m_trainLimit->setSpecialValueText(tr("all"));
    form->addRow(tr("Training images:"), m_trainLimit);
    m_syntheticCount = intSpin(m_datasetGroup, QStringLiteral("syntheticCountSpin"), 0,
                               tr("Images in the generated training set"));
    form->addRow(tr("Synthetic images:"), m_syntheticCount);
    m_syntheticChannels = intSpin(m_datasetGroup, QStringLiteral("syntheticChannelsSpin"), 0);
    m_syntheticSide = intSpin(m_datasetGroup, QStringLiteral("syntheticSideSpin"), 0,
                              tr("Height and width of the generated images (a multiple of 4)"));
    auto* shapeRow = new QHBoxLayout;
    shapeRow->addWidget(m_syntheticChannels);
    shapeRow->addWidget(m_syntheticSide);
    form->addRow(tr("Synthetic channels, side:"), shapeRow);

    connect(m_dataset, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        // A path typed for another dataset would be wrong here: fall back to the default.
        m_datasetPath->clear();
        updateDatasetFields();
    });
    connect(m_browse, &QPushButton::clicked, this, &LaunchForm::browseDatasetFolder);
    return m_datasetGroup;
}

QGroupBox* LaunchForm::buildStrategyOptionsGroup() {
    m_strategyOptionsGroup = new QGroupBox(this);
    m_strategyOptionsGroup->setObjectName(QStringLiteral("strategyOptionsGroup"));
    auto* layout = new QVBoxLayout(m_strategyOptionsGroup);
    m_strategyOptions = new StrategyOptionsForm(m_strategyOptionsGroup);
    layout->addWidget(m_strategyOptions);
    connect(m_strategyOptions, &StrategyOptionsForm::changed, this, &LaunchForm::changed);
    // Another strategy: its settings as the loaded config has them, else its defaults.
    connect(m_strategy, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { showStrategyOptions(true); });
    return m_strategyOptionsGroup;
}

void LaunchForm::showStrategyOptions(bool keepEdits) {
    if (keepEdits && !m_strategyOptions->strategy().empty())
        m_base[m_strategyOptions->strategy()] = m_strategyOptions->section();
    const auto strategy = toStdString(comboKey(m_strategy));
    const auto* descriptor = search::findStrategy(strategy);
    m_strategyOptionsGroup->setTitle(
        tr("%1 settings")
            .arg(descriptor ? toQString(descriptor->displayName) : toQString(strategy)));
    m_strategyOptionsGroup->setVisible(descriptor && !descriptor->options.empty());
    m_strategyOptions->showStrategy(strategy, m_base.value(strategy, nlohmann::json::object()));
    // The cell space's settings only for strategies that search cells (RENA edits layer chains).
    const bool cells = !descriptor || descriptor->space == space::kCellSpace;
    if (!m_searchGroup) return;  // not built yet
    auto* form = qobject_cast<QFormLayout*>(m_searchGroup->layout());
    for (QWidget* field : {static_cast<QWidget*>(m_opSet), static_cast<QWidget*>(m_channels),
                           static_cast<QWidget*>(m_layers), static_cast<QWidget*>(m_nodes)}) {
        field->setVisible(cells);
        if (QWidget* label = form ? form->labelForField(field) : nullptr) label->setVisible(cells);
    }
}

QGroupBox* LaunchForm::buildSearchGroup() {
    m_searchGroup = new QGroupBox(tr("Search"), this);
    auto* form = new QFormLayout(m_searchGroup);
    m_strategy = new QComboBox(m_searchGroup);
    m_strategy->setObjectName(QStringLiteral("strategyChoice"));
    // Every registered strategy, its description as the tooltip.
    for (const auto* strategy : search::registeredStrategies()) {
        m_strategy->addItem(toQString(strategy->displayName), toQString(strategy->name));
        m_strategy->setItemData(m_strategy->count() - 1, toQString(strategy->description),
                                Qt::ToolTipRole);
    }
    form->addRow(tr("Strategy:"), m_strategy);

    m_opSet = new QComboBox(m_searchGroup);
    m_opSet->setObjectName(QStringLiteral("opSetChoice"));
    m_opSet->addItem(tr("DARTS ops (8)"), QStringLiteral("darts"));
    m_opSet->addItem(tr("NASP ops"), QStringLiteral("nasp"));
    form->addRow(tr("Operations:"), m_opSet);
    // Odd values are allowed here on purpose: the engine's validation explains what is wrong.
    m_channels =
        intSpin(m_searchGroup, QStringLiteral("channelsSpin"), 0,
                tr("Channels of the first cell (even, up to %1)").arg(space::kMaxChannels));
    m_layers = intSpin(
        m_searchGroup, QStringLiteral("layersSpin"), 0,
        tr("Cells in the supernet (%1 to %2)").arg(space::kMinLayers).arg(space::kMaxLayers));
    m_nodes = intSpin(m_searchGroup, QStringLiteral("nodesSpin"), 0,
                      tr("Intermediate nodes per cell (1 to 8)"));
    form->addRow(tr("Channels:"), m_channels);
    form->addRow(tr("Layers:"), m_layers);
    form->addRow(tr("Nodes per cell:"), m_nodes);

    m_epochs = intSpin(m_searchGroup, QStringLiteral("epochsSpin"), 0,
                       tr("Epochs (1 to %1)").arg(kMaxEpochs));
    m_batchSize = intSpin(m_searchGroup, QStringLiteral("batchSizeSpin"), 0,
                          tr("Images per step (2 to %1)").arg(kMaxBatchSize));
    m_stepsPerEpoch = intSpin(m_searchGroup, QStringLiteral("stepsPerEpochSpin"), 0,
                              tr("Steps per epoch (0: one pass over the weight-training half; for "
                                 "SNAS, over its training part)"));
    m_stepsPerEpoch->setSpecialValueText(tr("full pass"));
    m_seed = intSpin(m_searchGroup, QStringLiteral("seedSpin"), 0);
    m_threads = intSpin(m_searchGroup, QStringLiteral("threadsSpin"), 0,
                        tr("LibTorch threads for this search (0: one per core, up to %1). Fewer "
                           "leave cores to other programs and to a second search.")
                            .arg(engine::kMaxThreads));
    m_threads->setSpecialValueText(tr("one per core"));
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Batch size:"), m_batchSize);
    form->addRow(tr("Steps per epoch:"), m_stepsPerEpoch);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Threads:"), m_threads);

    m_device = new QComboBox(m_searchGroup);
    m_device->setObjectName(QStringLiteral("deviceChoice"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
    m_device->addItem(tr("Automatic (GPU when present)"), QStringLiteral("auto"));
    m_device->setToolTip(tr("The engine checks that a GPU is present when the search starts"));
    form->addRow(tr("Device:"), m_device);
    return m_searchGroup;
}

QDoubleSpinBox* LaunchForm::limitSpin(const QString& objectName, double max, int decimals,
                                      const QString& suffix) {
    auto* spin = new TrimmedSpinBox(this);
    spin->setObjectName(objectName);
    spin->setDecimals(decimals);
    spin->setRange(0.0, max);
    spin->setSuffix(suffix);
    spin->setEnabled(false);
    return spin;
}

QGroupBox* LaunchForm::buildConstraintsGroup() {
    auto* group = new QGroupBox(tr("Resource constraints"), this);
    group->setObjectName(QStringLiteral("constraintsGroup"));
    auto* form = new QFormLayout(group);
    auto addLimit = [&](QCheckBox*& check, QDoubleSpinBox*& spin, const QString& name,
                        const QString& label, double max, int decimals, const QString& suffix) {
        check = new QCheckBox(label, group);
        check->setObjectName(name + QStringLiteral("Check"));
        spin = limitSpin(name + QStringLiteral("Spin"), max, decimals, suffix);
        connect(check, &QCheckBox::toggled, spin, &QWidget::setEnabled);
        form->addRow(check, spin);
    };
    addLimit(m_useMaxParams, m_maxParams, QStringLiteral("maxParams"), tr("Max parameters"), 1e6, 6,
             tr(" M"));
    addLimit(m_useMaxFlops, m_maxFlops, QStringLiteral("maxFlops"), tr("Max FLOPs"), 1e7, 6,
             tr(" M"));
    addLimit(m_useMaxMac, m_maxMac, QStringLiteral("maxMac"), tr("Max memory access"), 1e7, 6,
             tr(" M"));
    addLimit(m_useMaxLatency, m_maxLatency, QStringLiteral("maxLatency"), tr("Max latency"), 1e5, 3,
             tr(" ms"));
    addLimit(m_useMinIntensity, m_minIntensity, QStringLiteral("minIntensity"),
             tr("Min compute intensity"), 1e4, 2, tr(" FLOPs/B"));
    m_minIntensity->setToolTip(
        tr("FLOPs per byte of memory traffic, at least (editing strategies: RENA)"));
    m_maxParams->setToolTip(tr("Learnable parameters of the derived network, in millions"));
    m_maxFlops->setToolTip(tr("Multiply-adds of one forward pass, in millions"));
    m_maxMac->setToolTip(tr("Elements read and written in one forward pass, in millions"));

    m_preset = new QComboBox(group);
    m_preset->setObjectName(QStringLiteral("presetChoice"));
    m_preset->addItem(tr("None"), QStringLiteral("none"));
    m_preset->addItem(tr("Mild"), QStringLiteral("mild"));
    m_preset->addItem(tr("Moderate"), QStringLiteral("moderate"));
    m_preset->addItem(tr("Aggressive"), QStringLiteral("aggressive"));
    m_preset->addItem(tr("Custom"), QStringLiteral("custom"));
    m_strength = new QDoubleSpinBox(group);
    m_strength->setObjectName(QStringLiteral("strengthSpin"));
    m_strength->setDecimals(5);
    m_strength->setRange(0.0, 10.0);
    m_strength->setSingleStep(0.001);
    m_strength->setToolTip(tr("Weight of the resource penalty in the SNAS loss"));
    form->addRow(tr("SNAS constraint strength:"), m_preset);
    auto* strengthLabel = new QLabel(tr("\u03bb (penalty weight):"), group);
    strengthLabel->setObjectName(QStringLiteral("strengthLabel"));
    strengthLabel->setBuddy(m_strength);
    form->addRow(strengthLabel, m_strength);
    connect(m_preset, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &LaunchForm::applyPreset);
    connect(m_strength, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
            [this](double value) {
                // A strength typed by hand that matches no preset makes the choice "custom".
                const QSignalBlocker block(m_preset);
                for (const char* name : {"none", "mild", "moderate", "aggressive"}) {
                    if (std::abs(engine::snasPresetStrength(name) - value) < 1e-9) {
                        selectKey(m_preset, QLatin1String(name));
                        return;
                    }
                }
                selectKey(m_preset, QStringLiteral("custom"));
            });
    return group;
}

void LaunchForm::applyPreset(int index) {
    const QString key = m_preset->itemData(index).toString();
    if (key == QLatin1String("custom")) return;
    const QSignalBlocker block(m_strength);
    m_strength->setValue(engine::snasPresetStrength(toStdString(key)));
}

void LaunchForm::updateDatasetFields() {
    const QString name = comboKey(m_dataset);
    const bool synthetic = name == QLatin1String("synthetic");
    m_datasetPath->setEnabled(!synthetic);
    m_browse->setEnabled(!synthetic);
    m_syntheticCount->setEnabled(synthetic);
    m_syntheticChannels->setEnabled(synthetic);
    m_syntheticSide->setEnabled(synthetic);
    m_datasetPath->setPlaceholderText(
        synthetic
            ? tr("not used")
            : tr("default: %1").arg(toQString(engine::defaultDatasetPath(toStdString(name)))));
}

void LaunchForm::browseDatasetFolder() {
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Dataset folder"), m_datasetPath->text());
    if (!folder.isEmpty()) m_datasetPath->setText(folder);
}

nlohmann::json LaunchForm::constraintsJson() const {
    auto limit = [](const QCheckBox* use, const QDoubleSpinBox* spin, double unit) {
        return use->isChecked() ? nlohmann::json(spin->value() * unit) : nlohmann::json(nullptr);
    };
    return {{"max_params", limit(m_useMaxParams, m_maxParams, kMillion)},
            {"max_flops", limit(m_useMaxFlops, m_maxFlops, kMillion)},
            {"max_mac", limit(m_useMaxMac, m_maxMac, kMillion)},
            {"max_latency_ms", limit(m_useMaxLatency, m_maxLatency, 1.0)},
            {"min_intensity", limit(m_useMinIntensity, m_minIntensity, 1.0)},
            {"strength", m_strength->value()}};
}

nlohmann::json LaunchForm::toJson() const {
    nlohmann::json j = m_base;
    j["name"] = toStdString(m_name->text().trimmed());
    j["strategy"] = toStdString(comboKey(m_strategy));
    j[m_strategyOptions->strategy()] = m_strategyOptions->section();
    j["epochs"] = m_epochs->value();
    j["batch_size"] = m_batchSize->value();
    j["steps_per_epoch"] = m_stepsPerEpoch->value();
    j["seed"] = m_seed->value();
    j["device"] = toStdString(comboKey(m_device));
    j["threads"] = m_threads->value();
    auto& d = j["dataset"];
    d["name"] = toStdString(comboKey(m_dataset));
    d["path"] = toStdString(m_datasetPath->text().trimmed());
    d["train_limit"] = m_trainLimit->value();
    d["synthetic_count"] = m_syntheticCount->value();
    d["synthetic_shape"] = {m_syntheticChannels->value(), m_syntheticSide->value(),
                            m_syntheticSide->value()};
    auto& s = j["space"];
    s["channels"] = m_channels->value();
    s["layers"] = m_layers->value();
    s["nodes"] = m_nodes->value();
    s.erase("op_set");
    s.erase("ops");
    const QString ops = comboKey(m_opSet);
    if (ops == QLatin1String("darts")) {
        s["normal_ops"] = space::dartsOps();
        s["reduce_ops"] = space::dartsOps();
    } else if (ops == QLatin1String("nasp")) {
        s["normal_ops"] = space::naspNormalOps();
        s["reduce_ops"] = space::naspReduceOps();
    }  // "custom": the loaded config's op lists stay as they were
    j["constraints"] = constraintsJson();
    return j;
}

void LaunchForm::setJson(const nlohmann::json& given) {
    // Every key present, the ones `given` lacks at their defaults: the defaults live in
    // SearchConfig alone, not again in this form.
    nlohmann::json json = engine::toJson(engine::SearchConfig{});
    json.merge_patch(given);
    m_base = json;
    const auto& d = json.at("dataset");
    const auto& s = json.at("space");
    // A patch may remove the constraints object (null): no limits then.
    static const nlohmann::json noLimits = nlohmann::json::object();
    const auto& c = json.contains("constraints") && json.at("constraints").is_object()
                        ? json.at("constraints")
                        : noLimits;

    // Signals stay blocked while filling, so listeners see one `changed` at the end.
    std::vector<std::unique_ptr<QSignalBlocker>> blocks;
    for (QObject* child : findChildren<QWidget*>())
        blocks.push_back(std::make_unique<QSignalBlocker>(child));

    m_name->setText(toQString(json.at("name").get<std::string>()));
    selectKey(m_strategy, toQString(json.at("strategy").get<std::string>()));
    m_epochs->setValue(json.at("epochs").get<int>());
    m_batchSize->setValue(json.at("batch_size").get<int>());
    m_stepsPerEpoch->setValue(json.at("steps_per_epoch").get<int>());
    m_seed->setValue(static_cast<int>(json.at("seed").get<std::uint64_t>() & INT_MAX));
    selectKey(m_device, toQString(json.at("device").get<std::string>()));
    m_threads->setValue(json.at("threads").get<int>());

    const std::string dataset = d.at("name").get<std::string>();
    selectKey(m_dataset, toQString(dataset));
    const std::string path = d.at("path").get<std::string>();
    // The default location is shown as the placeholder, not as typed text.
    m_datasetPath->setText(path == engine::defaultDatasetPath(dataset) ? QString()
                                                                       : toQString(path));
    m_trainLimit->setValue(d.at("train_limit").get<int>());
    m_syntheticCount->setValue(d.at("synthetic_count").get<int>());
    const std::vector<int> shape = d.at("synthetic_shape").get<std::vector<int>>();
    m_syntheticChannels->setValue(shape.size() == 3 ? shape[0] : 3);
    m_syntheticSide->setValue(shape.size() == 3 ? shape[1] : 16);

    m_channels->setValue(s.at("channels").get<int>());
    m_layers->setValue(s.at("layers").get<int>());
    m_nodes->setValue(s.at("nodes").get<int>());
    const auto normalOps = s.at("normal_ops").get<std::vector<std::string>>();
    const auto reduceOps = s.at("reduce_ops").get<std::vector<std::string>>();
    const int custom = m_opSet->findData(QStringLiteral("custom"));
    if (custom >= 0) m_opSet->removeItem(custom);
    if (normalOps == space::dartsOps() && reduceOps == space::dartsOps()) {
        selectKey(m_opSet, QStringLiteral("darts"));
    } else if (normalOps == space::naspNormalOps() && reduceOps == space::naspReduceOps()) {
        selectKey(m_opSet, QStringLiteral("nasp"));
    } else {
        m_opSet->addItem(tr("Custom (from the loaded file)"), QStringLiteral("custom"));
        selectKey(m_opSet, QStringLiteral("custom"));
    }

    auto setLimit = [&c](const char* key, QCheckBox* use, QDoubleSpinBox* spin, double unit) {
        const bool set = c.contains(key) && c.at(key).is_number();
        use->setChecked(set);
        spin->setEnabled(set);
        if (set) spin->setValue(c.at(key).get<double>() / unit);
    };
    setLimit("max_params", m_useMaxParams, m_maxParams, kMillion);
    setLimit("max_flops", m_useMaxFlops, m_maxFlops, kMillion);
    setLimit("max_mac", m_useMaxMac, m_maxMac, kMillion);
    setLimit("max_latency_ms", m_useMaxLatency, m_maxLatency, 1.0);
    setLimit("min_intensity", m_useMinIntensity, m_minIntensity, 1.0);
    const double strength = c.value("strength", 0.0);
    m_strength->setValue(strength);
    selectKey(m_preset, QStringLiteral("custom"));
    for (const char* name : {"none", "mild", "moderate", "aggressive"})
        if (std::abs(engine::snasPresetStrength(name) - strength) < 1e-9)
            selectKey(m_preset, QLatin1String(name));

    blocks.clear();
    showStrategyOptions(false);
    updateDatasetFields();
    emit changed();
}

QStringList LaunchForm::rangeProblems() const {
    // Upper bounds the engine does not set itself (it checks the lower ones, and channels, layers,
    // nodes and threads whole); above them a search is a typo, not a plan.
    QStringList problems;
    auto atMost = [&](const QSpinBox* spin, int max, const char* key) {
        if (spin->isEnabled() && spin->value() > max)
            problems << tr("%1 must be at most %2, not %3")
                            .arg(QLatin1String(key))
                            .arg(max)
                            .arg(spin->value());
    };
    atMost(m_epochs, kMaxEpochs, "epochs");
    atMost(m_batchSize, kMaxBatchSize, "batch_size");
    atMost(m_syntheticCount, kMaxSyntheticCount, "dataset.synthetic_count");
    atMost(m_syntheticChannels, kMaxSyntheticChannels, "dataset.synthetic_shape channels");
    atMost(m_syntheticSide, kMaxSyntheticSide, "dataset.synthetic_shape side");
    return problems;
}

void LaunchForm::setThreads(int threads) { m_threads->setValue(threads); }

void LaunchForm::setRunning(bool running) {
    m_name->setEnabled(!running);
    m_datasetGroup->setEnabled(!running);
    m_searchGroup->setEnabled(!running);
    m_strategyOptionsGroup->setEnabled(!running);
    if (!running) updateDatasetFields();
}

}  // namespace nas::widgets
