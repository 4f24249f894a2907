#include "engine/search_session.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "data/tensor_data.h"
#include "engine/checkpoint.h"
#include "engine/checkpoint_files.h"
#include "engine/datasets.h"
#include "engine/error_text.h"
#include "engine/hidden_state_window.h"
#include "engine/run_recorder.h"
#include "engine/runtime.h"
#include "engine/workspace.h"
#include "parallel/rank_group.h"
#include "parallel/strategy_ranks.h"
#include "search/registry/strategy_registry.h"
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

// Seconds per step for the ETA. The first step of a session pays for warm-up (allocations, thread
// pools, caches) and can take many times longer than the rest: it only stands in until a second
// one is timed. Then a plain mean over the first steps, and an exponential average after them so
// the estimate still follows a machine whose load changes.
class StepTimeEstimate {
  public:
    double add(double seconds) {
        ++m_count;
        if (m_count == 1) return m_estimate = seconds;
        if (m_count <= kMeanSteps + 1) {
            m_sum += seconds;
            return m_estimate = m_sum / static_cast<double>(m_count - 1);
        }
        return m_estimate = 0.9 * m_estimate + 0.1 * seconds;
    }

  private:
    static constexpr int kMeanSteps = 10;
    int m_count = 0;
    double m_sum = 0;
    double m_estimate = 0;
};

struct Evaluation {
    double loss = 0;
    double accuracy = 0;
};

}  // namespace

struct SearchSession::Impl {
    std::optional<SearchConfig> newConfig;
    std::int64_t resumeRunId = 0;
    std::string workspaceRoot;
    std::optional<Workspace> workspace;  // opened (and created) only by the rank that records

    SessionRank rank;
    SearchConfig config;
    std::int64_t runId = 0;
    std::unique_ptr<store::RunStore> store;
    std::unique_ptr<RunRecorder> recorder;  // the store on rank 0, nothing on the others
    torch::Device device{torch::kCPU};
    std::unique_ptr<search::SearchStrategy> strategy;
    std::unique_ptr<data::BatchLoader> trainLoader;  // trains weights (augmented)
    std::unique_ptr<data::BatchLoader>
        validLoader;  // trains the architecture (augmented); none when single-level
    std::unique_ptr<data::BatchLoader>
        evalLoader;  // validation metrics (plain): architecture half or monitor split
    // The split images, for a strategy that trains networks of its own (StrategyContext).
    data::TensorSet trainImages;
    data::TensorSet validImages;
    const std::atomic<bool>* stopFlag = nullptr;  // the control's, for long steps
    bool stoppedByAnotherRank = false;
    // The strategy's search space; what the views get depends on it (cells, op distributions).
    const space::SearchSpace* space = nullptr;
    CheckpointPosition position;
    std::vector<StepEvent> pendingSteps;
    HiddenStateWindow hiddenStates;  // the study of a controller's samples, epoch by epoch

    Impl(std::string root, SessionRank r) : workspaceRoot(std::move(root)), rank(r) {}

