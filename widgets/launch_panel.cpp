#include "widgets/launch_panel.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include "search/registry/strategy_registry.h"
#include "widgets/launch_panel_form.h"
#include "widgets/memory_estimate.h"
#include "widgets/number_format.h"
#include "widgets/qt_text.h"

namespace nas::widgets {
namespace {

const QString kProblemStyle = QStringLiteral(
    "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0; border-radius: 4px; "
    "padding: 6px; }");
const QString kOkStyle = QStringLiteral(
    "QLabel { background: #edf7ed; color: #1e4620; border: 1px solid #b7dfb9; border-radius: 4px; "
    "padding: 6px; }");

// The dataset folder a search will read, checked before Start rather than failing after it: the
// folder must exist and hold the training files the engine's readers look for.
QStringList datasetFolderProblems(const engine::DatasetConfig& dataset) {
    if (dataset.name == "synthetic") return {};
    const QString path = toQString(dataset.path);
    const QDir folder(path);
    if (!QFileInfo(path).isDir())
        return {LaunchPanel::tr("dataset.path: the folder %1 does not exist").arg(path)};
    auto present = [&](const QString& name) { return QFileInfo(folder.filePath(name)).isFile(); };
    QStringList missing;
    if (dataset.name == "fashion-mnist") {
        for (const QString& stem :
             {QStringLiteral("train-images-idx3-ubyte"), QStringLiteral("train-labels-idx1-ubyte")})
            if (!present(stem + QStringLiteral(".gz")) && !present(stem))
                missing << stem + QStringLiteral("(.gz)");
    } else if (dataset.name == "cifar10") {
        // The binary batches, directly in the folder or in the archive's cifar-10-batches-bin.
        const QString sub = QStringLiteral("cifar-10-batches-bin/");
        for (int i = 1; i <= 5; ++i) {
            const QString name = QStringLiteral("data_batch_%1.bin").arg(i);
            if (!present(name) && !present(sub + name)) missing << name;
        }
    }
    if (missing.isEmpty()) return {};
    return {LaunchPanel::tr("dataset.path: the folder %1 lacks %2")
                .arg(path, missing.join(QStringLiteral(", ")))};
}

}  // namespace

LaunchPanel::LaunchPanel(QWidget* parent)
    : QWidget(parent), m_memoryProbe([] { return availableMemoryBytes(); }) {
    setObjectName(QStringLiteral("launchPanel"));
    m_form = new LaunchForm(this);
    m_form->setObjectName(QStringLiteral("launchForm"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_messages = new QLabel(this);
    m_messages->setObjectName(QStringLiteral("configMessages"));
    m_messages->setWordWrap(true);
    m_messages->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_memory = new QLabel(this);
    m_memory->setObjectName(QStringLiteral("memoryEstimateLabel"));
    m_memory->setWordWrap(true);
    m_memory->setToolTip(
        tr("batch \u00d7 \u03a3 cells (edges \u00d7 ops \u00d7 C \u00d7 H \u00d7 W) \u00d7 4 bytes "
           "\u00d7 3 "
           "(forward activations, their gradients and op intermediates)"));

    m_load = new QPushButton(tr("Load\u2026"), this);
    m_load->setObjectName(QStringLiteral("loadConfigButton"));
    m_load->setToolTip(tr("Load a search configuration from a JSON file"));
    m_save = new QPushButton(tr("Save\u2026"), this);
    m_save->setObjectName(QStringLiteral("saveConfigButton"));
    m_save->setToolTip(tr("Save this configuration as a JSON file"));
    m_start = new QPushButton(tr("Start search"), this);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setDefault(true);
    m_apply = new QPushButton(tr("Apply constraints"), this);
    m_apply->setObjectName(QStringLiteral("applyConstraintsButton"));
    m_apply->setToolTip(
        tr("Send the constraints to the running search; it applies them between steps"));
    m_apply->setEnabled(false);

    auto* files = new QHBoxLayout;
    files->addWidget(m_load);
    files->addWidget(m_save);
    files->addStretch(1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_apply);
    actions->addStretch(1);
    actions->addWidget(m_start);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(files);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_memory);
    layout->addWidget(m_messages);
    layout->addLayout(actions);

    // Validation runs shortly after typing stops, so messages do not flicker on every key.
    m_revalidate = new QTimer(this);
    m_revalidate->setSingleShot(true);
    m_revalidate->setInterval(250);
    connect(m_revalidate, &QTimer::timeout, this, [this] { validate(); });
    connect(m_form, &LaunchForm::changed, this, [this] {
        m_revalidate->start();
        emit configChanged();
    });
    connect(m_load, &QPushButton::clicked, this, &LaunchPanel::chooseAndLoadConfig);
    connect(m_save, &QPushButton::clicked, this, &LaunchPanel::chooseAndSaveConfig);
    connect(m_start, &QPushButton::clicked, this, [this] { requestStart(); });
    connect(m_apply, &QPushButton::clicked, this, &LaunchPanel::applyConstraints);
    validate();
}

nlohmann::json LaunchPanel::configJson() const { return m_form->toJson(); }

bool LaunchPanel::setConfigJson(const nlohmann::json& json) {
    try {
        // A valid config is shown normalised (every default filled in).
        m_form->setJson(engine::toJson(engine::parseSearchConfig(json)));
        validate();
        return true;
    } catch (const engine::ConfigError& error) {
        try {
            m_form->setJson(json);
        } catch (const nlohmann::json::exception&) {
            // The form shows what it could; the problems below say what is wrong.
        }
        QStringList problems;
        for (const auto& p : error.problems()) problems << toQString(p);
        showProblems(problems);
        return false;
    }
}

bool LaunchPanel::loadConfig(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showProblems({tr("Cannot read %1: %2").arg(path, file.errorString())});
        return false;
    }
    const nlohmann::json json = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        showProblems({tr("%1 is not a JSON object.").arg(path)});
        return false;
    }
    return setConfigJson(json);
}

