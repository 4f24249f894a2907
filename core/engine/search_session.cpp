#include "engine/search_session.h"

#include <chrono>
#include <cmath>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "data/tensor_data.h"
#include "engine/checkpoint.h"
#include "engine/datasets.h"
#include "engine/runtime.h"
#include "engine/workspace.h"
#include "search/strategy.h"
#include "space/derived_network.h"
#include "space/latency.h"
#include "store/run_store.h"

namespace nas::engine {
namespace {

using Clock = std::chrono::steady_clock;

// Lets an event through at most `hz` times per second.
class RateLimiter {
public:
    explicit RateLimiter(double hz) : m_interval(std::chrono::duration<double>(1.0 / hz)) {}
    bool ready() {
        const auto now = Clock::now();
        if (m_primed && now - m_last < m_interval) return false;
        m_primed = true;
        m_last = now;
        return true;
    }

private:
    std::chrono::duration<double> m_interval;
    Clock::time_point m_last;
    bool m_primed = false;
};

CellAlphas cellAlphas(const torch::Tensor& probs, const std::vector<std::string>& ops) {
    CellAlphas cell;
    cell.ops = ops;
    const auto p = probs.to(torch::kDouble).contiguous();
    const auto acc = p.accessor<double, 2>();
    for (int64_t e = 0; e < p.size(0); ++e) {
        std::vector<double> row(static_cast<size_t>(p.size(1)));
        for (int64_t k = 0; k < p.size(1); ++k) row[static_cast<size_t>(k)] = acc[e][k];
        cell.probs.push_back(std::move(row));
    }
    return cell;
}

struct Evaluation {
    double loss = 0;
    double accuracy = 0;
};

}  // namespace

struct SearchSession::Impl {
    std::optional<SearchConfig> newConfig;
    std::int64_t resumeRunId = 0;
    Workspace workspace;

    SearchConfig config;
    std::int64_t runId = 0;
    std::unique_ptr<store::RunStore> store;
    torch::Device device{torch::kCPU};
    std::unique_ptr<search::SearchStrategy> strategy;
    std::unique_ptr<data::BatchLoader> trainLoader;  // trains weights (augmented)
    std::unique_ptr<data::BatchLoader> validLoader;  // trains the architecture (augmented)
    std::unique_ptr<data::BatchLoader> evalLoader;   // validation metrics (plain)
    CheckpointPosition position;
    std::vector<StepEvent> pendingSteps;

    explicit Impl(std::string root) : workspace(std::move(root)) {}