    void prepare(SearchObserver& observer);
    // Every rank but 0: builds the same search (and loads rank 0's checkpoint) without writing.
    void prepareSilentRank(SearchObserver& observer);
    void build(SearchObserver& observer);  // threads, device, data and strategy from `config`
    void restoreCheckpoint(SearchObserver& observer);
    void loadData();
    void loop(SearchObserver& observer, SearchControl& control);
    // False when a stop request cut the epoch's scoring short (the position is checkpointed).
    bool finishEpoch(int epoch, double seconds, SearchObserver& observer, SearchControl& control);
    Evaluation evaluate(const space::Genotype& genotype, int maxBatches);
    // The derived architecture into `m`: genotype or JSON form, its validation figures and cost.
    void deriveInto(EpochMetrics& m);
    [[nodiscard]] bool searchesCells() const { return space->name() == space::kCellSpace; }
    search::BatchSource batches(const data::BatchLoader& loader) const;
    AlphaSnapshot snapshot(std::int64_t step, int epoch) const;
    double derivedLatencyMs(const space::Genotype& genotype) const;
    // A shard of `set` for this rank (all of it in a single-process search, or when `shard` is
    // false). `batchSize` 0: the search's.
    std::unique_ptr<data::BatchLoader> loader(data::TensorSet set, bool shuffle, bool augment,
                                              std::uint64_t seed, int batchSize = 0,
                                              bool shard = true) const;
    // Whether to stop before the next step; in a data-parallel job, whether any rank stops.
    bool stopBeforeStep(SearchControl& control);
    [[nodiscard]] int evaluationBatchSize() const;
    void flushSteps();
    int stepsPerEpoch() const;
    // Runs the queries posted since the last step (engine thread, between steps).
    void answerQueries(SearchControl& control);
    // Hands new constraints to the strategy, or refuses them when no network can meet them.
    void applyConstraints(const Constraints& constraints, SearchObserver& observer);
};

SearchSession::SearchSession(SearchConfig config, std::string workspaceRoot, SessionRank rank)
    : m_impl(std::make_unique<Impl>(std::move(workspaceRoot), rank)) {
    m_impl->newConfig = std::move(config);
}

SearchSession::SearchSession(std::int64_t runId, std::string workspaceRoot, SessionRank rank)
    : m_impl(std::make_unique<Impl>(std::move(workspaceRoot), rank)) {
    m_impl->resumeRunId = runId;
}

SearchSession::~SearchSession() = default;

void SearchSession::Impl::loadData() {
    const auto images = loadImages(config.dataset, data::Split::Train, config.seed);
    const auto stats = data::channelStats(images);
    if (isSingleLevel(config)) {
        // SNAS: every training image but a small held-out monitor split trains weights and
        // architecture together; the monitor split only feeds the validation metrics.
        const int monitor = monitorSplitSize(config, images.count);
        if (images.count < monitor + config.batchSize)
            throw std::runtime_error("the dataset is too small: " + std::to_string(images.count) +
                                     " training images cannot give snas.monitor_size " +
                                     std::to_string(monitor) +
                                     " to the monitor split and still fill a batch of " +
                                     std::to_string(config.batchSize));
        auto [trainPart, monitorPart] =
            data::splitSet(images, weightSplitFraction(config, images.count), config.seed);
        auto trainTensors = data::toTensors(trainPart, stats, device);
        auto monitorTensors = data::toTensors(monitorPart, stats, device);
        trainLoader = loader(trainTensors, true, config.dataset.augment, config.seed);
        validLoader.reset();
        evalLoader =
            loader(monitorTensors, false, false, config.seed, evaluationBatchSize(), false);
        trainImages = trainTensors;
        validImages = monitorTensors;
        return;
    }
    // Half of the training images train the weights, the other half the architecture (DARTS).
    auto [weightPart, archPart] =
        data::splitSet(images, weightSplitFraction(config, images.count), config.seed);
    if (weightPart.count < config.batchSize || archPart.count < config.batchSize)
        throw std::runtime_error(
            "the dataset is too small for batch size " + std::to_string(config.batchSize) + ": " +
            std::to_string(weightPart.count) + " images train the weights and " +
            std::to_string(archPart.count) + " the architecture");
    auto weightTensors = data::toTensors(weightPart, stats, device);
    auto archTensors = data::toTensors(archPart, stats, device);
    trainLoader = loader(weightTensors, true, config.dataset.augment, config.seed);
    validLoader = loader(archTensors, true, config.dataset.augment, config.seed + 1);
    // Every rank scores on the whole split: with the same weights they reach the same figures and
    // the same choices.
    evalLoader = loader(archTensors, false, false, config.seed, evaluationBatchSize(), false);
    trainImages = weightTensors;
    validImages = archTensors;
}

