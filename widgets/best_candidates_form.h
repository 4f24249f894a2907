#pragma once
// The question of the best-under-constraints view: optional limits on parameters, FLOPs and memory
// access (in millions, as in the launch panel) and on measured latency, how many of the best to
// show, how many architectures to sample and the sampling seed, an optional re-scoring of the best
// with the run's shared weights, and a Find button. The form computes nothing: Find emits the
// request.
#include <QWidget>
#include <optional>

#include "widgets/best_candidates_data.h"

class QCheckBox;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;

namespace nas::widgets {

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
    struct Limit {
        QCheckBox* use = nullptr;
        QDoubleSpinBox* value = nullptr;
        double unit = 1;  // of the value shown (1e6: millions)
    };
    Limit addLimit(const QString& name, const QString& label, const QString& tip, double unit,
                   int decimals, const QString& suffix);
    static void showLimit(const Limit& limit, const std::optional<double>& value);
    [[nodiscard]] static std::optional<double> limitValue(const Limit& limit);

    BestCandidatesRequest m_base;
    Limit m_params, m_flops, m_mac, m_latency;
    QSpinBox* m_top = nullptr;
    QSpinBox* m_pool = nullptr;
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_rescore = nullptr;
    QSpinBox* m_rescoreBatches = nullptr;
    QPushButton* m_find = nullptr;
};

}  // namespace nas::widgets
