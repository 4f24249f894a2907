#include "app/studio/preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

#include "app/studio/app_settings.h"
#include "app/studio/translations.h"

namespace nas::studio {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageChoice"));
    m_language->addItem(tr("System default"), QString());
    for (const LanguageChoice& choice : availableLanguages())
        m_language->addItem(choice.nativeName, choice.code);
    const int current = m_language->findData(settings::language());
    m_language->setCurrentIndex(current >= 0 ? current : 0);

    m_workspace = new QLineEdit(settings::workspace(), this);
    m_workspace->setObjectName(QStringLiteral("workspaceEdit"));
    m_workspace->setPlaceholderText(tr("default workspace"));
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    browse->setObjectName(QStringLiteral("workspaceBrowseButton"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Workspace folder"), m_workspace->text());
        if (!folder.isEmpty()) m_workspace->setText(folder);
    });
    auto* workspaceRow = new QHBoxLayout;
    workspaceRow->addWidget(m_workspace, 1);
    workspaceRow->addWidget(browse);

    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("threadsPreferenceSpin"));
    m_threads->setRange(0, 1024);
    m_threads->setSpecialValueText(tr("one per core"));
    m_threads->setValue(std::max(settings::threads(), 0));
    m_threads->setToolTip(
        tr("LibTorch threads of new searches (the launch panel's Threads field). "
           "Fewer leave cores to other programs and to a second search."));

    auto* note = new QLabel(
        tr("Language and workspace take effect when NAS Studio is started again."), this);
    note->setObjectName(QStringLiteral("preferencesRestartNote"));
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("preferencesButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Workspace:"), workspaceRow);
    form->addRow(tr("Threads for new searches:"), m_threads);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept() {
    settings::setLanguage(m_language->currentData().toString());
    settings::setWorkspace(m_workspace->text().trimmed());
    settings::setThreads(m_threads->value());
    QDialog::accept();
}

}  // namespace nas::studio