int SearchSession::Impl::evaluationBatchSize() const {
    return config.evaluation.batchSize > 0 ? config.evaluation.batchSize : config.batchSize;
}

std::unique_ptr<data::BatchLoader> SearchSession::Impl::loader(data::TensorSet set, bool shuffle,
                                                               bool augment, std::uint64_t seed,
                                                               int batchSize, bool shard) const {
    return std::make_unique<data::BatchLoader>(
        std::move(set), batchSize > 0 ? batchSize : config.batchSize, shuffle, augment, seed,
        shard ? data::Shard{rank.rank, rank.worldSize} : data::Shard{});
}

bool SearchSession::Impl::stopBeforeStep(SearchControl& control) {
    const bool here = control.stopRequested();
    if (!rank.group) return here;
    const bool any = rank.group->anyRankStops(here);
    stoppedByAnotherRank = any && !here;
    return any;
}

int SearchSession::Impl::stepsPerEpoch() const {
    // A single-level search has no architecture loader: its epoch is one pass over the training
    // part.
    int available = validLoader ? std::min(trainLoader->batchCount(), validLoader->batchCount())
                                : trainLoader->batchCount();
    // A strategy that trains networks of its own counts its epoch in its own steps.
    if (const int own = strategy->stepsPerEpoch(); own > 0) available = own;
    return config.stepsPerEpoch > 0 ? std::min(config.stepsPerEpoch, available) : available;
}

void SearchSession::Impl::prepare(SearchObserver& observer) {
    if (!rank.records()) {
        prepareSilentRank(observer);
        return;
    }
    workspace.emplace(workspaceRoot);
    store = std::make_unique<store::RunStore>(workspace->databasePath());
    if (newConfig) {
        config = *newConfig;
        build(observer);
        store::NewRun run;
        run.name =
            config.name.empty() ? config.strategy + " on " + config.dataset.name : config.name;
        run.strategy = config.strategy;
        run.dataset = config.dataset.name;
        run.configJson = toJson(config).dump();
        run.device = describeDevice(device);
        run.version = studioVersion();
        run.seed = config.seed;
        runId = store->createRun(run);
        recorder = storeRecorder(*store, *workspace, runId);
        return;
    }
    const auto record = store->findRun(resumeRunId);
    if (!record)
        throw std::runtime_error("there is no run " + std::to_string(resumeRunId) + " in " +
                                 store->path());
    if (record->status == RunStatus::Finished)
        throw std::runtime_error("run " + std::to_string(resumeRunId) + " has already finished");
    if (record->status == RunStatus::Running || record->status == RunStatus::Paused)
        throw std::runtime_error("run " + std::to_string(resumeRunId) + " is still " +
                                 toString(record->status) + " in another process");
    config = parseSearchConfigText(record->configJson);
    // Taken before the slow part, so a second resume of the same run is refused rather than racing.
    store->claimRun(resumeRunId);
    try {
        build(observer);
        restoreCheckpoint(observer);
    } catch (...) {
        // A resume that never started (data gone, checkpoint unreadable) leaves the run as it was.
        store->setStatus(resumeRunId, record->status, record->error);
        throw;
    }
    runId = resumeRunId;
    recorder = storeRecorder(*store, *workspace, runId);
}

void SearchSession::Impl::prepareSilentRank(SearchObserver& observer) {
    // The same config, seed and checkpoint as rank 0, read but never written.
    recorder = silentRecorder();
    if (newConfig) {
        config = *newConfig;
        build(observer);
        return;
    }
    workspace.emplace(workspaceRoot);
    store = std::make_unique<store::RunStore>(workspace->databasePath(), store::Access::ReadOnly);
    const auto record = store->findRun(resumeRunId);
    if (!record)
        throw std::runtime_error("there is no run " + std::to_string(resumeRunId) + " in " +
                                 store->path());
    config = parseSearchConfigText(record->configJson);
    build(observer);
    if (const auto last = store->latestCheckpoint(resumeRunId))
        position = loadCheckpoint(resolveCheckpoint(workspace->runFolder(resumeRunId), last->path),
                                  *strategy, device);
    runId = resumeRunId;
}

