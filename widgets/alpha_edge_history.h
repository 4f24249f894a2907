#pragma once
// Stacked areas of one edge's op probabilities over the search: the band heights at a step are
// that step's distribution, so a band that widens is an op the search comes to prefer.
#include <qcustomplot.h>

#include <string>
#include <vector>

namespace nas::widgets {

class AlphaEdgeHistory final : public QCustomPlot {
    Q_OBJECT
  public:
    explicit AlphaEdgeHistory(QWidget* parent = nullptr);

    // Drops the data and sets up one band per op.
    void reset(const std::vector<std::string>& ops, const QString& title);
    // One more moment: `probs` in the order of reset()'s ops.
    void append(double step, const std::vector<double>& probs);
    // Marks the scrubbed moment with a vertical line.
    void setMarker(double step);
    // Rescales to the data and schedules one repaint.
    void refresh();
    [[nodiscard]] int pointCount() const;

  private:
    std::vector<QCPGraph*> m_bands;
    QCPItemStraightLine* m_marker = nullptr;
    QCPTextElement* m_title = nullptr;
};

}  // namespace nas::widgets
