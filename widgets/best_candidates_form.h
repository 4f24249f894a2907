#pragma once
// The question of the best-under-constraints view: optional limits on parameters, FLOPs and memory
// access (in millions, as in the launch panel) and on measured latency, how many of the best to
// show, how many architectures to sample and the sampling seed, an optional re-scoring of the best
// with the run's shared weights, and a Find button. The form computes nothing: Find emits the
// request.
#include <QWidget>

#include "widgets/best_candidates_data.h"

class QCheckBox;
class QPushButton;
class QSpinBox;

namespace nas::widgets {

class LimitsEditor;

class BestCandidatesForm final : public QWidget {
    Q_OBJECT
  public:
    explicit BestCandidatesForm(QWidget* parent = nullptr);

    // Shows `request`'s limits, counts, seed and re-scoring. Whatever else its selection options
    // hold (a latency measurer...) is kept and returned by request() unchanged.
    void setRequest(const BestCandidatesRequest& request);
    [[nodiscard]] BestCandidatesRequest request() const;
    // While busy, Find is disabled (one selection at a time).
    void setBusy(bool busy);

    [[nodiscard]] QPushButton* findButton() const { return m_find; }

  signals:
    void findRequested(const nas::widgets::BestCandidatesRequest& request);

  private:
    BestCandidatesRequest m_base;
    LimitsEditor* m_limits = nullptr;
    QSpinBox* m_top = nullptr;
    QSpinBox* m_pool = nullptr;
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_rescore = nullptr;
    QSpinBox* m_rescoreBatches = nullptr;
    QPushButton* m_find = nullptr;
};

}  // namespace nas::widgets