void SearchSession::Impl::build(SearchObserver& observer) {
    // On a busy machine the automatic thread count is lowered; the terminal says so.
    if (const auto note = configureThreads(config.threads).note(); !note.empty())
        observer.onLog(note);
    device = resolveDevice(config.device);
    useDeterministicAlgorithms(config.deterministic);
    // Data first: a missing or corrupt dataset must not leave a run behind.
    observer.onPhase(SearchPhase::LoadingData);
    loadData();
    observer.onPhase(SearchPhase::BuildingSupernet);
    torch::manual_seed(config.seed);
    space = &space::searchSpace(search::strategyDescriptor(config.strategy).space);
    strategy = search::makeStrategy(config, {device, trainImages, validImages, stopFlag});
    strategy->setConstraints(config.constraints);
    // Refused before any run is recorded: no resume could ever run it this way.
    if (rank.group && !strategy->sharedWeights())
        throw std::runtime_error(config.strategy +
                                 " shares no weights between its architectures, so there is "
                                 "nothing to train data-parallel: run it in one process");
}

void SearchSession::Impl::restoreCheckpoint(SearchObserver& observer) {
    const auto runFolder = workspace->runFolder(resumeRunId);
    const auto last = store->latestCheckpoint(resumeRunId);
    if (!last) {
        store->discardFrom(resumeRunId, 0, 0);
        removeOtherCheckpoints(runFolder, {});
        observer.onLog("run " + std::to_string(resumeRunId) +
                       " has no checkpoint yet; starting it again from the beginning");
        return;
    }
    const auto path = resolveCheckpoint(runFolder, last->path);
    if (!std::filesystem::exists(path))
        throw std::runtime_error("run " + std::to_string(resumeRunId) + "'s checkpoint '" + path +
                                 "' is missing; its recorded epochs are kept");
    position = loadCheckpoint(path, *strategy, device);
    // Rows written after the checkpoint belong to work that is about to be redone; so do checkpoint
    // files a killed search wrote but never recorded.
    store->discardFrom(resumeRunId, position.epoch, position.globalStep);
    removeOtherCheckpoints(runFolder, std::filesystem::path(path).filename().string());
    if (searchesCells()) hiddenStates.add(store->samples(resumeRunId));
    observer.onLog("resuming run " + std::to_string(resumeRunId) + " at epoch " +
                   std::to_string(position.epoch + 1) + ", step " +
                   std::to_string(position.step + 1));
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
    const auto input =
        torch::randn({1, in.channels, in.height, in.width}, torch::TensorOptions().device(device));
    return space::measureLatencyMs([&] { (void)net->forward(input); }, device);
}

void SearchSession::Impl::flushSteps() {
    if (pendingSteps.empty()) return;
    recorder->recordSteps(pendingSteps);
    pendingSteps.clear();
}

search::BatchSource SearchSession::Impl::batches(const data::BatchLoader& loader) const {
    return {[&loader](int i) { return loader.batch(i); }, loader.batchCount()};
}

Evaluation SearchSession::Impl::evaluate(const space::Genotype& genotype, int maxBatches) {
    // The derived genotype's validation metrics, the same for every strategy. Batch norm runs on
    // batch statistics: a strategy that mixes ops trains running averages of the mixture, which
    // would misjudge a single sub-network. The evaluator leaves those averages untouched.
    if (!strategy->sharedWeights())
        throw std::runtime_error(config.strategy +
                                 " shares no weights: its architectures are scored by training");
    search::SubnetEvaluator evaluator(*strategy->sharedWeights(), device, search::BnMode::Batch);
    const auto source = batches(*evalLoader);
    const auto ev = evaluator.evaluate(genotype, source, 0, std::min(maxBatches, source.count));
    return {ev.loss, ev.accuracy};
}

