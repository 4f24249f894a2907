#pragma once
// A warning banner shown while the derived normal cell is mostly parameter-free ops: the known
// failure of differentiable searches, worth noticing before hours more of training.
#include <QFrame>

#include "space/genotype.h"

class QLabel;
class QToolButton;

namespace nas::widgets {

class CollapseAlert final : public QFrame {
    Q_OBJECT
  public:
    explicit CollapseAlert(QWidget* parent = nullptr);

    // Shows or hides the banner for `genotype`'s normal cell. A banner the user dismissed stays
    // hidden until the fraction changes.
    void check(const space::Genotype& genotype);
    void reset();
    [[nodiscard]] bool isRaised() const { return m_raised; }
    [[nodiscard]] QString text() const;

  private:
    QLabel* m_text = nullptr;
    QToolButton* m_dismiss = nullptr;
    bool m_raised = false;
    double m_dismissedAt = -1.0;
    double m_fraction = 0.0;
};

}  // namespace nas::widgets
