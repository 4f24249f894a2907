#include "widgets/memory_estimate.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include "space/cost_model.h"

namespace nas::widgets {

double estimateSupernetActivationBytes(const engine::SearchConfig& config) {
    const space::SpaceConfig& space = config.space;
    constexpr double kBytesPerFloat = 4.0;
    constexpr double kForwardBackwardFactor = 3.0;
    const double edges = space.edgesPerCell();
    double perImage = 0;  // floats per image, summed over cells
    // The supernet concatenates every intermediate node, so the concat width is the node count.
    for (const space::CellShape& cell : space::cellShapes(space, space.nodes)) {
        const double ops =
            static_cast<double>(cell.reduction ? space.reduceOps.size() : space.normalOps.size());
        perImage += edges * ops * cell.c * static_cast<double>(cell.outH) * cell.outW;
    }
    return config.batchSize * perImage * kBytesPerFloat * kForwardBackwardFactor;
}

std::optional<double> availableMemoryBytes(const QString& meminfoPath) {
    QFile file(meminfoPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return std::nullopt;
    static const QRegularExpression kLine(QStringLiteral("^MemAvailable:\\s+(\\d+)\\s*kB"));
    QTextStream in(&file);
    for (QString line = in.readLine(); !line.isNull(); line = in.readLine()) {
        const QRegularExpressionMatch match = kLine.match(line);
        if (match.hasMatch()) return match.captured(1).toDouble() * 1024.0;
    }
    return std::nullopt;
}

bool gpuDevicePresent() {
    return QFile::exists(QStringLiteral("/dev/nvidiactl")) ||
           QFile::exists(QStringLiteral("/dev/nvidia0"));
}

bool fitsInMemory(double estimateBytes, double availableBytes) {
    return estimateBytes <= availableBytes * kUsableMemoryFraction;
}

}  // namespace nas::widgets