bool SearchSession::Impl::finishEpoch(int epoch, double seconds, SearchObserver& observer,
                                      SearchControl& control) {
    flushSteps();
    {
        // Random search's selection (and any strategy that ranks samples) scores with the shared
        // weights; batch-norm recalibration draws on the weight-training batches.
        const auto scoringSettings = strategy->scoringSettings();
        std::optional<search::SubnetEvaluator> evaluator;
        if (auto* weights = strategy->sharedWeights())
            evaluator.emplace(*weights, device, scoringSettings.bnMode, batches(*trainLoader),
                              scoringSettings.calibrationBatches);
        search::EpochScoring scoring{evaluator ? &*evaluator : nullptr, batches(*evalLoader),
                                     [&observer](const std::string& line) { observer.onLog(line); },
                                     [&control] { return control.stopRequested(); }};
        if (!strategy->endEpoch(epoch, scoring)) {
            (void)strategy->takeSampled();
            (void)strategy->takeSampleRecords();
            recorder->checkpoint(position, *strategy, nullptr);
            return false;
        }
    }
    EpochRecord record;
    for (const auto& sampled : strategy->takeSampled())
        record.samples.push_back(store::sampleOf(sampled));
    for (auto& sample : strategy->takeSampleRecords()) record.samples.push_back(std::move(sample));
    if (searchesCells()) hiddenStates.add(record.samples);
    std::string studyLine;
    if (!record.samples.empty() && hiddenStates.ready()) {
        const auto study = hiddenStates.study();
        record.hiddenStateStudy = study::toJson(study).dump();
        studyLine = "epoch " + std::to_string(epoch + 1) + ": " + studySummary(study);
    }
    EpochMetrics& m = record.metrics;
    m.epoch = epoch;
    m.trainLoss = position.stepsCounted ? position.lossSum / position.stepsCounted : 0.0;
    m.trainAccuracy = position.stepsCounted ? position.accuracySum / position.stepsCounted : 0.0;
    deriveInto(m);
    m.temperature = strategy->temperature();
    m.learningRate = strategy->learningRate();
    m.seconds = seconds;
    if (space->hasOpDistribution()) record.alphas = snapshot(position.globalStep, epoch);
    const auto& alphas = record.alphas;

    position.epoch = epoch + 1;
    position.step = 0;
    position.lossSum = position.accuracySum = 0;
    position.stepsCounted = 0;
    // The epoch's rows and the checkpoint after it land together: the store never shows an
    // epoch that a resume would run again.
    recorder->checkpoint(position, *strategy, &record);

    if (!record.samples.empty()) observer.onSamples(record.samples);
    if (space->hasOpDistribution()) observer.onAlphas(alphas);
    observer.onEpoch(m);
    if (!studyLine.empty()) observer.onLog(studyLine);
    for (const auto& broken : config.constraints.violations(m.cost))
        observer.onLog("epoch " + std::to_string(epoch + 1) + ": the derived " +
                       (searchesCells() ? "cell" : "network") + " breaks the " + broken + " limit");
    if (config.constraints.maxLatencyMs && searchesCells()) {
        const double ms = derivedLatencyMs(m.genotype);
        observer.onLog("epoch " + std::to_string(epoch + 1) + ": derived network latency " +
                       std::to_string(ms) + " ms at batch 1" +
                       (ms > *config.constraints.maxLatencyMs ? ", above the limit" : ""));
    }
    return true;
}

