#include "widgets/best_candidates_model.h"

#include <QGuiApplication>
#include <QLocale>
#include <QStringList>

#include "widgets/cell_labels.h"
#include "widgets/cell_thumbnail.h"
#include "widgets/number_format.h"
#include "widgets/qt_text.h"

namespace nas::widgets {

BestCandidatesModel::BestCandidatesModel(QObject* parent) : QAbstractTableModel(parent) {}

void BestCandidatesModel::setCandidates(std::vector<BestCandidate> candidates) {
    beginResetModel();
    m_candidates = std::move(candidates);
    m_thumbnails.assign(m_candidates.size() * 2, QPixmap());
    endResetModel();
}

const BestCandidate& BestCandidatesModel::candidate(int row) const {
    return m_candidates.at(static_cast<std::size_t>(row));
}

bool BestCandidatesModel::hasValues(Column column) const {
    for (const auto& c : m_candidates) {
        if (column == kLatency && c.latencyMs) return true;
        if (column == kSupernet && c.supernetScore) return true;
        if (column != kLatency && column != kSupernet) return true;
    }
    return false;
}

int BestCandidatesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_candidates.size());
}

int BestCandidatesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumnCount;
}

const QPixmap& BestCandidatesModel::thumbnail(int row, bool reduce) const {
    QPixmap& pixmap = m_thumbnails[static_cast<std::size_t>(row) * 2 + (reduce ? 1 : 0)];
    if (pixmap.isNull()) {
        const auto& genotype = candidate(row).genotype;
        pixmap = cellThumbnail(reduce ? genotype.reduce : genotype.normal, thumbnailSize(),
                               qApp ? qApp->devicePixelRatio() : 1.0);
    }
    return pixmap;
}

QVariant BestCandidatesModel::displayText(const BestCandidate& c, int row, int column) const {
    switch (column) {
        case kRank:
            return row + 1;
        case kPredicted:
            return tr("%1 ± %2").arg(formatPercent(c.prediction.mean),
                                     formatSignificant(100.0 * c.prediction.std, 2));
        case kParams:
            return formatCount(c.cost.params);
        case kFlops:
            return formatCount(c.cost.flops);
        case kMac:
            return formatCount(c.cost.mac);
        case kLatency:
            return c.latencyMs ? tr("%1 ms").arg(formatSignificant(*c.latencyMs)) : QVariant();
        case kSupernet:
            return c.supernetScore ? formatPercent(*c.supernetScore) : QVariant();
        default:
            return {};
    }
}

QVariant BestCandidatesModel::sortValue(const BestCandidate& c, int row, int column) const {
    switch (column) {
        case kPredicted:
            return c.prediction.mean;
        case kParams:
            return c.cost.params;
        case kFlops:
            return c.cost.flops;
        case kMac:
            return c.cost.mac;
        case kLatency:
            return c.latencyMs ? QVariant(*c.latencyMs) : QVariant();
        case kSupernet:
            return c.supernetScore ? QVariant(*c.supernetScore) : QVariant();
        default:  // rank, and the drawings (which have no order of their own)
            return row + 1;
    }
}

QVariant BestCandidatesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const int row = index.row(), column = index.column();
    const BestCandidate& c = candidate(row);
    switch (role) {
        case Qt::DisplayRole:
            return displayText(c, row, column);
        case kSortRole:
            return sortValue(c, row, column);
        case kCandidateRole:
            return row;
        case Qt::DecorationRole:
            if (column == kNormalCell || column == kReduceCell)
                return thumbnail(row, column == kReduceCell);
            return {};
        case Qt::SizeHintRole:
            if (column == kNormalCell || column == kReduceCell)
                return thumbnailSize() + QSize(8, 6);
            return {};
        case Qt::ToolTipRole:
            if (column == kNormalCell) return cellSummary(c.genotype.normal);
            if (column == kReduceCell) return cellSummary(c.genotype.reduce);
            if (column == kPredicted)
                return tr("Predicted accuracy %1; the ensemble's members spread by %2 points")
                    .arg(formatPercent(c.prediction.mean),
                         formatSignificant(100.0 * c.prediction.std, 2));
            if (column == kParams)
                return tr("%1 parameters").arg(QLocale().toString(c.cost.params, 'f', 0));
            return {};
        case Qt::TextAlignmentRole:
            if (column == kNormalCell || column == kReduceCell) return {};
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
    }
}

QVariant BestCandidatesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
            case kPredicted:
                return tr("The predictor's estimate of the accuracy, ± the spread of its members");
            case kMac:
                return tr("Elements read and written in one forward pass");
            case kLatency:
                return tr("Measured latency of one forward pass");
            case kSupernet:
                return tr("Accuracy with the search's shared weights, scored again on more data");
            default:
                return {};
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
        case kRank:
            return tr("Rank");
        case kNormalCell:
            return tr("Normal cell");
        case kReduceCell:
            return tr("Reduction cell");
        case kPredicted:
            return tr("Predicted accuracy");
        case kParams:
            return tr("Params");
        case kFlops:
            return tr("FLOPs");
        case kMac:
            return tr("Memory access");
        case kLatency:
            return tr("Latency");
        case kSupernet:
            return tr("Supernet score");
        default:
            return {};
    }
}

QString BestCandidatesModel::cellSummary(const space::CellGenotype& cell) {
    QStringList nodes;
    for (int node = 0; node < cell.nodeCount(); ++node) {
        QStringList inputs;
        for (const auto& e : cell.edgesInto(node))
            inputs << QStringLiteral("%1 (%2)").arg(toQString(e.op), stateLabel(e.from));
        nodes << tr("node %1: %2").arg(node).arg(inputs.join(QStringLiteral(", ")));
    }
    return nodes.join(QStringLiteral("; "));
}

}  // namespace nas::widgets
