#pragma once
// Preferences: interface language and workspace folder, which take effect when the studio starts
// again (translations are installed before any window exists; the run store is opened once), and
// the engine threads new searches start with, which the launch panel takes at once.
#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace nas::studio {

class PreferencesDialog final : public QDialog {
    Q_OBJECT
  public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // Writes the choices to the settings.
    void accept() override;

  private:
    QComboBox* m_language = nullptr;
    QLineEdit* m_workspace = nullptr;
    QSpinBox* m_threads = nullptr;
};

}  // namespace nas::studio