void SearchSession::Impl::deriveInto(EpochMetrics& m) {
    std::optional<search::DerivedScore> score = strategy->derivedScore();
    if (searchesCells()) {
        m.genotype = strategy->derive();
        m.cost = space::networkCost(m.genotype, config.space, false);
        if (!score) {
            const auto ev = evaluate(m.genotype, config.evaluation.batches);
            score = search::DerivedScore{ev.loss, ev.accuracy};
        }
    } else {
        const auto derived = strategy->derivedArchitecture();
        m.architecture = derived.form.dump();
        m.cost = space->cost(derived.form, config.space);
    }
    if (score) {
        m.validLoss = score->loss;
        m.validAccuracy = score->accuracy;
    }
}

void SearchSession::Impl::answerQueries(SearchControl& control) {
    // The running search as queries see it: scores with the weights as they are right now.
    class Live final : public LiveSearch {
      public:
        explicit Live(Impl& impl) : m_impl(impl) {}
        SubnetScore score(const space::Genotype& genotype, int batches) override {
            const int count = batches > 0 ? batches : m_impl.config.evaluation.batches;
            const auto ev = m_impl.evaluate(genotype, count);
            return {ev.loss, ev.accuracy, std::min(count, m_impl.evalLoader->batchCount()),
                    m_impl.position.globalStep};
        }

      private:
        Impl& m_impl;
    } live(*this);
    for (auto& query : control.takeQueries()) query(live);
}

void SearchSession::Impl::applyConstraints(const Constraints& constraints,
                                           SearchObserver& observer) {
    // Whoever sent them, limits below the space's fixed cost never reach the strategy: the
    // penalty could never be satisfied and would only push every op towards nothing.
    const auto problems = constraintProblems(config.space, constraints, space->name());
    if (!problems.empty()) {
        observer.onConstraintsRefused(problems);
        for (const auto& p : problems) observer.onLog("new constraints refused: " + p);
        return;
    }
    strategy->setConstraints(constraints);
    config.constraints = constraints;
    recorder->recordConstraintChange(position.globalStep, constraints);
    observer.onConstraints(position.globalStep, constraints);
    observer.onLog("constraints changed at step " + std::to_string(position.globalStep));
}

