// How fast the predictor panel answers an edit: from the call a click's menu choice makes
// (PredictorPanel::editEdge) until the panel has painted the new cell, prediction, costs and
// verdict, over N edits, with a GCN of the default size (3 members, 4 layers of 144) fitted to a
// synthetic target. Prints the median and the longest (aim: under 100 ms). Needs a display or
// QT_QPA_PLATFORM=offscreen.
//   usage: bench_predictor_panel [edits=50] [architectures=100] [epochs=10]
#include <QApplication>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "predictor/architecture_sampler.h"
#include "predictor/cell_edit.h"
#include "predictor/predictor.h"
#include "widgets/predictor_panel.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const int edits = argc > 1 ? std::atoi(argv[1]) : 50;
    const int architectures = argc > 2 ? std::atoi(argv[2]) : 100;
    const int epochs = argc > 3 ? std::atoi(argv[3]) : 10;
    const nas::space::SpaceConfig space;

    // The target: separable convolutions reading input 0, a pattern on the graph.
    nas::predictor::TrainingSet data;
    nas::predictor::ArchitectureSampler sampler(space, 1);
    data.genotypes = sampler.sampleDistinct(architectures);
    for (const auto& g : data.genotypes) {
        double score = 0.5;
        for (const auto* cell : {&g.normal, &g.reduce})
            for (const auto& e : cell->edges)
                if (e.from == 0 && e.op.rfind("sep_conv", 0) == 0) score += 0.03;
        data.scores.push_back(score);
    }
    nas::predictor::PredictorOptions options;
    options.epochs = epochs;
    auto predictor = std::make_shared<nas::predictor::Predictor>(space);
    const auto fitStart = Clock::now();
    predictor->fit(data, options);
    std::printf("fitted a GCN ensemble of %d on %d architectures, %d epochs, in %.1f s\n",
                options.members, architectures, epochs, ms(Clock::now() - fitStart) / 1000);

    nas::widgets::PredictorPanel panel;
    panel.resize(1240, 820);
    panel.show();
    QObject::connect(&panel, &nas::widgets::PredictorPanel::runChosen, &panel, [&](std::int64_t) {
        nas::widgets::PredictorRunCells cells;
        cells.space = space;
        cells.derived = *nas::space::publishedGenotype("DARTS_V2");
        panel.setRunCells(cells);
        nas::widgets::PanelPredictor gcn;
        gcn.summary = predictor->summary();
        gcn.predict = [predictor](const nas::space::Genotype& g) { return predictor->predict(g); };
        panel.setPredictors({gcn});
    });
    panel.setRuns({{1, QStringLiteral("bench"), true, true, false}});
    panel.chooseRun(1);
    for (int i = 0; i < 20; ++i) QApplication::processEvents();

    std::vector<double> times, updates;
    const auto normalOps = nas::predictor::editableOps(space, false);
    for (int i = 0; i < edits; ++i) {
        nas::predictor::EdgeEdit edit;
        edit.reduction = i % 2 == 1;
        const auto& cell = edit.reduction ? panel.genotype()->reduce : panel.genotype()->normal;
        edit.edge = (i / 2) % static_cast<int>(cell.edges.size());
        // The next op after the edge's own: every edit changes the cell.
        const auto current = std::find(normalOps.begin(), normalOps.end(),
                                       cell.edges[static_cast<std::size_t>(edit.edge)].op);
        edit.op =
            normalOps[static_cast<std::size_t>(current - normalOps.begin() + 1) % normalOps.size()];
        const auto start = Clock::now();
        if (!panel.editEdge(edit)) {
            std::fprintf(stderr, "edit %d refused: %s\n", i, qPrintable(panel.messageText()));
            return 1;
        }
        updates.push_back(ms(Clock::now() - start));
        panel.repaint();  // paints the panel, its drawing and its labels now
        QApplication::processEvents();
        times.push_back(ms(Clock::now() - start));
    }
    std::vector<double> predictOnly;
    for (int i = 0; i < edits; ++i) {
        const auto start = Clock::now();
        (void)predictor->predict(*panel.genotype());
        predictOnly.push_back(ms(Clock::now() - start));
    }
    std::printf(
        "edit to displayed prediction over %d edits: median %.1f ms, max %.1f ms "
        "(aim: < 100 ms); before painting (drawing, costs, prediction): median %.1f ms; the "
        "prediction alone: median %.1f ms\n",
        edits, median(times), *std::max_element(times.begin(), times.end()), median(updates),
        median(predictOnly));
    return 0;
}
