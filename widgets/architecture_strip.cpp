#include "widgets/architecture_strip.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>
#include <algorithm>
#include <set>
#include <utility>

#include "widgets/qt_text.h"

namespace nas::widgets {
namespace {

constexpr qreal kBoxWidth = 92;
constexpr qreal kBoxHeight = 40;
constexpr qreal kGap = 26;
constexpr qreal kArcRoom = 46;  // above the boxes, for skip arcs and their labels
constexpr qreal kMargin = 8;

void arrowHead(QPainter& painter, QPointF tip, QPointF from) {
    const QLineF back(tip, from);
    QLineF a = back, b = back;
    a.setLength(7);
    b.setLength(7);
    a.setAngle(back.angle() + 25);
    b.setAngle(back.angle() - 25);
    painter.drawLine(a);
    painter.drawLine(b);
}

}  // namespace

ArchitectureStrip::ArchitectureStrip(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(static_cast<int>(kArcRoom + kBoxHeight + 2 * kMargin));
}

void ArchitectureStrip::setPicture(const space::ArchitecturePicture& picture) {
    m_group = picture.groups.empty() ? space::PictureGroup{} : picture.groups.front();
    // Inside a scroll area the strip keeps the size it is given: take the drawing's own.
    resize(sizeHint().expandedTo(minimumSize()));
    updateGeometry();
    update();
}

int ArchitectureStrip::indexOf(const std::string& id) const {
    for (std::size_t i = 0; i < m_group.nodes.size(); ++i)
        if (m_group.nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

std::vector<bool> ArchitectureStrip::arcs() const {
    // An edge that jumps ahead, or a second edge between neighbours (a skip around one layer).
    std::vector<bool> arcs;
    std::set<std::pair<int, int>> drawn;
    for (const auto& e : m_group.edges) {
        const int from = indexOf(e.from), to = indexOf(e.to);
        arcs.push_back(to - from != 1 || !drawn.insert({from, to}).second);
    }
    return arcs;
}

int ArchitectureStrip::arcCount() const {
    const auto all = arcs();
    return static_cast<int>(std::count(all.begin(), all.end(), true));
}

QRectF ArchitectureStrip::boxOf(int index) const {
    return {kMargin + index * (kBoxWidth + kGap), kMargin + kArcRoom, kBoxWidth, kBoxHeight};
}

QSize ArchitectureStrip::sizeHint() const {
    const auto n = static_cast<qreal>(m_group.nodes.size());
    return {static_cast<int>(2 * kMargin + n * kBoxWidth + std::max<qreal>(0, n - 1) * kGap),
            static_cast<int>(2 * kMargin + kArcRoom + kBoxHeight)};
}

void ArchitectureStrip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paint(painter, rect());
}

bool ArchitectureStrip::exportPng(const QString& path, double scale) const {
    const QSize size = sizeHint();
    QImage image(size * scale, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.scale(scale, scale);
        paint(painter, QRect(QPoint(0, 0), size));
    }
    return image.save(path, "PNG");
}

bool ArchitectureStrip::exportSvg(const QString& path) const {
    const QSize size = sizeHint();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(tr("Network"));
    svg.setDescription(tr("Layer network drawn by NAS Studio"));
    QPainter painter;
    if (!painter.begin(&svg)) return false;
    paint(painter, QRect(QPoint(0, 0), size));
    return painter.end();
}

void ArchitectureStrip::paint(QPainter& painter, const QRect& area) const {
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(area, palette().base());
    if (m_group.nodes.empty()) {
        painter.drawText(area, Qt::AlignCenter, tr("No network derived yet."));
        return;
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    const QPen line(palette().text().color(), 1.2);
    const auto arcEdges = arcs();
    for (std::size_t i = 0; i < m_group.edges.size(); ++i) {
        const auto& edge = m_group.edges[i];
        const int from = indexOf(edge.from), to = indexOf(edge.to);
        if (from < 0 || to < 0) continue;
        painter.setPen(line);
        if (!arcEdges[i]) {
            const QPointF start(boxOf(from).right(), boxOf(from).center().y());
            const QPointF end(boxOf(to).left(), boxOf(to).center().y());
            painter.drawLine(start, end);
            arrowHead(painter, end, start);
            continue;
        }
        // A skip: an arc over the boxes between, from the top of one box to the top of the other.
        const QPointF start(boxOf(from).center().x(), boxOf(from).top());
        const QPointF end(boxOf(to).center().x() - 6, boxOf(to).top());
        const qreal lift = std::min(kArcRoom - 6, 14.0 + 6.0 * (to - from));
        QPainterPath arc(start);
        arc.cubicTo(start + QPointF(0, -lift), end + QPointF(0, -lift), end);
        painter.setPen(QPen(QColor(0x1e, 0x88, 0xe5), 1.4, Qt::DashLine));
        painter.drawPath(arc);
        painter.setPen(QPen(QColor(0x1e, 0x88, 0xe5), 1.4));
        arrowHead(painter, end, end + QPointF(0, -10));
        painter.drawText(QRectF((start.x() + end.x()) / 2 - 40, start.y() - lift - 2, 80, 14),
                         Qt::AlignCenter, toQString(edge.label));
    }
    for (std::size_t i = 0; i < m_group.nodes.size(); ++i) {
        const auto box = boxOf(static_cast<int>(i));
        painter.setPen(QPen(palette().text().color(), 1));
        painter.setBrush(i == 0 || i + 1 == m_group.nodes.size() ? QColor(0xee, 0xee, 0xee)
                                                                 : QColor(0xff, 0xf3, 0xe0));
        painter.drawRoundedRect(box, 5, 5);
        painter.drawText(box.adjusted(3, 2, -3, -2), Qt::AlignCenter | Qt::TextWordWrap,
                         toQString(m_group.nodes[i].label));
    }
}

}  // namespace nas::widgets