void SearchSession::Impl::loop(SearchObserver& observer, SearchControl& control) {
    const int steps = stepsPerEpoch();
    if (steps < 1) throw std::runtime_error("no full batch fits in the data: lower batch_size");
    const std::int64_t totalSteps = static_cast<std::int64_t>(steps) * config.epochs;
    RateLimiter events(config.eventRateHz), storedAlphas(1.0);
    std::int64_t timedSteps = 0;
    double secondsPerStep = 0;
    StepTimeEstimate stepTime;
    observer.onStarted(runId, config, position.epoch);
    observer.onStatus(RunStatus::Running, {});
    for (int epoch = position.epoch; epoch < config.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        strategy->beginEpoch(epoch);
        trainLoader->beginEpoch(epoch);
        if (validLoader) validLoader->beginEpoch(epoch);
        // Each epoch starts from a seed of its own, so a run resumed at an epoch boundary
        // draws the same random numbers as one that never stopped.
        if (position.step == 0)
            torch::manual_seed(config.seed * 1000003ULL + static_cast<std::uint64_t>(epoch));
        for (int step = position.step; step < steps; ++step) {
            control.waitWhilePaused(
                [&] {
                    flushSteps();
                    recorder->setStatus(RunStatus::Paused);
                    observer.onStatus(RunStatus::Paused, {});
                },
                [&] {
                    recorder->setStatus(RunStatus::Running);
                    observer.onStatus(RunStatus::Running, {});
                },
                [&] { answerQueries(control); });
            answerQueries(control);
            if (stopBeforeStep(control)) {
                flushSteps();
                recorder->checkpoint(position, *strategy, nullptr);
                return;
            }
            if (auto constraints = control.takeConstraints())
                applyConstraints(*constraints, observer);
            if (timedSteps == 0) observer.onPhase(SearchPhase::FirstStep);
            const auto stepStart = Clock::now();
            // A strategy with its own steps may run more of them than there are batches.
            const auto train = trainLoader->batch(step % trainLoader->batchCount());
            // Single-level strategies ignore the second batch; they get the training batch again.
            auto result = strategy->step(
                train, validLoader ? validLoader->batch(step % validLoader->batchCount()) : train);
            if (rank.group) {
                // The figures of the combined batch, the same on every rank.
                const auto means = rank.group->mean({result.loss, result.accuracy});
                result.loss = means[0];
                result.accuracy = means[1];
            }
            if (result.cutShort) {
                flushSteps();
                recorder->checkpoint(position, *strategy, nullptr);
                return;
            }
            if (!std::isfinite(result.loss))
                throw std::runtime_error(
                    "the loss became " + std::to_string(result.loss) + " at epoch " +
                    std::to_string(epoch + 1) + ", step " + std::to_string(step + 1) +
                    ": the search diverged; lower weights_optimizer.lr or the constraint strength");
            const double took = std::chrono::duration<double>(Clock::now() - stepStart).count();
            ++timedSteps;
            secondsPerStep = stepTime.add(took);
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
            ev.scalars = result.scalars;
            ev.secondsPerStep = secondsPerStep;
            ev.etaSeconds = secondsPerStep * static_cast<double>(totalSteps - position.globalStep);
            pendingSteps.push_back(ev);
            if (events.ready()) {
                observer.onStep(ev);
                if (space->hasOpDistribution()) {
                    const auto alphas = snapshot(ev.step, epoch);
                    observer.onAlphas(alphas);
                    if (storedAlphas.ready()) recorder->recordAlphas(alphas);
                }
                flushSteps();
            }
            if (control.takeCheckpointRequest()) {
                flushSteps();
                recorder->checkpoint(position, *strategy, nullptr);
                observer.onLog("checkpoint saved at epoch " + std::to_string(epoch + 1) +
                               ", step " + std::to_string(step + 1));
            }
        }
        if (rank.group) parallel::shareRunningStatistics(*rank.group, *strategy);
        if (!finishEpoch(epoch, std::chrono::duration<double>(Clock::now() - epochStart).count(),
                         observer, control))
            return;
    }
}

SearchOutcome SearchSession::run(SearchObserver& observer, SearchControl& control) {
    auto& d = *m_impl;
    SearchOutcome outcome;
    auto fail = [&](const std::string& message) {
        outcome.status = RunStatus::Failed;
        outcome.message = message;
        if (d.recorder) {
            try {
                d.recorder->setStatus(RunStatus::Failed, message);
            } catch (const std::exception&) {
                // The store itself failing leaves the run for the next open to mark interrupted.
            }
        }
        observer.onStatus(RunStatus::Failed, message);
    };
    try {
        d.stopFlag = &control.stopFlag();
        d.prepare(observer);
        outcome.runId = d.runId;
        if (d.rank.group) parallel::joinStrategy(*d.rank.group, *d.strategy);
        d.loop(observer, control);
        d.answerQueries(control);  // those posted during the last step still see its weights
        const bool stopped = control.stopRequested() || d.stoppedByAnotherRank;
        if (d.rank.group && !stopped)
            observer.onLog(parallel::checkRanksAgree(*d.rank.group, *d.strategy));
        if (d.stoppedByAnotherRank) observer.onLog("another rank stopped the job");
        outcome.status = stopped ? RunStatus::Stopped : RunStatus::Finished;
        d.recorder->setStatus(outcome.status);
        observer.onStatus(outcome.status, {});
    } catch (const std::bad_alloc& e) {
        outcome.runId = d.runId;
        fail(errorText(e));  // the one wording of out-of-memory advice (engine/error_text.h)
    } catch (const c10::Error& e) {
        outcome.runId = d.runId;
        fail(errorText(e));
    } catch (const std::exception& e) {
        outcome.runId = d.runId;
        fail(e.what());
    }
    return outcome;
}

}  // namespace nas::engine
