#pragma once
// A chain-shaped architecture (a layer-level network) drawn left to right: one box per node of the
// space's picture, arrows between neighbours, and arcs above for edges that jump ahead (skips).
// Takes the plain picture any search space gives (space/search_space.h).
#include <QString>
#include <QWidget>
#include <vector>

#include "space/search_space.h"

class QPainter;

namespace nas::widgets {

class ArchitectureStrip final : public QWidget {
    Q_OBJECT
  public:
    explicit ArchitectureStrip(QWidget* parent = nullptr);

    // The picture's first group; an empty picture clears the strip.
    void setPicture(const space::ArchitecturePicture& picture);
    void clear() { setPicture({}); }

    [[nodiscard]] int nodeCount() const { return static_cast<int>(m_group.nodes.size()); }
    // Edges drawn as arcs: to a node that is not the next one, or a second edge to the next one.
    [[nodiscard]] int arcCount() const;
    [[nodiscard]] QSize sizeHint() const override;
    // The whole drawing, at `scale` times its size for a PNG; false when the file cannot be
    // written.
    bool exportPng(const QString& path, double scale = 2.0) const;
    bool exportSvg(const QString& path) const;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    void paint(QPainter& painter, const QRect& area) const;
    [[nodiscard]] int indexOf(const std::string& id) const;
    // Per edge, whether it is drawn as an arc over the boxes.
    [[nodiscard]] std::vector<bool> arcs() const;
    [[nodiscard]] QRectF boxOf(int index) const;

    space::PictureGroup m_group;
};

}  // namespace nas::widgets