    void prepare(SearchObserver& observer);
    void loadData();
    void loop(SearchObserver& observer, SearchControl& control);
    void finishEpoch(int epoch, double seconds, SearchObserver& observer);
    Evaluation evaluate(const space::Genotype& genotype, int maxBatches);
    AlphaSnapshot snapshot(std::int64_t step, int epoch) const;
    double derivedLatencyMs(const space::Genotype& genotype) const;
    void checkpoint(const CheckpointPosition& p);
    void flushSteps();
    int stepsPerEpoch() const;
};

SearchSession::SearchSession(SearchConfig config, std::string workspaceRoot)
    : m_impl(std::make_unique<Impl>(std::move(workspaceRoot))) {
    m_impl->newConfig = std::move(config);
}

SearchSession::SearchSession(std::int64_t runId, std::string workspaceRoot)
    : m_impl(std::make_unique<Impl>(std::move(workspaceRoot))) {
    m_impl->resumeRunId = runId;
}

SearchSession::~SearchSession() = default;

void SearchSession::Impl::loadData() {
    // Half of the training images train the weights, the other half the architecture (DARTS).
    const auto images = loadImages(config.dataset, data::Split::Train, config.seed);
    const auto stats = data::channelStats(images);
    auto [weightPart, archPart] = data::splitSet(images, 1.0 - config.dataset.validFraction, config.seed);
    if (weightPart.count < config.batchSize || archPart.count < config.batchSize)
        throw std::runtime_error("the dataset is too small for batch size " + std::to_string(config.batchSize) + ": " +
                                 std::to_string(weightPart.count) + " images train the weights and " +
                                 std::to_string(archPart.count) + " the architecture");
    auto weightTensors = data::toTensors(weightPart, stats, device);
    auto archTensors = data::toTensors(archPart, stats, device);
    trainLoader = std::make_unique<data::BatchLoader>(weightTensors, config.batchSize, true, config.dataset.augment, config.seed);
    validLoader = std::make_unique<data::BatchLoader>(archTensors, config.batchSize, true, config.dataset.augment, config.seed + 1);
    evalLoader = std::make_unique<data::BatchLoader>(archTensors, config.batchSize, false, false, config.seed);
}

int SearchSession::Impl::stepsPerEpoch() const {
    const int available = std::min(trainLoader->batchCount(), validLoader->batchCount());
    return config.stepsPerEpoch > 0 ? std::min(config.stepsPerEpoch, available) : available;
}

void SearchSession::Impl::prepare(SearchObserver& observer) {
    store = std::make_unique<store::RunStore>(workspace.databasePath());
    if (newConfig) {
        config = *newConfig;
    } else {
        const auto record = store->findRun(resumeRunId);
        if (!record) throw std::runtime_error("there is no run " + std::to_string(resumeRunId) + " in " + store->path());
        if (record->status == RunStatus::Finished)
            throw std::runtime_error("run " + std::to_string(resumeRunId) + " has already finished");
        if (record->status == RunStatus::Running || record->status == RunStatus::Paused)
            throw std::runtime_error("run " + std::to_string(resumeRunId) + " is still " + toString(record->status) +
                                     " in another process");
        config = parseSearchConfigText(record->configJson);
        runId = resumeRunId;
    }
    configureThreads(config.threads);
    device = resolveDevice(config.device);
    // Data first: a missing or corrupt dataset must not leave a run behind.
    loadData();
    torch::manual_seed(config.seed);
    strategy = search::makeStrategy(config, device);
    strategy->setConstraints(config.constraints);
    if (newConfig) {
        store::NewRun run;
        run.name = config.name.empty() ? config.strategy + " on " + config.dataset.name : config.name;
        run.strategy = config.strategy;
        run.dataset = config.dataset.name;
        run.configJson = toJson(config).dump();
        run.device = describeDevice(device);
        run.version = studioVersion();
        run.seed = config.seed;
        runId = store->createRun(run);
    } else {
        store->claimRun(runId);
        const auto last = store->latestCheckpoint(runId);
        if (last && std::filesystem::exists(last->path)) {
            position = loadCheckpoint(last->path, *strategy, device);
            // Rows written after the checkpoint belong to work that is about to be redone.
            store->discardFrom(runId, position.epoch, position.globalStep);
            observer.onLog("resuming run " + std::to_string(runId) + " at epoch " + std::to_string(position.epoch + 1) +
                           ", step " + std::to_string(position.step + 1));
        } else {
            store->discardFrom(runId, 0, 0);
            observer.onLog("run " + std::to_string(runId) + " has no checkpoint yet; starting it again from the beginning");
        }
    }
}

AlphaSnapshot SearchSession::Impl::snapshot(std::int64_t step, int epoch) const {
    AlphaSnapshot s;
    s.step = step;
    s.epoch = epoch;
    s.normal = cellAlphas(strategy->probabilities(false), config.space.normalOps);
    s.reduce = cellAlphas(strategy->probabilities(true), config.space.reduceOps);
    return s;
}

double SearchSession::Impl::derivedLatencyMs(const space::Genotype& genotype) const {
    space::DerivedNetwork net(genotype, config.space, false);
    net->to(device);
    net->eval();
    const auto& in = config.space.input;
    const auto input = torch::randn({1, in.channels, in.height, in.width}, torch::TensorOptions().device(device));
    return space::measureLatencyMs([&] { (void)net->forward(input); }, device);
}

void SearchSession::Impl::flushSteps() {
    if (pendingSteps.empty()) return;
    store->recordSteps(runId, pendingSteps);
    pendingSteps.clear();
}

void SearchSession::Impl::checkpoint(const CheckpointPosition& p) {
    const auto path = workspace.checkpointPath(runId);
    saveCheckpoint(path, *strategy, p);
    // The store names the last completed epoch the checkpoint contains.
    store->recordCheckpoint(runId, p.epoch - 1, path);
}

Evaluation SearchSession::Impl::evaluate(const space::Genotype& genotype, int maxBatches) {
    // Sub-network accuracy with the shared weights. Batch norm runs on batch statistics: the
    // supernet's running averages mix every op and would misjudge a single sub-network.
    torch::NoGradGuard noGrad;
    Evaluation ev;
    const int batches = std::min(maxBatches, evalLoader->batchCount());
    for (int i = 0; i < batches; ++i) {
        const auto b = evalLoader->batch(i);
        const auto logits = strategy->subnetLogits(genotype, b.images);
        ev.loss += torch::cross_entropy_loss(logits, b.labels).item<double>();
        ev.accuracy += logits.argmax(1).eq(b.labels).to(torch::kDouble).mean().item<double>();
    }
    if (batches > 0) {
        ev.loss /= batches;
        ev.accuracy /= batches;
    }
    return ev;
}

void SearchSession::Impl::finishEpoch(int epoch, double seconds, SearchObserver& observer) {
    flushSteps();
    strategy->endEpoch(epoch, [this](const space::Genotype& g) { return evaluate(g, 4).accuracy; });
    const auto sampled = strategy->takeSampled();
    if (!sampled.empty()) {
        store->recordArchitectures(runId, sampled);
        observer.onSampled(sampled);
    }
    EpochMetrics m;
    m.epoch = epoch;
    m.trainLoss = position.stepsCounted ? position.lossSum / position.stepsCounted : 0.0;
    m.trainAccuracy = position.stepsCounted ? position.accuracySum / position.stepsCounted : 0.0;
    m.genotype = strategy->derive();
    const auto ev = evaluate(m.genotype, 64);
    m.validLoss = ev.loss;
    m.validAccuracy = ev.accuracy;
    m.temperature = strategy->temperature();
    m.learningRate = strategy->learningRate();
    m.seconds = seconds;
    m.cost = space::networkCost(m.genotype, config.space, false);
    store->recordEpoch(runId, m);
    const auto alphas = snapshot(position.globalStep, epoch);
    store->recordAlphas(runId, alphas);
    observer.onAlphas(alphas);
    observer.onEpoch(m);
    for (const auto& broken : config.constraints.violations(m.cost))
        observer.onLog("epoch " + std::to_string(epoch + 1) + ": the derived cell breaks the " + broken + " limit");
    if (config.constraints.maxLatencyMs) {
        const double ms = derivedLatencyMs(m.genotype);
        observer.onLog("epoch " + std::to_string(epoch + 1) + ": derived network latency " + std::to_string(ms) +
                       " ms at batch 1" + (ms > *config.constraints.maxLatencyMs ? ", above the limit" : ""));
    }
}

void SearchSession::Impl::loop(SearchObserver& observer, SearchControl& control) {
    const int steps = stepsPerEpoch();
    if (steps < 1) throw std::runtime_error("no full batch fits in the data: lower batch_size");
    const std::int64_t totalSteps = static_cast<std::int64_t>(steps) * config.epochs;
    RateLimiter events(config.eventRateHz), storedAlphas(1.0);
    double secondsPerStep = 0;
    observer.onStarted(runId, config, position.epoch);
    observer.onStatus(RunStatus::Running, {});
    for (int epoch = position.epoch; epoch < config.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        strategy->beginEpoch(epoch);
        trainLoader->beginEpoch(epoch);
        validLoader->beginEpoch(epoch);
        // Each epoch starts from a seed of its own, so a run resumed at an epoch boundary
        // draws the same random numbers as one that never stopped.
        if (position.step == 0) torch::manual_seed(config.seed * 1000003ULL + static_cast<std::uint64_t>(epoch));
        for (int step = position.step; step < steps; ++step) {
            control.waitWhilePaused(
                [&] {
                    flushSteps();
                    store->setStatus(runId, RunStatus::Paused);
                    observer.onStatus(RunStatus::Paused, {});
                },
                [&] {
                    store->setStatus(runId, RunStatus::Running);
                    observer.onStatus(RunStatus::Running, {});
                });
            if (control.stopRequested()) {
                flushSteps();
                checkpoint(position);
                return;
            }
            if (auto constraints = control.takeConstraints()) {
                strategy->setConstraints(*constraints);
                config.constraints = *constraints;
                store->recordConstraintChange(runId, position.globalStep, *constraints);
                observer.onConstraints(position.globalStep, *constraints);
                observer.onLog("constraints changed at step " + std::to_string(position.globalStep));
            }
            const auto stepStart = Clock::now();
            const auto result = strategy->step(trainLoader->batch(step), validLoader->batch(step % validLoader->batchCount()));
            if (!std::isfinite(result.loss))
                throw std::runtime_error("the loss became " + std::to_string(result.loss) + " at epoch " +
                                         std::to_string(epoch + 1) + ", step " + std::to_string(step + 1) +
                                         ": the search diverged; lower weights_optimizer.lr or the constraint strength");
            const double took = std::chrono::duration<double>(Clock::now() - stepStart).count();
            secondsPerStep = secondsPerStep == 0 ? took : 0.9 * secondsPerStep + 0.1 * took;
            position.lossSum += result.loss;
            position.accuracySum += result.accuracy;
            ++position.stepsCounted;
            position.step = step + 1;

            StepEvent ev;
            ev.step = position.globalStep++;
            ev.epoch = epoch;
            ev.stepInEpoch = step;
            ev.stepsPerEpoch = steps;
            ev.loss = result.loss;
            ev.accuracy = result.accuracy;
            ev.temperature = strategy->temperature();
            ev.secondsPerStep = secondsPerStep;
            ev.etaSeconds = secondsPerStep * static_cast<double>(totalSteps - position.globalStep);
            pendingSteps.push_back(ev);
            if (events.ready()) {
                observer.onStep(ev);
                const auto alphas = snapshot(ev.step, epoch);
                observer.onAlphas(alphas);
                flushSteps();
                if (storedAlphas.ready()) store->recordAlphas(runId, alphas);
            }
            if (control.takeCheckpointRequest()) {
                flushSteps();
                checkpoint(position);
                observer.onLog("checkpoint saved at epoch " + std::to_string(epoch + 1) + ", step " + std::to_string(step + 1));
            }
        }
        finishEpoch(epoch, std::chrono::duration<double>(Clock::now() - epochStart).count(), observer);
        position.epoch = epoch + 1;
        position.step = 0;
        position.lossSum = position.accuracySum = 0;
        position.stepsCounted = 0;
        checkpoint(position);
    }
}

SearchOutcome SearchSession::run(SearchObserver& observer, SearchControl& control) {
    auto& d = *m_impl;
    SearchOutcome outcome;
    auto fail = [&](const std::string& message) {
        outcome.status = RunStatus::Failed;
        outcome.message = message;
        if (d.store && d.runId > 0) {
            try {
                d.store->setStatus(d.runId, RunStatus::Failed, message);
            } catch (const std::exception&) {
                // The store itself failing leaves the run for the next open to mark interrupted.
            }
        }
        observer.onStatus(RunStatus::Failed, message);
    };
    try {
        d.prepare(observer);
        outcome.runId = d.runId;
        d.loop(observer, control);
        outcome.status = control.stopRequested() ? RunStatus::Stopped : RunStatus::Finished;
        d.store->setStatus(d.runId, outcome.status);
        observer.onStatus(outcome.status, {});
    } catch (const std::bad_alloc&) {
        outcome.runId = d.runId;
        fail("out of memory: lower batch_size, space.channels or space.layers");
    } catch (const c10::Error& e) {
        outcome.runId = d.runId;
        fail(e.what_without_backtrace());
    } catch (const std::exception& e) {
        outcome.runId = d.runId;
        fail(e.what());
    }
    return outcome;
}

}  // namespace nas::engine