bool LaunchPanel::saveConfig(const QString& path) {
    // QSaveFile writes to a temporary file and renames it: a failed save never truncates the old
    // one.
    QSaveFile file(path);
    const QByteArray text = QByteArray::fromStdString(configJson().dump(2) + "\n");
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        showProblems({tr("Cannot write %1: %2").arg(path, file.errorString())});
        return false;
    }
    return true;
}

void LaunchPanel::chooseAndLoadConfig() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Load configuration"), QString(),
                                     tr("Search configurations (*.json);;All files (*)"));
    if (!path.isEmpty()) (void)loadConfig(path);
}

void LaunchPanel::chooseAndSaveConfig() {
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save configuration"), QStringLiteral("search.json"),
                                     tr("Search configurations (*.json)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".json"))) path += QLatin1String(".json");
    (void)saveConfig(path);
}

std::optional<engine::SearchConfig> LaunchPanel::validate() {
    m_revalidate->stop();
    if (m_running) {
        // Only the constraints can change now; memory is the running search's business.
        (void)validateConstraints();
        return std::nullopt;
    }
    QStringList problems = m_form->rangeProblems();
    std::optional<engine::SearchConfig> config;
    try {
        config = engine::parseSearchConfig(configJson());
        problems << datasetFolderProblems(config->dataset);
    } catch (const engine::ConfigError& error) {
        for (const auto& p : error.problems()) problems << toQString(p);
    }
    if (!problems.isEmpty()) {
        showProblems(problems);
        m_memory->clear();
        return std::nullopt;
    }
    const bool fits = checkMemory(*config);
    if (fits) showOk(tr("The configuration is valid."));
    return config;
}

bool LaunchPanel::checkMemory(const engine::SearchConfig& config) {
    const double need = estimateSupernetActivationBytes(config);
    // "auto" runs on the CPU where no GPU is present, so it needs the same check there.
    const bool onCpu = config.device == "cpu" || (config.device == "auto" && !gpuDevicePresent());
    if (!onCpu) {
        m_memory->setText(
            tr("Estimated memory: %1. The GPU's memory is checked when the search starts.")
                .arg(formatBytes(need)));
        m_memory->setStyleSheet(QString());
        return true;
    }
    const std::optional<double> available = m_memoryProbe ? m_memoryProbe() : std::nullopt;
    if (!available) {
        m_memory->setText(tr("Estimated memory: %1 (free memory unknown).").arg(formatBytes(need)));
        m_memory->setStyleSheet(QString());
        return true;
    }
    const bool fits = fitsInMemory(need, *available);
    m_memory->setText(tr("Estimated memory: %1 of %2 available.")
                          .arg(formatBytes(need), formatBytes(*available)));
    m_memory->setStyleSheet(fits ? QString()
                                 : QStringLiteral("color: #b3261e; font-weight: bold;"));
    if (!fits) {
        showProblems(
            {tr("This search needs about %1 but only %2 of memory is available (the studio uses at "
                "most %3 % of it). Reduce the batch size, channels, layers or nodes.")
                 .arg(formatBytes(need), formatBytes(*available))
                 .arg(static_cast<int>(kUsableMemoryFraction * 100))});
    }
    return fits;
}

bool LaunchPanel::requestStart() {
    const std::optional<engine::SearchConfig> config = validate();
    if (!config || !m_problems.isEmpty()) return false;
    emit startRequested(*config);
    return true;
}

std::optional<engine::Constraints> LaunchPanel::validateConstraints() {
    QStringList problems;
    std::optional<engine::Constraints> constraints;
    try {
        constraints = engine::constraintsFromJson(m_form->constraintsJson());
        // The space the limits must fit: the running search's, else the form's own.
        std::optional<space::SpaceConfig> space = m_runningSpace;
        if (!space) {
            try {
                space = engine::parseSearchConfig(configJson()).space;
            } catch (const engine::ConfigError&) {
                // Other fields are wrong too; validate() lists those.
            }
        }
        // ...and the space of the strategy the form names (the running one's while it runs).
        std::string spaceName = space::kCellSpace;
        if (const auto* strategy =
                search::findStrategy(configJson().value("strategy", std::string())))
            spaceName = strategy->space;
        if (space)
            for (const auto& p : engine::constraintProblems(*space, *constraints, spaceName))
                problems << toQString(p);
    } catch (const engine::ConfigError& error) {
        for (const auto& p : error.problems()) problems << toQString(p);
    }
    if (m_running) m_apply->setEnabled(problems.isEmpty());
    if (!problems.isEmpty()) {
        showProblems(
            m_running ? tr("Cannot apply the constraints:") : tr("Cannot start the search:"),
            problems);
        return std::nullopt;
    }
    if (m_running) {
        m_problems.clear();
        m_messages->clear();
        m_messages->setVisible(false);
    }
    return constraints;
}

void LaunchPanel::applyConstraints() {
    const std::optional<engine::Constraints> constraints = validateConstraints();
    if (!constraints) return;
    showOk(tr("New constraints sent to the running search."));
    emit constraintsApplied(*constraints);
}

void LaunchPanel::setRunning(bool running, const std::optional<space::SpaceConfig>& space) {
    const bool ended = m_running && !running;
    m_running = running;
    m_runningSpace = running ? space : std::nullopt;
    m_form->setRunning(running);
    m_load->setEnabled(!running);
    m_start->setEnabled(!running);
    m_apply->setEnabled(running);
    // Messages about the search that ended ("New constraints sent ...") no longer hold.
    if (ended) validate();
}

void LaunchPanel::setMemoryProbe(std::function<std::optional<double>()> probe) {
    m_memoryProbe = std::move(probe);
    validate();
}

void LaunchPanel::showProblems(const QStringList& problems) {
    showProblems(tr("Cannot start the search:"), problems);
}

void LaunchPanel::showProblems(const QString& heading, const QStringList& problems) {
    m_problems = problems;
    QString html = QStringLiteral("<b>%1</b><ul style='margin:0'>").arg(heading.toHtmlEscaped());
    for (const QString& p : problems) html += QStringLiteral("<li>%1</li>").arg(p.toHtmlEscaped());
    m_messages->setText(html + QStringLiteral("</ul>"));
    m_messages->setStyleSheet(kProblemStyle);
    m_messages->setVisible(true);
}

void LaunchPanel::showOk(const QString& text) {
    m_problems.clear();
    m_messages->setText(text.toHtmlEscaped());
    m_messages->setStyleSheet(kOkStyle);
    m_messages->setVisible(true);
}

QString LaunchPanel::messageText() const { return m_messages->text(); }
QString LaunchPanel::memoryText() const { return m_memory->text(); }

}  // namespace nas::widgets
