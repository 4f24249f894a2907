#pragma once
// The look every curves view shares: a bold title row, axis labels, the legend in a row of its own
// under the axes (so it never covers a curve), drag and zoom.
#include <QColor>
#include <QString>

class QCustomPlot;
class QCPGraph;
class QWidget;

namespace nas::widgets {

[[nodiscard]] QCustomPlot* makeCurvePlot(QWidget* parent, const QString& objectName,
                                         const QString& title, const QString& xLabel,
                                         const QString& yLabel);
// A named line; `points` marks each value with a dot (per-epoch figures).
QCPGraph* addCurve(QCustomPlot* plot, const QString& name, const QColor& color, bool points);

}  // namespace nas::widgets
